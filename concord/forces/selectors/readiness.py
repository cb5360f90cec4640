"""Readiness as the viewer may read it: each unit's latest report, a formation's forces at a
glance by state and level, and what is stale. A figure is counted only where the viewer may
read the report or the strength it comes from, so that what a state withholds never shows in
a count, a total or a chart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import get_language

from concord.core.actors import Viewer
from concord.core.filters import order_by
from concord.forces.filters import READINESS_SORTS, ContributionFilters, ReadinessFilters
from concord.forces.models import (
    DEFAULT_READINESS_PERIOD_DAYS,
    Contribution,
    ContributionStatus,
    Formation,
    Level,
    ReadinessReport,
    Strength,
    Unit,
)
from concord.forces.selectors.formations import contribution_search

LEVELS_DOWN = sorted(Level.values, reverse=True)


def _latest_report(viewer: Viewer, unit: Any) -> QuerySet[ReadinessReport]:
    return (ReadinessReport.objects.visible_to(viewer).filter(unit=unit)
            .order_by("-reported_on", "-id"))


def _latest_strength(viewer: Viewer, unit: Any) -> QuerySet[Strength]:
    return (Strength.objects.visible_to(viewer).filter(unit=unit, personnel_on_hand__isnull=False)
            .order_by("-as_of", "-id"))


def with_latest(queryset: QuerySet[Any], *, viewer: Viewer, unit_field: str = "unit"
                ) -> QuerySet[Any]:
    """Each row with its unit's latest readiness and personnel on hand that the viewer may
    read: blank where there is none, or none the viewer may see."""
    unit = OuterRef(unit_field)
    report = _latest_report(viewer, unit)
    annotated: QuerySet[Any] = queryset.annotate(
        latest_overall=Subquery(report.values("overall")[:1]),
        latest_reported_on=Subquery(report.values("reported_on")[:1]),
        latest_notice=Subquery(report.values("notice_to_move_days")[:1]),
        latest_personnel=Subquery(_latest_strength(viewer, unit)
                                  .values("personnel_on_hand")[:1]))
    return annotated


def stale_limit(*, day: date, period_days: int) -> date:
    """A report older than this day is stale."""
    return day - timedelta(days=period_days)


def is_stale(reported_on: date | None, *, day: date, period_days: int) -> bool:
    """Not reported within its period: never, or longer ago than the period."""
    return reported_on is None or reported_on < day - timedelta(days=period_days)


def formation_contributions(*, viewer: Viewer, formation: Formation, day: date,
                            filters: ContributionFilters | None = None
                            ) -> QuerySet[Any]:
    """The formation's contributions in force on `day` (earmarked and not released), each with
    its unit's latest readiness and strength as the viewer may read them."""
    filters = filters or ContributionFilters()
    contributions: QuerySet[Any] = (Contribution.objects.visible_to(viewer)
                                    .filter(formation=formation, period_from__lte=day)
                     .filter(Q(period_to__isnull=True) | Q(period_to__gte=day))
                     .exclude(status=ContributionStatus.RELEASED)
                     .select_related("unit", "state"))
    contributions = with_latest(contributions, viewer=viewer)
    if filters.overall:
        contributions = contributions.filter(latest_overall__in=[int(v) for v in filters.overall])
    if filters.stale:
        limit = day - timedelta(days=formation.readiness_period_days)
        contributions = contributions.filter(Q(latest_reported_on__isnull=True)
                                             | Q(latest_reported_on__lt=limit))
    return contribution_search(contributions, filters)


@dataclass
class StateReadiness:
    """One state's contributions to a formation: how many units at each level, how many not
    reported (or not readable), how many stale, and the personnel the viewer may read."""

    code: str
    name: str
    units: int = 0
    by_level: dict[int, int] = field(default_factory=lambda: dict.fromkeys(LEVELS_DOWN, 0))
    unknown: int = 0
    stale: int = 0
    personnel: int = 0
    # Units whose strength the viewer may not read: the total is "at least".
    personnel_withheld: int = 0

    def add(self, *, overall: int | None, stale: bool, personnel: int | None) -> None:
        self.units += 1
        if overall is None:
            self.unknown += 1
        else:
            self.by_level[overall] += 1
        self.stale += int(stale)
        if personnel is None:
            self.personnel_withheld += 1
        else:
            self.personnel += personnel

    @property
    def levels(self) -> list[tuple[int, int]]:
        return list(self.by_level.items())


@dataclass
class Glance:
    """A formation's readiness at a glance: per state and in total."""

    states: list[StateReadiness]
    total: StateReadiness

    def chart(self) -> dict[str, Any]:
        """What the page's Chart.js bar chart draws: per state, units at each level."""
        return {"labels": [state.name for state in self.states],
                "series": [{"level": level, "label": str(Level(level).label),
                            "values": [state.by_level[level] for state in self.states]}
                           for level in LEVELS_DOWN],
                "unknown": [state.unknown for state in self.states],
                "stale": [state.stale for state in self.states]}


def readiness_glance(*, viewer: Viewer, formation: Formation, day: date,
                     rows: Iterable[tuple[str, str, str, int | None, date | None, int | None]]
                     | None = None) -> Glance:
    """Per state and in total: units by overall level, unreported, stale, and personnel."""
    if rows is None:
        rows = (formation_contributions(viewer=viewer, formation=formation, day=day)
                .order_by().values_list("state__iso_alpha2", "state__name_ru", "state__name_en",
                                        "latest_overall", "latest_reported_on",
                                        "latest_personnel"))
    english = (get_language() or "ru")[:2] == "en"
    by_state: dict[str, StateReadiness] = {}
    total = StateReadiness(code="", name="")
    period = formation.readiness_period_days
    for code, name_ru, name_en, overall, reported_on, personnel in rows:
        state = by_state.get(code)
        if state is None:
            state = by_state[code] = StateReadiness(code=code, name=name_en if english else name_ru)
        stale = is_stale(reported_on, day=day, period_days=period)
        state.add(overall=overall, stale=stale, personnel=personnel)
        total.add(overall=overall, stale=stale, personnel=personnel)
    return Glance(states=sorted(by_state.values(), key=lambda s: s.name), total=total)


@dataclass
class FormationGlance:
    formation: Formation
    glance: Glance


def readiness_overview(*, viewer: Viewer, day: date) -> list[FormationGlance]:
    """Every formation the viewer may read, at a glance: one query for them all."""
    formations = {f.pk: f for f in Formation.objects.visible_to(viewer).order_by("order", "code")}
    rows: dict[int, list[tuple[Any, ...]]] = {pk: [] for pk in formations}
    contributions = (Contribution.objects.visible_to(viewer)
                     .filter(formation_id__in=list(formations), period_from__lte=day)
                     .filter(Q(period_to__isnull=True) | Q(period_to__gte=day))
                     .exclude(status=ContributionStatus.RELEASED))
    for formation_id, *row in (with_latest(contributions, viewer=viewer).order_by()
                               .values_list("formation_id", "state__iso_alpha2",
                                            "state__name_ru", "state__name_en",
                                            "latest_overall", "latest_reported_on",
                                            "latest_personnel")):
        rows[formation_id].append(tuple(row))
    return [FormationGlance(formation, readiness_glance(viewer=viewer, formation=formation,
                                                        day=day, rows=rows[pk]))
            for pk, formation in formations.items()]


def readiness_list(*, viewer: Viewer, filters: ReadinessFilters | None = None
                   ) -> QuerySet[ReadinessReport]:
    """Readiness reports: each unit's latest, or the whole history."""
    filters = filters or ReadinessFilters()
    reports = (ReadinessReport.objects.visible_to(viewer)
               .select_related("unit", "unit__state"))
    if not filters.history:
        latest = (ReadinessReport.objects.visible_to(viewer).filter(unit=OuterRef("unit"))
                  .order_by("-reported_on", "-id").values("pk")[:1])
        reports = reports.annotate(latest_pk=Subquery(latest)).filter(pk=F("latest_pk"))
    if filters.q:
        reports = reports.filter(Q(unit__name_ru__icontains=filters.q)
                                 | Q(unit__name_en__icontains=filters.q)
                                 | Q(caveats__icontains=filters.q))
    if filters.state:
        reports = reports.filter(unit__state__iso_alpha2__in=filters.state)
    if filters.overall:
        reports = reports.filter(overall__in=[int(v) for v in filters.overall])
    if filters.formation:
        earmarked = (Contribution.objects.visible_to(viewer)
                     .filter(formation__code=filters.formation)
                     .exclude(status=ContributionStatus.RELEASED).values("unit_id"))
        reports = reports.filter(unit_id__in=Subquery(earmarked))
    return reports.order_by(*order_by(filters.sort, READINESS_SORTS))


def unit_readiness_history(*, viewer: Viewer, unit: Unit) -> QuerySet[ReadinessReport]:
    return _latest_report(viewer, unit)


def stale_units(*, viewer: Viewer, day: date,
                period_days: int = DEFAULT_READINESS_PERIOD_DAYS) -> QuerySet[Unit]:
    """The viewer's readable units in service with no readable report within the period."""
    units = with_latest(Unit.objects.visible_to(viewer).filter(disbanded_on__isnull=True)
                        .select_related("state"), viewer=viewer, unit_field="pk")
    limit = day - timedelta(days=period_days)
    return units.filter(Q(latest_reported_on__isnull=True) | Q(latest_reported_on__lt=limit)) \
        .order_by("state__name_ru", "name_ru", "pk")


def readiness_by_state(*, viewer: Viewer, day: date,
                       period_days: int = DEFAULT_READINESS_PERIOD_DAYS) -> list[StateReadiness]:
    """Each state's units in service by their latest readiness the viewer may read, whatever
    formation they serve in: one query."""
    units = with_latest(Unit.objects.visible_to(viewer).filter(disbanded_on__isnull=True),
                        viewer=viewer, unit_field="pk")
    rows = (units.order_by().values_list("state__iso_alpha2", "state__name_ru", "state__name_en",
                                         "latest_overall", "latest_reported_on",
                                         "latest_personnel"))
    english = (get_language() or "ru")[:2] == "en"
    by_state: dict[str, StateReadiness] = {}
    for code, name_ru, name_en, overall, reported_on, personnel in rows:
        state = by_state.get(code)
        if state is None:
            state = by_state[code] = StateReadiness(code=code, name=name_en if english else name_ru)
        state.add(overall=overall, stale=is_stale(reported_on, day=day, period_days=period_days),
                  personnel=personnel)
    return sorted(by_state.values(), key=lambda s: s.name)
