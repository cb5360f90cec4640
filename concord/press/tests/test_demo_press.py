"""The press service's part of the demo: what the press service published of the Sochi session
and of the Almaty meeting, as the public reads it."""

from __future__ import annotations

import hashlib

import feedparser  # type: ignore[import-untyped]
import pytest
from django.urls import reverse

from concord.demo.steps import load_all
from concord.press.models import Publication
from concord.press.selectors import public

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: None) -> None:
    load_all(password="demo password for the press tests")


def _titles(language: str) -> list[str]:
    return [public.card(item, language).text.title for item in public.published()]


def test_it_publishes_the_sochi_press_release_in_both_languages(demo, client):
    assert "Session of the CSTO Collective Security Council. Sochi, September 23, 2013" in \
        _titles("en")
    assert "Сессия Совета коллективной безопасности ОДКБ. Сочи, 23 сентября 2013 года" in \
        _titles("ru")
    release = public.published(pub_type=Publication.Type.PRESS_RELEASE).get()
    assert release.number == "2013-0001"
    assert release.published_at is not None and release.published_at.date().isoformat() == \
        "2013-09-23"
    page = client.get(reverse("press:public-item", args=[release.number]),
                      HTTP_ACCEPT_LANGUAGE="en", follow=True).content.decode()
    assert "In total, during the session of the CSC, 8 documents were signed." in page


def test_it_issues_the_statement_and_the_communique_from_the_adopted_texts(demo, client):
    for pub_type in (Publication.Type.STATEMENT, Publication.Type.COMMUNIQUE):
        item = public.published(pub_type=pub_type).get()
        source = public.source_of(item)
        assert source is not None and source.matches
        assert source.document.symbol.startswith("CSC/")
        assert source.document.session is not None
        assert "Vladimir Putin" in source.signatories
        text = public.item_in(item, "en").text
        assert hashlib.sha256(text.body.encode()).hexdigest() == source.hashes["en"]
        page = client.get(text.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert source.document.symbol in page and source.hashes["en"] in page


def test_it_has_the_almaty_meeting_and_the_spokesman(demo, client):
    assert "Meeting of the CSTO Committee of Secretaries of Security Councils in Almaty" in \
        _titles("en")
    page = client.get(reverse("press:spokesman")).content.decode()
    assert "odkb-pressa@gov.ru" in page
    assert "+7-495-795-27-10" in page


def test_it_leads_the_public_home_page_with_the_news(demo, client):
    page = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    news = page.index("Новости Организации")
    assert news < page.index("Сессия Совета коллективной безопасности ОДКБ. Сочи")
    assert news < page.index("Ближайшие сессии") < page.index("Последние открытые решения")
    assert "CSC/ST/2013/01" in page
    feed = feedparser.parse(client.get(reverse("press:feed", args=["en"])).content)
    assert not feed.bozo
    # The four items of the council and the two on the forces, the latest first.
    assert [entry.title for entry in feed.entries][:3] == [
        "Meeting of the CSTO Committee of Secretaries of Security Councils in Almaty",
        "Results of the anti-drug operation \"Channel\"",
        "The joint exercise \"Interaction-2013\" has ended"]
    assert len(feed.entries) == 6
