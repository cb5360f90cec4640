"""Kept public pages answered ahead of the middleware stack: the same headers as the whole stack
gives, each visitor's own working CSRF token, gzip for who asks, and the page renewed by any
write, figures from the data included."""

from __future__ import annotations

import gzip
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from concord.core import public_cache
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.forces.models import OperationStage
from concord.forces.services import operations as forces
from concord.press.services.publications import Wording
from concord.press.tests.factories import EN, RU, published

pytestmark = pytest.mark.django_db

REPLAYED = ("Content-Security-Policy", "X-Frame-Options", "Vary", "Content-Language",
            "X-Content-Type-Options", "Referrer-Policy", "Content-Type")


@pytest.fixture
def kept(settings, monkeypatch):
    """Pages kept as a served Concord keeps them, the audit head read on every request."""
    settings.CONCORD_PUBLIC_CACHE_SECONDS = 60
    monkeypatch.setattr(public_cache, "STATE_SECONDS", 0.0)
    public_cache._remembered.clear()
    cache.clear()
    yield
    cache.clear()


def _token(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_it_answers_a_kept_page_with_the_whole_stacks_headers(kept, press, personas):
    published(press, personas.officer)
    whole = Client().get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="ru")
    fast = Client(enforce_csrf_checks=True)
    answer = fast.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="ru")
    assert answer.status_code == 200
    for header in REPLAYED:
        assert answer[header] == whole[header] or header == "Vary", header
    assert "Accept-Language" in answer["Vary"] and "Accept-Encoding" in answer["Vary"]
    assert answer["ETag"] == whole["ETag"]
    page = answer.content.decode()
    assert RU.title in page
    assert _token(page) != _token(whole.content.decode())
    # The token it was given works: the language form posts with it.
    changed = fast.post(reverse("set_language"), {"language": "en", "next": "/",
                                                  "csrfmiddlewaretoken": _token(page)})
    assert changed.status_code == 302


def test_it_compresses_a_kept_page_for_a_reader_who_accepts_gzip(kept, press, personas):
    published(press, personas.officer)
    feed = reverse("press:feed", args=["en"])
    plain = Client().get(feed).content
    answer = Client().get(feed, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert answer["Content-Encoding"] == "gzip"
    assert gzip.decompress(answer.content) == plain
    assert len(answer.content) < len(plain)
    assert "Content-Encoding" not in Client().get(feed)
    # A page with a form is compressed around each visitor's own token.
    reader = Client(enforce_csrf_checks=True)
    home = reader.get(reverse("portal:home"), HTTP_ACCEPT_ENCODING="gzip")
    home = reader.get(reverse("portal:home"), HTTP_ACCEPT_ENCODING="gzip")
    assert home["Content-Encoding"] == "gzip"
    page = gzip.decompress(home.content).decode()
    assert RU.title in page or EN.title in page
    assert reader.post(reverse("set_language"), {
        "language": "en", "next": "/", "csrfmiddlewaretoken": _token(page)}).status_code == 302


def test_it_answers_a_reader_holding_the_page_with_not_modified(kept, press, personas):
    published(press, personas.officer)
    first = Client().get(reverse("press:index"))
    Client().get(reverse("press:index"))
    again = Client().get(reverse("press:index"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_it_renews_a_kept_page_on_any_write(kept, press, personas):
    published(press, personas.officer)
    first = Client().get(reverse("press:index"))
    published(press, personas.officer, texts={"ru": Wording(title="Свежая новость", body="Т."),
                                              "en": Wording(title="Fresh news", body="T.")})
    answer = Client().get(reverse("press:index"), HTTP_IF_NONE_MATCH=first["ETag"],
                          HTTP_ACCEPT_LANGUAGE="ru")
    assert answer.status_code == 200
    assert "Свежая новость" in answer.content.decode()


def test_it_keeps_a_figure_in_step_with_the_data_on_a_kept_page(kept, press, personas):
    secretariat = Party.objects.get(code="SEC")
    russia = Party.objects.get(code="RU")
    operation = forces.operation_create(actor=SYSTEM, code="channel", name_ru="Канал",
                                        name_en="Channel", kind="drugs", originator=secretariat)
    stage = forces.stage_add(actor=SYSTEM, operation=operation, number=1, name_ru="Этап 1",
                             name_en="Stage 1", starts_on=date(2024, 5, 1),
                             ends_on=date(2024, 5, 7))

    def detained(stage: OperationStage, state: Party, count: int, public: bool) -> None:
        forces.result_report(actor=SYSTEM, figure=forces.ResultFigure(
            stage=stage, state=state, measure="detained", quantity=Decimal(count),
            unit="count",
            classification=Classification.PUBLIC if public else Classification.OFFICIAL_USE,
            release_to_all_members=public, releasable_to=[] if public else [secretariat]))

    detained(stage, russia, 120, public=True)
    item = published(press, personas.officer, texts={
        "ru": RU, "en": Wording(title=EN.title, body="Detained: {{operation:channel:detained}}.")})
    path = reverse("press:public-item", args=[item.number])
    assert "Detained: 120." in Client().get(path, HTTP_ACCEPT_LANGUAGE="en",
                                            follow=True).content.decode()
    later = forces.stage_add(actor=SYSTEM, operation=operation, number=2, name_ru="Этап 2",
                             name_en="Stage 2", starts_on=date(2024, 6, 1),
                             ends_on=date(2024, 6, 7))
    detained(later, russia, 30, public=True)
    detained(later, Party.objects.get(code="TJ"), 7, public=False)
    assert "Detained: 150." in Client().get(path, HTTP_ACCEPT_LANGUAGE="en",
                                            follow=True).content.decode()


def test_it_sends_a_plain_http_request_through_the_redirect(kept, settings, press, personas):
    published(press, personas.officer)
    Client().get(reverse("press:index"), secure=True)
    settings.SECURE_SSL_REDIRECT = True
    assert Client().get(reverse("press:index")).status_code == 301
    assert Client().get(reverse("press:index"), secure=True).status_code == 200
