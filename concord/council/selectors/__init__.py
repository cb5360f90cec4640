"""Every read of the council app, scoped to the viewer: what they may not read is missing, from
lists, counts, details and exports alike. One module per part; every selector importable from
here."""

from concord.council.selectors.consensus import PositionRow, decision_preview, position_board
from concord.council.selectors.documents import (
    document_agenda_item,
    document_for_operator,
    document_get,
    document_list,
    document_texts,
    latest_text,
    parties_by_code,
    text_diff,
)
from concord.council.selectors.instructions import (
    ImplementationProgress,
    ImplementationSummary,
    implementation_progress,
    implementation_report_get,
    implementation_report_list,
    instruction_get,
    instruction_list,
)
from concord.council.selectors.queues import (
    adopted_unsigned,
    drafts_awaiting_state,
    drafts_missing_positions,
    instructions_due,
    sessions_ahead,
    states_taking_part,
)
from concord.council.selectors.session_page import (
    AgendaEntry,
    ParticipantRow,
    SessionPage,
    SignedCount,
    session_agenda,
    session_page,
)
from concord.council.selectors.sessions import (
    session_documents,
    session_get,
    session_list,
)
from concord.council.selectors.signatures import (
    TreatyStatus,
    document_signatures,
    signer_key_get,
    signer_key_list,
    treaty_status,
)

__all__ = [
    "AgendaEntry",
    "ImplementationProgress",
    "ImplementationSummary",
    "ParticipantRow",
    "PositionRow",
    "SessionPage",
    "SignedCount",
    "TreatyStatus",
    "adopted_unsigned",
    "decision_preview",
    "document_agenda_item",
    "document_for_operator",
    "document_get",
    "document_list",
    "document_signatures",
    "document_texts",
    "drafts_awaiting_state",
    "drafts_missing_positions",
    "implementation_progress",
    "implementation_report_get",
    "implementation_report_list",
    "instruction_get",
    "instruction_list",
    "instructions_due",
    "latest_text",
    "parties_by_code",
    "position_board",
    "session_agenda",
    "session_documents",
    "session_get",
    "session_list",
    "session_page",
    "sessions_ahead",
    "signer_key_get",
    "signer_key_list",
    "states_taking_part",
    "text_diff",
    "treaty_status",
]
