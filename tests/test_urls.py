"""Every URL of the project, requested by every kind of visitor, answers as pinned here.

A new URL pattern fails this test until its row is added: whoever adds a page decides, in
review, who may see it. Pages that answer 200 are also checked for what the Content Security
Policy would block: inline scripts, style attributes, style elements and event handlers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from concord.accounts.models import User
from concord.council.models import AgendaItem, Participant
from concord.demo.council import load_council
from concord.demo.organization import load
from concord.registry.models import Official

# Who asks: the public, a delegate cleared for OFFICIAL USE (Tajikistan), a delegate cleared for
# CONFIDENTIAL (Russia) and a secretariat officer. They are the demo organization's logins.
VISITORS = ("anonymous", "delegate.tj", "delegate.ru", "officer")

PUBLIC = (200, 200, 200, 200)
SIGNED_IN = (302, 200, 200, 200)  # the public is sent to sign in
OFFICERS = (302, 403, 403, 200)  # the public is sent to sign in; delegates are refused
MEMBERS = (404, 200, 200, 200)  # released to all member states: missing for the public


EXPECTED: dict[str, tuple[int, ...]] = {
    "portal:home": (200, 302, 302, 302),  # a signed-in user is sent on to the dashboard
    "portal:dashboard": SIGNED_IN,
    "portal:label-changes": SIGNED_IN,  # every persona signed in here may approve
    "portal:label-change-decide": (405, 405, 405, 405),  # a POST
    "portal:relabel": (302, 403, 403, 200),  # the Sochi session, the secretariat's record
    "accounts:login": (200, 302, 302, 302),
    "accounts:verify": (302, 302, 302, 302),  # only after the password step
    "accounts:enrol": (302, 302, 302, 302),  # only after the password step
    "accounts:logout": (405, 405, 405, 405),  # signing out is a POST
    "accounts:profile": SIGNED_IN,
    "registry:state-list": PUBLIC,
    "registry:state-detail": PUBLIC,
    "registry:state-edit": OFFICERS,
    "registry:state-status": OFFICERS,
    "registry:body-list": PUBLIC,
    "registry:body-detail": PUBLIC,
    "registry:body-edit": OFFICERS,
    "registry:official-list": PUBLIC,
    "registry:official-create": OFFICERS,
    "registry:official-detail": PUBLIC,
    "registry:official-edit": OFFICERS,
    "registry:term-add": OFFICERS,
    "registry:chairmanship": PUBLIC,
    "registry:chairmanship-record": OFFICERS,
    "monitoring:situation": SIGNED_IN,
    "monitoring:incident-list": SIGNED_IN,
    "monitoring:incident-create": (302, 403, 403, 403),  # crisis analysts only
    "monitoring:incident-detail": (302, 404, 404, 404),  # the sample incident does not exist
    "monitoring:incident-verify": (405, 405, 405, 405),  # a button's POST, as council's
    "monitoring:incident-edit": (302, 403, 403, 403),
    "monitoring:incident-duplicates": (302, 403, 403, 403),  # crisis analysts only
    "monitoring:figure-add": (405, 405, 405, 405),
    "monitoring:incident-merge": (405, 405, 405, 405),
    "monitoring:indicator-list": SIGNED_IN,
    "monitoring:indicators-evaluate": (302, 403, 403, 403),
    "monitoring:indicator-edit": (302, 403, 403, 403),  # analysts only (none exists)
    "monitoring:alert-list": SIGNED_IN,
    "monitoring:alert-detail": (302, 404, 404, 404),
    "monitoring:alert-acknowledge": (405, 405, 405, 405),  # a button's POST
    "monitoring:alert-assign": (405, 405, 405, 405),
    "monitoring:report-list": SIGNED_IN,
    "monitoring:report-detail": (302, 404, 404, 404),
    "monitoring:report-edit": (302, 403, 403, 403),  # crisis analysts only
    "monitoring:import-start": (302, 403, 403, 403),
    "monitoring:import-detail": (302, 404, 404, 404),  # only the importer sees an import
    "monitoring:import-retry": (405, 405, 405, 405),  # a button's POST
    "council:session-list": PUBLIC,
    "council:session-ics": PUBLIC,
    "council:session-detail": PUBLIC,  # the Sochi session is public
    "council:calendar": PUBLIC,
    "council:document-list": PUBLIC,  # scoped: the public sees public documents only
    "council:document-detail": MEMBERS,  # the Sochi decision on assistance to Tajikistan
    "council:document-position": (405, 405, 405, 405),  # a position is stated with a POST
    "council:document-diff": MEMBERS,
    "council:document-text-revise": OFFICERS,
    "council:document-docx": MEMBERS,
    "council:document-pdf": MEMBERS,
    "council:document-akn": MEMBERS,
    "council:instruction-list": PUBLIC,
    "council:instruction-detail": MEMBERS,
    "council:report-detail": MEMBERS,
    "council:report-docx": MEMBERS,
    "council:report-pdf": MEMBERS,
    "council:document-decide": OFFICERS,  # the rule's preview; the decision is its POST
    "council:document-statement": (302, 403, 403, 400),  # refused without a signer named
    "council:report-generate": (405, 405, 405, 405),  # a POST
    "council:report-entry-edit": OFFICERS,
    "council:session-create": OFFICERS,
    "council:session-status": (405, 405, 405, 405),  # a POST
    "council:document-create": OFFICERS,
    "council:instruction-create": OFFICERS,
    "council:session-participant-add": OFFICERS,
    "council:session-agenda-item-add": OFFICERS,
    "council:session-participants-add-all": (405, 405, 405, 405),  # a POST
    "council:session-participant-edit": OFFICERS,
    "council:session-participant-move": (405, 405, 405, 405),
    "council:session-participant-remove": (405, 405, 405, 405),
    "council:session-agenda-item-edit": OFFICERS,
    "council:session-agenda-item-move": (405, 405, 405, 405),
    "council:session-agenda-item-remove": (405, 405, 405, 405),
    "council:document-agenda-item": OFFICERS,
    "council:document-silence": OFFICERS,
    "council:document-proclaim": OFFICERS,
    "council:document-sign": OFFICERS,
    "council:document-treaty-action": OFFICERS,
    "council:report-list": PUBLIC,  # scoped: the public sees no report
    "council:report-edit": OFFICERS,
    "council:signer-key-list": PUBLIC,  # public keys are public
    "council:signer-key-revoke": (405, 405, 405, 405),  # a POST
    "set_language": (302, 302, 302, 302),  # a GET changes nothing and goes back
    "api:openapi-json": PUBLIC,
    "api:openapi-view": PUBLIC,
    "api:api-root": (404, 404, 404, 404),
    "api:member_states": PUBLIC,
    "api:member_state": PUBLIC,
    "api:bodies": PUBLIC,
    "api:body": PUBLIC,
    "api:officials": PUBLIC,
    "api:official": PUBLIC,
    "api:chairmanship": PUBLIC,
    "api:chairmanship_schedule": PUBLIC,
    "api:chairmanship_on": PUBLIC,
    "api:member_state_update": PUBLIC,  # the state's address; changing it is a PATCH
    "api:incidents": PUBLIC,  # scoped: the public reads PUBLIC incidents only
    "api:incident": (404, 404, 404, 404),
    "api:incident_create": PUBLIC,  # the list's address; recording is a POST
    "api:incident_update": (404, 404, 404, 404),  # the incident's address; correcting a PATCH
    "api:situation_summary": PUBLIC,
    "api:import_list": (401, 200, 200, 200),  # each one's own imports
    "api:import_start": (401, 200, 200, 200),  # the list's address; starting an import is a POST
    "api:import_detail": (401, 404, 404, 404),  # an import is seen by its starter only
    "api:import_retry": (405, 405, 405, 405),  # a POST
    "api:sessions": PUBLIC,
    "api:session": PUBLIC,
    "api:agenda_items": PUBLIC,
    "api:documents": PUBLIC,
    "api:document": MEMBERS,
    "api:document_texts": MEMBERS,
    "api:document_text_revise": MEMBERS,  # the same address: its GET lists the texts
    "api:document_positions": MEMBERS,
    "api:document_position_record": MEMBERS,
    "api:document_signatures": MEMBERS,
    "api:document_sign": MEMBERS,
    "api:document_akn": MEMBERS,
    "api:document_docx": MEMBERS,
    "api:document_pdf": MEMBERS,
    "api:instructions": PUBLIC,
    "api:instruction": MEMBERS,
    "api:instruction_report": (405, 405, 405, 405),
    "api:implementation_reports": PUBLIC,
    "api:implementation_report": MEMBERS,
    "api:session_create": PUBLIC,  # the same address as the list; writing is a POST
    "api:agenda_item_add": PUBLIC,
    "api:document_register": PUBLIC,
    "api:document_decide": (405, 405, 405, 405),
    "api:document_decision_preview": MEMBERS,
    "api:document_statement": (401, 422, 422, 422),  # the signer's key is a required query
    "api:document_silence": (405, 405, 405, 405),
    "api:document_proclaim": (405, 405, 405, 405),
    "api:instruction_add": PUBLIC,
    "api:implementation_report_generate": PUBLIC,
    "api:implementation_entry_edit": (405, 405, 405, 405),
    "api:document_treaty_status": MEMBERS,
    "api:document_treaty_action": MEMBERS,  # the status's address; recording is a POST
    "api:document_agenda_item": (405, 405, 405, 405),  # a PUT
    "api:participants": PUBLIC,  # the Sochi session is public
    "api:participant_add": PUBLIC,  # the list's address; adding is a POST
    "api:participants_add_member_states": (405, 405, 405, 405),
    "api:participants_reorder": (405, 405, 405, 405),
    "api:participant_edit": (405, 405, 405, 405),
    "api:participant_remove": (405, 405, 405, 405),
    "api:agenda_items_reorder": (405, 405, 405, 405),
    "api:agenda_item_edit": (405, 405, 405, 405),
    "api:agenda_item_remove": (405, 405, 405, 405),
    "api:chairmanship_record": PUBLIC,  # the chairmanship's address; recording is a POST
    "api:indicators": PUBLIC,
    "api:indicator_define": PUBLIC,  # the list's address; defining is a POST
    "api:indicator_update": (405, 405, 405, 405),  # the indicator's address takes a PUT only
    "api:alerts": PUBLIC,
    "api:alert": (404, 404, 404, 404),
    "api:alert_cap": (404, 404, 404, 404),
    "api:alert_acknowledge": (405, 405, 405, 405),  # a POST
    "api:alert_assign": (405, 405, 405, 405),  # a PUT
    # The press service: its public pages for everyone, its desk for the secretariat.
    "press:index": PUBLIC,
    "press:search": PUBLIC,
    "press:spokesman": PUBLIC,
    "press:feed": PUBLIC,
    "press:feed-type": PUBLIC,
    "press:sitemap": PUBLIC,
    "press:calendar": PUBLIC,
    "press:file": (404, 404, 404, 404),  # the sample file does not exist
    "press:public-item": (404, 404, 404, 404),  # nor does the sample publication
    "press:public-text": (404, 404, 404, 404),
    "press:publication-list": OFFICERS,
    "press:publication-create": (302, 403, 403, 403),  # the press officer drafts
    "press:publication-issue": (302, 403, 403, 403),
    "press:publication-detail": (302, 403, 403, 404),
    "press:publication-write": (302, 403, 403, 404),
    "press:publication-correct": (302, 403, 403, 404),
    "press:publication-submit": (405, 405, 405, 405),  # buttons' POSTs
    "press:publication-approve": (405, 405, 405, 405),
    "press:publication-return": (405, 405, 405, 405),
    "press:publication-withdraw": (405, 405, 405, 405),
    "press:publication-file": (405, 405, 405, 405),
    "api:publications": PUBLIC,
    "api:publication": (404, 404, 404, 404),
    # Assistance: the demo walked here holds no assistance request, so each address of one is
    # missing; the buttons are POSTs.
    "assistance:request-list": PUBLIC,  # scoped: the public sees public requests only
    "assistance:request-create": (302, 200, 200, 403),  # filed by a state's delegation
    "assistance:request-detail": (404, 404, 404, 404),
    "assistance:request-line-add": (405, 405, 405, 405),
    "assistance:request-move": (405, 405, 405, 405),
    "assistance:pledge-create": (302, 404, 404, 404),
    "assistance:pledge-detail": (404, 404, 404, 404),
    "assistance:pledge-ship": (405, 405, 405, 405),
    "assistance:pledge-line-commit": (405, 405, 405, 405),
    "assistance:pledge-line-revise": (405, 405, 405, 405),
    "assistance:pledge-line-cancel": (405, 405, 405, 405),
    "assistance:pledge-line-respond": (405, 405, 405, 405),
    "assistance:pledge-delivery-receive": (405, 405, 405, 405),
    "assistance:pledge-delivery-accept": (405, 405, 405, 405),
    "assistance:state-pledges": PUBLIC,  # scoped: what each visitor may read of a state's pledges
    "assistance:my-pledges": (302, 302, 302, 302),  # on to one's own state's page, or the list
    "api:assistance_requests": PUBLIC,
    "api:assistance_request_create": PUBLIC,  # the list's address; filing is a POST
    "api:assistance_request": (404, 404, 404, 404),
    "api:assistance_request_line_add": (405, 405, 405, 405),
    "api:assistance_request_submit": (405, 405, 405, 405),
    "api:assistance_request_open": (405, 405, 405, 405),
    "api:assistance_request_close": (405, 405, 405, 405),
    "api:assistance_request_complete": (405, 405, 405, 405),
    "api:assistance_request_withdraw": (405, 405, 405, 405),
    "api:assistance_pledges": (404, 404, 404, 404),
    "api:assistance_pledge_make": (404, 404, 404, 404),  # the pledges' address
    "api:assistance_deliveries": (404, 404, 404, 404),
    "api:assistance_pledge_line_commit": (405, 405, 405, 405),
    "api:assistance_pledge_line_revise": (405, 405, 405, 405),
    "api:assistance_pledge_line_cancel": (405, 405, 405, 405),
    "api:assistance_pledge_line_answer": (405, 405, 405, 405),
    "api:assistance_delivery_ship": (405, 405, 405, 405),
    "api:assistance_delivery_receive": (405, 405, 405, 405),
    "api:assistance_delivery_accept": (405, 405, 405, 405),
    # The fair-share proposal of a request no record has: signed-in visitors find it missing;
    # asking for a proposal and answering one are POSTs.
    "assistance:request-allocation": (302, 404, 404, 404),
    "assistance:request-allocation-propose": (405, 405, 405, 405),
    "assistance:request-allocation-answer": (405, 405, 405, 405),
    "api:assistance_allocation": (404, 404, 404, 404),
    "api:assistance_allocation_propose": (404, 404, 404, 404),  # the proposal's address
    "api:assistance_request_edxl": (404, 404, 404, 404),
    "api:assistance_lines_hxl": (404, 404, 404, 404),
    "api:assistance_pledges_hxl": (404, 404, 404, 404),
    "api:assistance_handover": (404, 404, 404, 404),
    # A request's edit page, end-use certificates and handover acts no record has.
    "assistance:request-edit": (302, 404, 404, 404),
    "assistance:certificate-create": (302, 404, 404, 404),
    "assistance:certificate-detail": (404, 404, 404, 404),
    "assistance:certificate-sign": (405, 405, 405, 405),
    "assistance:certificate-download": (404, 404, 404, 404),
    "assistance:delivery-act": (404, 404, 404, 404),
    "assistance:delivery-act-draw": (405, 405, 405, 405),
    "assistance:delivery-act-sign": (405, 405, 405, 405),
    "assistance:delivery-act-download": (404, 404, 404, 404),
    "api:assistance_handover_draw": (404, 404, 404, 404),  # the act's address
    "api:assistance_handover_sign": (405, 405, 405, 405),
}
# Joint operations: the sample ids name no record; results are imported by a state's delegates.
EXPECTED.update({
    "forces:operation-list": SIGNED_IN,
    "forces:operation-results": SIGNED_IN,
    "forces:operation-results-import": (302, 200, 200, 403),
    "forces:operation-totals": SIGNED_IN,
    "forces:operation-publication": (404, 404, 404, 404),
    "forces:operation-detail": (302, 404, 404, 404),
    "forces:operation-publish": (405, 405, 405, 405),  # a POST
    "api:operation_totals": PUBLIC,
    "api:operations": PUBLIC,
    "api:operation": (404, 404, 404, 404),
    "api:operation_stages": (404, 404, 404, 404),
    "api:operation_results": (404, 404, 404, 404),
    "api:operation_result_report": (404, 404, 404, 404),
})
# Recording operations and stages (the secretariat) and reporting and correcting figures (a
# state's delegates): the sample ids name no record.
EXPECTED.update({
    "forces:operation-create": OFFICERS,
    "forces:operation-edit": (302, 403, 403, 404),
    "forces:operation-stage-add": (302, 403, 403, 404),
    "forces:operation-stage-edit": (302, 403, 403, 404),
    "forces:operation-result-report": (302, 404, 404, 403),
    "forces:operation-result": (302, 404, 404, 404),
    "forces:operation-result-correct": (302, 404, 404, 403),
    "api:operation_results_all": PUBLIC,
    "api:operation_result": (404, 404, 404, 404),
    "api:operation_result_correct": (405, 405, 405, 405),  # a POST
    "api:operation_stage_edit": (405, 405, 405, 405),  # a PUT
    # Beside a GET at the same address, which is what is asked here.
    "api:operation_create": PUBLIC,
    "api:operation_edit": (404, 404, 404, 404),
    "api:operation_stage_add": (404, 404, 404, 404),
})

# The demo's council records have stable identifiers (see concord/demo/council.py).
SOCHI_SESSION = "c658738b-7830-547b-9f73-2dc616a3c5aa"
SOCHI_DECISION = "5375f948-2520-5fd1-b637-c1a54c207ba0"
SOCHI_INSTRUCTION = "36574ea2-3bc4-5442-8280-bd26ffba13ad"
MOSCOW_REPORT = "5912e7b2-d3a4-5520-999f-a021424bfd2a"

# Sample values for the URL parameters, by parameter name, then by URL where one name means
# different things; `official_id` comes from the demo data.
SAMPLES: dict[str, str] = {"incident_id": "00000000-0000-4000-8000-000000000000",
                           "import_id": "00000000-0000-4000-8000-000000000000",
                           "alert_id": "00000000-0000-4000-8000-000000000000",
                           "indicator_id": "00000000-0000-4000-8000-000000000000",
                           "report_id": "00000000-0000-4000-8000-000000000000",
                           "operation_id": "00000000-0000-4000-8000-000000000000",
                           "publication_id": "00000000-0000-4000-8000-000000000000",
                           "result_id": "00000000-0000-4000-8000-000000000000",
                           "stage_number": "1"}
SAMPLES.update(number="1", session_id=SOCHI_SESSION, document_id=SOCHI_DECISION,
               instruction_id=SOCHI_INSTRUCTION, report_id=MOSCOW_REPORT)
SAMPLES_BY_URL: dict[str, dict[str, str]] = {
    "council:session-detail": {"public_id": SOCHI_SESSION},
    "council:document-create": {"public_id": SOCHI_SESSION},
    "council:session-status": {"public_id": SOCHI_SESSION},
    "council:session-participant-add": {"public_id": SOCHI_SESSION},
    "council:session-agenda-item-add": {"public_id": SOCHI_SESSION},
    **{f"council:{name}": {"public_id": SOCHI_SESSION} for name in (
        "session-participants-add-all", "session-participant-edit", "session-participant-move",
        "session-participant-remove", "session-agenda-item-edit", "session-agenda-item-move",
        "session-agenda-item-remove")},
    "council:document-agenda-item": {"public_id": SOCHI_DECISION},
    "council:instruction-create": {"public_id": SOCHI_DECISION},
    **{f"council:{name}": {"public_id": SOCHI_DECISION} for name in (
        "document-detail", "document-position", "document-diff", "document-text-revise",
        "document-docx", "document-pdf", "document-akn", "document-silence", "document-sign",
        "document-treaty-action", "document-statement", "document-proclaim")},
    "council:instruction-detail": {"public_id": SOCHI_INSTRUCTION},
    **{f"council:{name}": {"public_id": MOSCOW_REPORT} for name in (
        "report-detail", "report-docx", "report-pdf", "report-entry-edit", "report-edit")},
    "council:document-decide": {"public_id": SOCHI_DECISION},
    "council:report-generate": {"public_id": SOCHI_SESSION},
    "council:signer-key-revoke": {"fingerprint": "0" * 64},
    "portal:label-change-decide": {"public_id": "00000000-0000-4000-8000-000000000000"},
    "portal:relabel": {"model": "council.session", "public_id": SOCHI_SESSION},
    "registry:state-detail": {"code": "KG"}, "registry:state-edit": {"code": "KG"},
    "registry:state-status": {"code": "KG"}, "api:member_state": {"code": "KG"},
    "api:member_state_update": {"code": "KG"},
    "registry:body-detail": {"code": "CSC"}, "registry:body-edit": {"code": "CSC"},
    "api:body": {"code": "CSC"},
    **{key: {"public_id": "00000000-0000-4000-8000-000000000000", "language": "ru",
             "pub_type": "news", "slug": "x"} for key in (
        "press:feed", "press:feed-type", "press:public-text", "press:file", "api:publication",
        *(f"press:publication-{name}" for name in (
            "detail", "write", "correct", "submit", "approve", "return", "withdraw",
            "file")))},
}
# The forces: formations, units, contributions and readiness. The URL walk loads no forces, so
# a record's page is missing (404) for whoever may open it; the delegations keep their units,
# the Joint Staff the formations and transfers of authority.
_ANY_UUID = "00000000-0000-4000-8000-000000000000"
_DELEGATIONS = (302, 404, 404, 403)  # the sample record is missing; the officer is refused
_JOINT_STAFF = (302, 403, 403, 403)
EXPECTED.update({
    "forces:formation-list": PUBLIC, "forces:formation-create": _JOINT_STAFF,
    "forces:formation-detail": (404, 404, 404, 404), "forces:formation-edit": _JOINT_STAFF,
    "forces:contribution-detail": (404, 404, 404, 404),
    "forces:contribution-edit": _DELEGATIONS,
    "forces:contribution-advance": _DELEGATIONS, "forces:contribution-transfer": _JOINT_STAFF,
    "forces:contribution-return": _JOINT_STAFF,
    "forces:unit-list": PUBLIC, "forces:unit-tree": PUBLIC,
    "forces:unit-create": (302, 200, 200, 403),  # a delegation registers its state's units
    "forces:unit-detail": (404, 404, 404, 404), "forces:unit-readiness": _DELEGATIONS,
    "forces:unit-strength": _DELEGATIONS, "forces:unit-earmark": _DELEGATIONS,
    "forces:unit-edit": _DELEGATIONS,
    "forces:map": PUBLIC, "forces:unit-geojson": PUBLIC,
    "forces:readiness-list": PUBLIC,
    "api:formations": PUBLIC, "api:formation": (404, 404, 404, 404),
    "api:formation_contributions": (404, 404, 404, 404),
    "api:units": PUBLIC, "api:unit": (404, 404, 404, 404),
    "api:readiness": PUBLIC,
    "api:readiness_report": PUBLIC,  # the list's address; reporting is a POST
})
SAMPLES.update(formation_id=_ANY_UUID, unit_id=_ANY_UUID)
SAMPLES_BY_URL.update({f"forces:{name}": {"public_id": _ANY_UUID} for name in (
    "formation-detail", "formation-edit", "contribution-detail", "contribution-edit",
    "contribution-advance",
    "contribution-transfer", "contribution-return", "unit-detail", "unit-readiness",
    "unit-strength", "unit-earmark", "unit-edit")})
# The crisis cases: signed-in users read them; a case no one has is missing (404); the crisis
# centre and the secretariat open and run them, with buttons that only POST.
_CRISIS_CASE = (302, 404, 404, 404)
_CRISIS_POST = (405, 405, 405, 405)
EXPECTED.update({
    "crisis:case-list": SIGNED_IN, "crisis:case-open": OFFICERS, "crisis:facts": SIGNED_IN,
    "crisis:case-detail": _CRISIS_CASE, "crisis:case-timeline": _CRISIS_CASE,
    "crisis:case-log-export": _CRISIS_CASE, "crisis:case-sitrep": _CRISIS_CASE,
    "crisis:case-envelope": _CRISIS_CASE, "crisis:case-advance": _CRISIS_POST,
    "crisis:case-fact": _CRISIS_POST, "crisis:case-log-add": _CRISIS_POST,
    "crisis:case-log-promote": _CRISIS_POST,
    "api:cases": PUBLIC, "api:case_read": (404, 404, 404, 404),
    "api:case_advance": (405, 405, 405, 405), "api:case_log": (404, 404, 404, 404),
    "api:case_tasks": (401, 404, 404, 404), "api:case_facts": (404, 404, 404, 404),
    "api:case_open": PUBLIC, "api:case_log_add": (404, 404, 404, 404),  # the GET beside each
})
SAMPLES.update(case_id=_ANY_UUID)
SAMPLES_BY_URL.update({f"crisis:{name}": {"public_id": _ANY_UUID} for name in (
    "case-detail", "case-timeline", "case-sitrep", "case-envelope", "case-advance", "case-fact",
    "case-log-add")})
SAMPLES_BY_URL["crisis:case-log-export"] = {"public_id": _ANY_UUID, "fmt": "pdf"}
SAMPLES_BY_URL["crisis:case-log-promote"] = {"public_id": _ANY_UUID, "pk": "1"}
# Exercises and their lessons: a missing exercise or lesson answers 404 to everyone, as a hidden
# one would; the Joint Staff's forms are refused to the others before any record is read.
MISSING = "00000000-0000-4000-8000-000000000000"
JOINT_STAFF = (302, 403, 403, 403)
NOWHERE = (404, 404, 404, 404)
POST_ONLY = (405, 405, 405, 405)
EXPECTED.update({
    "forces:exercise-list": PUBLIC, "forces:exercise-calendar": PUBLIC,
    "forces:exercise-areas": PUBLIC, "forces:lesson-list": PUBLIC,
    "forces:exercise-plan": JOINT_STAFF, "forces:exercise-place-add": JOINT_STAFF,
    "forces:exercise-phase-add": JOINT_STAFF, "forces:exercise-objective-add": JOINT_STAFF,
    "forces:exercise-rate": JOINT_STAFF, "forces:lesson-observe": JOINT_STAFF,
    # A delegation records its own state's participation: its form reads the exercise first.
    "forces:exercise-participant-add": (302, 404, 404, 403),
    "forces:exercise-detail": NOWHERE, "forces:exercise-after-action-docx": NOWHERE,
    "forces:exercise-after-action-pdf": NOWHERE, "forces:lesson-detail": NOWHERE,
    "forces:exercise-status": POST_ONLY, "forces:exercise-evaluate": POST_ONLY,
    "forces:lesson-step": POST_ONLY,
    "api:exercises": PUBLIC, "api:exercise_plan": PUBLIC,  # the list's address; planning is a POST
    "api:exercise": NOWHERE, "api:participants": NOWHERE, "api:participant_add": NOWHERE,
    "api:evaluations": NOWHERE, "api:evaluation_record": NOWHERE,
    "api:exercise_lessons": NOWHERE, "api:lesson_observe": NOWHERE,
    "api:exercise_status": POST_ONLY, "api:exercise_evaluate": POST_ONLY,
})
SAMPLES.update(exercise_id=MISSING)
# Witnessing: the page is the secretariat's; a peer's note is POSTed to the API, signed by its
# node key, never by an account.
EXPECTED.update({
    "federation:witness-overview": OFFICERS,
    "api:witness_cosign": POST_ONLY,
})
SAMPLES_BY_URL.update({f"forces:{name}": {"public_id": MISSING} for name in (
    "exercise-detail", "exercise-place-add", "exercise-phase-add", "exercise-objective-add",
    "exercise-participant-add", "exercise-status", "exercise-rate", "exercise-evaluate",
    "exercise-after-action-docx", "exercise-after-action-pdf", "lesson-observe",
    "lesson-detail", "lesson-step")})
# Corrections of an exercise's phases, objectives and participants: the Joint Staff's forms,
# a delegation's for its own participation, and removals that only POST.
EXPECTED.update({
    "forces:exercise-phase-edit": JOINT_STAFF, "forces:exercise-phase-remove": POST_ONLY,
    "forces:exercise-objective-edit": JOINT_STAFF, "forces:exercise-objective-remove": POST_ONLY,
    "forces:exercise-participant-edit": (302, 404, 404, 403),
    "forces:exercise-participant-remove": POST_ONLY,
})
SAMPLES_BY_URL.update({f"forces:{name}": {"public_id": MISSING, "number": "1"} for name in (
    "exercise-phase-edit", "exercise-phase-remove", "exercise-objective-edit",
    "exercise-objective-remove")})
SAMPLES_BY_URL.update({f"forces:{name}": {"public_id": MISSING} for name in (
    "exercise-participant-edit", "exercise-participant-remove")})

# Assistance: an id no record has, a step and a state.
SAMPLES.update({name: "00000000-0000-4000-8000-000000000000" for name in (
    "request_id", "pledge_id", "pledge_line_id", "delivery_id")})
SAMPLES_BY_URL.update({f"assistance:{name}": {"public_id": "00000000-0000-4000-8000-000000000000"}
                       for name in ("request-detail", "request-line-add", "pledge-create",
                                    "pledge-detail", "pledge-ship", "pledge-line-commit",
                                    "pledge-line-revise", "pledge-line-cancel",
                                    "pledge-line-respond", "pledge-delivery-receive",
                                    "pledge-delivery-accept")})
SAMPLES_BY_URL["assistance:request-move"] = {"public_id": "00000000-0000-4000-8000-000000000000",
                                             "action": "submit"}
SAMPLES_BY_URL["assistance:state-pledges"] = {"code": "KG"}
SAMPLES_BY_URL.update({f"assistance:{name}": {"public_id": "00000000-0000-4000-8000-000000000000"}
                       for name in ("request-allocation", "request-allocation-propose",
                                    "request-allocation-answer")})
SAMPLES_BY_URL.update({f"assistance:{name}": {"public_id": "00000000-0000-4000-8000-000000000000"}
                       for name in ("request-edit", "certificate-create", "certificate-detail",
                                    "certificate-sign", "certificate-download", "delivery-act",
                                    "delivery-act-draw", "delivery-act-sign",
                                    "delivery-act-download")})

# The press desk's sections: the secretariat reads them; the press officer creates and edits.
EXPECTED.update({"press:section-list": OFFICERS, "press:section-create": (302, 403, 403, 403),
                 "press:section-edit": (302, 403, 403, 403)})
SAMPLES_BY_URL["press:section-edit"] = {"slug": "csc"}

QUERIES = {"api:agenda_items": f"?session={SOCHI_SESSION}",
           "api:agenda_item_add": f"?session={SOCHI_SESSION}",
           "api:chairmanship": "?year=2015", "api:chairmanship_schedule": "?first=2013&last=2017",
           "api:chairmanship_on": "?day=2013-09-24"}


@dataclass(frozen=True)
class Route:
    key: str
    route: str
    pattern: URLPattern


def _routes(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from _routes(entry, prefix + str(entry.pattern), inner)
        else:
            route = prefix + str(entry.pattern)
            name = entry.name or route
            yield Route(f"{namespace}:{name}" if namespace else name, route, entry)


def _group_end(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(" and text[index - 1] != "\\":
            depth += 1
        elif text[index] == ")" and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError(f"unbalanced group in {text!r}")


def _concrete(route: Route, values: dict[str, str]) -> str:
    def value(name: str) -> str:
        if name not in values:
            pytest.fail(f"No sample value for <{name}> in {route.key}: add one to SAMPLES.")
        return values[name]

    path = route.route
    while (start := path.find("(?P<")) != -1:  # regular-expression patterns
        name = path[start + 4:path.index(">", start)]
        path = path[:start] + value(name) + path[_group_end(path, start) + 1:]
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: value(m.group(1)), path)
    return "/" + re.sub(r"\\(.)", r"\1", path.replace("^", "").replace("$", ""))


def _rows() -> dict[str, str]:
    # Participants and agenda items are known by their row ids, which the demo does not fix.
    participant = Participant.objects.filter(session__public_id=SOCHI_SESSION).first()
    item = AgendaItem.objects.filter(session__public_id=SOCHI_SESSION).first()
    assert participant is not None and item is not None
    return {"participant_id": str(participant.pk), "item_id": str(item.pk)}

# A case's work, its Council decision and its after-action review: the forms are the crisis
# centre's (a missing case is then 404); the public reads PUBLIC cases and their published log.
_CRISIS_FORM = (302, 403, 403, 404)
EXPECTED.update({
    "crisis:case-list": PUBLIC, "crisis:case-detail": NOWHERE, "crisis:case-timeline": NOWHERE,
    "crisis:case-duty-add": _CRISIS_FORM, "crisis:case-task-add": _CRISIS_FORM,
    "crisis:case-facility-add": _CRISIS_FORM, "crisis:case-convene": _CRISIS_FORM,
    "crisis:case-silence": _CRISIS_FORM, "crisis:case-task-status": _CRISIS_POST,
    "crisis:case-facility-status": _CRISIS_POST, "crisis:case-review": _CRISIS_CASE,
    "crisis:case-review-write": _CRISIS_FORM, "crisis:case-lesson-observe": _CRISIS_FORM,
    "crisis:case-lesson-identify": _CRISIS_FORM, "crisis:case-lesson-assign": _CRISIS_FORM,
    "crisis:case-lesson-learn": _CRISIS_POST, "api:case_review": NOWHERE,
})
SAMPLES_BY_URL.update({f"crisis:{name}": {"public_id": _ANY_UUID} for name in (
    "case-duty-add", "case-task-add", "case-facility-add", "case-convene", "case-silence",
    "case-review", "case-review-write", "case-lesson-observe")})
SAMPLES_BY_URL.update({f"crisis:{name}": {"public_id": _ANY_UUID, "pk": "1"} for name in (
    "case-task-status", "case-facility-status")})
SAMPLES_BY_URL.update({f"crisis:{name}": {"public_id": _ANY_UUID, "number": "1"} for name in (
    "case-lesson-identify", "case-lesson-assign", "case-lesson-learn")})
# A case's deployments: the forms are for whoever may move contributions (the delegations and
# the Joint Staff; a missing case is then 404), refused to the secretariat officer.
EXPECTED.update({
    "crisis:case-deploy": _DELEGATIONS, "crisis:case-deployment-step": _DELEGATIONS,
    "api:case_deployments": NOWHERE, "api:case_deployment_add": NOWHERE,
})
SAMPLES_BY_URL["crisis:case-deploy"] = {"public_id": _ANY_UUID}
SAMPLES_BY_URL["crisis:case-deployment-step"] = {"public_id": _ANY_UUID,
                                                 "contribution_id": _ANY_UUID}
# A case's work and the Council's decision sought from it, through the API: the duty team's
# lists are for the signed-in (a missing case is 404); the actions only POST.
EXPECTED.update({
    "api:case_duty": (401, 404, 404, 404), "api:case_duty_assign": (401, 404, 404, 404),
    "api:case_task_add": (401, 404, 404, 404), "api:case_task_status": _CRISIS_POST,
    "api:case_facilities": (401, 404, 404, 404), "api:case_facility_add": (401, 404, 404, 404),
    "api:case_facility_status": _CRISIS_POST, "api:case_convene": _CRISIS_POST,
    "api:case_silence": _CRISIS_POST,
})
SAMPLES.update(task_id="1", facility_id="1")


def _urls(official: Official) -> dict[str, str]:
    urls = {}
    rows = _rows()
    for route in _routes(get_resolver()):
        values = {**SAMPLES, "official_id": str(official.public_id), **rows,
                  "pk": rows["item_id" if "agenda" in route.key else "participant_id"],
                  **SAMPLES_BY_URL.get(route.key, {})}
        url = _concrete(route, values)
        match = resolve(url)
        # django-ninja gives each method of one API path its own pattern; the first one answers.
        assert match.func == route.pattern.callback or match.route == route.route, \
            f"{url} is not {route.key}"
        urls[route.key] = url + QUERIES.get(route.key, "")
    return urls


def _visitor(username: str) -> Client:
    client = Client()
    if username != "anonymous":
        client.force_login(User.objects.get(username=username))
    return client


Responses = Callable[[], Iterator[tuple[str, str, str, Any]]]


@pytest.fixture
def responses(db: None) -> Responses:
    load(password="demo password for the url walk")
    load_council()
    urls = _urls(Official.objects.get(name_en="Alexander Studenikin"))

    def each() -> Iterator[tuple[str, str, str, Any]]:
        for username in VISITORS:
            client = _visitor(username)
            for key, url in sorted(urls.items()):
                yield key, username, url, client.get(url)

    return each


def test_it_pins_every_url_pattern_of_the_project(db):
    keys = {route.key for route in _routes(get_resolver())}

    assert sorted(keys - EXPECTED.keys()) == [], "new URL patterns: pin them in EXPECTED"
    assert sorted(EXPECTED.keys() - keys) == [], "EXPECTED names URL patterns that are gone"


def test_it_answers_every_url_as_pinned_for_every_visitor(responses):
    wrong = []
    for key, username, url, response in responses():
        expected = EXPECTED[key][VISITORS.index(username)]
        if response.status_code != expected:
            wrong.append(f"{key} {url} as {username}: {response.status_code}, not {expected}")

    assert wrong == []


class _InlineCode(HTMLParser):
    """What a CSP of script-src 'self' and style-src 'self' would refuse to run or apply."""

    DATA_TYPES = ("application/json", "application/ld+json")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._inline: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if "style" in attributes:
            self.found.append(f"<{tag} style=…>")
        self.found.extend(f"<{tag} {name}=…>" for name in attributes if name.startswith("on"))
        if (attributes.get("href") or "").strip().lower().startswith("javascript:"):
            self.found.append(f"<{tag} href=javascript:…>")
        if tag == "style":
            self._inline, self._text = "style", []
        if tag == "script" and "src" not in attributes and \
                (attributes.get("type") or "").lower() not in self.DATA_TYPES:
            self._inline, self._text = "script", []

    def handle_data(self, data: str) -> None:
        if self._inline:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inline:
            code = "".join(self._text).strip()
            if code:
                self.found.append(f"inline <{tag}>: {code[:60]!r}")
            self._inline = None


def test_it_serves_no_inline_code_or_style_on_any_page(responses):
    found: list[str] = []
    checked = 0
    for key, username, url, response in responses():
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        checked += 1
        parser = _InlineCode()
        parser.feed(response.content.decode())
        found.extend(f"{key} {url} as {username}: {problem}" for problem in parser.found)

    assert checked > 50  # the pages, not only redirects
    assert found == []
# The federation: signed-in users read the copies other nodes released to them (a copy no one
# has is missing); the node registry is the secretariat's. The bundles' address answers only
# requests signed by a registered node.
EXPECTED.update({
    "federation:copy-list": SIGNED_IN, "federation:copy-detail": (302, 404, 404, 404),
    "federation:node-list": OFFICERS,
    "api:copies": PUBLIC, "api:copy_read": NOWHERE,
    "api:bundle_push": (403, 403, 403, 403), "api:bundle_pull": (403, 403, 403, 403),
})
SAMPLES.update(copy_id=MISSING)
# Assistance's end-use certificates through the API: a certificate or request no record has is
# missing; issuing and signing are POSTs.
EXPECTED.update({
    "api:assistance_certificates": (404, 404, 404, 404),
    "api:assistance_certificate_issue": (405, 405, 405, 405),
    "api:assistance_certificate": (404, 404, 404, 404),
    "api:assistance_certificate_sign": (405, 405, 405, 405),
    "api:assistance_certificate_download": (404, 404, 404, 404),
})
SAMPLES.update(certificate_id=MISSING)
# The edit page's phases and lines of a request no record has: the pages are missing to the
# signed-in; removing is a POST.
EXPECTED.update({
    "assistance:request-phase-add": (302, 404, 404, 404),
    "assistance:request-phase-edit": (302, 404, 404, 404),
    "assistance:request-phase-remove": (405, 405, 405, 405),
    "assistance:request-line-new": (302, 404, 404, 404),
    "assistance:request-line-edit": (302, 404, 404, 404),
    "assistance:request-line-remove": (405, 405, 405, 405),
})
SAMPLES_BY_URL.update({f"assistance:{name}": {"public_id": MISSING, "number": "1"}
                       for name in ("request-phase-add", "request-phase-edit",
                                    "request-phase-remove", "request-line-new",
                                    "request-line-edit", "request-line-remove")})
