"""The pages of end-use certificates and handover acts: the recipient issues and signs a
certificate, the provider may then ship, the act is drawn up and signed by both sides, each
signature shown verified and downloadable; a certificate of a withheld pledge is missing to the
other states. Also the request edit page and the requests list's state filter."""

from __future__ import annotations

import json
from datetime import date

import pytest

from concord.assistance.models import (
    AssistanceRequest,
    EndUseCertificate,
    HandoverAct,
    HandoverSignature,
)
from concord.assistance.services import deliveries, pledges
from concord.assistance.tests import fixtures_alloc
from concord.assistance.tests.factories import certified, delegate, draft, opened, pledge
from concord.core.actors import SYSTEM
from concord.core.models import AuditEntry
from concord.council.services import signatures as keys
from concord.registry.tests.factories import official

pytestmark = pytest.mark.django_db
keys_in_a_temporary_var_dir = fixtures_alloc.keys_in_a_temporary_var_dir


@pytest.fixture
def signers(org):
    provider = official("Sergei Ivanov", "Сергей Иванов", state=org.states["RU"])
    recipient = official("Rajabali Rahmonali", "Раджабали Рахмонали", state=org.states["TJ"])
    return {"RU": keys.signer_key_create(actor=SYSTEM, official=provider),
            "TJ": keys.signer_key_create(actor=SYSTEM, official=recipient)}


@pytest.fixture
def committed(org, personas):
    record = opened(org, personas)
    made = pledge(record, personas.delegate_a, {1: 60})
    line = made.lines.get()
    pledges.pledge_line_commit(actor=personas.delegate_a, pledge_line=line, quantity=60,
                               agreement_reference="RU-TJ/1")
    return record, made, line


def test_it_issues_signs_verifies_and_downloads_a_certificate_then_lets_the_rifles_ship(
        committed, signers, personas, client):
    _record, made, line = committed
    client.force_login(personas.delegate_a)
    refused = client.post(f"/assistance/pledges/{made.public_id}/ship",
                          {"reference": "C-1", f"ship_{line.pk}": 60}, follow=True)
    assert "сертификат конечного пользователя" in refused.content.decode()
    assert not made.deliveries.exists()

    client.force_login(personas.delegate_b)
    pledge_page = client.get(made.get_absolute_url()).content.decode()
    assert f"/assistance/pledges/{made.public_id}/certificates/new" in pledge_page
    blank = client.post(f"/assistance/pledges/{made.public_id}/certificates/new", {})
    assert blank.status_code == 400 and "end_user_ru" in blank.content.decode()
    issued = client.post(f"/assistance/pledges/{made.public_id}/certificates/new", {
        "number": "СКП-7", "issued_on": "2030-01-02", "end_user_ru": "Пограничные войска ГКНБ",
        "restriction_ru": "Только для охраны границы", "retransfer_banned": "on",
        "lines": [line.pk]})
    certificate = EndUseCertificate.objects.get(number="СКП-7")
    assert issued.status_code == 302 and str(certificate.public_id) in issued["Location"]
    page = client.get(issued["Location"]).content.decode()
    assert "Ещё не подписан" in page and "Подписать сертификат" in page

    signed = client.post(f"/assistance/certificates/{certificate.public_id}/sign",
                         {"key": signers["TJ"].pk, "signed_on": "2030-01-03"}, follow=True)
    page = signed.content.decode()
    assert "подпись верна" in page and "Раджабали Рахмонали" in page
    downloaded = json.loads(client.get(
        f"/assistance/certificates/{certificate.public_id}/download").content)
    assert downloaded["valid_when_downloaded"] is True
    assert downloaded["statement"]["restriction_ru"] == "Только для охраны границы"
    assert downloaded["signer"]["public_key"] == signers["TJ"].public_key

    client.force_login(personas.delegate_a)
    shipped = client.post(f"/assistance/pledges/{made.public_id}/ship",
                          {"reference": "C-1", f"ship_{line.pk}": 60})
    assert shipped.status_code == 302 and made.deliveries.count() == 1


def test_it_shows_a_certificate_changed_after_signing_as_failing(committed, signers, personas,
                                                                 client):
    _record, made, _line = committed
    certificate = certified(made.request, made, personas.delegate_b)
    EndUseCertificate.objects.filter(pk=certificate.pk).update(restriction_ru="Для любых целей")
    client.force_login(personas.officer)

    page = client.get(f"/assistance/certificates/{certificate.public_id}/").content.decode()

    assert "подпись не подтверждается" in page


def test_it_draws_up_and_signs_the_handover_act_from_its_page(committed, signers, personas,
                                                              client):
    record, made, line = committed
    certified(record, made, personas.delegate_b)
    sent = deliveries.delivery_ship(actor=personas.delegate_a, pledge=made, reference="C-1",
                                    items=[{"pledge_line": line, "quantity": 60}])
    deliveries.delivery_receive(actor=personas.delegate_b, delivery=sent,
                                delivered_on=date(2030, 1, 10))
    act_url = f"/assistance/deliveries/{sent.public_id}/act/"
    client.force_login(personas.delegate_b)
    assert act_url in client.get(record.get_absolute_url()).content.decode()
    assert "Составить акт приёма-передачи" in client.get(act_url).content.decode()

    client.post(f"{act_url}draw", {"number": "АКТ-1", "dated": "2030-01-11"})
    client.force_login(personas.delegate_a)
    client.post(f"{act_url}sign", {"side": "provider", "key": signers["RU"].pk,
                                   "signed_on": "2030-01-11"})
    client.force_login(personas.delegate_b)
    wrong = client.post(f"{act_url}sign", {"side": "recipient", "key": signers["RU"].pk,
                                           "signed_on": "2030-01-12"}, follow=True)
    assert wrong.status_code == 200
    assert HandoverSignature.objects.filter(act__delivery=sent).count() == 1
    page = client.post(f"{act_url}sign", {"side": "recipient", "key": signers["TJ"].pk,
                                          "signed_on": "2030-01-12"}, follow=True)

    assert page.content.decode().count("подпись верна") == 2
    act = HandoverAct.objects.get(delivery=sent)
    downloaded = json.loads(client.get(f"{act_url}download").content)
    assert [s["side"] for s in downloaded["signatures"]] == ["provider", "recipient"]
    assert downloaded["act"]["number"] == act.number


def test_it_hides_a_withheld_pledges_certificate_from_another_state(org, personas, client):
    record = opened(org, personas)
    belarus = delegate(org, "BY")
    hidden = pledge(record, belarus, {1: 5}, release_to_all_members=False)
    certificate = certified(record, hidden, personas.delegate_b)
    kazakh = delegate(org, "KZ")
    client.force_login(kazakh)

    assert client.get(f"/assistance/certificates/{certificate.public_id}/").status_code == 404
    assert client.get(
        f"/assistance/certificates/{certificate.public_id}/download").status_code == 404
    assert certificate.number not in client.get(record.get_absolute_url()).content.decode()
    client.force_login(personas.delegate_b)
    assert certificate.number in client.get(record.get_absolute_url()).content.decode()


def test_it_edits_a_submitted_request_naming_a_bad_field_and_audits_the_change(org, personas,
                                                                               client):
    record = draft(org, personas.delegate_b)
    client.force_login(personas.delegate_b)
    url = f"/assistance/requests/{record.public_id}/edit"
    form = client.get(url).content.decode()
    assert record.title_ru in form

    refused = client.post(url, {"title_ru": "", "beneficiary_ru": "ПВ", "kind": "financial",
                                "terms": "free", "urgency": "routine"})
    assert refused.status_code == 400 and "title_ru" in refused.content.decode()
    saved = client.post(url, {"title_ru": "Радиостанции для застав", "beneficiary_ru": "ПВ",
                              "kind": "military_technical", "terms": "preferential",
                              "urgency": "urgent", "addressed_states": ["RU", "KZ"],
                              "classification": record.classification,
                              "release_to_all_members": "on"})

    assert saved.status_code == 302
    record.refresh_from_db()
    assert (record.title_ru, record.terms, record.addressed_to_all) == (
        "Радиостанции для застав", "preferential", False)
    changed = json.loads(AuditEntry.objects.get(action="assistance.request.update").detail)
    assert changed["changed"]["terms"] == ["free", "preferential"]
    assert changed["changed"]["addressed_states"] == ["all", ["KZ", "RU"]]


def test_it_refuses_editing_an_open_request_and_another_states(org, personas, client):
    record = opened(org, personas)
    client.force_login(personas.delegate_b)
    assert client.get(f"/assistance/requests/{record.public_id}/edit").status_code == 403
    assert "/edit" not in client.get(record.get_absolute_url()).content.decode()
    mine = draft(org, personas.delegate_b)
    client.force_login(personas.delegate_a)
    assert client.get(f"/assistance/requests/{mine.public_id}/edit").status_code in (403, 404)


def test_it_filters_the_list_by_requesting_state_with_its_widget(org, personas, client):
    record = opened(org, personas)
    client.force_login(personas.officer)

    page = client.get("/assistance/").content.decode()
    tajik = client.get("/assistance/?state=TJ").content.decode()
    russian = client.get("/assistance/?state=RU").content.decode()
    bad = client.get("/assistance/?state=Tajikistan").content.decode()

    assert 'name="state"' in page and "Любое запрашивающее государство" in page
    assert record.reference in tajik and record.reference not in russian
    assert "TAJIKISTAN — не двухбуквенный код государства." in bad
    assert AssistanceRequest.objects.unscoped(reason="test").count() == 1
