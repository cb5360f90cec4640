"""The handover act signed by provider and recipient, the end-use certificate before a
military-technical delivery, and tampering with either found out."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from django.test import Client

from concord.assistance.models import Delivery, DeliveryItem, HandoverSignature
from concord.assistance.services import handover
from concord.assistance.tests import fixtures_alloc
from concord.assistance.tests.factories_alloc import border_request, pledge
from concord.core.actors import SYSTEM
from concord.core.errors import Forbidden, InvalidState, ValidationError
from concord.council.services import signatures as keys
from concord.registry.tests.factories import official

pytestmark = pytest.mark.django_db
org = fixtures_alloc.org
english = fixtures_alloc.english
keys_in_a_temporary_var_dir = fixtures_alloc.keys_in_a_temporary_var_dir


@pytest.fixture
def delivered(org):
    """Russia's 50 rifles and 10 night-vision sights, delivered to Tajikistan's border troops."""
    request = border_request(org)
    made = pledge(org, request, "RU", {1: 50, 2: 10}, through="delivered")
    delivery = Delivery.objects.create(pledge=made, request=request, reference="RU-2014-1",
                                       status=Delivery.Status.DELIVERED,
                                       shipped_on=date(2014, 3, 1), delivered_on=date(2014, 3, 20))
    for line in made.lines.all():
        DeliveryItem.objects.create(delivery=delivery, pledge_line=line, quantity=line.delivered)
    return delivery


@pytest.fixture
def signers(org):
    provider = official("Sergei Ivanov", "Сергей Иванов", state=org.states["RU"])
    recipient = official("Rajabali Rahmonali", "Раджабали Рахмонали", state=org.states["TJ"])
    return {"RU": keys.signer_key_create(actor=SYSTEM, official=provider),
            "TJ": keys.signer_key_create(actor=SYSTEM, official=recipient)}


def _signed_act(delivered, signers, personas):
    act = handover.handover_act_draw(actor=personas.officer, delivery=delivered,
                                     number="АКТ-1", dated=date(2014, 3, 21),
                                     place_ru="Душанбе", place_en="Dushanbe")
    handover.handover_sign(actor=personas.officer, act=act, side="provider",
                           key=signers["RU"], signed_on=date(2014, 3, 21))
    handover.handover_sign(actor=personas.delegate_b, act=act, side="recipient",
                           key=signers["TJ"], signed_on=date(2014, 3, 22))
    return act


def test_it_verifies_an_act_signed_by_both_sides(delivered, signers, personas):
    act = _signed_act(delivered, signers, personas)

    checks = handover.handover_verify(act=act)

    assert [(check.side, check.valid) for check in checks] == [("provider", True),
                                                               ("recipient", True)]
    assert '"quantity":50' in act.payload


def test_it_finds_out_a_quantity_changed_after_signing(delivered, signers, personas):
    act = _signed_act(delivered, signers, personas)

    DeliveryItem.objects.filter(delivery=delivered, quantity=50).update(quantity=45)

    checks = handover.handover_verify(act=act)
    assert [check.valid for check in checks] == [False, False]
    assert checks[0].problem == "the delivery differs from the act as drawn up"


def test_it_finds_out_a_forged_signature_and_an_edited_statement(delivered, signers, personas):
    act = _signed_act(delivered, signers, personas)
    provider = HandoverSignature.objects.get(act=act, side="provider")
    forged = bytearray(base64.b64decode(provider.signature))
    forged[0] ^= 1
    HandoverSignature.objects.filter(pk=provider.pk).update(
        signature=base64.b64encode(bytes(forged)).decode())
    HandoverSignature.objects.filter(act=act, side="recipient").update(
        payload=HandoverSignature.objects.get(act=act, side="recipient").payload.replace(
            '"signed_on":"2014-03-22"', '"signed_on":"2014-03-01"'))

    checks = {check.side: check for check in handover.handover_verify(act=act)}

    assert checks["provider"].problem == ("the signature does not verify with the signer's "
                                          "public key")
    assert checks["recipient"].problem == "the act differs from what was signed"


def test_it_lets_only_the_sides_own_officials_sign(delivered, signers, personas):
    act = handover.handover_act_draw(actor=personas.officer, delivery=delivered,
                                     number="АКТ-1", dated=date(2014, 3, 21))

    with pytest.raises(ValidationError) as refused:
        handover.handover_sign(actor=personas.officer, act=act, side="provider",
                               key=signers["TJ"])
    assert list(refused.value.errors) == ["key"]
    with pytest.raises(Forbidden):
        handover.handover_sign(actor=personas.delegate_b, act=act, side="provider",
                               key=signers["RU"])


def test_it_refuses_to_sign_an_act_whose_delivery_changed(delivered, signers, personas):
    act = handover.handover_act_draw(actor=personas.officer, delivery=delivered,
                                     number="АКТ-1", dated=date(2014, 3, 21))
    DeliveryItem.objects.filter(delivery=delivered).update(accepted=1)

    with pytest.raises(InvalidState):
        handover.handover_sign(actor=personas.officer, act=act, side="provider",
                               key=signers["RU"])


def test_it_draws_no_act_for_a_consignment_still_on_its_way(delivered, personas):
    Delivery.objects.filter(pk=delivered.pk).update(status=Delivery.Status.SHIPPED)
    delivered.refresh_from_db()

    with pytest.raises(InvalidState):
        handover.handover_act_draw(actor=personas.officer, delivery=delivered, number="АКТ-1",
                                   dated=date(2014, 3, 21))


def _certificate(delivered, personas):
    return handover.end_use_certificate_issue(
        actor=personas.delegate_b, pledge=delivered.pledge, number="EUC-2014-7",
        end_user_ru="Пограничные войска ГКНБ Республики Таджикистан",
        restriction_ru="Исключительно для обеспечения безопасности таджикско-афганской границы",
        restriction_en="Solely for the security of the Tajik-Afghan border",
        lines=list(delivered.pledge.lines.all()), issued_on=date(2014, 2, 1))


def test_it_holds_back_military_items_until_the_end_use_certificate_is_signed(
        delivered, signers, personas):
    lines = list(delivered.pledge.lines.select_related("line"))
    with pytest.raises(InvalidState) as refused:
        handover.end_use_require(lines=lines)
    assert "Line 1, 2 is military-technical" in refused.value.detail

    certificate = _certificate(delivered, personas)
    assert handover.end_use_uncovered(lines=lines) == lines
    handover.end_use_certificate_sign(actor=personas.delegate_b, certificate=certificate,
                                      key=signers["TJ"], signed_on=date(2014, 2, 2))

    handover.end_use_require(lines=lines)
    assert handover.end_use_certificate_verify(certificate=certificate).valid


def test_it_finds_out_a_restriction_changed_after_signing(delivered, signers, personas):
    certificate = _certificate(delivered, personas)
    handover.end_use_certificate_sign(actor=personas.delegate_b, certificate=certificate,
                                      key=signers["TJ"])

    type(certificate).objects.filter(pk=certificate.pk).update(
        restriction_ru="Для любых целей")
    certificate.refresh_from_db()

    check = handover.end_use_certificate_verify(certificate=certificate)
    assert not check.valid and check.problem == "the certificate differs from what was signed"
    with pytest.raises(InvalidState):
        handover.end_use_require(lines=list(delivered.pledge.lines.select_related("line")))


def test_it_lets_only_the_recipient_sign_its_certificate(delivered, signers, personas):
    certificate = _certificate(delivered, personas)

    with pytest.raises(ValidationError) as refused:
        handover.end_use_certificate_sign(actor=personas.officer, certificate=certificate,
                                          key=signers["RU"])
    assert list(refused.value.errors) == ["key"]
    with pytest.raises(Forbidden):
        handover.end_use_certificate_issue(
            actor=personas.delegate_a, pledge=delivered.pledge, number="EUC-X",
            end_user_ru="x", restriction_ru="y", lines=list(delivered.pledge.lines.all()),
            issued_on=date(2014, 2, 1))


def test_it_draws_signs_and_checks_an_act_through_the_api(delivered, signers, personas):
    url = f"/api/v1/assistance/deliveries/{delivered.public_id}/handover"
    officer = Client()
    officer.force_login(personas.officer)
    assert officer.get(url).status_code == 404

    drawn = officer.post(url, {"number": "АКТ-7", "dated": "2014-03-21"},
                         content_type="application/json")
    signed = officer.post(f"{url}/signatures",
                          {"side": "provider", "key_fingerprint": signers["RU"].fingerprint,
                           "signed_on": "2014-03-21"}, content_type="application/json")

    assert drawn.status_code == 201 and signed.status_code == 201
    assert [(s["side"], s["valid"]) for s in signed.json()["signatures"]] == [("provider", True)]
    DeliveryItem.objects.filter(delivery=delivered).update(quantity=1)
    checked = officer.get(url).json()
    assert checked["intact"] is False
    assert checked["signatures"][0]["problem"] == (
        "поставка расходится с актом в том виде, в каком он составлен")
