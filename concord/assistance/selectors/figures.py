"""The figures of a request, counted in SQL from the pledges the viewer may read: per line and
per request what was requested, pledged, committed, shipped, delivered and accepted, the gaps
between them and the days overdue. A pledge withheld from the viewer counts nowhere; to those
who may read it, the page says how much of what they see is withheld from the other states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import (
    Case,
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


def _pledged_per_line(viewer: Viewer, request: AssistanceRequest) -> dict[int, dict[str, int]]:
    # Summed from the pledge lines' side, the label rule stands once in the WHERE clause. As a
    # FILTER on each of the line's sums it was compiled six times over, and on SQLite building
    # the query cost ten times what running it did.
    named = {f"sum_{name}": value for name, value in (
        ("pledged", _kept("quantity")), ("committed", _kept("committed")),
        ("shipped", F("shipped")), ("delivered", F("delivered")),
        ("accepted", F("accepted")))}
    rows = (PledgeLine.objects
            .filter(pledge__in=visible_pledges(viewer).filter(request=request))
            .order_by().values("line_id")
            .annotate(**{name: Sum(value) for name, value in named.items()},
                      sum_withheld=Sum(_kept("quantity"), filter=withheld_q("pledge__"))))
    return {row["line_id"]: {name.removeprefix("sum_"): row[name] or 0
                             for name in (*named, "sum_withheld")} for row in rows}


def line_figures(*, viewer: Viewer, request: AssistanceRequest) -> list[LineFigures]:
    """Each line of `request` with its figures: the lines in one query, the sums of the pledges
    the viewer may read in another."""
    today = clock.today()
    sums = _pledged_per_line(viewer, request)
    rows = (RequestLine.objects.filter(request=request).select_related("phase")
            .annotate(due=line_due_day()).order_by("number"))
    none = dict.fromkeys(("pledged", "committed", "shipped", "delivered", "accepted",
                          "withheld"), 0)
    figures: list[LineFigures] = []
    for row in rows:
        got = sums.get(row.pk, none)
        due: Any = row.due
        figures.append(LineFigures(
            line=row, requested=row.quantity, pledged=got["pledged"],
            committed=got["committed"], shipped=got["shipped"], delivered=got["delivered"],
            accepted=got["accepted"], withheld=got["withheld"], due_on=due,
            days_overdue=_overdue_days(due, got["delivered"], row.quantity, today)))
    return figures


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
