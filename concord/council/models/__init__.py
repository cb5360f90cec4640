"""Sessions of the bodies, their agendas, the documents they consider with parallel language texts,
the states' positions and the consensus outcomes, signatures, treaty status, and instructions with
their implementation; one module per part, every model importable from here."""

from concord.council.models.consensus import (
    ConsensusOutcome,
    Procedure,
    SilenceProcedure,
    StatePosition,
)
from concord.council.models.documents import LANGUAGES, Document, DocumentText
from concord.council.models.instructions import (
    ImplementationEntry,
    ImplementationReport,
    Instruction,
    ProgressReport,
)
from concord.council.models.sessions import AgendaItem, Participant, Session
from concord.council.models.signatures import Signature, SignerKey, TreatyAction

__all__ = [
    "LANGUAGES", "AgendaItem", "ConsensusOutcome", "Document", "DocumentText",
    "ImplementationEntry", "ImplementationReport", "Instruction", "Participant", "Procedure",
    "ProgressReport", "Session", "Signature", "SignerKey", "SilenceProcedure", "StatePosition",
    "TreatyAction",
]
