"""The figures of a request, from the pledges the viewer may read: per line and per request what
was requested, pledged, committed, shipped, delivered and accepted, the gaps between them and
the days overdue. A page of requests has them counted in SQL; one request has them worked out
from the lines of its readable pledges, read once. A pledge withheld from the viewer counts
nowhere; to those who may read it, the page says how much of what they see is withheld from the
other states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from django.db import DEFAULT_DB_ALIAS
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from concord.assistance.models import (
    AssistanceRequest,
    Pledge,
    PledgeLine,
    RequestLine,
    RequestPhase,
)
from concord.core import clock, policy
from concord.core.actors import Viewer
from concord.core.labels import Viewer as LabelViewer
from concord.core.models import VIEWER_ATTRIBUTE
from concord.core.prepared import PreparedQuery
from concord.registry.models import MemberState

Stage = PledgeLine.Stage

FIGURES = ("pledged", "committed", "shipped", "delivered", "accepted")


def due_day(prefix: str = "") -> Any:
    """A pledge line's due day: the day its provider promised, else its request line's needed-by
    day, else its phase's deadline."""
    return Coalesce(F(f"{prefix}due_on"), F(f"{prefix}line__needed_by"),
                    F(f"{prefix}line__phase__due_on"))


def line_due_day(prefix: str = "") -> Any:
    return Coalesce(F(f"{prefix}needed_by"), F(f"{prefix}phase__due_on"))


def visible_pledges(viewer: Viewer) -> QuerySet[Pledge]:
    return Pledge.objects.visible_to(viewer)


def _kept(field: str, prefix: str = "") -> Any:
    """A pledge line's `field` as it counts: what was delivered once the line was dropped."""
    dropped = Q(**{f"{prefix}stage": Stage.CANCELLED}) | Q(
        **{f"{prefix}response": PledgeLine.Response.DECLINED})
    return Case(When(dropped, then=F(f"{prefix}delivered")), default=F(f"{prefix}{field}"),
                output_field=IntegerField())


def _line_sums(viewer: Viewer, request_ids: list[int]) -> dict[str, Any]:
    # Narrowed to the requests' own pledges: the label rule then runs over their few pledges
    # instead of every pledge the viewer may see.
    pledges = visible_pledges(viewer).filter(request_id__in=request_ids)
    seen = Q(pledge_lines__pledge__in=pledges)
    zero = Value(0)
    sums = {
        "pledged": Coalesce(Sum(_kept("quantity", "pledge_lines__"), filter=seen), zero),
        "committed": Coalesce(Sum(_kept("committed", "pledge_lines__"), filter=seen), zero),
        "shipped": Coalesce(Sum("pledge_lines__shipped", filter=seen), zero),
        "delivered": Coalesce(Sum("pledge_lines__delivered", filter=seen), zero),
        "accepted": Coalesce(Sum("pledge_lines__accepted", filter=seen), zero),
        "withheld": Coalesce(Sum(_kept("quantity", "pledge_lines__"),
                                 filter=seen & policy.kept_from_states_q("pledge_lines__pledge__")), zero),
    }
    return sums


@dataclass(frozen=True)
class LineFigures:
    line: RequestLine
    requested: int
    pledged: int
    committed: int
    shipped: int
    delivered: int
    accepted: int
    # Of `pledged`, what the states that pledged it withheld from the other states.
    withheld: int
    due_on: date | None
    days_overdue: int

    @property
    def gap(self) -> dict[str, int]:
        return {"unpledged": max(self.requested - self.pledged, 0),
                "uncommitted": max(self.pledged - self.committed, 0),
                "undelivered": max(self.committed - self.delivered, 0)}


def _overdue_days(due: date | None, delivered: int, requested: int, today: date) -> int:
    if due is None or due >= today or delivered >= requested:
        return 0
    return (today - due).days


# A pledge line as the request's page reads it: its pledge, its request line, its quantities at
# each stage, whether it was dropped, and its agreement.
_PLEDGE_LINE = ("pledge_id", "line_id", "quantity", "committed", "shipped", "delivered",
                "accepted", "stage", "response", "agreement_reference", "agreement_signed_on")
_DROPPED_STAGE, _DECLINED = str(Stage.CANCELLED), str(PledgeLine.Response.DECLINED)
_PLEDGE_COLUMNS = tuple(field.attname for field in Pledge._meta.concrete_fields)
_STATE_COLUMNS = tuple(field.attname for field in MemberState._meta.concrete_fields)
_LINE_COLUMNS = tuple(field.attname for field in RequestLine._meta.concrete_fields)
# The pledge's state comes in the pledge's row, its columns under this prefix.
_STATE = "of_state_"


def _pledge_rows(viewer: LabelViewer, *, request: int) -> QuerySet[Any]:
    rows: QuerySet[Any] = (visible_pledges(viewer).filter(request=request).order_by("state__name_ru", "pk")
            .values(*_PLEDGE_COLUMNS,
                    withheld=ExpressionWrapper(policy.kept_from_states_q(), output_field=BooleanField()),
                    **{_STATE + column: F(f"state__{column}") for column in _STATE_COLUMNS}))
    return rows


def _pledge_line_rows(viewer: LabelViewer, *, request: int) -> QuerySet[Any]:
    rows: QuerySet[Any] = (PledgeLine.objects
            .filter(pledge__in=visible_pledges(viewer).filter(request=request).order_by())
            .order_by().values(*_PLEDGE_LINE))
    return rows


def _line_rows(viewer: LabelViewer, *, request: int) -> QuerySet[Any]:
    rows: QuerySet[Any] = (RequestLine.objects.filter(request=request).order_by("number")
                           .values(*_LINE_COLUMNS))
    return rows


_PHASE_COLUMNS = tuple(field.attname for field in RequestPhase._meta.concrete_fields)
_ADDRESSED = AssistanceRequest.addressed_states.through


def _phase_rows(viewer: LabelViewer, *, request: int) -> QuerySet[Any]:
    rows: QuerySet[Any] = (RequestPhase.objects.filter(request=request).order_by("number")
                           .values(*_PHASE_COLUMNS))
    return rows


def _addressed_rows(viewer: LabelViewer, *, request: int) -> QuerySet[Any]:
    rows: QuerySet[Any] = (
        _ADDRESSED.objects.filter(assistancerequest=request).order_by("memberstate__name_ru")
        .values(**{_STATE + column: F(f"memberstate__{column}") for column in _STATE_COLUMNS}))
    return rows


_PHASE_ROWS = PreparedQuery(_phase_rows, arguments={"request": int})
_ADDRESSED_ROWS = PreparedQuery(_addressed_rows, arguments={"request": int})
_PLEDGE_ROWS = PreparedQuery(_pledge_rows, arguments={"request": int})
_PLEDGE_LINE_ROWS = PreparedQuery(_pledge_line_rows, arguments={"request": int})
_LINE_ROWS = PreparedQuery(_line_rows, arguments={"request": int})


def line_figures(*, viewer: Viewer, request: AssistanceRequest) -> list[LineFigures]:
    """Each line of `request` with its figures over the pledges the viewer may read."""
    return request_page(viewer=viewer, request=request, addressed=False).lines


@dataclass(frozen=True)
class RequestPage:
    """What a request's page shows of its lines and pledges."""
    lines: list[LineFigures]
    totals: RequestFigures
    # The pledges the viewer may read, by state, each with its lines counted by where they
    # stand (`lines_count`, `lines_committed`, `lines_delivered`, `lines_partly_delivered`,
    # `lines_dropped`) and `withheld` when its state withheld it from the other states.
    pledges: list[Pledge]
    # (state's id, line number, agreement, signed on) of each commitment, by the day signed.
    commitments: list[tuple[int, int, str, date | None]]
    phases: list[RequestPhase]
    # The states it is addressed to by name (none when it is addressed to all).
    addressed_states: list[MemberState]


def _state(row: dict[str, Any]) -> MemberState:
    return MemberState.from_db(DEFAULT_DB_ALIAS, _STATE_COLUMNS,
                               [row[_STATE + column] for column in _STATE_COLUMNS])


def request_page(*, viewer: Viewer, request: AssistanceRequest, addressed: bool = True
                 ) -> RequestPage:
    """What `request`'s page shows besides the request, in five reads, each prepared (compiled
    once per viewer scope, see concord.core.prepared): its phases, the states it is addressed
    to, the pledges the viewer may read, their lines, and the request's lines. Each line's
    sums, each pledge's counts and the commitments are worked out from the same few hundred
    pledge lines: as grouped ORM queries, building them cost Django ten times what running
    them cost the database. Without `addressed`, the addressed states are not read."""
    today = clock.today()
    scope = LabelViewer.of(viewer)
    pledges: list[Pledge] = []
    for row in _PLEDGE_ROWS.rows(viewer=scope, request=request.pk):
        pledge = Pledge.from_db(DEFAULT_DB_ALIAS, _PLEDGE_COLUMNS,
                                [row[column] for column in _PLEDGE_COLUMNS])
        pledge.state = _state(row)
        pledge.withheld = row["withheld"]  # type: ignore[attr-defined]
        # Read for the viewer, as a queryset's records are: what follows from it is scoped.
        setattr(pledge, VIEWER_ATTRIBUTE, scope)
        pledges.append(pledge)
    of_pledge = {pledge.pk: pledge for pledge in pledges}
    lines = [RequestLine.from_db(DEFAULT_DB_ALIAS, _LINE_COLUMNS,
                                 [row[column] for column in _LINE_COLUMNS])
             for row in _LINE_ROWS.rows(viewer=scope, request=request.pk)]
    phase_list = [RequestPhase.from_db(DEFAULT_DB_ALIAS, _PHASE_COLUMNS,
                                       [row[column] for column in _PHASE_COLUMNS])
                  for row in _PHASE_ROWS.rows(viewer=scope, request=request.pk)]
    phases = {phase.pk: phase for phase in phase_list}
    numbers = {line.pk: line.number for line in lines}
    sums = {line.pk: [0] * 6 for line in lines}
    counts = {pledge_id: [0] * 5 for pledge_id in of_pledge}
    commitments: list[tuple[int, int, str, date | None]] = []
    rows = _PLEDGE_LINE_ROWS.rows_as(_PledgeLineRow, viewer=scope, request=request.pk) \
        if pledges else []
    for (pledge_id, line_id, quantity, committed, shipped, delivered, accepted, stage,
         response, agreement, signed_on) in rows:
        dropped = stage == _DROPPED_STAGE or response == _DECLINED
        pledged = delivered if dropped else quantity
        total = sums[line_id]
        total[0] += pledged
        total[1] += delivered if dropped else committed
        total[2] += shipped
        total[3] += delivered
        total[4] += accepted
        pledge = of_pledge[pledge_id]
        if pledge.withheld:  # type: ignore[attr-defined]
            total[5] += pledged
        tally = counts[pledge_id]
        tally[0] += 1
        tally[1] += committed > 0
        tally[2] += 0 < delivered >= quantity
        tally[3] += 0 < delivered < quantity
        tally[4] += dropped
        if signed_on is not None:
            commitments.append((pledge.state_id, numbers[line_id], agreement, signed_on))
    for pledge in pledges:
        (pledge.lines_count, pledge.lines_committed,  # type: ignore[attr-defined]
         pledge.lines_delivered, pledge.lines_partly_delivered,  # type: ignore[attr-defined]
         pledge.lines_dropped) = counts[pledge.pk]  # type: ignore[attr-defined]
    commitments.sort(key=lambda commitment: (commitment[3], commitment[1]))
    figures: list[LineFigures] = []
    for line in lines:
        phase = phases.get(line.phase_id) if line.phase_id is not None else None
        if phase is not None:
            line.phase = phase
        due = line.needed_by or (phase.due_on if phase is not None else None)
        pledged, committed, shipped, delivered, accepted, withheld = sums[line.pk]
        figures.append(LineFigures(
            line=line, requested=line.quantity, pledged=pledged, committed=committed,
            shipped=shipped, delivered=delivered, accepted=accepted, withheld=withheld,
            due_on=due, days_overdue=_overdue_days(due, delivered, line.quantity, today)))
    named = [] if request.addressed_to_all or not addressed else [
        _state(row) for row in _ADDRESSED_ROWS.rows(viewer=scope, request=request.pk)]
    return RequestPage(lines=figures, totals=request_figures(figures), pledges=pledges,
                       commitments=commitments, phases=phase_list, addressed_states=named)


class _PledgeLineRow(NamedTuple):
    pledge_id: int
    line_id: int
    quantity: int
    committed: int
    shipped: int
    delivered: int
    accepted: int
    stage: str
    response: str
    agreement_reference: str
    agreement_signed_on: date | None


@dataclass(frozen=True)
class RequestFigures:
    """A request's figures as counts of lines: each line counts in its own unit (pieces,
    rounds, kilometres), so quantities of different lines never add up."""
    lines: int
    lines_pledged: int
    lines_partly_pledged: int
    lines_committed: int
    lines_partly_committed: int
    lines_delivered: int
    lines_partly_delivered: int
    lines_accepted: int
    # Lines some of whose pledges the states that made them withheld from the other states.
    lines_withheld: int
    days_overdue: int

    @property
    def lines_unmet(self) -> int:
        return self.lines - self.lines_delivered


def request_figures(lines: list[LineFigures]) -> RequestFigures:
    """A request's totals from its lines' figures: how many lines are wholly or partly covered
    at each stage."""
    counted: dict[str, int] = {}
    for name in ("pledged", "committed", "delivered", "accepted"):
        counted[f"lines_{name}"] = sum(1 for f in lines if getattr(f, name) >= f.requested)
        if name != "accepted":
            counted[f"lines_partly_{name}"] = sum(
                1 for f in lines if 0 < getattr(f, name) < f.requested)
    return RequestFigures(**counted, lines=len(lines),
                          lines_withheld=sum(1 for f in lines if f.withheld),
                          days_overdue=max((f.days_overdue for f in lines), default=0))


def with_totals(requests: QuerySet[AssistanceRequest], *, viewer: Viewer
                ) -> QuerySet[AssistanceRequest]:
    """Requests with `overdue_since`, the earliest due day of a line not wholly delivered (None
    when none is late), for filtering on it. The rows of a page get it, with their lines
    counted by coverage, from `with_line_counts`: SQLite works out a subquery in the select list
    for every row it sorts, not only for the page it keeps, so a list that merely shows the day
    would sum the lines of every request."""
    zero = Value(0)
    delivered_per_line = (PledgeLine.objects.filter(line=OuterRef("pk"),
                                                    pledge__in=visible_pledges(viewer))
                          .order_by().values("line").annotate(total=Sum("delivered"))
                          .values("total"))
    late = (RequestLine.objects.filter(request=OuterRef("pk"))
            .annotate(got=Coalesce(Subquery(delivered_per_line, output_field=IntegerField()),
                                   zero), due=line_due_day())
            .filter(got__lt=F("quantity"), due__lt=clock.today())
            .order_by().values("request").annotate(first=Min("due")).values("first"))
    return requests.annotate(overdue_since=Subquery(late))


COUNTED = ("lines_total", "lines_pledged", "lines_partly_pledged", "lines_delivered",
           "lines_partly_delivered")


def with_line_counts(*, viewer: Viewer, requests: list[AssistanceRequest]
                     ) -> list[AssistanceRequest]:
    """Sets on each of `requests` (rows already read: a page, an export) its lines counted by
    coverage, since each line has its own unit: `lines_total`, `lines_pledged` and
    `lines_delivered` (wholly), `lines_partly_pledged` and `lines_partly_delivered`, and
    `overdue_since`, the earliest due day of a line not wholly delivered. One query sums each
    line's readable pledges; the counting is done on those sums."""
    counts: dict[int, dict[str, int]] = {
        request.pk: dict.fromkeys(COUNTED, 0) for request in requests}
    overdue_since: dict[int, date] = {}
    if counts:
        today = clock.today()
        sums = _line_sums(viewer, list(counts))
        rows: Any = (RequestLine.objects.filter(request_id__in=list(counts)).order_by()
                     .values("pk", "request_id", "quantity")
                     .annotate(pledged=sums["pledged"], delivered=sums["delivered"],
                               due=line_due_day())
                     .values_list("request_id", "quantity", "pledged", "delivered", "due"))
        for request_id, quantity, pledged, delivered, due in rows:
            tally = counts[request_id]
            tally["lines_total"] += 1
            for name, got in (("pledged", pledged), ("delivered", delivered)):
                if got >= quantity:
                    tally[f"lines_{name}"] += 1
                elif got > 0:
                    tally[f"lines_partly_{name}"] += 1
            if due is not None and due < today and delivered < quantity \
                    and (request_id not in overdue_since or due < overdue_since[request_id]):
                overdue_since[request_id] = due
    for request in requests:
        for name, value in counts[request.pk].items():
            setattr(request, name, value)
        request.overdue_since = overdue_since.get(request.pk)  # type: ignore[attr-defined]
    return requests


def withheld_pledges_of(*, viewer: Viewer, requests: list[AssistanceRequest]
                        ) -> dict[int, list[Pledge]]:
    """The pledges to each of `requests` that the viewer may read but their states withheld
    from the other states: a row counting them is labelled no wider than they are."""
    found: dict[int, list[Pledge]] = {}
    pledges = (visible_pledges(viewer).filter(policy.kept_from_states_q(),
                                              request_id__in=[r.pk for r in requests])
               .select_related("originator").prefetch_related("releasable_to").order_by())
    for pledge in pledges:
        found.setdefault(pledge.request_id, []).append(pledge)
    return found
