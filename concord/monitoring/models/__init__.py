"""The incident store: incidents and their corrections, the tallies of the situation picture,
imports, early warning and situation reports."""

from concord.monitoring.models.imports import ImportStatus, IncidentImport, IncidentStage
from concord.monitoring.models.incidents import (
    SEVERE,
    Credibility,
    FigureSource,
    GeoPrecision,
    Incident,
    IncidentFigure,
    IncidentMerge,
    Reliability,
    Severity,
    SourceScale,
    TimePrecision,
    Verification,
    severity_of,
)
from concord.monitoring.models.reports import SituationReport
from concord.monitoring.models.tallies import (
    Tally,
    TallyCell,
    TallyCellByCategory,
    TallyCellByVerification,
    TallyCellFine,
    TallyCellTown,
    TallyCount,
    TallyCountByVerification,
    TallyPlaceByVerification,
    TallySevere,
    TallyUnit,
    TallyUnitByCategory,
    TallyUnitByVerification,
)
from concord.monitoring.models.warning import (
    Alert,
    AlertLevel,
    AlertState,
    Indicator,
    IndicatorKind,
)

__all__ = [
    "SEVERE", "Alert", "AlertLevel", "AlertState", "Credibility", "FigureSource", "GeoPrecision",
    "ImportStatus",
    "Incident", "IncidentFigure", "IncidentImport", "IncidentMerge", "IncidentStage", "Indicator",
    "IndicatorKind", "Reliability", "Severity", "SituationReport", "SourceScale", "Tally",
    "TallyCell", "TallyCellByCategory", "TallyCellByVerification", "TallyCellFine", "TallyCellTown",
    "TallyCount",
    "TallyCountByVerification", "TallyPlaceByVerification", "TallySevere", "TallyUnit",
    "TallyUnitByCategory", "TallyUnitByVerification",
    "TimePrecision", "Verification", "severity_of",
]
