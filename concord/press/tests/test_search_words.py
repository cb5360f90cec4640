"""Search asks for every word on both engines: a text that holds only some of the words asked
for is not found, in Russian as in English."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.press.services.publications import Wording
from concord.press.tests.factories import published

pytestmark = pytest.mark.django_db

BRIEFING = {"ru": Wording(title="Брифинг в пресс-центре",
                          body="Официальный представитель провёл брифинг в пресс-центре."),
            "en": Wording(title="Briefing at the press centre",
                          body="The spokesman gave a briefing at the press centre.")}
CENTRE_ONLY = {"ru": Wording(title="Аккредитация журналистов",
                             body="Журналисты получают пропуска в пресс-центре."),
               "en": Wording(title="Accreditation of journalists",
                             body="Journalists collect their passes at the press centre.")}


def _titles_found(client, q: str, language: str) -> list[str]:
    response = client.get(reverse("press:search"), {"q": q, "language": language},
                          HTTP_ACCEPT_LANGUAGE=language)
    body = response.content.decode()
    return [t[language].title for t in (BRIEFING, CENTRE_ONLY) if t[language].title in body]


@pytest.mark.parametrize(("language", "q"), [
    ("ru", "брифинг пресс-центре"),
    ("ru", "брифинга в пресс-центре"),
    ("en", "briefing press centre"),
    ("en", "briefings at the press centre"),
])
def test_it_finds_only_the_texts_holding_every_word(client, press, personas, language, q):
    published(press, personas.officer, texts=BRIEFING)
    published(press, personas.officer, texts=CENTRE_ONLY)
    assert _titles_found(client, q, language) == [BRIEFING[language].title]


@pytest.mark.parametrize(("language", "q"), [("ru", "пресс-центре"),
                                              ("en", "press centre")])
def test_it_finds_every_text_holding_the_words(client, press, personas, language, q):
    published(press, personas.officer, texts=BRIEFING)
    published(press, personas.officer, texts=CENTRE_ONLY)
    assert sorted(_titles_found(client, q, language)) == sorted(
        [BRIEFING[language].title, CENTRE_ONLY[language].title])
