"""What monitoring shows in the shell: its menu, for signed-in users only, and what the crisis
centre's analysts may do. Incidents and situation reports relabel on their own edit pages (a
report keeps its floor), so none is changed from the label page."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import AppShell, Audience, NavEntry, NavMenu, RoleGrant

_SIGNED_IN = Audience.SIGNED_IN

SHELL = AppShell(
    menus=(NavMenu(key="monitoring", label=_("Monitoring"), icon="broadcast", order=40,
                   url_name="monitoring:situation", audience=_SIGNED_IN),),
    entries=(
        NavEntry(key="monitoring-situation", menu="monitoring", label=_("Situation picture"),
                 icon="map", order=10, url_name="monitoring:situation", audience=_SIGNED_IN),
        NavEntry(key="monitoring-incidents", menu="monitoring", label=_("Incidents"),
                 icon="list-ul", order=20, url_name="monitoring:incident-list",
                 audience=_SIGNED_IN, active_on=("monitoring:incident-",)),
        NavEntry(key="monitoring-indicators", menu="monitoring", label=_("Indicators"),
                 icon="speedometer", order=30, url_name="monitoring:indicator-list",
                 audience=_SIGNED_IN, active_on=("monitoring:indicator",)),
        NavEntry(key="monitoring-alerts", menu="monitoring", label=_("Alerts"),
                 icon="exclamation-triangle", order=40, url_name="monitoring:alert-list",
                 audience=_SIGNED_IN, active_on=("monitoring:alert-",)),
        NavEntry(key="monitoring-reports", menu="monitoring", label=_("Situation reports"),
                 icon="file-earmark-text", order=50, url_name="monitoring:report-list",
                 audience=_SIGNED_IN, active_on=("monitoring:report-",)),
    ),
    grants=(RoleGrant(role=Role.CRISIS_ANALYST, permissions=(
        "monitoring.add_incident", "monitoring.change_incident", "monitoring.verify_incident",
        "monitoring.add_indicator", "monitoring.change_indicator", "monitoring.change_alert",
        "monitoring.add_situationreport", "monitoring.change_situationreport")),),
)
