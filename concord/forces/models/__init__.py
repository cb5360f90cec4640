"""The models of the forces app, one module per concern, all imported here."""

from concord.forces.models.formations import (
    DEFAULT_READINESS_PERIOD_DAYS,
    TRANSITIONS,
    AuthorityTransfer,
    Contribution,
    ContributionStatus,
    DeploymentStep,
    Formation,
    FormationKind,
)
from concord.forces.models.readiness import AXES, Level, ReadinessReport, SourceKind, lowest
from concord.forces.models.units import Echelon, Strength, Unit, UnitType

__all__ = [
    "AXES", "DEFAULT_READINESS_PERIOD_DAYS", "TRANSITIONS", "AuthorityTransfer", "Contribution",
    "ContributionStatus", "DeploymentStep", "Echelon", "Formation", "FormationKind", "Level",
    "ReadinessReport", "SourceKind", "Strength", "Unit", "UnitType", "lowest",
]
