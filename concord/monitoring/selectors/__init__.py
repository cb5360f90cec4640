"""Every read of the incident store, scoped to the viewer: incidents, the situation picture,
indicators and alerts, situation reports, imports. Reads never write, and never call a service."""

# Core's one clock, under the name this package's readers have called it by.
from concord.monitoring.filters import IncidentFilters, filters_from, incident_filters
from concord.monitoring.selectors.alert_series import alert_earlier
from concord.monitoring.selectors.imports import import_get, import_list, import_progress
from concord.monitoring.selectors.incidents import (
    DuplicatePair,
    duplicate_pairs,
    incident_duplicates,
    incident_get,
    incident_list,
    incident_pending_label_change,
    incidents_imported,
)
from concord.monitoring.selectors.indicators import (
    BASELINE_DAYS,
    Reading,
    alert_get,
    alert_incidents,
    alert_list,
    indicator_get,
    indicator_list,
    indicator_read,
)
from concord.monitoring.selectors.parties import parties_by_code
from concord.monitoring.selectors.picture import (
    Summary,
    cell_degrees,
    counted,
    situation_summary,
    tallied,
)
from concord.monitoring.selectors.reports import report_content, report_get, report_list

__all__ = [
    "BASELINE_DAYS",
    "DuplicatePair",
    "IncidentFilters",
    "Reading",
    "Summary",
    "alert_earlier",
    "alert_get",
    "alert_incidents",
    "alert_list",
    "cell_degrees",
    "counted",
    "duplicate_pairs",
    "filters_from",
    "import_get",
    "import_list",
    "import_progress",
    "incident_duplicates",
    "incident_filters",
    "incident_get",
    "incident_list",
    "incident_pending_label_change",
    "incidents_imported",
    "indicator_get",
    "indicator_list",
    "indicator_read",
    "parties_by_code",
    "report_content",
    "report_get",
    "report_list",
    "situation_summary",
    "tallied",
]
