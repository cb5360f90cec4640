"""What monitoring shows in the shell: its menu, for signed-in users only, and what the crisis
centre's analysts may do. Incidents and situation reports relabel on their own edit pages (a
report keeps its floor), so none is changed from the label page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Role
from concord.core.shell import Activity, AppShell, Audience, DashboardPanel, NavEntry, NavMenu, RoleGrant
from concord.monitoring import selectors

_SIGNED_IN = Audience.SIGNED_IN
# A queue shows its first few items and links to the page of them all.
QUEUE_LENGTH = 5


def _first(items: Any) -> dict[str, Any]:
    found = list(items[:QUEUE_LENGTH + 1])
    return {"items": found[:QUEUE_LENGTH], "more": len(found) > QUEUE_LENGTH}


def analyst_queue(request: HttpRequest) -> dict[str, Any]:
    return {"alerts": _first(selectors.alert_list(viewer=request.user, active=True)),
            "imports": _first(selectors.import_list(viewer=request.user))}


_INCIDENT, _INDICATOR = "monitoring.incident", "monitoring.indicator"
_REPORT, _ALERT = "monitoring.situationreport", "monitoring.alert"

# What monitoring's audit actions say on their actor's dashboard.
ACTIVITIES = (
    Activity("monitoring.incident.create", _("You recorded an incident."),
             _("You recorded the incident “%(record)s”."), _INCIDENT),
    Activity("monitoring.incident.update", _("You edited an incident."),
             _("You edited the incident “%(record)s”."), _INCIDENT),
    Activity("monitoring.incident.verify", _("You recorded the verification of an incident."),
             _("You recorded the verification of the incident “%(record)s”."), _INCIDENT),
    Activity("monitoring.figure.add", _("You added a source's figures to an incident."),
             _("You added a source's figures to the incident “%(record)s”."), _INCIDENT),
    Activity("monitoring.incident.merge", _("You merged duplicates into an incident."),
             _("You merged duplicates into the incident “%(record)s”."), _INCIDENT),
    Activity("monitoring.incident.merged_into", _("You merged an incident into another."),
             _("You merged the incident “%(record)s” into another."), _INCIDENT),
    Activity("monitoring.import.start", _("You started an import of incidents."),
             _("You started the import of the file “%(record)s”."), "monitoring.incidentimport"),
    Activity("monitoring.import.retry", _("You retried an import of incidents."),
             _("You retried the import of the file “%(record)s”."), "monitoring.incidentimport"),
    Activity("monitoring.incident.import", _("You imported incidents.")),
    Activity("monitoring.incident.generate", _("You generated exercise incidents.")),
    Activity("monitoring.incident.export", _("You exported incidents.")),
    Activity("monitoring.indicator.define", _("You defined an indicator."),
             _("You defined the indicator “%(record)s”."), _INDICATOR),
    Activity("monitoring.indicator.update", _("You edited an indicator."),
             _("You edited the indicator “%(record)s”."), _INDICATOR),
    Activity("monitoring.alert.raise", _("An alert was raised."),
             _("An alert was raised on the indicator “%(record)s”."), _ALERT,
             name=lambda alert: str(alert.indicator.name), related=("indicator",)),
    Activity("monitoring.alert.end", _("An alert ended."),
             _("The alert on the indicator “%(record)s” ended."), _ALERT,
             name=lambda alert: str(alert.indicator.name), related=("indicator",)),
    Activity("monitoring.alert.acknowledge", _("You acknowledged an alert."),
             _("You acknowledged the alert on the indicator “%(record)s”."), _ALERT,
             name=lambda alert: str(alert.indicator.name), related=("indicator",)),
    Activity("monitoring.alert.assign", _("You assigned an alert."),
             _("You assigned the alert on the indicator “%(record)s”."), _ALERT,
             name=lambda alert: str(alert.indicator.name), related=("indicator",)),
    Activity("monitoring.report.generate", _("You prepared a situation report."),
             _("You prepared the situation report “%(record)s”."), _REPORT),
    Activity("monitoring.report.edit", _("You edited a situation report."),
             _("You edited the situation report “%(record)s”."), _REPORT),
    # Opening a record labelled CONFIDENTIAL or above is audited as its read.
    Activity("monitoring.incident.read", _("You opened an incident."),
             _("You opened the incident “%(record)s”."), _INCIDENT),
    Activity("monitoring.indicator.read", _("You opened an indicator."),
             _("You opened the indicator “%(record)s”."), _INDICATOR),
    Activity("monitoring.alert.read", _("You opened an alert."),
             _("You opened the alert on the indicator “%(record)s”."), _ALERT,
             name=lambda alert: str(alert.indicator.name), related=("indicator",)),
    Activity("monitoring.situationreport.read", _("You opened a situation report."),
             _("You opened the situation report “%(record)s”."), _REPORT),
)

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
    activities=ACTIVITIES,
    # The analyst's work queue comes first on the dashboard, before the organization's overview.
    panels=(DashboardPanel(key="monitoring-analyst-queue", order=14,
                           template="monitoring/panels/analyst_queue.html",
                           context=analyst_queue, permission="monitoring.add_incident"),),
)
