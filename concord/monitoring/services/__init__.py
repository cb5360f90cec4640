"""Every write to the incident store: validated, atomic, audited. Incidents recorded, corrected
and merged, files imported, indicators and their alerts, situation reports."""

from concord.monitoring.services._common import week_of
from concord.monitoring.services.alerts import (
    HANDLE_ALERT,
    alert_acknowledge,
    alert_assign,
    alert_assignable,
)
from concord.monitoring.services.corrections import (
    EDITABLE_FIELDS,
    LABEL_FIELDS,
    figure_add,
    incident_merge,
    incident_update,
    incident_verify,
)
from concord.monitoring.services.imports import (
    COPY_BATCH,
    IMPORT_BATCH,
    ImportFailed,
    ImportOutcome,
    ImportRejected,
    Progress,
    import_retry_skipping,
    import_run,
    import_start,
    incident_import,
    progress_path,
)
from concord.monitoring.services.incidents import incident_create, incident_generate
from concord.monitoring.services.indicators import (
    alert_notify,
    indicator_define,
    indicator_evaluate,
    indicator_update,
    indicators_evaluate_all,
)
from concord.monitoring.services.reports import (
    previous_week,
    report_generate,
    report_update,
    weekly_reports_generate,
)

__all__ = [
    "COPY_BATCH",
    "EDITABLE_FIELDS",
    "HANDLE_ALERT",
    "IMPORT_BATCH",
    "LABEL_FIELDS",
    "ImportFailed",
    "ImportOutcome",
    "ImportRejected",
    "Progress",
    "alert_acknowledge",
    "alert_assign",
    "alert_assignable",
    "alert_notify",
    "figure_add",
    "import_retry_skipping",
    "import_run",
    "import_start",
    "incident_create",
    "incident_generate",
    "incident_import",
    "incident_merge",
    "incident_update",
    "incident_verify",
    "indicator_define",
    "indicator_evaluate",
    "indicator_update",
    "indicators_evaluate_all",
    "previous_week",
    "progress_path",
    "report_generate",
    "report_update",
    "week_of",
    "weekly_reports_generate",
]
