"""The joint operations' pages: lists that sort, filter, search and export, one operation with
its stages and totals, the totals with their chart, and the query counts of the lists."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.forces.tests.operations_factories import report, two_states, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(personas):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(personas.officer)
    return client


@pytest.fixture
def reported(personas):
    w = world(personas)
    two_states(personas, w)
    return w


def test_it_lists_operations_and_finds_one_by_name(officer, personas, reported):
    page = officer.get("/forces/operations/").content.decode()
    assert "Канал" in page and "2013-05-20" in page
    assert "Канал" not in officer.get("/forces/operations/?q=Нелегал").content.decode().split(
        "<tbody>")[1]
    exported = officer.get("/forces/operations/?format=csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert rows[0]["code"] == "channel" and rows[0]["stages"] == "2"


def test_it_shows_an_operation_with_its_stages_agencies_and_totals(officer, reported):
    page = officer.get(reported.operation.get_absolute_url()).content.decode()
    assert "Бишкек" in page and "ФСКН России" in page
    assert "Канал — 2014" in page
    assert "660" in page  # 400 + 250 + 10 kg of seizures the secretariat reads
    assert "operation-chart-data" in page


def test_it_hides_the_operation_page_of_an_operation_the_viewer_may_not_read(personas):
    w = world(personas, classification=2)
    client = Client()
    client.force_login(personas.delegate_b)
    assert client.get(w.operation.get_absolute_url()).status_code == 404


def test_it_filters_and_sorts_results(officer, personas, reported):
    page = officer.get("/forces/operations/results/?state=TJ&sort=-kg").content.decode()
    body = page.split("<tbody>")[1]
    assert "Россия" not in body
    assert body.index("250") < body.index("10</td>")
    assert "Героин" not in officer.get(
        "/forces/operations/results/?substance=opium").content.decode().split("<tbody>")[1]
    searched = officer.get("/forces/operations/results/?q=Опий").content.decode()
    assert "Опий" in searched.split("<tbody>")[1]


def test_it_warns_of_a_filter_it_cannot_read(officer, reported):
    page = officer.get("/forces/operations/results/?measure=rumours").content.decode()
    assert "rumours" in page


def test_it_lists_results_in_a_fixed_number_of_queries(officer, personas, reported):
    officer.get("/forces/operations/results/")
    with CaptureQueriesContext(connection) as few:
        officer.get("/forces/operations/results/")
    for case_type in ("drugs", "arms", "other", "computer", "extremism", "migration"):
        report(reported.stage_2014, personas.state_a, "cases", "3", case_type=case_type,
               releasable_to=[personas.secretariat])
    with CaptureQueriesContext(connection) as more:
        page = officer.get("/forces/operations/results/").content.decode()
    assert page.count("<tr>") == 11  # the header and ten results
    assert len(more) == len(few)


def test_it_totals_by_year_with_the_chart(officer, reported):
    page = officer.get("/forces/operations/totals/?by=year").content.decode()
    assert "2013" in page and "2014" in page
    assert "operation-chart-data" in page
    exported = officer.get("/forces/operations/totals/?by=year&format=xlsx")
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
