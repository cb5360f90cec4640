"""Early warning's reads: indicators and alerts as the viewer may read them, and an indicator's
reading of the incidents it counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import QuerySet

from concord.core.actors import Viewer, user_id
from concord.core.policy import audience_of_record, readable_by
from concord.core.scoping import labelled_get, public_id_of
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.models import (
    Alert,
    AlertLevel,
    AlertState,
    Incident,
    Indicator,
    IndicatorKind,
)

BASELINE_DAYS = 90
ASSIGNED_TO_ME, ASSIGNED_TO_NO_ONE = "me", "none"


def _counted(indicator: Indicator) -> QuerySet[Incident]:
    """The incidents an indicator may count: those every reader of the indicator may read, so
    that neither a count nor an alert reveals a record to someone who may not see it."""
    incidents = readable_by(Incident.objects.filter(merged_into__isnull=True),
                            audience_of_record(indicator))
    if indicator.category:
        incidents = incidents.filter(category=indicator.category)
    if indicator.region:
        incidents = incidents.filter(REGION_BY_CODE[indicator.region].q())
    return incidents


@dataclass(frozen=True)
class Reading:
    level: str
    value: float
    baseline: float | None
    window_start: date
    window_end: date


def indicator_read(indicator: Indicator, *, on: date) -> Reading:
    start = on - timedelta(days=indicator.window_days - 1)
    incidents = _counted(indicator)
    observed = incidents.filter(occurred_on__gte=start, occurred_on__lte=on).count()
    baseline: float | None = None
    value = float(observed)
    if indicator.kind == IndicatorKind.RISE:
        before = incidents.filter(occurred_on__lt=start,
                                  occurred_on__gte=start - timedelta(days=BASELINE_DAYS)).count()
        # The baseline is the 90 days before the window, scaled to the window's length.
        baseline = before * indicator.window_days / BASELINE_DAYS
        value = (100.0 * (observed - baseline) / baseline) if baseline else (
            100.0 if observed else 0.0)
    level = AlertLevel.GREEN
    if value > indicator.red:
        level = AlertLevel.RED
    elif value > indicator.orange:
        level = AlertLevel.ORANGE
    return Reading(level=level, value=round(value, 2), baseline=baseline, window_start=start,
                   window_end=on)


def indicator_list(*, viewer: Viewer) -> QuerySet[Indicator]:
    return (Indicator.objects.visible_to(viewer).select_related("originator")
            .order_by("name_ru", "id"))


def indicator_get(*, viewer: Viewer, public_id: Any) -> Indicator:
    return labelled_get(  # type: ignore[no-any-return]
        Indicator.objects.select_related("originator"), viewer=viewer,
        public_id=public_id_of(Indicator, public_id))


def alert_list(*, viewer: Viewer, active: bool | None = None, state: str = "",
               assignee: str = "") -> QuerySet[Alert]:
    """The alerts the viewer may read, the latest first: only the open (`active`) or ended
    ones, those in one `state` (an AlertState), those assigned to `assignee`: "me" (the
    viewer), "none" (no one) or a user's name."""
    alerts = Alert.objects.visible_to(viewer).select_related("indicator", "assignee",
                                                             "acknowledged_by")
    if active is True:
        alerts = alerts.filter(ended_at__isnull=True)
    elif active is False:
        alerts = alerts.filter(ended_at__isnull=False)
    if state == AlertState.NEW:
        alerts = alerts.filter(ended_at__isnull=True, acknowledged_at__isnull=True)
    elif state == AlertState.ACKNOWLEDGED:
        alerts = alerts.filter(ended_at__isnull=True, acknowledged_at__isnull=False)
    elif state == AlertState.ENDED:
        alerts = alerts.filter(ended_at__isnull=False)
    if assignee == ASSIGNED_TO_ME:
        me = user_id(viewer)
        alerts = alerts.filter(assignee_id=me) if me is not None else alerts.none()
    elif assignee == ASSIGNED_TO_NO_ONE:
        alerts = alerts.filter(assignee__isnull=True)
    elif assignee:
        alerts = alerts.filter(assignee__username=assignee)
    return alerts.order_by("-raised_at", "-id")


def alert_incidents(*, viewer: Viewer, alert: Alert) -> QuerySet[Incident]:
    """The incidents the alert counted: those of its indicator's category and region in its
    window that every reader of the alert may read (as the count itself was made), and of
    those only what the viewer may read, so that a record hidden from the viewer is absent
    here as a missing one would be. A viewer who may not read the indicator gets none: the
    incidents would tell what it watches."""
    indicator = alert.indicator
    if indicator is None:
        return Incident.objects.visible_to(viewer).none()
    incidents = readable_by(Incident.objects.filter(merged_into__isnull=True),
                            audience_of_record(alert))
    if indicator.category:
        incidents = incidents.filter(category=indicator.category)
    if indicator.region:
        incidents = incidents.filter(REGION_BY_CODE[indicator.region].q())
    return (incidents.visible_to(viewer)
            .filter(occurred_on__gte=alert.window_start, occurred_on__lte=alert.window_end)
            .order_by("-occurred_on", "-id"))


def alert_get(*, viewer: Viewer, public_id: Any) -> Alert:
    return labelled_get(  # type: ignore[no-any-return]
        Alert.objects.select_related("indicator", "originator", "acknowledged_by", "assignee"),
        viewer=viewer,
        public_id=public_id_of(Alert, public_id))
