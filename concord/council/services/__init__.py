"""Every write of the council app, split by sub-domain; import from here."""

from __future__ import annotations

from concord.council.services.documents import (
    Finding,
    Outlook,
    consensus_rule,
    decision_outlook,
    document_decide,
    document_register,
    document_text_revise,
    document_withdraw,
    position_record,
    resolve_due,
    symbol_for,
)
from concord.council.services.instructions import (
    implementation_entry_edit,
    implementation_report_edit,
    implementation_report_generate,
    instruction_add,
    instruction_cancel,
    instruction_flag_overdue,
    instruction_report,
)
from concord.council.services.proclamation import document_proclaim
from concord.council.services.sessions import (
    agenda_item_add,
    agenda_item_edit,
    agenda_item_record_outcome,
    agenda_item_remove,
    agenda_items_reorder,
    document_agenda_item_set,
    participant_add,
    participant_edit,
    participant_remove,
    participants_add_member_states,
    participants_reorder,
    session_create,
    session_set_status,
)
from concord.council.services.signatures import (
    SignatureCheck,
    document_sign,
    document_verify,
    entry_into_force,
    signature_statement,
    signer_key_create,
    signer_key_register,
    signer_key_revoke,
    treaty_action_record,
)
from concord.council.services.silence import (
    silence_conclude,
    silence_conclude_due,
    silence_start,
)

__all__ = [
    "Finding", "Outlook", "SignatureCheck", "agenda_item_add", "agenda_item_edit",
    "agenda_item_record_outcome", "agenda_item_remove", "agenda_items_reorder",
    "consensus_rule", "decision_outlook", "document_agenda_item_set", "document_decide", "document_proclaim",
    "document_register", "document_sign",
    "document_text_revise", "document_verify", "document_withdraw", "entry_into_force",
    "implementation_entry_edit", "implementation_report_edit", "implementation_report_generate",
    "instruction_add", "instruction_cancel", "instruction_flag_overdue", "instruction_report",
    "participant_add", "participant_edit", "participant_remove",
    "participants_add_member_states", "participants_reorder", "position_record", "resolve_due",
    "session_create", "session_set_status",
    "signature_statement", "signer_key_create", "signer_key_register", "signer_key_revoke",
    "silence_conclude",
    "silence_conclude_due", "silence_start", "symbol_for", "treaty_action_record",
]
