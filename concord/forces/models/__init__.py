"""The models of the forces app, one module per concern, all imported here."""

from concord.forces.models.operations import (
    CaseType,
    Measure,
    Operation,
    OperationPublication,
    OperationResult,
    OperationStage,
    StageAgency,
    Substance,
    Unit,
)

__all__ = ["CaseType", "Measure", "Operation", "OperationPublication", "OperationResult",
           "OperationStage", "StageAgency", "Substance", "Unit"]
