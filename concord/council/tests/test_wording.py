"""A word that is a noun in one place and a verb or another status in another is translated in
its context: the Russian pages read the word meant there."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse
from django.utils import translation

from concord.council import services
from concord.council.tests.factories import draft
from concord.registry.models import MemberStatus


def _russian_page(user, url: str) -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(user)
    return client.get(url).content.decode()


def test_it_labels_the_position_buttons_with_a_verb_in_russian(org, personas):
    document = draft(org, personas.officer)

    page = _russian_page(personas.officer, document.get_absolute_url())

    buttons = re.findall(r'id="position-[A-Z]{2}-submit" type="submit">([^<]*)</button>', page)
    assert buttons == ["Записать"] * 5
    assert "Объект" not in page
    assert 'aria-label="Позиция: Россия"' in page
    assert "Должность" not in page


def test_it_calls_a_withdrawn_document_withdrawn_not_a_state_that_left(org, personas):
    document = draft(org, personas.officer)
    services.document_withdraw(actor=personas.officer, document=document)

    page = _russian_page(personas.officer, document.get_absolute_url())

    assert "<dt>Статус</dt><dd>Отозван</dd>" in page
    with translation.override("ru"):
        assert str(MemberStatus.WITHDRAWN.label) == "Вышло из Организации"


def _summaries(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>|\s+", " ", summary).strip()
            for summary in re.findall(r"<summary[^>]*>(.*?)</summary>", page, re.S)]


def test_it_words_every_filter_that_is_not_set_as_any_one(org, personas):
    sessions = _russian_page(personas.officer, reverse("council:session-list"))
    documents = _russian_page(personas.officer, reverse("council:document-list"))
    officials = _russian_page(personas.officer, reverse("registry:official-list"))

    unset = [summary for page in (sessions, documents, officials)
             for summary in _summaries(page)]
    assert unset and all(re.search(r"\bЛюб(ой|ая|ое)\b", summary) for summary in unset), unset
    assert "Любая должность" in officials and "Любое государство" in officials
    assert "Все должности" not in officials and "Все государства" not in officials


def test_it_calls_a_title_the_same_in_every_search_box(org, personas):
    sessions = _russian_page(personas.officer, reverse("council:session-list"))
    documents = _russian_page(personas.officer, reverse("council:document-list"))
    states = _russian_page(personas.officer, reverse("registry:state-list"))

    boxes = [re.search(r'type="search" name="q" value="" placeholder="([^"]*)"', page)
             for page in (sessions, documents, states)]
    assert [box.group(1) if box else None for box in boxes] == [
        "Наименование или место", "Наименование или регистрационный номер",
        "Наименование или код ISO"]
