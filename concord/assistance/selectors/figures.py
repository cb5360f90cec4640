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


def _line_sums(viewer: Viewer) -> dict[str, Any]:
    seen = Q(pledge_lines__pledge__in=visible_pledges(viewer))
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


def line_figures(*, viewer: Viewer, request: AssistanceRequest) -> list[LineFigures]:
    """Each line of `request` with its figures, in one query."""
    today = clock.today()
    rows = (RequestLine.objects.filter(request=request).select_related("phase")
            .annotate(**_line_sums(viewer), due=line_due_day()).order_by("number"))
    figures: list[LineFigures] = []
    for row in rows:
        sums: Any = row
        figures.append(LineFigures(
            line=row, requested=row.quantity, pledged=sums.pledged, committed=sums.committed,
            shipped=sums.shipped, delivered=sums.delivered, accepted=sums.accepted,
            withheld=sums.withheld, due_on=sums.due,
            days_overdue=_overdue_days(sums.due, sums.delivered, row.quantity, today)))
    return figures


@dataclass(frozen=True)
class RequestFigures:
    requested: int
    pledged: int
    committed: int
    shipped: int
    delivered: int
    accepted: int
    withheld: int
    unpledged: int
    uncommitted: int
    undelivered: int
    days_overdue: int
    # How many lines there are, and how many of them are wholly pledged, committed, delivered
    # and accepted: the request's lines count in their own units, which do not add up.
    lines: int = 0
    lines_pledged: int = 0
    lines_committed: int = 0
    lines_delivered: int = 0
    lines_accepted: int = 0


def request_figures(lines: list[LineFigures]) -> RequestFigures:
    """A request's totals from its lines' figures: each gap summed line by line, so that a line
    pledged twice over covers no other."""
    total = {name: sum(getattr(f, name) for f in lines) for name in
             ("requested", *FIGURES, "withheld")}
    gaps = {name: sum(f.gap[name] for f in lines) for name in
            ("unpledged", "uncommitted", "undelivered")}
    whole = {f"lines_{name}": sum(1 for f in lines if getattr(f, name) >= f.requested)
             for name in ("pledged", "committed", "delivered", "accepted")}
    return RequestFigures(**total, **gaps, **whole, lines=len(lines),
                          days_overdue=max((f.days_overdue for f in lines), default=0))


def _pledge_total(viewer: Viewer, field: str) -> Subquery:
    rows = (PledgeLine.objects.filter(line__request=OuterRef("pk"),
                                      pledge__in=visible_pledges(viewer))
            .order_by().values("line__request")
            .annotate(total=Sum(_kept(field) if field in ("quantity", "committed") else F(field)))
            .values("total"))
    return Subquery(rows, output_field=IntegerField())


def with_totals(requests: QuerySet[AssistanceRequest], *, viewer: Viewer
                ) -> QuerySet[AssistanceRequest]:
    """Requests with their totals as columns: `requested_total`, `pledged_total`,
    `committed_total`, `delivered_total`, and `overdue_since`, the earliest due day of a line
    not wholly delivered (None when none is late)."""
    zero = Value(0)
    requested = (RequestLine.objects.filter(request=OuterRef("pk")).order_by()
                 .values("request").annotate(total=Sum("quantity")).values("total"))
    delivered_per_line = (PledgeLine.objects.filter(line=OuterRef("pk"),
                                                    pledge__in=visible_pledges(viewer))
                          .order_by().values("line").annotate(total=Sum("delivered"))
                          .values("total"))
    late = (RequestLine.objects.filter(request=OuterRef("pk"))
            .annotate(got=Coalesce(Subquery(delivered_per_line, output_field=IntegerField()),
                                   zero), due=line_due_day())
            .filter(got__lt=F("quantity"), due__lt=clock.today())
            .order_by().values("request").annotate(first=Min("due")).values("first"))
    return requests.annotate(
        requested_total=Coalesce(Subquery(requested, output_field=IntegerField()), zero),
        pledged_total=Coalesce(_pledge_total(viewer, "quantity"), zero),
        committed_total=Coalesce(_pledge_total(viewer, "committed"), zero),
        delivered_total=Coalesce(_pledge_total(viewer, "delivered"), zero),
        overdue_since=Subquery(late))
