from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse

from concord.core import clock
from concord.press.models import Publication
from concord.press.services import publications as services
from concord.press.services.publications import Wording
from concord.press.tests.factories import EN, RU, draft, published

pytestmark = pytest.mark.django_db

SECRET_WORD = "Zwischenfallmarke"


def _hidden_items(press, officer):
    """An item in each state the public may not read, all carrying the marker."""
    marked = {"ru": Wording(title=f"Черновик {SECRET_WORD}", body=f"Текст {SECRET_WORD}."),
              "en": Wording(title=f"Draft {SECRET_WORD}", body=f"Text {SECRET_WORD}.")}
    draft(press, texts=marked)
    in_review = draft(press, texts=marked)
    services.publication_submit(actor=press, publication=in_review)
    published(press, officer, texts=marked, embargo_until=clock.now() + timedelta(days=1))


def _public_answers(client):
    paths = [reverse("portal:home"), reverse("press:index"),
             reverse("press:search") + f"?q={SECRET_WORD}&language=en",
             reverse("press:search") + f"?q={SECRET_WORD}&language=ru",
             reverse("press:feed", args=["ru"]), reverse("press:feed", args=["en"]),
             reverse("press:feed-type", args=["en", "press_release"]),
             reverse("press:sitemap"), reverse("press:calendar"),
             "/api/v1/press/publications?language=en", "/api/v1/press/publications?language=ru"]
    return {path: client.get(path).content.decode() for path in paths}


def test_it_shows_nothing_not_public_on_any_public_page_feed_or_document(client, press,
                                                                        personas):
    _hidden_items(press, personas.officer)
    published(press, personas.officer)
    for path, body in _public_answers(client).items():
        # The search page repeats the words asked for in its box and its own address.
        echoed = body.replace(f'value="{SECRET_WORD}"', "").replace(f"q={SECRET_WORD}", "")
        assert SECRET_WORD not in echoed, path
    numbers = [f"{clock.today().year}-{n:04d}" for n in (1, 2, 3)]
    for number in numbers:
        assert client.get(reverse("press:public-item", args=[number])).status_code == 404
        assert client.get(f"/api/v1/press/publications/{number}/en").status_code == 404


def test_it_shows_a_signed_in_officer_the_public_site_as_the_public_sees_it(client, press,
                                                                           personas):
    _hidden_items(press, personas.officer)
    client.force_login(personas.officer)
    assert SECRET_WORD not in client.get(reverse("press:index")).content.decode()
    assert SECRET_WORD not in client.get(reverse("press:feed", args=["en"])).content.decode()


def test_it_serves_a_publication_at_its_readable_address(client, press, personas):
    publication = published(press, personas.officer)
    response = client.get(reverse("press:public-item", args=[publication.number]),
                          HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    page = client.get(response["Location"])
    body = page.content.decode()
    assert RU.title in body
    assert '<meta property="og:title" content="Сессия Совета коллективной безопасности в Сочи">' \
        in body
    assert 'hreflang="en"' in body
    wrong = client.get(f"/press/{publication.number}/ru/some-old-title/")
    assert wrong.status_code == 301
    assert wrong["Location"] == response["Location"]


def test_it_shows_a_tombstone_at_a_withdrawn_items_address(client, press, personas):
    publication = published(press, personas.officer)
    address = reverse("press:public-text", args=[publication.number, "en",
                                                 "session-of-the-collective-security-"
                                                 "council-in-sochi"])
    services.publication_withdraw(actor=press, publication=publication, reason_ru="Ошибка.",
                                  reason_en="Published in error.")
    response = client.get(address, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 410
    body = response.content.decode()
    assert "Published in error." in body
    assert "8 documents were signed" not in body


def test_it_shows_the_corrected_text_with_the_old_one_kept(client, press, personas):
    publication = published(press, personas.officer)
    services.publication_correct(
        actor=press, publication=publication, language="en",
        wording=Wording(title=EN.title, lead=EN.lead, body=EN.body.replace("8", "eight")),
        note="The number is written out.")
    response = client.get(reverse("press:public-item", args=[publication.number]),
                          HTTP_ACCEPT_LANGUAGE="en", follow=True)
    body = response.content.decode()
    assert "eight documents were signed" in body
    assert "Corrected on" in body and "The number is written out." in body
    assert "8 documents were signed" in body  # the earlier version, kept below


def test_it_marks_a_pending_translation_on_the_list(client, press, personas):
    published(press, personas.officer, texts={"ru": RU},
              translation=Publication.Translation.PENDING)
    body = client.get(reverse("press:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert RU.title in body
    assert "translation pending" in body


@pytest.mark.parametrize("asked", [
    ("ru", "сессии Совета", RU.title),
    ("ru", "документы", RU.title),
    ("en", "signed documents", EN.title),
])
def test_it_finds_public_texts_in_each_language(client, press, personas, asked):
    language, q, found = asked
    published(press, personas.officer)
    body = client.get(reverse("press:search"), {"q": q, "language": language}).content.decode()
    assert found in body
    assert "1 publication found" in body or "Найдена 1 публикация" in body


def test_it_drops_a_withdrawn_item_from_search(client, press, personas):
    publication = published(press, personas.officer)
    services.publication_withdraw(actor=press, publication=publication, reason_ru="Ошибка.",
                                  reason_en="Published in error.")
    body = client.get(reverse("press:search"), {"q": "Sochi", "language": "en"},
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert EN.title not in body


def test_it_gives_news_agencies_ninjs(client, press, personas):
    publication = published(press, personas.officer)
    response = client.get("/api/v1/press/publications", {"language": "en"})
    assert response.status_code == 200
    [document] = json.loads(response.content)
    assert document["uri"].startswith("urn:uuid:")
    assert document["standard"] == {"name": "ninjs", "version": "2.0"}
    assert document["language"] == "en"
    assert document["pubstatus"] == "usable"
    assert document["headlines"] == [{"role": "main", "value": EN.title, "contenttype": None}]
    assert document["altids"] == [{"role": "number", "value": publication.number}]
    assert document["associations"][0]["language"] == "ru"
    one = client.get(f"/api/v1/press/publications/{publication.number}/ru")
    assert json.loads(one.content)["uri"] == document["associations"][0]["uri"]


def test_it_answers_a_conditional_get_with_not_modified(client, press, personas):
    published(press, personas.officer)
    first = client.get(reverse("press:index"))
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(reverse("press:index"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    published(press, personas.officer, texts={"ru": Wording(title="Новость", body="Текст."),
                                              "en": Wording(title="News", body="Text.")})
    changed = client.get(reverse("press:index"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_it_keeps_a_public_page_with_each_visitors_own_csrf_token(client, press, personas,
                                                                 settings):
    settings.CONCORD_PUBLIC_CACHE_SECONDS = 60
    published(press, personas.officer)
    first = client.get(reverse("press:index")).content.decode()
    other = type(client)()
    second = other.get(reverse("press:index")).content.decode()
    assert "concord-csrf-stand-in" not in first + second
    assert RU.title in second or EN.title in second
    changed = other.post(reverse("set_language"), {"language": "en", "next": "/press/"})
    assert changed.status_code == 302


def test_it_answers_if_modified_since_from_the_last_change(client, press, personas):
    published(press, personas.officer)
    first = client.get(reverse("press:feed", args=["en"]))
    again = client.get(reverse("press:feed", args=["en"]),
                       HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    assert again.content == b""


def test_it_renders_a_signed_in_users_public_page_anew(client, press, personas):
    published(press, personas.officer)
    client.force_login(personas.officer)
    response = client.get(reverse("press:index"))
    assert response.status_code == 200
    assert not response.has_header("ETag")
