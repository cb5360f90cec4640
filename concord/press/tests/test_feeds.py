from __future__ import annotations

from datetime import timedelta

import feedparser  # type: ignore[import-untyped]
import pytest
from django.urls import reverse
from icalendar import Calendar

from concord.core import clock
from concord.press.models import Publication
from concord.press.services import publications as services
from concord.press.services.publications import Wording
from concord.press.tests.factories import EN, RU, published

pytestmark = pytest.mark.django_db


def _feed(client, language, pub_type=""):
    url = (reverse("press:feed-type", args=[language, pub_type]) if pub_type
           else reverse("press:feed", args=[language]))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return response, feedparser.parse(response.content)


def test_it_serves_a_valid_atom_feed_per_language(client, press, personas):
    publication = published(press, personas.officer)
    response, feed = _feed(client, "ru")
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert b'xml:lang="ru"' in response.content
    assert feed.feed.id.startswith("urn:uuid:")
    [entry] = feed.entries
    assert entry.title == RU.title
    assert entry.id.startswith("urn:uuid:")
    alternates = {(link.type, link.get("hreflang")) for link in entry.links
                  if link.rel == "alternate"}
    assert alternates == {("text/html", "ru"), ("text/html", "en")}
    own = next(link.href for link in entry.links if link.get("hreflang") == "ru")
    assert own.endswith(f"/press/{publication.number}/ru/"
                        "sessiia-soveta-kollektivnoi-bezopasnosti-v-sochi/")
    _, english = _feed(client, "en")
    assert english.entries[0].title == EN.title
    assert english.entries[0].id != entry.id
    assert english.feed.id != feed.feed.id


def test_it_keeps_ids_and_moves_updated_on_correction(client, press, personas):
    publication = published(press, personas.officer)
    _, before = _feed(client, "en")
    with_later_clock = clock.now() + timedelta(minutes=5)
    services.publication_correct(
        actor=press, publication=publication, language="en",
        wording=Wording(title="Session of the CSC in Sochi", lead=EN.lead, body=EN.body),
        note="A shorter title.")
    Publication.objects.visible_to(press).filter(pk=publication.pk).update(
        updated_at=with_later_clock)
    _, after = _feed(client, "en")
    assert after.entries[0].id == before.entries[0].id
    assert after.entries[0].title == "Session of the CSC in Sochi"
    assert after.entries[0].updated_parsed > before.entries[0].updated_parsed
    assert after.feed.updated_parsed > before.feed.updated_parsed


def test_it_lists_only_one_type_in_a_type_feed(client, press, personas):
    published(press, personas.officer)
    published(press, personas.officer, pub_type=Publication.Type.STATEMENT,
              texts={"ru": Wording(title="Заявление", body="Текст заявления."),
                     "en": Wording(title="Statement", body="The statement's text.")})
    _, feed = _feed(client, "en", "statement")
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Statement"]
    assert client.get(reverse("press:feed-type", args=["en", "gossip"])).status_code == 404
    assert client.get(reverse("press:feed", args=["de"])).status_code == 404


def test_it_leaves_a_withdrawn_item_in_the_feed_as_withdrawn(client, press, personas):
    publication = published(press, personas.officer)
    services.publication_withdraw(actor=press, publication=publication,
                                  reason_ru="Ошибка.", reason_en="Published in error.")
    _, feed = _feed(client, "en")
    [entry] = feed.entries
    assert entry.title.startswith("Withdrawn")
    assert "Published in error." in entry.content[0].value
    assert "8 documents" not in entry.content[0].value


def test_it_lists_texts_with_their_language_alternates_in_the_sitemap(client, press,
                                                                     personas):
    publication = published(press, personas.officer)
    response = client.get(reverse("press:sitemap"))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("<url>") == 3 + 2
    assert 'hreflang="en"' in body and 'hreflang="ru"' in body
    assert f"/press/{publication.number}/en/" in body


def test_it_puts_press_events_in_the_public_calendar(client, press, personas):
    starts = clock.now().replace(microsecond=0) + timedelta(days=3)
    published(press, personas.officer, pub_type=Publication.Type.ANNOUNCEMENT,
              event_starts_at=starts, event_place_en="Moscow", event_place_ru="Москва",
              texts={"ru": Wording(title="Брифинг пресс-секретаря", body="Брифинг."),
                     "en": Wording(title="The spokesman's briefing", body="A briefing.")})
    response = client.get(reverse("press:calendar") + "?language=en")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == ["The spokesman's briefing"]
    assert events[0].decoded("dtstart") == starts
