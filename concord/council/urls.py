from __future__ import annotations

from django.urls import path

from concord.council import views

app_name = "council"
urlpatterns = [
    path("sessions/", views.session_list, name="session-list"),
    path("sessions/new/", views.session_create, name="session-create"),
    path("sessions/<uuid:public_id>/status/", views.session_status, name="session-status"),
    path("sessions/<uuid:public_id>/documents/new/", views.document_create,
         name="document-create"),
    path("sessions/<uuid:public_id>/participants/new/", views.session_participant_add,
         name="session-participant-add"),
    path("sessions/<uuid:public_id>/agenda/new/", views.session_agenda_item_add,
         name="session-agenda-item-add"),
    path("sessions/calendar.ics", views.session_ics, name="session-ics"),
    path("sessions/<uuid:public_id>/", views.session_detail, name="session-detail"),
    path("calendar/", views.session_calendar, name="calendar"),
    path("documents/", views.document_list, name="document-list"),
    path("documents/<uuid:public_id>/", views.document_detail, name="document-detail"),
    path("documents/<uuid:public_id>/positions/", views.document_position,
         name="document-position"),
    path("documents/<uuid:public_id>/decide/", views.document_decide, name="document-decide"),
    path("documents/<uuid:public_id>/instructions/new/", views.instruction_create,
         name="instruction-create"),
    path("documents/<uuid:public_id>/silence/", views.document_silence, name="document-silence"),
    path("documents/<uuid:public_id>/signatures/new/", views.document_sign, name="document-sign"),
    path("documents/<uuid:public_id>/treaty-status/", views.document_treaty_action,
         name="document-treaty-action"),
    path("documents/<uuid:public_id>/diff/", views.document_diff, name="document-diff"),
    path("documents/<uuid:public_id>/texts/new/", views.document_text_revise,
         name="document-text-revise"),
    path("documents/<uuid:public_id>/document.docx", views.document_docx, name="document-docx"),
    path("documents/<uuid:public_id>/document.pdf", views.document_pdf, name="document-pdf"),
    path("documents/<uuid:public_id>/akn.xml", views.document_akn, name="document-akn"),
    path("instructions/", views.instruction_list, name="instruction-list"),
    path("instructions/<uuid:public_id>/", views.instruction_detail, name="instruction-detail"),
    path("sessions/<uuid:public_id>/report/", views.report_generate, name="report-generate"),
    path("reports/", views.report_list, name="report-list"),
    path("reports/<uuid:public_id>/", views.report_detail, name="report-detail"),
    path("reports/<uuid:public_id>/edit/", views.report_edit, name="report-edit"),
    path("reports/<uuid:public_id>/entries/<int:number>/", views.report_entry_edit,
         name="report-entry-edit"),
    path("reports/<uuid:public_id>/report.docx", views.report_docx, name="report-docx"),
    path("reports/<uuid:public_id>/report.pdf", views.report_pdf, name="report-pdf"),
]
