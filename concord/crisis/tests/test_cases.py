"""Opening a case, its phase rules, and the log each linked service writes in its own
transaction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from concord.core.actors import SYSTEM
from concord.core.errors import InvalidState, ValidationError
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.council.models import Session
from concord.crisis.models import Case, ClockFact, LogEntry
from concord.crisis.selectors.cases import case_facts
from concord.crisis.services import cases as services
from concord.crisis.services import log as log_services
from concord.crisis.services import work
from concord.crisis.tests import factories
from concord.monitoring.models import Alert
from concord.monitoring.services.alerts import alert_acknowledge
from concord.registry.tests.factories import organization

pytestmark = pytest.mark.django_db


def _log(case: Case) -> list[LogEntry]:
    return list(LogEntry.objects.unscoped(reason="test").filter(case=case).order_by("at", "pk"))


def test_it_opens_a_case_from_an_alert_with_the_alerts_label_and_logs_the_opening(personas):
    alert = factories.alert(personas, classification=Classification.CONFIDENTIAL)

    case = services.case_open_from_alert(actor=personas.analyst, alert=alert)

    assert (case.opened_from, case.phase, case.severity) == ("alert", "monitoring", "severe")
    assert case.classification == Classification.CONFIDENTIAL
    [opened] = _log(case)
    audit = AuditEntry.objects.get(seq=opened.audit_seq or 0)
    assert (audit.action, opened.actor_name, opened.what) == (
        "crisis.case.open", "analyst", "Case opened: Incidents at Panj")


def test_it_refuses_a_case_wider_than_the_alert_it_opens_from(personas):
    alert = factories.alert(personas, classification=Classification.CONFIDENTIAL)

    with pytest.raises(ValidationError) as refused:
        factories.case(personas, sources=[alert], classification=Classification.PUBLIC)

    assert "classification" in refused.value.errors


def test_it_names_a_bad_area_and_opens_nothing(personas):
    with pytest.raises(ValidationError) as refused:
        factories.case(personas, latitude=95.0, radius_km=-1)

    assert set(refused.value.errors) == {"latitude", "radius_km"}
    assert not Case.objects.visible_to(personas.officer).exists()


def test_it_writes_an_alerts_acknowledgement_to_the_log_of_the_case_it_belongs_to(personas):
    alert = factories.alert(personas)
    case = services.case_open_from_alert(actor=personas.analyst, alert=alert)

    alert_acknowledge(actor=personas.analyst, alert=alert)

    last = _log(case)[-1]
    audit = AuditEntry.objects.get(seq=last.audit_seq or 0)
    assert (audit.action, audit.target_id) == ("monitoring.alert.acknowledge",
                                               str(alert.public_id))
    assert (last.stream, last.what) == ("monitoring", "Alert acknowledged: Incidents at Panj")


def test_it_leaves_neither_the_change_nor_its_log_entry_when_the_call_fails(personas):
    alert = factories.alert(personas)
    case = services.case_open_from_alert(actor=personas.analyst, alert=alert)
    before = AuditEntry.objects.count()

    with pytest.raises(RuntimeError), transaction.atomic():
        alert_acknowledge(actor=personas.analyst, alert=alert)
        raise RuntimeError("the caller's next step failed")

    assert len(_log(case)) == 1
    assert AuditEntry.objects.count() == before
    reread = Alert.objects.visible_to(personas.analyst).get(pk=alert.pk)
    assert reread.acknowledged_at is None


def test_it_leaves_the_change_undone_when_its_log_entry_cannot_be_written(personas, monkeypatch):
    alert = factories.alert(personas)
    case = services.case_open_from_alert(actor=personas.analyst, alert=alert)

    def refuse(**kwargs):
        raise IntegrityError("the log refused the entry")

    monkeypatch.setattr(log_services, "_write", refuse)
    with pytest.raises(IntegrityError):
        alert_acknowledge(actor=personas.analyst, alert=alert)

    assert len(_log(case)) == 1
    assert not AuditEntry.objects.filter(action="monitoring.alert.acknowledge").exists()
    assert Alert.objects.visible_to(personas.analyst).get(pk=alert.pk).acknowledged_at is None


def test_it_logs_nothing_of_a_record_linked_to_a_closed_case(personas):
    alert = factories.alert(personas)
    case = services.case_open_from_alert(actor=personas.analyst, alert=alert)
    services.case_advance(actor=personas.analyst, case=case, to_phase="closed")
    count = len(_log(case))

    alert_acknowledge(actor=personas.analyst, alert=alert)

    assert len(_log(case)) == count


def test_it_moves_a_case_one_phase_at_a_time(personas):
    case = factories.case(personas)

    with pytest.raises(InvalidState) as refused:
        services.case_advance(actor=personas.analyst, case=case, to_phase="response")
    services.case_advance(actor=personas.analyst, case=case, to_phase="consultation")
    services.case_advance(actor=personas.analyst, case=case, to_phase="decision")
    with pytest.raises(InvalidState):
        services.case_advance(actor=personas.analyst, case=case, to_phase="closed")

    assert "moves next to “Consultation”, not to “Response”" in str(refused.value)
    assert case.phase == "decision"
    assert [e.what for e in _log(case)][-2:] == [
        "Phase changed to “Consultation”.", "Phase changed to “Decision”."]
    assert list(case.phase_changes.values_list("to_phase", flat=True)) == [
        "consultation", "decision"]


def test_it_closes_a_case_that_never_escalated_and_keeps_it_closed(personas):
    case = factories.case(personas)

    services.case_advance(actor=personas.analyst, case=case, to_phase="closed", note="Спад")
    with pytest.raises(InvalidState, match="closed"):
        services.case_advance(actor=personas.analyst, case=case, to_phase="monitoring")
    with pytest.raises(InvalidState):
        log_services.log_add(actor=personas.analyst, case=case, text="Поздно")

    assert case.closed_at is not None


def test_it_mails_the_duty_team_and_the_affected_delegation_at_a_phase_change(
        personas, django_capture_on_commit_callbacks):
    case = factories.case(personas)
    for user, address in ((personas.officer, "officer@example.org"),
                          (personas.delegate_b, "tj@example.org"),
                          (personas.delegate_a, "ru@example.org")):
        user.email = address
        user.save(update_fields=["email"])
    services.duty_assign(actor=personas.analyst, case=case, person=personas.officer,
                         position="Дежурный по ЦКС", shift_start=case.opened_at)

    with django_capture_on_commit_callbacks(execute=True):
        services.case_advance(actor=personas.analyst, case=case, to_phase="consultation")

    [sent] = mail.outbox
    assert sorted(sent.to) == ["officer@example.org", "tj@example.org"]
    assert "Consultation" in sent.subject


def test_it_names_the_position_on_shift_in_the_entries_of_its_holder(personas):
    case = factories.case(personas)
    services.duty_assign(actor=personas.analyst, case=case, person=personas.analyst,
                         position="Старший дежурный", shift_start=case.opened_at,
                         shift_end=case.opened_at + timedelta(hours=12))

    work.task_add(actor=personas.analyst, case=case, title="Связаться с МЧС Таджикистана",
                  owner=personas.officer)

    last = _log(case)[-1]
    assert (last.position, last.what) == (
        "Старший дежурный", "Task set: Связаться с МЧС Таджикистана")


def test_it_convenes_the_council_from_the_case_and_logs_the_session(personas):
    org = organization()
    case = factories.case(personas, actor=personas.officer)

    session = services.case_convene(actor=personas.officer, case=case, body=org.csc,
                                    starts_on=case.opened_at.date())

    assert session.kind == Session.Kind.EXTRAORDINARY
    assert case.phase == "consultation"
    whats = [e.what for e in _log(case)]
    assert f"Session convened: {session}" in whats


def test_it_measures_the_clock_facts_in_hours_from_the_request(personas):
    case = factories.case(personas)
    start = case.opened_at
    services.fact_record(actor=personas.analyst, case=case, kind="request", at=start)
    services.fact_record(actor=personas.analyst, case=case, kind="decision",
                         at=start + timedelta(hours=7, minutes=30))

    facts = {fact.kind: fact.hours for fact in case_facts(case=case)}

    assert facts == {"request": 0.0, "decision": 7.5, "first_deployment": None,
                     "objectives": None, "withdrawn": None}
    with pytest.raises(ValidationError) as refused:
        services.fact_record(actor=personas.analyst, case=case, kind="withdrawn",
                             at=start - timedelta(days=1))
    assert "at" in refused.value.errors
    assert ClockFact.objects.filter(case=case).count() == 2


def test_it_refuses_a_facility_without_a_name_naming_the_field(personas):
    case = factories.case(personas)

    with pytest.raises(ValidationError) as refused:
        work.facility_add(actor=SYSTEM, case=case, name=" ", contingent=personas.state_a)

    assert list(refused.value.errors) == ["name"]
