"""An alert, its CAP message and a situation report show a party only what that party may read:
their audience is who may read every incident they count."""

from __future__ import annotations

from datetime import date, timedelta
from xml.etree import ElementTree as ET

from django.test import Client

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.monitoring import services
from concord.monitoring.models import Incident
from concord.monitoring.tests.factories import incident

DAY = date(2024, 6, 30)
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_counts_for_an_indicator_released_to_one_state_only_what_that_state_may_read(personas):
    # 14 seizures every member state may read, and 2 the secretariat keeps to itself.
    for n in range(14):
        incident(personas.secretariat, occurred_on=DAY - timedelta(days=n % 7), external_id=f"a{n}")
    for n in range(2):
        incident(personas.secretariat, occurred_on=DAY, external_id=f"h{n}",
                 release_to_all_members=False)
    indicator = services.indicator_define(
        actor=personas.analyst, name_ru="Наркотики на таджикско-афганской границе",
        name_en="Drugs at the Tajik-Afghan border",
        category="drug_trafficking", window_days=7, orange=3, red=6,
        release_to_all_members=False, releasable_to=[personas.state_b])

    alert = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)

    assert alert is not None and alert.value == 14
    seen_by_tj = Incident.objects.visible_to(personas.delegate_b).filter(
        occurred_on__gte=DAY - timedelta(days=6), occurred_on__lte=DAY).count()
    assert seen_by_tj == 14
    # CAP's <info> follows the request's language: English here.
    response = _client(personas.delegate_b).get(f"/api/v1/alerts/{alert.public_id}/cap",
                                                HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    description = ET.fromstring(response.content).find(  # noqa: S314  (our own CAP)
        f"{CAP}info/{CAP}description")
    assert description is not None and description.text is not None
    assert description.text.startswith("Observed 14 ")


def test_it_counts_for_a_secret_indicator_nothing_above_its_label(personas):
    incident(personas.secretariat, occurred_on=DAY, external_id="s1",
             classification=Classification.SECRET, release_to_all_members=False)
    incident(personas.secretariat, occurred_on=DAY, external_id="o1")
    indicator = services.indicator_define(
        actor=personas.analyst, name_ru="Для служебного пользования",
        name_en="Official use only", category="drug_trafficking",
        window_days=7, orange=0, red=5, classification=Classification.OFFICIAL_USE)

    alert = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)

    assert alert is not None and alert.value == 1


def test_the_api_narrows_an_audience_at_once_and_answers_202_for_a_wider_one(client, personas):
    record = incident(personas.secretariat)  # released to all member states
    client.force_login(personas.analyst)

    narrowed = client.patch(f"/api/v1/incidents/{record.public_id}",
                            {"release_to_all_members": False, "releasable_to": ["RU"]},
                            content_type="application/json")

    assert narrowed.status_code == 200
    assert narrowed.json()["pending_label_change"] is None
    assert not Incident.objects.visible_to(personas.delegate_b).filter(pk=record.pk).exists()
    assert Incident.objects.visible_to(personas.delegate_a).filter(pk=record.pk).exists()

    widened = client.patch(f"/api/v1/incidents/{record.public_id}",
                           {"release_to_all_members": True}, content_type="application/json")

    assert widened.status_code == 202
    assert widened.json()["pending_label_change"] is not None
    assert not Incident.objects.visible_to(personas.delegate_b).filter(pk=record.pk).exists()
