"""Every URL of the project, requested by a delegate and by the public, shows nothing of a record
hidden from them: neither its title nor its identifier, in pages, API answers, exports (inside
the DOCX and XLSX archives, in the text of the PDFs), calendars, CAP messages or the dashboard.

Each labelled record is planted with a marker of its own in its title, name, text or narrative,
among them the shapes that lead from a readable record to a hidden one: a document released to
all member states of a session hidden from Tajikistan, its instructions, a session whose previous
session is hidden, an implementation report on a hidden session, an incident merged into a
hidden one, an alert of an indicator released to Tajikistan alone that must count only what
Tajikistan may read, a situation report over hidden incidents. A readable record's marker must
show up somewhere in the same walk, so that the absence of the others means something."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from django.test import Client
from django.urls import get_resolver, resolve
from pypdf import PdfReader

from concord.accounts.models import Role
from concord.assistance.models import AllocationProposal, BurdenKey, CapacityDeclaration
from concord.assistance.services import pledges as assistance_pledges
from concord.assistance.services import requests as assistance
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.labels import Classification, can_read
from concord.core.models import LabelledModel, Party
from concord.core.release import labelled_models
from concord.council import services as council
from concord.council.models import (
    Document,
    ImplementationEntry,
    ImplementationReport,
    Instruction,
    Session,
)
from concord.council.tests.factories import ALL_CONCUR, positions
from concord.crisis.services import cases as crisis_cases
from concord.crisis.services import log as crisis_log
from concord.federation.models import ReceivedCopy
from concord.federation.services.exchange import bundle_import
from concord.federation.tests import factories as federated
from concord.forces.services import contributions as forces_contributions
from concord.forces.services import exercises, lessons, operations
from concord.forces.services import formations as forces_formations
from concord.forces.services import readiness as forces_readiness
from concord.forces.services import units as forces_units
from concord.forces.tests.factories import unit as forces_unit
from concord.monitoring import services as monitoring
from concord.monitoring.models import Alert, AlertLevel, Incident, Indicator, SituationReport
from concord.press.models import Publication
from concord.press.services import publications as press
from concord.press.services.publications import Wording
from concord.registry.tests.factories import Organization, organization
from conftest import make_user
from tests.test_urls import Route, _concrete, _routes

PUBLIC = {"classification": Classification.PUBLIC}
MEMBERS = {"classification": Classification.OFFICIAL_USE, "release_to_all_members": True}
CONFIDENTIAL = {"classification": Classification.CONFIDENTIAL, "release_to_all_members": True}
ZERO = "00000000-0000-4000-8000-000000000000"
R = TypeVar("R", bound=LabelledModel)


def _russia_only(russia: Party) -> dict[str, Any]:
    return {"classification": Classification.OFFICIAL_USE, "release_to_all_members": False,
            "releasable_to": [russia]}


@dataclass
class Planted:
    """The planted records, each with the marker it carries, by the URL parameter naming it."""

    markers: dict[LabelledModel, str] = field(default_factory=dict)
    pools: dict[str, list[LabelledModel]] = field(default_factory=dict)
    official: str = ""

    def plant(self, pool: str, record: R, marker: str) -> R:
        self.markers[record] = marker
        self.pools.setdefault(pool, []).append(record)
        return record


def _session(planted: Planted, org: Organization, officer: Any, marker: str, label: dict[str, Any],
             *, starts_on: date, **fields: Any) -> Session:
    record = council.session_create(actor=officer, body=org.csc, kind=Session.Kind.REGULAR,
                                    title_ru=marker, title_en=marker, place_ru="Сочи",
                                    place_en="Sochi", starts_on=starts_on, **label, **fields)
    return planted.plant("session", record, marker)


def _document(planted: Planted, org: Organization, officer: Any, marker: str,
              label: dict[str, Any], *, session: Session) -> Document:
    record = council.document_register(
        actor=officer, body=org.csc, doc_type=Document.Type.DECISION, title_ru=marker,
        title_en=marker, year=2014, texts={"ru": f"Решили: {marker}", "en": f"Decided: {marker}"},
        **label)
    # Attached after its registration: the shape a document released wider than its session
    # takes when it was recorded before the session was narrowed.
    Document._base_manager.filter(pk=record.pk).update(session=session)
    record.session_id = session.pk
    return planted.plant("document", record, marker)


def _instruction(planted: Planted, officer: Any, marker: str, document: Document,
                 classification: int | None = None) -> Instruction:
    record = council.instruction_add(actor=officer, document=document, text_ru=marker,
                                     text_en=marker,
                                     addressee_kind=Instruction.Addressee.ALL_STATES,
                                     deadline_months=3, classification=classification)
    return planted.plant("instruction", record, marker)


def _implementation_report(planted: Planted, marker: str, label: dict[str, Any], *,
                           session: Session, covers: Session,
                           entries: list[Instruction]) -> ImplementationReport:
    releasable_to = label.pop("releasable_to", [])
    record = ImplementationReport.objects.create(session=session, covers=covers, title_ru=marker,
                                                 title_en=marker, originator=session.originator,
                                                 **label)
    record.releasable_to.set(releasable_to)
    for order, instruction in enumerate(entries, start=1):
        ImplementationEntry.objects.create(report=record, instruction=instruction, order=order,
                                           status=instruction.status, text_ru="Выполняется",
                                           text_en="Under way")
    return planted.plant("implementation_report", record, marker)


def _incident(planted: Planted, secretariat: Party, marker: str, label: dict[str, Any],
              occurred_on: date) -> Incident:
    record = monitoring.incident_create(
        actor=SYSTEM, originator=secretariat, occurred_on=occurred_on, country="TJ",
        admin1="Khatlon", location="Panj", latitude=37.24, longitude=69.10,
        category="drug_trafficking", sub_category="drug_seizure", actor1="Border Troops",
        narrative=marker, sources="Asia-Plus", **label)
    return planted.plant("incident", record, marker)


def _indicator(planted: Planted, analyst: Any, marker: str, label: dict[str, Any]) -> Indicator:
    record = monitoring.indicator_define(actor=analyst, name_ru=marker, name_en=marker,
                                         category="drug_trafficking",
                                         window_days=30, orange=0, red=100, **label)
    return planted.plant("indicator", record, marker)


def _alert(planted: Planted, indicator: Indicator, on: date) -> Alert:
    record = monitoring.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=on)
    assert record is not None  # the planting itself
    # An alert carries no text of its own: its identifier is its marker.
    return planted.plant("alert", record, str(record.public_id))


def _situation_report(planted: Planted, analyst: Any, marker: str, start: date,
                      end: date) -> SituationReport:
    record = monitoring.report_generate(actor=analyst, start=start, end=end, title=marker)
    return planted.plant("situation_report", record, marker)


def _assistance(planted: Planted, org: Organization, officer: Any, russia: Party,
                kazakh: Any) -> None:
    """A request of Tajikistan released to all member states, with Russia's pledge and
    Kazakhstan's CONFIDENTIAL one; a request of Russia kept for Russia, with a capacity
    declaration and an allocation proposal of the same label."""
    line = [dict(category="optics", description_ru="Бинокли", quantity=10)]
    readable = assistance.request_create(
        actor=officer, requesting_state=org.states["TJ"], title_ru="READABLE-assistance-request",
        title_en="READABLE-assistance-request", beneficiary_ru="Погранвойска",
        kind="military_technical", lines=line, **MEMBERS)
    planted.plant("assistance_request", readable, "READABLE-assistance-request")
    hidden = assistance.request_create(
        actor=officer, requesting_state=org.states["RU"],
        title_ru="HIDDEN-MARKER-assistance-request", title_en="HIDDEN-MARKER-assistance-request",
        beneficiary_ru="Пограничная служба", kind="military_technical", lines=line,
        **_russia_only(russia))
    planted.plant("assistance_request", hidden, "HIDDEN-MARKER-assistance-request")
    assistance.request_submit(actor=officer, request=readable)
    assistance.request_open(actor=officer, request=readable, opens_on=date(2020, 1, 1),
                            closes_on=date(2099, 1, 1))
    first = readable.lines.get()
    shown = assistance_pledges.pledge_make(actor=officer, request=readable,
                                           state=org.states["RU"], note="READABLE-pledge",
                                           lines=[{"line": first, "quantity": 4}])
    planted.plant("pledge", shown, "READABLE-pledge")
    kept = assistance_pledges.pledge_make(
        actor=kazakh, request=readable, note="HIDDEN-MARKER-pledge-confidential",
        classification=Classification.CONFIDENTIAL, lines=[{"line": first, "quantity": 3}])
    planted.plant("pledge", kept, "HIDDEN-MARKER-pledge-confidential")
    capacity = CapacityDeclaration.objects.create(
        state=org.states["RU"], category="optics", quantity=50, declared_on=date(2014, 1, 1),
        note="HIDDEN-MARKER-capacity", originator=russia, classification=Classification.OFFICIAL_USE,
        release_to_all_members=False)
    capacity.releasable_to.set([russia])
    planted.plant("capacity", capacity, "HIDDEN-MARKER-capacity")
    key = BurdenKey.objects.create(code="budget", name_ru="Бюджет", name_en="Budget")
    proposal = AllocationProposal.objects.create(
        request=hidden, key=key, originator=russia, classification=Classification.OFFICIAL_USE,
        release_to_all_members=False)
    proposal.releasable_to.set([russia])
    # A proposal carries no text of its own: its identifier is its marker.
    planted.plant("allocation", proposal, str(proposal.public_id))


@pytest.fixture
def planted(personas: Any) -> Planted:
    org = organization()
    officer, analyst = personas.officer, personas.analyst
    russia, secretariat = personas.state_a, personas.secretariat
    hidden = _russia_only(russia)
    found = Planted(official=str(org.studenikin.public_id))

    # Council: sessions, the documents attached to them, their instructions and reports.
    previous_hidden = _session(found, org, officer, "HIDDEN-MARKER-session-previous", hidden,
                               starts_on=date(2013, 9, 23))
    session_hidden = _session(found, org, officer, "HIDDEN-MARKER-session-confidential",
                              CONFIDENTIAL, starts_on=date(2014, 5, 8), previous=previous_hidden)
    session_public = _session(found, org, officer, "READABLE-session-public", PUBLIC,
                              starts_on=date(2014, 12, 23), previous=previous_hidden)
    document_hidden = _document(found, org, officer, "HIDDEN-MARKER-document", hidden,
                                session=session_public)
    _document(found, org, officer, "READABLE-document-members", MEMBERS, session=session_public)
    on_hidden_session = _document(found, org, officer, "READABLE-document-of-hidden-session",
                                  MEMBERS, session=session_hidden)
    public_on_hidden = _document(found, org, officer, "READABLE-public-document-of-hidden-session",
                                 PUBLIC, session=previous_hidden)
    positions(org, officer, on_hidden_session, ALL_CONCUR)
    council.document_decide(actor=officer, document=on_hidden_session, session=session_hidden)
    positions(org, officer, public_on_hidden, ALL_CONCUR)
    council.document_decide(actor=officer, document=public_on_hidden, session=previous_hidden)
    readable_instruction = _instruction(found, officer, "READABLE-instruction-members",
                                        on_hidden_session)
    hidden_instruction = _instruction(found, officer, "HIDDEN-MARKER-instruction-confidential",
                                      on_hidden_session, Classification.CONFIDENTIAL)
    _instruction(found, officer, "HIDDEN-MARKER-instruction-russia", document_hidden)
    public_instruction = _instruction(found, officer, "READABLE-instruction-public",
                                      public_on_hidden)
    # An instruction released to all member states of the decision kept for Russia.
    of_hidden = _instruction(found, officer, "READABLE-instruction-of-hidden-decision",
                             on_hidden_session)
    Instruction._base_manager.filter(pk=of_hidden.pk).update(document=document_hidden, number=9)
    _implementation_report(found, "READABLE-implementation-report-of-hidden-session", MEMBERS,
                           session=session_public, covers=session_hidden,
                           entries=[readable_instruction, hidden_instruction])
    _implementation_report(found, "HIDDEN-MARKER-implementation-report", hidden,
                           session=session_public, covers=previous_hidden,
                           entries=[public_instruction])
    # The service's own report to the public session on the hidden one before it.
    generated = council.implementation_report_generate(actor=officer, session=session_public,
                                                       covers=previous_hidden)
    found.plant("implementation_report", generated, str(generated.public_id))

    # Monitoring: incidents of this month and of two months ago, indicators and their alerts,
    # situation reports.
    today = clock.today()
    _incident(found, secretariat, "READABLE-incident-public", PUBLIC, today - timedelta(days=3))
    _incident(found, secretariat, "READABLE-incident-members", MEMBERS, today - timedelta(days=4))
    hidden_incident = _incident(found, secretariat, "HIDDEN-MARKER-incident-russia", hidden,
                                today - timedelta(days=5))
    _incident(found, secretariat, "HIDDEN-MARKER-incident-confidential", CONFIDENTIAL,
              today - timedelta(days=6))
    duplicate = _incident(found, secretariat, "READABLE-incident-merged-into-hidden", MEMBERS,
                          today - timedelta(days=5))
    monitoring.incident_merge(actor=analyst, survivor=hidden_incident, duplicate=duplicate)
    _incident(found, secretariat, "READABLE-incident-earlier", MEMBERS, today - timedelta(days=60))
    for_tajikistan = _indicator(found, analyst, "READABLE-indicator-for-tajikistan", {
        "classification": Classification.OFFICIAL_USE, "release_to_all_members": False,
        "releasable_to": [personas.state_b]})
    for_russia = _indicator(found, analyst, "HIDDEN-MARKER-indicator", hidden)
    _alert(found, for_tajikistan, today)
    hidden_alert = _alert(found, for_russia, today)
    # An alert released to all member states of the indicator kept for Russia.
    wider = Alert.objects.create(indicator=for_russia, level=AlertLevel.ORANGE, value=1,
                                 window_start=hidden_alert.window_start, window_end=today,
                                 raised_at=hidden_alert.raised_at,
                                 updated_at=hidden_alert.raised_at, originator=secretariat,
                                 **MEMBERS)
    found.plant("alert", wider, str(wider.public_id))
    _situation_report(found, analyst, "HIDDEN-MARKER-situation-report", today - timedelta(days=29),
                      today)
    _situation_report(found, analyst, "READABLE-situation-report-earlier",
                      today - timedelta(days=65), today - timedelta(days=55))

    _press(found, secretariat, officer)
    _forces(found, org, personas, hidden)
    _exercises(found, org, personas)
    kazakh = make_user("delegate_kz", Party.objects.get(pk=org.states["KZ"].party_id),
                       Classification.CONFIDENTIAL, Role.DELEGATE)
    _assistance(found, org, officer, russia, kazakh)
    _joint_operations(found, personas)
    _crisis(found, personas, officer, hidden)
    _federation(found, personas)
    return found


def _press(planted: Planted, secretariat: Party, officer: Any) -> None:
    """An item still in the secretariat's hands, and one out in public."""
    press_officer = make_user("press", secretariat, Classification.OFFICIAL_USE,
                              Role.PRESS_OFFICER)
    planted.plant("publication", _publication(press_officer, "HIDDEN-MARKER-publication-draft"),
                  "HIDDEN-MARKER-publication-draft")
    out = _publication(press_officer, "READABLE-publication-public")
    press.publication_submit(actor=press_officer, publication=out)
    press.publication_approve(actor=officer, publication=out)
    planted.plant("publication", out, "READABLE-publication-public")


def _publication(press_officer: Any, marker: str) -> Publication:
    return press.publication_draft(
        actor=press_officer, pub_type=Publication.Type.NEWS,
        texts={"ru": Wording(title=marker, body=marker), "en": Wording(title=marker, body=marker)})


def _crisis(planted: Planted, personas: Any, officer: Any, hidden: dict[str, Any]) -> None:
    """A crisis case readable and one hidden, and in the readable one's log an entry hidden."""
    for marker, label in (("READABLE-crisis-case", MEMBERS), ("HIDDEN-MARKER-crisis-case", hidden)):
        planted.plant("crisis_case", crisis_cases.case_open(
            actor=officer, title=marker, type="natural", severity="severe",
            affected_states=[personas.state_a], originator=personas.secretariat, **label), marker)
    case = planted.pools["crisis_case"][0]
    for marker, label in (("READABLE-crisis-log-entry", MEMBERS),
                          ("HIDDEN-MARKER-crisis-log-entry", hidden)):
        planted.plant("crisis_log_entry", crisis_log.log_add(
            actor=officer, case=case, text=marker, originator=personas.secretariat, **label),
            marker)


def _forces(planted: Planted, org: Organization, personas: Any, hidden: dict[str, Any]) -> None:
    """A formation and a Russian unit each readable and hidden, a contribution of each kind
    between the readable ones, and the unit's strength and readiness shown and withheld."""
    russia = org.states["RU"]
    for marker, label in (("READABLE-formation", MEMBERS), ("HIDDEN-MARKER-formation", hidden)):
        planted.plant("formation", forces_formations.formation_create(
            actor=SYSTEM, code=marker.lower(), originator=personas.secretariat,
            kind="rapid_reaction", name_ru=marker, name_en=marker, **label), marker)
    units = {}
    for marker, label in (("READABLE-unit", MEMBERS), ("HIDDEN-MARKER-unit", hidden)):
        units[marker] = planted.plant("unit", forces_units.unit_create(
            actor=SYSTEM, state=russia, name_ru=marker, name_en=marker, unit_type="airborne",
            echelon=18, symbol_code="10031000181211000001", **label), marker)
    unit, formation = units["READABLE-unit"], planted.pools["formation"][0]
    for marker, label in (("READABLE-strength", MEMBERS), ("HIDDEN-MARKER-strength", hidden)):
        planted.plant("strength", forces_units.strength_record(
            actor=SYSTEM, unit=unit, as_of=clock.today(), personnel_on_hand=500, note=marker,
            **label), marker)
    for marker, label in (("READABLE-contribution", MEMBERS),
                          ("HIDDEN-MARKER-contribution", hidden)):
        planted.plant("contribution", forces_contributions.contribution_earmark(
            actor=SYSTEM, formation=formation, unit=unit, note=marker,
            period_from=date(2020, 1, 1) if marker.startswith("READABLE") else date(2010, 1, 1),
            period_to=None if marker.startswith("READABLE") else date(2015, 1, 1), **label),
            marker)
    for days, marker, label in ((2, "READABLE-readiness", MEMBERS),
                                (1, "HIDDEN-MARKER-readiness", hidden)):
        planted.plant("readiness", forces_readiness.readiness_record(
            actor=SYSTEM, unit=unit, reported_on=clock.today() - timedelta(days=days),
            training=3, caveats=marker, **label), marker)


# --- Exercises: an exercise kept for Russia, and in a public one a participation Russia keeps to
# itself with its rating, and a confidential lesson.

def _exercises(found: Planted, org: Organization, personas: Any) -> None:
    states, russia = org.states, personas.state_a
    found.plant("exercise", exercises.exercise_plan(
        actor=SYSTEM, series_ru="HIDDEN-MARKER-exercise-russia", series_en="Hidden", year=2013,
        kind="joint", host_state=states["RU"], starts_on=date(2013, 9, 1),
        ends_on=date(2013, 9, 5), **_russia_only(russia)), "HIDDEN-MARKER-exercise-russia")
    public = found.plant("exercise", exercises.exercise_plan(
        actor=SYSTEM, series_ru="READABLE-exercise-public", series_en="Readable", year=2013,
        kind="joint", host_state=states["TJ"], starts_on=date(2013, 9, 1),
        ends_on=date(2013, 9, 5), **PUBLIC), "READABLE-exercise-public")
    ours = forces_unit(states["TJ"], name="Отряд", name_en="Detachment")
    theirs = forces_unit(states["RU"], name="Бригада", name_en="Brigade")
    theirs.releasable_to.add(personas.secretariat)
    readable = found.plant("participant", exercises.participant_add(
        actor=SYSTEM, exercise=public, state=states["TJ"], unit=ours,
        contingent_ru="READABLE-participant-public", personnel=10),
        "READABLE-participant-public")
    hidden = found.plant("participant", exercises.participant_add(
        actor=SYSTEM, exercise=public, state=states["RU"], unit=theirs,
        contingent_ru="HIDDEN-MARKER-participant-russia", personnel=20,
        classification=Classification.OFFICIAL_USE, release_to_all_members=False,
        releasable_to=[]), "HIDDEN-MARKER-participant-russia")
    exercises.exercise_status(actor=SYSTEM, exercise=public, status="running")
    objective = exercises.objective_add(actor=SYSTEM, exercise=public, task="command",
                                        text_ru="Управлять", text_en="Command")
    for participant, marker in ((readable, "READABLE-evaluation-public"),
                                (hidden, "HIDDEN-MARKER-evaluation-russia")):
        found.plant("evaluation", exercises.evaluation_record(
            actor=SYSTEM, participant=participant, objective=objective, rating=3,
            remarks=marker, evaluated_on=date(2013, 9, 5)), marker)
    found.plant("lesson", lessons.lesson_observe(
        actor=SYSTEM, exercise=public, observation_ru="READABLE-lesson-public",
        observation_en=""), "READABLE-lesson-public")
    found.plant("lesson", lessons.lesson_observe(
        actor=SYSTEM, exercise=public, observation_ru="HIDDEN-MARKER-lesson-confidential",
        observation_en="", classification=Classification.CONFIDENTIAL),
        "HIDDEN-MARKER-lesson-confidential")


def _joint_operations(planted: Planted, personas: Any) -> None:
    """A public operation with a published result and one kept for Russia, the public figures
    made of them, and an operation kept for Russia."""
    russia, secretariat = personas.state_a, personas.secretariat
    operations.substances_seed(actor=SYSTEM)
    for marker, label in (("READABLE-operation-public", PUBLIC),
                          ("HIDDEN-MARKER-operation", _russia_only(russia))):
        operation = operations.operation_create(
            actor=SYSTEM, originator=secretariat, code=marker.lower(), name_ru=marker,
            name_en=marker, kind="drugs", **label)
        operations.stage_add(actor=SYSTEM, operation=operation, number=1,
                                     name_ru="1", name_en="1", starts_on=date(2014, 6, 2),
                                     ends_on=date(2014, 6, 8))
        planted.plant("operation", operation, marker)
    for marker, measure, label in (
            ("READABLE-result-public", "detained", {"classification": Classification.PUBLIC}),
            ("HIDDEN-MARKER-result-russia", "wanted", {})):
        # Both on the hidden operation's stage and on the public one's.
        for on in planted.pools["operation"]:
            result = operations.result_report(actor=SYSTEM, figure=operations.ResultFigure(
                stage=on.stages.get(), state=russia, measure=measure,
                quantity=Decimal(len(marker)), unit="count", note=marker, **label))
            if on.classification == Classification.PUBLIC:
                planted.plant("operation_result", result, marker)
    public = planted.pools["operation"][0]
    publication = operations.publication_generate(actor=SYSTEM, operation=public)
    planted.plant("operation_publication", publication, str(publication.public_id))


# --- The walk ----------------------------------------------------------------------------------

# Which planted records a URL parameter takes, by URL name where one name means several things.
POOL_BY_PARAMETER = {"session_id": "session", "document_id": "document",
                     "instruction_id": "instruction", "incident_id": "incident",
                     "alert_id": "alert", "indicator_id": "indicator",
                     "request_id": "assistance_request", "pledge_id": "pledge",
                     "operation_id": "operation", "publication_id": "operation_publication"}
POOL_BY_PARAMETER.update(formation_id="formation", unit_id="unit")
POOL_BY_PARAMETER.update(case_id="crisis_case")
# A reported figure of a joint operation, with its history and its correction.
POOL_BY_PARAMETER.update(result_id="operation_result")
FORCES_POOLS = (("forces:formation-", "formation"), ("forces:contribution-", "contribution"),
                ("forces:unit-", "unit"))
COUNCIL_POOLS = (("council:report-generate", "session"),
                 ("council:report-", "implementation_report"),
                 ("council:instruction-detail", "instruction"),
                 ("council:instruction-create", "document"), ("council:document-", "document"),
                 ("council:session-", "session"))
# Participants and agenda items are rows of their session, named by their row id under it.
FIXED = {"number": "1", "fingerprint": "0" * 64, "import_id": ZERO, "pk": "1",
         "participant_id": "1", "item_id": "1", "pledge_line_id": ZERO, "delivery_id": ZERO,
         "action": "submit"}
FIXED_BY_URL = {"registry:state-detail": {"code": "TJ"}, "registry:state-edit": {"code": "TJ"},
                "registry:state-status": {"code": "TJ"}, "api:member_state": {"code": "TJ"},
                "api:member_state_update": {"code": "TJ"},
                "registry:body-detail": {"code": "CSC"}, "registry:body-edit": {"code": "CSC"},
                "api:body": {"code": "CSC"}, "portal:label-change-decide": {"public_id": ZERO},
                "press:file": {"public_id": ZERO},
                **{key: {"language": "ru", "pub_type": "news", "slug": "x"} for key in (
                    "press:feed", "press:feed-type", "press:public-text", "api:publication",
                    "press:publication-write", "press:publication-correct")},
                "assistance:state-pledges": {"code": "RU"},
                "press:section-edit": {"slug": "x"},
                "crisis:case-log-export": {"fmt": "csv"},
                **{f"assistance:{name}": {"public_id": ZERO} for name in (
                    "pledge-line-commit", "pledge-line-revise", "pledge-line-cancel",
                    "pledge-line-respond", "pledge-delivery-receive", "pledge-delivery-accept")}}
FIXED.update(stage_number="1")
TABLES = ("", "?format=csv", "?format=xlsx")
LANGUAGES = ("?language=ru", "?language=en")
QUERIES: dict[str, tuple[str, ...]] = {
    "council:session-list": TABLES, "council:document-list": TABLES,
    "council:instruction-list": TABLES, "council:report-list": TABLES,
    "assistance:request-list": TABLES,
    "monitoring:incident-list": ("", "?format=acled", "?format=xlsx", "?format=geojson",
                                 "?format=acled&days=3650", "?format=geojson&days=3650"),
    "monitoring:situation": ("", "?days=3650"),
    **{f"forces:{name}": TABLES for name in ("formation-list", "unit-list",
                                             "formation-detail")},
    "forces:readiness-list": (*TABLES, "?history=1", "?history=1&format=xlsx"),
    "api:situation_summary": ("", "?days=3650"),
    "monitoring:report-detail": ("", "?format=docx", "?format=pdf"),
    "monitoring:alert-list": ("", "?active=false"),
    "api:alerts": ("?limit=500", "?limit=500&active=true"),
    "api:incidents": ("?limit=500", "?limit=500&include_merged=true"),
    "api:chairmanship": ("?year=2014",), "api:chairmanship_schedule": ("?first=2013&last=2017",),
    "press:search": ("?q=MARKER&language=ru", "?q=MARKER&language=en"),
    "api:publications": LANGUAGES,
    "press:calendar": LANGUAGES,
    "forces:operation-list": TABLES, "forces:operation-results": TABLES,
    "forces:operation-totals": (*TABLES, "?by=stage", "?by=state", "?by=year"),
    "api:operation_totals": ("?by=stage", "?by=operation"),
    **{key: LANGUAGES for key in ("council:document-docx", "council:document-pdf",
                                  "council:document-akn", "council:report-docx",
                                  "council:report-pdf", "api:document_akn", "api:document_docx",
                                  "api:document_pdf")},
    **{key: ("?limit=500",) for key in ("api:sessions", "api:documents", "api:instructions",
                                         "api:assistance_requests",
                                         "api:implementation_reports", "api:indicators",
                                         "api:member_states", "api:officials")},
}
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


# The exercises' pages name an exercise, or a lesson, by its public id.
EXERCISE_POOLS = (("forces:lesson-detail", "lesson"), ("forces:lesson-step", "lesson"),
                  ("forces:exercise-", "exercise"), ("forces:lesson-observe", "exercise"))
POOL_BY_PARAMETER["exercise_id"] = "exercise"
QUERIES.update({key: LANGUAGES for key in ("forces:exercise-after-action-docx",
                                           "forces:exercise-after-action-pdf")})
QUERIES.update({key: TABLES for key in ("forces:exercise-list", "forces:lesson-list")})


def _pool(route: Route, name: str) -> str | None:
    if name == "public_id" and route.key.startswith(("forces:exercise-", "forces:lesson-")):
        return next(pool for prefix, pool in EXERCISE_POOLS if route.key.startswith(prefix))
    if name in POOL_BY_PARAMETER:
        return POOL_BY_PARAMETER[name]
    if name == "report_id":
        return "situation_report" if route.key.startswith("monitoring:") else \
            "implementation_report"
    if name == "public_id" and route.key.startswith("press:publication-"):
        return "publication"
    if name == "public_id" and route.key.startswith("council:"):
        return next(pool for prefix, pool in COUNCIL_POOLS if route.key.startswith(prefix))
    if name == "public_id" and route.key.startswith("forces:"):
        return next((pool for prefix, pool in FORCES_POOLS if route.key.startswith(prefix)),
                    None)
    if name == "public_id" and route.key.startswith("assistance:"):
        return "pledge" if route.key in ("assistance:pledge-detail", "assistance:pledge-ship",
                                         "assistance:certificate-create") \
            else "assistance_request"
    if name == "public_id" and route.key.startswith("crisis:"):
        return "crisis_case"
    return None


def _bindings(route: Route, planted: Planted) -> Iterator[dict[str, str]]:
    """The parameter values to request `route` with: once for each planted record it can name."""
    base = {**FIXED, "official_id": planted.official, **FIXED_BY_URL.get(route.key, {})}
    names = [name for name in PARAMETER.findall(route.route) if name not in base]
    if route.key == "portal:relabel":
        for pool in planted.pools.values():
            for record in pool:
                yield {**base, "model": record._meta.label_lower,
                       "public_id": str(record.public_id)}
        return
    pools = {name: _pool(route, name) for name in names}
    if not names or not any(pools.values()):
        yield base
        return
    # One record per URL; a second one (an entry's instruction in its report) is a sample.
    name = next(name for name in names if pools[name])
    others = dict.fromkeys((other for other in names if other != name), ZERO)
    for record in planted.pools[pools[name] or ""]:
        yield {**base, **others, name: str(record.public_id)}


def _urls(planted: Planted) -> list[tuple[str, str]]:
    urls = []
    for route in _routes(get_resolver()):
        for values in _bindings(route, planted):
            path = _concrete(route, values)
            assert resolve(path).url_name is not None
            queries = QUERIES.get(route.key, ("",))
            if route.key in ("api:agenda_items", "api:agenda_item_add"):
                queries = tuple(f"?session={s.public_id}"
                                for s in planted.pools["session"])
            if route.key == "council:calendar":
                queries = ("", *(f"?month={s.starts_on:%Y-%m}"
                                 for s in planted.pools["session"]))
            urls.extend((route.key, path + query) for query in queries)
    return urls


def _text(content: bytes) -> str:
    """What a reader of the response could find in it: the members of a DOCX or XLSX archive,
    the text and metadata of a PDF, the body itself otherwise."""
    if content.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace")
                             for name in archive.namelist())
    if content.startswith(b"%PDF"):
        reader = PdfReader(io.BytesIO(content))
        pages = "".join(page.extract_text() or "" for page in reader.pages)
        metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
        # Lines of a PDF break where the layout wants: the words are searched without spaces.
        return "".join((pages + metadata).split()) + "\n" + content.decode("latin-1")
    return content.decode("utf-8", "replace")


def _traces(record: LabelledModel, marker: str) -> tuple[str, ...]:
    public_id: uuid.UUID = record.public_id
    return (marker, str(public_id), public_id.hex)


def _walk(planted: Planted, user: Any) -> Iterator[tuple[str, str, int, str]]:
    # A page that fails over a hidden relation tells that something is there: it is a trace too.
    client = Client(raise_request_exception=False)
    if user.is_authenticated:
        client.force_login(user)
    for key, url in _urls(planted):
        response = client.get(url)
        yield key, url, response.status_code, _text(response.content)


@pytest.mark.parametrize("persona", ["delegate_b", "anonymous"])
def test_it_shows_no_trace_of_a_hidden_record_anywhere(planted, personas, persona):
    user = getattr(personas, persona)
    hidden = {record: _traces(record, marker) for record, marker in planted.markers.items()
              if not can_read(user, record)}
    readable = {record: marker for record, marker in planted.markers.items()
                if can_read(user, record)}
    assert hidden and readable  # both kinds are planted for both personas
    leaks, seen, walked = [], set(), 0
    for key, url, status, text in _walk(planted, user):
        walked += 1
        if status >= 500:
            leaks.append(f"{key} {url} answers {status}")
        for record, traces in hidden.items():
            # A page may repeat its own address (a form's action, the language switch): the
            # identifier the visitor asked with is theirs already, but not the record's marker.
            found = [trace for trace in traces if trace in text and trace not in url]
            if found:
                leaks.append(f"{key} {url} ({status}) shows {type(record).__name__} "
                             f"{planted.markers[record]}: {found[0]}")
        seen.update(record for record, marker in readable.items()
                    if marker in text or str(record.public_id) in text)

    assert walked > 300
    assert leaks == [], "\n".join(leaks)
    # What the persona may read does show up in the same walk: the silence is not an accident.
    assert sorted(readable[record] for record in readable.keys() - seen) == []


def test_it_plants_every_labelled_model(planted):
    planted_models = {type(record) for record in planted.markers}
    # The test settings add a probe app of their own, which has no URL.
    concord_models = {m for m in labelled_models() if m.__module__.startswith("concord.")}

    assert planted_models == concord_models


def test_it_counts_an_alert_of_tajikistan_over_what_tajikistan_may_read(planted, personas):
    alert = next(a for a in planted.pools["alert"]
                 if can_read(personas.delegate_b, a))
    counted = [i for i in planted.pools["incident"]
               if can_read(personas.delegate_b, i) and i.merged_into_id is None
               and i.occurred_on >= alert.window_start]

    assert alert.level == AlertLevel.ORANGE
    assert alert.value == len(counted) == 2


def test_it_keeps_a_report_on_a_hidden_session_from_those_who_may_not_read_it(planted, personas):
    # The report names the session it covers in its title.
    generated = planted.pools["implementation_report"][-1]

    assert "HIDDEN-MARKER-session-previous" in generated.title_en
    assert not can_read(personas.delegate_b, generated)
    assert can_read(personas.delegate_a, generated)


def test_it_keeps_a_situation_report_over_hidden_incidents_from_tajikistan(planted, personas):
    over_hidden = next(r for r, m in planted.markers.items()
                       if m == "HIDDEN-MARKER-situation-report")

    assert not can_read(personas.delegate_b, over_hidden)
    assert not can_read(personas.anonymous, over_hidden)


LISTS = {"/api/v1/sessions": Session, "/api/v1/documents": Document,
         "/api/v1/instructions": Instruction, "/api/v1/implementation-reports": ImplementationReport,
         "/api/v1/incidents": Incident, "/api/v1/indicators": Indicator,
         "/api/v1/alerts": Alert}


@pytest.mark.parametrize("persona", ["delegate_b", "anonymous"])
@pytest.mark.parametrize("url", sorted(LISTS))
def test_it_counts_in_an_api_list_only_what_the_caller_may_read(planted, personas, persona, url):
    user = getattr(personas, persona)
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    model = LISTS[url]
    records = [r for r in model._base_manager.all() if can_read(user, r)]
    if model is Incident:  # the list leaves out records merged into another
        records = [r for r in records if r.merged_into_id is None]

    answer = client.get(url, {"limit": 500}).json()

    assert answer["count"] == len(records)
    assert sorted(item["id"] for item in answer["items"]) == \
        sorted(str(r.public_id) for r in records)


def _federation(planted: Planted, personas: Any) -> None:
    """Copies the Russian node sent the secretariat's: one released to all member states, and
    one released to the secretariat alone."""
    here = federated.this_node("SEC")
    russian = federated.peer("ru", "RU")
    contents = [
        federated.record_object(russian, title="READABLE-received-copy",
                                releasable_to=("SEC",)),
        federated.record_object(russian, title="HIDDEN-MARKER-received-copy", to_all=False,
                                releasable_to=("SEC",))]
    bundle_import(actor=SYSTEM, bundle=federated.bundle(russian, here, contents))
    for content in contents:
        planted.plant("received_copy", ReceivedCopy.objects.unscoped(reason="planting").get(
            record_id=content["recordID"]), content["title"])


POOL_BY_PARAMETER["copy_id"] = "received_copy"
# An end-use certificate's API addresses: read with an id no record has (the certificate of a
# withheld pledge is walked in the assistance app's own tests).
FIXED["certificate_id"] = ZERO
