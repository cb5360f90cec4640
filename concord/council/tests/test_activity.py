"""Recent actions on the dashboard, told as sentences in the page's language: each audit action
as its app tells it, naming the record only while the reader may read it, linked to it."""

from __future__ import annotations

import html
import re

from django.test import Client

from concord.core import labelling
from concord.core.audit import audit_record
from concord.core.labels import Classification
from concord.council import services
from concord.council.models import StatePosition
from concord.council.tests.factories import draft, session


def _recent_actions(user, language: str) -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    page = html.unescape(client.get("/dashboard/").content.decode())
    return page[page.index("Ваши последние действия" if language == "ru"
                           else "Your recent actions"):]


def test_it_tells_the_officers_actions_as_russian_sentences(org, personas):
    held = session(org, personas.officer, title_ru="Сессия СКБ в Сочи")
    document = draft(org, personas.officer, title_ru="О Коллективных силах", session=held)

    actions = _recent_actions(personas.officer, "ru")

    assert f"Вы зарегистрировали проект документа «{document.symbol} О Коллективных силах»." \
        in actions
    assert "Вы созвали сессию «Сессия СКБ в Сочи»." in actions
    assert document.get_absolute_url() in actions and held.get_absolute_url() in actions
    assert "council.document.register" not in actions
    assert f"council.document {document.public_id}" not in actions


def test_it_tells_the_same_actions_in_english_on_an_english_page(org, personas):
    document = draft(org, personas.officer, title_en="On the collective forces")

    actions = _recent_actions(personas.officer, "en")

    assert f"You registered the draft document “{document.symbol} On the collective forces”." \
        in actions


def test_it_no_longer_names_a_record_its_reader_may_not_read_since(org, personas):
    document = draft(org, personas.officer, title_ru="О плане прикрытия",
                     classification=Classification.CONFIDENTIAL)
    services.position_record(actor=personas.delegate_a, document=document, body=org.csc,
                             state=org.states["RU"], stance=StatePosition.Stance.CONCURS,
                             reason="")
    before = _recent_actions(personas.delegate_a, "ru")
    labelling.label_change(actor=personas.officer, record=document,
                           classification=Classification.SECRET,
                           release_to_all_members=document.release_to_all_members,
                           releasable_to=list(document.releasable_to.all()))

    after = _recent_actions(personas.delegate_a, "ru")

    assert "Вы записали позицию государства по документу «" in before
    assert "Вы записали позицию государства по документу." in after
    assert "О плане прикрытия" not in after and document.get_absolute_url() not in after


def test_it_tells_an_action_no_app_describes_in_a_general_sentence(personas):
    audit_record(actor=personas.officer, action="archive.volume.seal")

    actions = _recent_actions(personas.officer, "ru")

    assert "Вы выполнили действие в системе." in actions
    assert "press.publication.publish" not in actions


def test_it_marks_a_refused_action_beside_its_sentence(personas):
    audit_record(actor=personas.officer, action="accounts.token.create", outcome="denied")

    actions = _recent_actions(personas.officer, "en")

    assert "You created an API token." in actions and ">denied<" in actions


def test_it_tells_the_officers_session_editing_and_reading_in_russian(org, personas):
    held = session(org, personas.officer, title_ru="Сессия СКБ в Сочи",
                   classification=Classification.CONFIDENTIAL)
    services.participants_add_member_states(actor=personas.officer, session=held)
    services.participant_remove(actor=personas.officer,
                                participant=held.participants.order_by("order")[0])
    item = services.agenda_item_add(actor=personas.officer, session=held,
                                    title_ru="О разном", title_en="Other matters")
    services.agenda_item_remove(actor=personas.officer, item=item)
    opened = Client()
    opened.force_login(personas.officer)
    assert opened.get(held.get_absolute_url()).status_code == 200

    actions = _recent_actions(personas.officer, "ru")

    for sentence in ("Вы открыли сессию «Сессия СКБ в Сочи».",
                     "Вы исключили пункт из повестки дня сессии «Сессия СКБ в Сочи».",
                     "Вы исключили участника сессии «Сессия СКБ в Сочи».",
                     "Вы добавили все государства-члены в число участников сессии "
                     "«Сессия СКБ в Сочи»."):
        assert sentence in actions
    assert "Вы выполнили действие в системе." not in actions
    shown = re.sub(r"<[^>]+>", " ", actions)
    assert "council.session" not in shown and str(held.public_id) not in shown
