"""Recording and editing joint operations and their stages, and correcting a reported figure:
the earlier value kept in the figure's history, the totals summing the latest, every change
audited, every refusal naming its field; on pages and through the API."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from concord.core.actors import SYSTEM
from concord.core.errors import NotFound, ValidationError
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.council.tests.factories import draft
from concord.forces.models import Operation, OperationResult
from concord.forces.selectors import operations as selectors
from concord.forces.services import operations as services
from concord.forces.tests.operations_factories import report, world

pytestmark = pytest.mark.django_db


def _client(user, language="ru"):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def _seizures(viewer, w):
    totals = selectors.result_totals(viewer=viewer, filters=selectors.filters_for(
        viewer=viewer, params={"operation": w.operation.code}).filters, by="operation")
    return totals.overall.values.get("seizure")


# --- Services ----------------------------------------------------------------------------------


def test_it_edits_an_operation_and_audits_what_changed(personas):
    w = world(personas)
    services.operation_edit(actor=personas.officer, operation=w.operation, name_ru="Канал-2",
                            name_en="Channel-2", kind=Operation.Kind.DRUGS, year=2003,
                            decision=None)
    w.operation.refresh_from_db()
    assert (w.operation.name_ru, w.operation.year) == ("Канал-2", 2003)
    entry = AuditEntry.objects.filter(action="forces.operation.edit").get()
    assert json.loads(entry.detail)["changed"]["year"] == [None, 2003]


def test_it_names_the_field_of_a_refused_operation(personas):
    w = world(personas)
    with pytest.raises(ValidationError) as refused:
        services.operation_edit(actor=personas.officer, operation=w.operation, name_ru="",
                                name_en="", kind="war", year=1900, decision=None)
    assert set(refused.value.errors) == {"name_ru", "kind", "year"}
    w.operation.refresh_from_db()
    assert w.operation.name_ru == "Канал"


def test_it_edits_a_stage_and_replaces_its_agencies(personas):
    w = world(personas)
    services.stage_edit(actor=personas.officer, stage=w.stage_2013, name_ru="Канал — 2013",
                        name_en="Channel 2013", starts_on=date(2013, 5, 21),
                        ends_on=date(2013, 5, 27), headquarters_ru="Душанбе",
                        agencies=[services.Agency(personas.state_b, "АКН РТ", "DCA of Tajikistan")])
    stage = selectors.stage_get(operation=w.operation, number=1)
    assert stage.starts_on == date(2013, 5, 21) and stage.headquarters_ru == "Душанбе"
    assert [(a.state.code, a.name_ru) for a in stage.agencies.all()] == [("TJ", "АКН РТ")]
    assert AuditEntry.objects.filter(action="forces.stage.edit").count() == 1


def test_it_refuses_a_stage_that_ends_before_it_starts(personas):
    w = world(personas)
    with pytest.raises(ValidationError) as refused:
        services.stage_edit(actor=personas.officer, stage=w.stage_2013, name_ru="Канал",
                            name_en="", starts_on=date(2013, 5, 21), ends_on=date(2013, 5, 1))
    assert list(refused.value.errors) == ["ends_on"]


def test_it_corrects_a_figure_keeping_the_earlier_value_and_totals_sum_the_latest(personas):
    w = world(personas)
    heroin = report(w.stage_2013, personas.state_a, "seizure", "400", "kg", substance="heroin",
                    releasable_to=[personas.secretariat])
    assert _seizures(personas.officer, w) == Decimal("400.000")
    services.result_correct(actor=personas.delegate_a, result=heroin, quantity=Decimal("412.5"),
                            reason="Взвешено повторно")
    assert _seizures(personas.officer, w) == Decimal("412.500")
    history = selectors.result_history(result=heroin)
    assert [(h.quantity, h.reason) for h in history] == [(Decimal("400.000"),
                                                           "Взвешено повторно")]
    assert OperationResult.objects.visible_to(personas.officer).count() == 1
    assert AuditEntry.objects.filter(action="forces.result.correct").count() == 1


def test_it_converts_a_corrected_count_of_tablets_to_kilograms(personas):
    w = world(personas)
    pills = report(w.stage_2014, personas.state_a, "seizure", "5000", "tablet",
                   substance="mdma", classification=Classification.PUBLIC)
    services.result_correct(actor=personas.delegate_a, result=pills, quantity=Decimal("7000"),
                            reason="Досчитано")
    pills.refresh_from_db()
    assert pills.kg_equivalent == Decimal("0.700")
    assert pills.revisions.get().kg_equivalent == Decimal("0.500")


def test_it_refuses_a_correction_without_a_reason_or_by_another_state(personas):
    w = world(personas)
    opium = report(w.stage_2014, personas.state_a, "seizure", "10", "kg", substance="opium",
                   classification=Classification.PUBLIC)
    with pytest.raises(ValidationError) as refused:
        services.result_correct(actor=personas.delegate_a, result=opium,
                                quantity=Decimal("11"), reason=" ")
    assert list(refused.value.errors) == ["reason"]
    with pytest.raises(ValidationError) as refused:
        services.result_correct(actor=personas.delegate_b, result=opium,
                                quantity=Decimal("11"), reason="Ошибка")
    assert "state" in refused.value.errors
    with pytest.raises(ValidationError) as refused:
        services.result_correct(actor=personas.delegate_a, result=opium,
                                quantity=Decimal("10"), reason="Ошибка")
    assert list(refused.value.errors) == ["quantity"]
    opium.refresh_from_db()
    assert opium.quantity == 10 and not opium.revisions.exists()


# --- Pages -------------------------------------------------------------------------------------


def test_it_records_an_operation_and_a_stage_on_their_pages(personas):
    officer = _client(personas.officer)
    page = officer.get("/forces/operations/new/")
    assert page.status_code == 200 and "Год начала" in page.content.decode()
    response = officer.post("/forces/operations/new/", {
        "code": "nelegal", "name_ru": "Нелегал", "name_en": "Nelegal", "kind": "migration",
        "year": "2008", "classification": "0", "release_to_all_members": "on"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    operation = Operation.objects.visible_to(personas.officer).get(code="nelegal")
    assert operation.year == 2008
    refused = officer.post(f"/forces/operations/{operation.public_id}/stages/new/", {
        "number": "1", "name_ru": "Нелегал — 2013", "starts_on": "2013-04-01",
        "ends_on": "2013-03-01", "agencies": "RU; ФМС России; FMS of Russia\nXX; Никто"})
    text = refused.content.decode()
    assert refused.status_code == 400
    assert "Строка 2: «XX» — не код государства-члена." in text
    added = officer.post(f"/forces/operations/{operation.public_id}/stages/new/", {
        "number": "1", "name_ru": "Нелегал — 2013", "starts_on": "2013-04-01",
        "ends_on": "2013-03-01", "agencies": "RU; ФМС России; FMS of Russia"})
    assert added.status_code == 400
    assert "Этап заканчивается раньше, чем начинается." in added.content.decode()
    added = officer.post(f"/forces/operations/{operation.public_id}/stages/new/", {
        "number": "1", "name_ru": "Нелегал — 2013", "starts_on": "2013-04-01",
        "ends_on": "2013-04-10", "subregion_ru": "Центральная Азия",
        "agencies": "RU; ФМС России; FMS of Russia"})
    assert added.status_code == 302
    detail = officer.get(operation.get_absolute_url()).content.decode()
    assert "ФМС России" in detail and "2013-04-10" in detail and "2008" in detail


def test_it_edits_an_operation_and_a_stage_on_their_pages(personas):
    w = world(personas)
    officer = _client(personas.officer)
    edit = officer.get(f"/forces/operations/{w.operation.public_id}/edit/").content.decode()
    assert 'value="Канал"' in edit
    saved = officer.post(f"/forces/operations/{w.operation.public_id}/edit/", {
        "name_ru": "Канал", "name_en": "Channel", "kind": "drugs", "year": "2003"})
    assert saved.status_code == 302
    stage = officer.get(f"/forces/operations/{w.operation.public_id}/stages/1/edit/")
    assert "RU; ФСКН России; FDCS of Russia" in stage.content.decode()
    assert officer.get(f"/forces/operations/{w.operation.public_id}/stages/9/edit/"
                       ).status_code == 404
    saved = officer.post(f"/forces/operations/{w.operation.public_id}/stages/1/edit/", {
        "name_ru": "Канал — 2013", "starts_on": "2013-05-20", "ends_on": "2013-05-26",
        "headquarters_ru": "Алматы", "agencies": "RU; ФСКН России; FDCS of Russia"})
    assert saved.status_code == 302
    assert "Алматы" in officer.get(w.operation.get_absolute_url()).content.decode()
    delegate = _client(personas.delegate_a)
    assert delegate.get(f"/forces/operations/{w.operation.public_id}/edit/").status_code == 403


def test_it_reports_and_corrects_a_figure_on_its_pages(personas):
    w = world(personas)
    delegate = _client(personas.delegate_a)
    reported = delegate.post(f"/forces/operations/{w.operation.public_id}/results/new/", {
        "stage": "1", "measure": "detained", "quantity": "60", "unit": "count",
        "classification": "1", "releasable_to": ["SEC"]})
    assert reported.status_code == 302, reported.content.decode()[-3000:]
    result = OperationResult.objects.visible_to(personas.delegate_a).get()
    refused = delegate.post(f"/forces/operations/results/{result.public_id}/correct/",
                            {"quantity": "61", "reason": ""})
    assert refused.status_code == 400 and result.revisions.count() == 0
    corrected = delegate.post(f"/forces/operations/results/{result.public_id}/correct/",
                              {"quantity": "61", "reason": "Уточнено МВД"})
    assert corrected.status_code == 302
    page = delegate.get(f"/forces/operations/results/{result.public_id}/").content.decode()
    assert "Уточнено МВД" in page.split("result-history")[1]
    assert "61" in page.split('id="result-quantity"')[1][:80]
    officer = _client(personas.officer)
    assert "Исправить" not in officer.get(
        f"/forces/operations/results/{result.public_id}/").content.decode().split(
        "result-history")[1]


# --- API ---------------------------------------------------------------------------------------


def _json(client, method, path, body):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def test_it_records_and_edits_operations_and_stages_through_the_api(personas):
    officer = _client(personas.officer, "en")
    created = _json(officer, "post", "/api/v1/forces/operations", {
        "code": "proxy", "name_ru": "PROXY", "name_en": "PROXY", "kind": "it_crime",
        "year": 2014})
    assert created.status_code == 201, created.content
    operation_id = created.json()["id"]
    assert created.json()["year"] == 2014
    refused = _json(officer, "post", f"/api/v1/forces/operations/{operation_id}/stages", {
        "number": 1, "name_ru": "PROXY — 2014", "starts_on": "2014-10-01",
        "ends_on": "2014-09-01", "agencies": [{"state": "ZZ", "name_ru": "Никто"}]})
    assert refused.status_code == 422 and "body.agencies" in refused.content.decode()
    stage = _json(officer, "post", f"/api/v1/forces/operations/{operation_id}/stages", {
        "number": 1, "name_ru": "PROXY — 2014", "starts_on": "2014-10-01",
        "ends_on": "2014-10-10", "agencies": [{"state": "RU", "name_ru": "МВД России"}]})
    assert stage.status_code == 201, stage.content
    edited = _json(officer, "put", f"/api/v1/forces/operations/{operation_id}/stages/1", {
        "name_ru": "PROXY — 2014", "starts_on": "2014-10-01", "ends_on": "2014-10-12",
        "agencies": []})
    assert edited.status_code == 200 and edited.json()["agencies"] == []
    assert edited.json()["ends_on"] == "2014-10-12"
    edited = _json(officer, "put", f"/api/v1/forces/operations/{operation_id}", {
        "name_ru": "PROXY", "kind": "it_crime", "year": 1800})
    assert edited.status_code == 422 and "year" in edited.content.decode()


def test_it_corrects_a_figure_through_the_api_and_answers_its_history(personas):
    w = world(personas)
    heroin = report(w.stage_2013, personas.state_a, "seizure", "400", "kg", substance="heroin",
                    releasable_to=[personas.secretariat])
    delegate = _client(personas.delegate_a, "en")
    corrected = _json(delegate, "post",
                      f"/api/v1/forces/operations/results/{heroin.public_id}/corrections",
                      {"quantity": "420", "reason": "Reweighed"})
    assert corrected.status_code == 201, corrected.content
    body = corrected.json()
    assert body["quantity"] == "420.000" and body["kg_equivalent"] == "420.000"
    assert [(r["quantity"], r["reason"]) for r in body["revisions"]] == [("400.000",
                                                                          "Reweighed")]
    totals = delegate.get("/api/v1/forces/operations/totals?by=operation").json()
    assert totals["total"]["seizure"] == "420.000"
    listed = delegate.get("/api/v1/forces/operations/results").json()
    assert [item["id"] for item in listed["items"]] == [str(heroin.public_id)]


# --- Labels across states ----------------------------------------------------------------------


def test_it_answers_another_states_hidden_figure_and_its_history_as_missing(personas):
    w = world(personas)
    heroin = report(w.stage_2013, personas.state_a, "seizure", "400", "kg", substance="heroin")
    services.result_correct(actor=personas.delegate_a, result=heroin, quantity=Decimal("401"),
                            reason="Ошибка")
    other = _client(personas.delegate_b, "en")
    assert other.get(f"/forces/operations/results/{heroin.public_id}/").status_code == 404
    assert other.get(f"/api/v1/forces/operations/results/{heroin.public_id}").status_code == 404
    answer = _json(other, "post",
                   f"/api/v1/forces/operations/results/{heroin.public_id}/corrections",
                   {"quantity": "1", "reason": "x"})
    missing = _json(other, "post",
                    "/api/v1/forces/operations/results/00000000-0000-4000-8000-000000000000"
                    "/corrections", {"quantity": "1", "reason": "x"})
    assert answer.status_code == missing.status_code == 404
    assert {**answer.json(), "instance": ""} == {**missing.json(), "instance": ""}
    assert other.get("/api/v1/forces/operations/results").json()["count"] == 0
    with pytest.raises(NotFound):
        selectors.result_get(viewer=personas.delegate_b, public_id=heroin.public_id)


def test_it_shows_no_decision_to_a_state_that_may_not_read_it(personas, org):
    decision = draft(org, personas.officer, classification=Classification.CONFIDENTIAL)
    w = world(personas)
    services.operation_edit(actor=personas.officer, operation=w.operation, name_ru="Канал",
                            name_en="Channel", kind="drugs", year=None, decision=decision)
    assert not decision.__class__.objects.visible_to(personas.delegate_b).filter(
        pk=decision.pk).exists()
    other = _client(personas.delegate_b, "en")
    page = other.get(w.operation.get_absolute_url()).content.decode()
    assert decision.title_en not in page and str(decision.public_id) not in page
    listed = other.get("/api/v1/forces/operations").json()["items"][0]
    assert listed["decision"] is None
    one = other.get(f"/api/v1/forces/operations/{w.operation.public_id}").json()
    assert one["decision"] is None
    officer = _client(personas.officer, "en")
    assert officer.get(f"/api/v1/forces/operations/{w.operation.public_id}"
                       ).json()["decision"] == str(decision.public_id)


def test_it_answers_a_states_own_figure_of_an_operation_withheld_from_it_as_missing(personas):
    services.substances_seed(actor=SYSTEM)
    kept = services.operation_create(
        actor=SYSTEM, originator=personas.secretariat, code="kept", name_ru="Закрытая",
        name_en="Kept", kind=Operation.Kind.DRUGS, classification=Classification.OFFICIAL_USE,
        release_to_all_members=False)
    stage = services.stage_add(actor=SYSTEM, operation=kept, number=1, name_ru="Этап",
                               name_en="Stage", starts_on=date(2015, 1, 1),
                               ends_on=date(2015, 1, 2))
    own = report(stage, personas.state_a, "detained", "3")
    assert OperationResult.objects.visible_to(personas.delegate_a).filter(pk=own.pk).exists()
    delegate = _client(personas.delegate_a, "en")
    page = delegate.get(f"/forces/operations/results/{own.public_id}/")
    answer = delegate.get(f"/api/v1/forces/operations/results/{own.public_id}")
    assert page.status_code == answer.status_code == 404
    assert "Kept" not in answer.content.decode() and "kept" not in answer.content.decode()
    officer = _client(personas.officer, "en")
    assert officer.get(f"/api/v1/forces/operations/results/{own.public_id}").status_code == 404
