"""The work queues the council puts on the dashboards: the secretariat's drafts awaiting
positions, adopted documents not signed, instructions overdue or falling due, next sessions; a
delegation's drafts awaiting its own state's position and instructions addressed to it. Each
item is what its reader may read, and links to where the work is done."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.council import services
from concord.council.models import Instruction, StatePosition
from concord.council.tests.factories import ALL_CONCUR, draft, positions, session

CONCURS = StatePosition.Stance.CONCURS


def _dashboard(user, language: str = "en") -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _section(page: str, heading: str) -> str:
    """The card under `heading`, up to the next heading of a queue."""
    start = page.index(f">{heading}</h3>")
    following = re.search(r"<h3|</section>", page[start + 1:])
    return page[start:start + 1 + following.start()] if following else page[start:]


@pytest.fixture
def council_work(org, personas):
    today = clock.today()
    officer = personas.officer
    held = session(org, officer, title_en="Sochi session")
    ahead = session(org, officer, starts_on=today + timedelta(days=20), ends_on=today + timedelta(
        days=21), title_en="Moscow session", place_en="Moscow")
    adopted = draft(org, officer, title_en="On the collective forces", session=held)
    positions(org, officer, adopted, ALL_CONCUR)
    services.document_decide(actor=officer, document=adopted, session=held)

    def instruct(kind: str, days: int, text: str, state=None) -> Instruction:
        return services.instruction_add(
            actor=officer, document=adopted, addressee_kind=kind, addressee_state=state,
            text_ru=text, text_en=text, deadline_on=today + timedelta(days=days))

    instructions = {
        "late": instruct(Instruction.Addressee.ALL_STATES, -3, "Report on the exercise"),
        "soon": instruct(Instruction.Addressee.STATE, 5, "Send the list of units",
                         state=org.states["TJ"]),
        "ours": instruct(Instruction.Addressee.SECRETARIAT, 6, "Prepare the budget"),
        "later": instruct(Instruction.Addressee.ALL_STATES, 60, "Plan the next exercise"),
    }
    half = draft(org, officer, title_en="On the border with Afghanistan")
    positions(org, officer, half, {"RU": CONCURS, "BY": CONCURS})
    answered = draft(org, officer, title_en="On drug trafficking")
    positions(org, officer, answered, ALL_CONCUR)
    secret = draft(org, officer, title_en="On the secret plan",
                   classification=Classification.SECRET)
    return {"held": held, "ahead": ahead, "adopted": adopted, "half": half,
            "answered": answered, "secret": secret, **instructions}


def test_it_gives_the_officer_the_secretariats_queue(council_work, personas):
    page = _dashboard(personas.officer)

    awaiting = _section(page, "Drafts awaiting positions")
    assert council_work["half"].symbol in awaiting and "2 of 5 states answered" in awaiting
    assert council_work["half"].get_absolute_url() in awaiting
    assert council_work["answered"].symbol not in awaiting
    unsigned = _section(page, "Adopted documents not yet signed")
    assert council_work["adopted"].symbol in unsigned
    due = _section(page, "Instructions overdue or due within 14 days")
    assert [council_work[key].get_absolute_url() in due
            for key in ("late", "soon", "ours", "later")] == [True, True, True, False]
    assert "overdue since" in due
    upcoming = _section(page, "Next sessions")
    assert "Moscow session" in upcoming and "Sochi session" not in upcoming


def test_it_keeps_a_draft_hidden_from_the_reader_out_of_their_queue(council_work, personas):
    page = _dashboard(personas.delegate_a)

    assert council_work["secret"].symbol not in page
    assert "Drafts awaiting positions" not in page


def test_it_gives_a_delegate_the_drafts_and_instructions_of_their_state(council_work, personas):
    page = _dashboard(personas.delegate_b)

    awaiting = _section(page, "Drafts awaiting your state's position")
    assert council_work["half"].symbol in awaiting
    assert council_work["answered"].symbol not in awaiting
    assert council_work["secret"].symbol not in awaiting
    due = _section(page, "Instructions to your state, overdue or due within 14 days")
    assert [council_work[key].get_absolute_url() in due
            for key in ("late", "soon", "ours", "later")] == [True, True, False, False]
    assert "Adopted documents not yet signed" not in page


def test_it_shows_another_state_only_what_is_addressed_to_it(council_work, personas):
    due = _section(_dashboard(personas.delegate_a),
                   "Instructions to your state, overdue or due within 14 days")

    assert council_work["late"].get_absolute_url() in due
    assert council_work["soon"].get_absolute_url() not in due


def test_it_speaks_russian_on_the_officers_queue(council_work, personas):
    page = _dashboard(personas.officer, "ru")

    assert "Ваши текущие задачи" in page
    assert "Позиции: 2 из 5 государств" in page
    assert "Проекты, ожидающие позиций" in page


def test_it_reads_the_queues_in_as_many_queries_however_long_they_are(council_work, org,
                                                                         personas):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(personas.officer)
    client.get("/dashboard/")
    with CaptureQueriesContext(connection) as few:
        few_page = client.get("/dashboard/")
    # Made by the system, so that the officer's recent actions stay the same.
    for n in range(4):
        draft(org, SYSTEM, title_en=f"Another draft {n}", originator=personas.secretariat)
        services.instruction_add(actor=SYSTEM, document=council_work["adopted"],
                                 addressee_kind=Instruction.Addressee.SECRETARIAT,
                                 text_ru="Доложить", text_en="Report",
                                 deadline_on=clock.today() + timedelta(days=n))
    with CaptureQueriesContext(connection) as many:
        client.get("/dashboard/")

    assert len(many) == len(few)
    assert "All drafts" not in html.unescape(few_page.content.decode())
    assert "All drafts" in html.unescape(client.get("/dashboard/").content.decode())
