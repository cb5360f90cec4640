"""The council lists' filters: one reading of a query string for the page and the API; a value
that cannot be read is named, on the page in a message beside the list the other filters still
narrow, in the API as a 422 problem."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from concord.core.labels import Classification
from concord.council.filters import document_filters
from concord.council.models import Document
from concord.council.tests.factories import draft, session


def _client(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def two_documents(org, personas):
    statement = draft(org, personas.officer, doc_type=Document.Type.STATEMENT,
                      title_en="Statement on the border", classification=Classification.PUBLIC)
    decision = draft(org, personas.officer, title_en="Decision on assistance",
                     classification=Classification.PUBLIC)
    return statement, decision


def test_it_names_a_bad_filter_on_the_page_and_keeps_the_others(two_documents, personas):
    statement, decision = two_documents

    response = _client(personas.officer).get(reverse("council:document-list"),
                                             {"type": "statement", "status": "lost"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "The filter “status” was left out: lost is not one of:" in page
    assert statement.symbol in page and decision.symbol not in page


def test_it_names_a_bad_filter_on_the_sessions_and_instructions_pages(org, personas):
    session(org, personas.officer, title_en="Sochi session")
    client = _client(personas.officer)

    sessions = client.get(reverse("council:session-list"), {"status": "cancelled"})
    instructions = client.get(reverse("council:instruction-list"), {"addressee": "nobody"})

    assert "The filter “status” was left out" in sessions.content.decode()
    assert "Sochi session" in sessions.content.decode()
    assert "The filter “addressee” was left out" in instructions.content.decode()


def test_it_answers_the_same_bad_filter_with_422_naming_it_in_the_api(two_documents, personas):
    response = _client(personas.officer).get("/api/v1/documents",
                                             {"type": "statement", "sort": "colour"})

    problem = response.json()
    assert response.status_code == 422
    assert [error["field"] for error in problem["errors"]] == ["sort"]
    assert "colour is not one of" in problem["errors"][0]["message"]


def test_it_reads_a_query_string_alike_for_every_interface():
    parsed = document_filters({"q": "  border ", "type": "statement", "year": "2013",
                               "sort": "title"})

    assert not parsed.errors
    assert parsed.or_refuse() == parsed.filters
    assert (parsed.filters.q, parsed.filters.doc_type, parsed.filters.year,
            parsed.filters.sort.param) == ("border", ("statement",), 2013, "title")
    assert document_filters({"year": "MMXIII"}).errors == {"year": ["Give the year as a number."]}
