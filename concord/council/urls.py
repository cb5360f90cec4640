from __future__ import annotations

from django.urls import path, register_converter

from concord.council.views import (
    consensus,
    documents,
    instructions,
    proclamation,
    sessions,
    signatures,
)


class FingerprintConverter:
    """A signer key's fingerprint: the SHA-256 of its public key, 64 lowercase hex digits."""

    regex = "[0-9a-f]{64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FingerprintConverter, "fingerprint")

app_name = "council"
urlpatterns = [
    path("sessions/", sessions.session_list, name="session-list"),
    path("sessions/new/", sessions.session_create, name="session-create"),
    path("sessions/<uuid:public_id>/status/", sessions.session_status, name="session-status"),
    path("sessions/<uuid:public_id>/documents/new/", documents.document_create,
         name="document-create"),
    path("sessions/<uuid:public_id>/participants/new/", sessions.session_participant_add,
         name="session-participant-add"),
    path("sessions/<uuid:public_id>/agenda/new/", sessions.session_agenda_item_add,
         name="session-agenda-item-add"),
    path("sessions/<uuid:public_id>/participants/all/", sessions.session_participants_add_all,
         name="session-participants-add-all"),
    path("sessions/<uuid:public_id>/participants/<int:pk>/edit/",
         sessions.session_participant_edit, name="session-participant-edit"),
    path("sessions/<uuid:public_id>/participants/<int:pk>/move/",
         sessions.session_participant_move, name="session-participant-move"),
    path("sessions/<uuid:public_id>/participants/<int:pk>/remove/",
         sessions.session_participant_remove, name="session-participant-remove"),
    path("sessions/<uuid:public_id>/agenda/<int:pk>/edit/", sessions.session_agenda_item_edit,
         name="session-agenda-item-edit"),
    path("sessions/<uuid:public_id>/agenda/<int:pk>/move/", sessions.session_agenda_item_move,
         name="session-agenda-item-move"),
    path("sessions/<uuid:public_id>/agenda/<int:pk>/remove/",
         sessions.session_agenda_item_remove, name="session-agenda-item-remove"),
    path("sessions/calendar.ics", sessions.session_ics, name="session-ics"),
    path("sessions/<uuid:public_id>/", sessions.session_detail, name="session-detail"),
    path("calendar/", sessions.session_calendar, name="calendar"),
    path("documents/", documents.document_list, name="document-list"),
    path("documents/<uuid:public_id>/", documents.document_detail, name="document-detail"),
    path("documents/<uuid:public_id>/positions/", consensus.document_position,
         name="document-position"),
    path("documents/<uuid:public_id>/decide/", consensus.document_decide, name="document-decide"),
    path("documents/<uuid:public_id>/instructions/new/", instructions.instruction_create,
         name="instruction-create"),
    path("documents/<uuid:public_id>/silence/", consensus.document_silence, name="document-silence"),
    path("documents/<uuid:public_id>/proclamation/", proclamation.document_proclaim,
         name="document-proclaim"),
    path("documents/<uuid:public_id>/signatures/new/", signatures.document_sign, name="document-sign"),
    path("documents/<uuid:public_id>/signatures/statement/", signatures.document_statement,
         name="document-statement"),
    path("documents/<uuid:public_id>/treaty-status/", signatures.document_treaty_action,
         name="document-treaty-action"),
    path("documents/<uuid:public_id>/agenda-item/", documents.document_agenda_item,
         name="document-agenda-item"),
    path("documents/<uuid:public_id>/diff/", documents.document_diff, name="document-diff"),
    path("documents/<uuid:public_id>/texts/new/", documents.document_text_revise,
         name="document-text-revise"),
    path("documents/<uuid:public_id>/document.docx", documents.document_docx, name="document-docx"),
    path("documents/<uuid:public_id>/document.pdf", documents.document_pdf, name="document-pdf"),
    path("documents/<uuid:public_id>/akn.xml", documents.document_akn, name="document-akn"),
    path("instructions/", instructions.instruction_list, name="instruction-list"),
    path("instructions/<uuid:public_id>/", instructions.instruction_detail, name="instruction-detail"),
    path("sessions/<uuid:public_id>/report/", instructions.report_generate, name="report-generate"),
    path("reports/", instructions.report_list, name="report-list"),
    path("signer-keys/", signatures.signer_key_list, name="signer-key-list"),
    path("signer-keys/<fingerprint:fingerprint>/revoke/", signatures.signer_key_revoke,
         name="signer-key-revoke"),
    path("reports/<uuid:public_id>/", instructions.report_detail, name="report-detail"),
    path("reports/<uuid:public_id>/edit/", instructions.report_edit, name="report-edit"),
    path("reports/<uuid:public_id>/entries/<int:number>/", instructions.report_entry_edit,
         name="report-entry-edit"),
    path("reports/<uuid:public_id>/report.docx", instructions.report_docx, name="report-docx"),
    path("reports/<uuid:public_id>/report.pdf", instructions.report_pdf, name="report-pdf"),
]
