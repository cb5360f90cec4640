"""The council's lists sort by a column and search by text, take several values of a filter,
and the instructions list narrows to those addressed to the reader's state and to those overdue
or falling due: the same parameters on the pages and on the API."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from concord.core import clock
from concord.council import services
from concord.council.models import Instruction
from concord.council.tests.factories import ALL_CONCUR, draft, positions, session
from concord.council.views._common import PAGE_SIZE


def _client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _page(user, name: str, params: dict[str, str] | list[tuple[str, str]]) -> str:
    response = _client(user).get(reverse(name), params)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _symbols(page: str) -> list[str]:
    return re.findall(r'<td class="text-nowrap"><a href="/council/documents/[^"]+/">([^<]+)</a>',
                      page)


@pytest.fixture
def documents(org, personas):
    officer = personas.officer
    held = session(org, officer)
    adopted = draft(org, officer, title_en="Budget of the organization", session=held)
    positions(org, officer, adopted, ALL_CONCUR)
    services.document_decide(actor=officer, document=adopted, session=held)
    return {"adopted": adopted,
            "afghan": draft(org, officer, title_en="Afghanistan action plan"),
            "collective": draft(org, officer, title_en="Collective forces")}


def test_it_sorts_documents_by_title_both_ways_and_says_so_to_assistive_technology(documents,
                                                                                   personas):
    ascending = _page(personas.officer, "council:document-list", {"sort": "title"})
    descending = _page(personas.officer, "council:document-list", {"sort": "-title"})

    titles = [documents[key].symbol for key in ("afghan", "adopted", "collective")]
    assert _symbols(ascending) == titles
    assert _symbols(descending) == titles[::-1]
    assert re.search(r'<th scope="col" aria-sort="ascending">\s*<a class="sort-link active" '
                     r'href="\?sort=-title"', ascending)
    assert 'aria-sort="descending"' in descending and descending.count("aria-sort") == 1


def test_it_searches_documents_and_takes_several_statuses(documents, personas):
    found = _page(personas.officer, "council:document-list", {"q": "afghan"})
    both = _page(personas.officer, "council:document-list",
                 [("status", "adopted"), ("status", "draft"), ("sort", "symbol")])
    adopted = _page(personas.officer, "council:document-list", {"status": "adopted"})

    assert _symbols(found) == [documents["afghan"].symbol]
    assert len(_symbols(both)) == 3
    assert _symbols(adopted) == [documents["adopted"].symbol]


def test_it_names_a_sort_key_the_list_does_not_have(documents, personas):
    page = _page(personas.officer, "council:document-list", {"sort": "colour"})

    assert "The filter “sort” was left out: colour is not one of: symbol, title, type, " \
           "status, adopted." in page
    assert len(_symbols(page)) == 3


def test_it_keeps_a_sorted_list_whole_across_its_pages(org, personas):
    for n in range(PAGE_SIZE + 3):
        draft(org, personas.officer, title_en=f"Draft {n}")

    first = _symbols(_page(personas.officer, "council:document-list", {"sort": "status"}))
    second = _symbols(_page(personas.officer, "council:document-list",
                            {"sort": "status", "page": "2"}))

    assert len(first) == PAGE_SIZE and len(second) == 3
    assert not set(first) & set(second)


def test_it_answers_the_same_parameters_on_the_documents_api(documents, personas):
    client = _client(personas.officer)

    both = client.get("/api/v1/documents", [("status", "adopted"), ("status", "draft"),
                                            ("sort", "-title")]).json()
    wrong = client.get("/api/v1/documents", {"status": "lost", "sort": "colour"})

    assert [item["symbol"] for item in both["items"]] == [
        documents[key].symbol for key in ("collective", "adopted", "afghan")]
    assert wrong.status_code == 422
    assert sorted(error["field"] for error in wrong.json()["errors"]) == ["sort", "status"]


def test_it_searches_sessions_and_sorts_them_by_title(org, personas):
    session(org, personas.officer, title_en="Sochi session", place_en="Sochi")
    session(org, personas.officer, title_en="Moscow session", place_en="Moscow",
            kind="extraordinary")

    found = _page(personas.officer, "council:session-list", {"q": "moscow"})
    by_title = _page(personas.officer, "council:session-list", {"sort": "title"})
    kinds = _client(personas.officer).get(
        "/api/v1/sessions", [("kind", "extraordinary"), ("kind", "informal")]).json()

    assert "Moscow session" in found and "Sochi session" not in found
    assert by_title.index("Moscow session") < by_title.index("Sochi session")
    assert [item["title_en"] for item in kinds["items"]] == ["Moscow session"]


@pytest.fixture
def instructions(org, personas):
    officer = personas.officer
    held = session(org, officer)
    decision = draft(org, officer, session=held)
    positions(org, officer, decision, ALL_CONCUR)
    services.document_decide(actor=officer, document=decision, session=held)
    today = clock.today()

    def instruct(kind: str, days: int, text: str, state=None) -> Instruction:
        return services.instruction_add(
            actor=officer, document=decision, addressee_kind=kind, addressee_state=state,
            text_ru=text, text_en=text, deadline_on=today + timedelta(days=days))

    return {"late": instruct(Instruction.Addressee.ALL_STATES, -2, "Report on the exercise"),
            "soon": instruct(Instruction.Addressee.STATE, 10, "Send the list of units",
                             state=org.states["TJ"]),
            "later": instruct(Instruction.Addressee.SECRETARIAT, 40, "Prepare the budget")}


def _shown(page: str, instructions: dict[str, Instruction]) -> list[str]:
    return [key for key, found in instructions.items() if found.get_absolute_url() in page]


def test_it_filters_instructions_overdue_and_due_soon(instructions, personas):
    overdue = _page(personas.officer, "council:instruction-list", {"due": "overdue"})
    falling_due = _page(personas.officer, "council:instruction-list",
                        [("due", "overdue"), ("due", "soon")])

    assert _shown(overdue, instructions) == ["late"]
    assert _shown(falling_due, instructions) == ["late", "soon"]


def test_it_filters_the_instructions_addressed_to_the_readers_state(instructions, personas):
    tajik = _page(personas.delegate_b, "council:instruction-list", {"mine": "1"})
    russian = _page(personas.delegate_a, "council:instruction-list", {"mine": "1"})
    ours = _page(personas.officer, "council:instruction-list", {"mine": "1"})

    assert _shown(tajik, instructions) == ["late", "soon"]
    assert _shown(russian, instructions) == ["late"]
    assert _shown(ours, instructions) == ["later"]
    assert "Addressed to my state" in tajik


def test_it_searches_and_sorts_instructions_on_the_api(instructions, personas):
    client = _client(personas.officer)

    found = client.get("/api/v1/instructions", {"q": "units"}).json()
    latest_first = client.get("/api/v1/instructions", {"sort": "-due"}).json()
    mine = _client(personas.delegate_b).get("/api/v1/instructions",
                                            {"mine": "true", "due": "soon"}).json()
    wrong = client.get("/api/v1/instructions", {"due": "someday", "mine": "perhaps"})

    assert [item["text_en"] for item in found["items"]] == ["Send the list of units"]
    assert [item["text_en"] for item in latest_first["items"]] == [
        "Prepare the budget", "Send the list of units", "Report on the exercise"]
    assert [item["text_en"] for item in mine["items"]] == ["Send the list of units"]
    assert wrong.status_code == 422
    assert sorted(error["field"] for error in wrong.json()["errors"]) == ["due", "mine"]


def test_it_sorts_russian_titles_alphabetically_whatever_their_case(org, personas):
    officer = personas.officer
    for title in ("Об утверждении бюджета", "о плане мероприятий", "Афганистан: план"):
        draft(org, officer, title_ru=title)

    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(officer)
    page = html.unescape(client.get(reverse("council:document-list"), {"sort": "title"})
                         .content.decode())
    api = client.get("/api/v1/documents", {"sort": "-title"}).json()

    # A capital «О» no longer sends «Об утверждении…» before «о плане…».
    assert page.index("Афганистан: план") < page.index("о плане мероприятий") \
        < page.index("Об утверждении бюджета")
    assert [item["title_ru"] for item in api["items"]] == [
        "Об утверждении бюджета", "о плане мероприятий", "Афганистан: план"]


def test_it_lists_instructions_without_a_deadline_after_the_dated_ones_both_ways(instructions,
                                                                                 personas):
    undated = services.instruction_add(
        actor=personas.officer, document=instructions["late"].document,
        addressee_kind=Instruction.Addressee.SECRETARIAT, text_ru="Держать в поле зрения",
        text_en="Keep under review", deadline_on=None)
    client = _client(personas.officer)

    soonest = client.get("/api/v1/instructions", {"sort": "due"}).json()
    latest = client.get("/api/v1/instructions", {"sort": "-due"}).json()
    page = _page(personas.officer, "council:instruction-list", {"sort": "due"})

    assert [item["text_en"] for item in soonest["items"]][-1] == "Keep under review"
    assert [item["text_en"] for item in latest["items"]][-1] == "Keep under review"
    assert page.index(instructions["later"].get_absolute_url()) < page.index(
        undated.get_absolute_url())
