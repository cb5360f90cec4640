"""CAP 1.2 messages of an alert's series, as a warning system polling the API reads them: an
Alert, Updates for a new reading and for a change of level, a Cancel at the end; each with an
identifier of its own, referring to the earlier messages that it follows, in the language of
the request."""

from __future__ import annotations

from datetime import date, timedelta
from xml.etree import ElementTree as ET

import pytest

from concord.core.actors import SYSTEM
from concord.monitoring import services
from concord.monitoring.models import Alert
from concord.monitoring.tests.factories import incident

DAY = date(2024, 6, 30)
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"


def _seizures(personas, count: int, first: int = 0) -> None:
    for n in range(first, first + count):
        incident(personas.secretariat, occurred_on=DAY - timedelta(days=n % 7),
                 external_id=f"seizure-{n}")


class Poller:
    """A warning system: it reads an alert's CAP message after each evaluation and keeps every
    message it saw, as (sender, identifier, sent)."""

    def __init__(self, client, language: str = "en") -> None:
        self.client, self.language = client, language
        self.seen: list[tuple[str, str, str]] = []
        self.messages: list[ET.Element] = []

    def read(self, alert: Alert) -> ET.Element:
        response = self.client.get(f"/api/v1/alerts/{alert.public_id}/cap",
                                   HTTP_ACCEPT_LANGUAGE=self.language)
        assert response.status_code == 200
        root = ET.fromstring(response.content)  # noqa: S314 - our own output
        key = (root.findtext(f"{CAP}sender", ""), root.findtext(f"{CAP}identifier", ""),
               root.findtext(f"{CAP}sent", ""))
        references = (root.findtext(f"{CAP}references") or "").split()
        # Every message it refers to was there to be read before it.
        assert all(tuple(reference.split(",")) in self.seen for reference in references), (
            references, self.seen)
        if key not in self.seen:
            self.seen.append(key)
            self.messages.append(root)
        return root


def _series(client, personas, language: str = "en") -> Poller:
    """Orange, a new reading at orange, red, then the end."""
    poller = Poller(client, language)
    client.force_login(personas.analyst)
    indicator = services.indicator_define(
        actor=personas.analyst, name_ru="Наркотики на таджикско-афганской границе",
        name_en="Drugs at the Tajik-Afghan border",
        category="drug_trafficking", region="tajik-afghan-border", window_days=7, orange=3,
        red=6)
    _seizures(personas, 4)
    orange = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)
    assert orange is not None
    poller.read(orange)
    services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)
    poller.read(orange)
    _seizures(personas, 3, first=4)
    red = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)
    assert red is not None and red.pk != orange.pk
    poller.read(red)
    # The replaced alert still answers with its own latest message, already seen.
    poller.read(orange)
    services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY + timedelta(days=60))
    poller.read(red)
    return poller


def test_it_sends_an_alert_then_updates_then_a_cancel(client, personas):
    poller = _series(client, personas)

    assert [m.findtext(f"{CAP}msgType") for m in poller.messages] == [
        "Alert", "Update", "Update", "Cancel"]
    assert [m.find(f"{CAP}info/{CAP}parameter/{CAP}value").text  # type: ignore[union-attr]
            for m in poller.messages] == ["orange", "orange", "red", "green"]


def test_it_gives_every_message_an_identifier_of_its_own(client, personas):
    poller = _series(client, personas)

    identifiers = [identifier for _sender, identifier, _sent in poller.seen]
    assert len(set(identifiers)) == len(identifiers) == 4


def test_it_refers_each_message_to_every_earlier_one_of_the_series(client, personas):
    poller = _series(client, personas)

    references = [(m.findtext(f"{CAP}references") or "").split() for m in poller.messages]
    assert [len(group) for group in references] == [0, 1, 2, 3]
    assert [tuple(reference.split(",")) for reference in references[-1]] == poller.seen[:3]
    assert poller.messages[0].find(f"{CAP}references") is None


def test_it_treats_an_escalation_as_an_update_of_the_same_series(client, personas):
    poller = _series(client, personas)

    escalation = poller.messages[2]
    assert escalation.findtext(f"{CAP}msgType") == "Update"
    assert escalation.findtext(f"{CAP}info/{CAP}severity") == "Severe"
    assert escalation.findtext(f"{CAP}identifier") != poller.messages[0].findtext(
        f"{CAP}identifier")


@pytest.mark.parametrize(("language", "expected"), [
    ("ru", ("ru-RU", "Таджикско-афганская граница", "Наблюдаемое значение")),
    ("en", ("en-US", "Tajik-Afghan border", "Observed")),
])
def test_it_writes_the_info_in_the_language_it_names(client, personas, language, expected):
    cap_language, area, described = expected
    poller = _series(client, personas, language)

    for message in poller.messages:
        info = message.find(f"{CAP}info")
        assert info is not None
        assert info.findtext(f"{CAP}language") == cap_language
        assert info.findtext(f"{CAP}area/{CAP}areaDesc") == area
        assert info.findtext(f"{CAP}description", "").startswith(described)


def test_it_names_the_sender_by_its_address_alone(client, personas, settings):
    settings.DEFAULT_FROM_EMAIL = "Crisis Centre, CSTO <crisis@example.org>"

    poller = _series(client, personas)

    assert {sender for sender, _identifier, _sent in poller.seen} == {"crisis@example.org"}
    last = (poller.messages[-1].findtext(f"{CAP}references") or "").split()
    assert all(reference.startswith("crisis@example.org,") for reference in last)
