"""The figures of a request, counted in SQL from the pledges the viewer may read: per line and
per request what was requested, pledged, committed, shipped, delivered and accepted, the gaps
between them and the days overdue. A pledge withheld from the viewer counts nowhere; to those
who may read it, the page says how much of what they see is withheld from the other states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

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

from concord.assistance.models import AssistanceRequest, Pledge, PledgeLine, RequestLine
from concord.core import clock
from concord.core.actors import Viewer
from concord.core.labels import Classification

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


def withheld_q(prefix: str = "") -> Q:
    """Pledges their state released to named parties only, not to every member state."""
    return Q(**{f"{prefix}release_to_all_members": False}) & ~Q(
        **{f"{prefix}classification": Classification.PUBLIC})


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
                                 filter=seen & withheld_q("pledge_lines__pledge__")), zero),
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


def line_figures(*, viewer: Viewer, request: AssistanceRequest) -> list[LineFigures]:
    """Each line of `request` with its figures over the pledges the viewer may read."""
    return request_page(viewer=viewer, request=request).lines


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


def request_page(*, viewer: Viewer, request: AssistanceRequest) -> RequestPage:
    """The figures of `request`'s page in three queries: the pledges the viewer may read, their
    lines, and the request's lines. The label rule stands once, in the first; the pledge lines
    are those of the pledges it returned. Each line's sums, each pledge's counts and the
    commitments are then worked out from the same few hundred pledge lines: as grouped ORM
    queries, building them cost Django ten times what running them cost the database."""
    today = clock.today()
    pledges: list[Pledge] = list(visible_pledges(viewer).filter(request=request).select_related("state")
                   .annotate(withheld=ExpressionWrapper(withheld_q(), output_field=BooleanField()))
                   .order_by("state__name_ru", "pk"))
    of_pledge = {pledge.pk: pledge for pledge in pledges}
    rows: list[tuple[Any, ...]] = list(
        PledgeLine.objects.filter(pledge_id__in=list(of_pledge)).order_by()
        .values_list(*_PLEDGE_LINE)) if pledges else []
    lines = list(RequestLine.objects.filter(request=request).order_by("number"))
    # The phases come with the request where it was read with them, as the page reads it.
    phases = {phase.pk: phase for phase in request.phases.all()}
    numbers = {line.pk: line.number for line in lines}
    sums = {line.pk: [0] * 6 for line in lines}
    counts = {pledge_id: [0] * 5 for pledge_id in of_pledge}
    commitments: list[tuple[int, int, str, date | None]] = []
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
    return RequestPage(lines=figures, totals=request_figures(figures), pledges=pledges,
                       commitments=commitments)


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
