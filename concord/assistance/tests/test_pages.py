"""The assistance pages: the requests list (its queries do not grow with its rows, its export
carries the label columns), a request's page, the pledge form naming what is wrong, and a
state's page of its pledges and what is overdue."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.assistance.tests.factories import draft, opened, pledge
from concord.core.marking import LABEL_COLUMNS

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_it_reads_the_requests_list_in_the_same_number_of_queries_for_more_rows(org, personas,
                                                                                client):
    client.force_login(personas.delegate_b)
    record = opened(org, personas)
    pledge(record, personas.delegate_a, {1: 5})
    few = _queries(client, "/assistance/")
    for _ in range(3):
        more = opened(org, personas)
        pledge(more, personas.delegate_a, {2: 5})

    assert _queries(client, "/assistance/") == few


def test_it_exports_the_list_with_each_requests_totals_and_label(org, personas, client):
    record = opened(org, personas)
    pledge(record, personas.delegate_a, {1: 5})
    client.force_login(personas.delegate_b)

    exported = client.get("/assistance/?format=csv")

    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    header, row = rows[0], rows[1]
    assert row[0] == record.reference
    # Three lines in pieces and objects: counted as lines, never as 144 of anything.
    assert row[header.index("Строки")] == "3"
    assert row[header.index("Позиций обещано частично")] == "1"
    assert row[header.index("Позиций обещано полностью")] == "0"
    assert "144" not in row
    assert header[-len(LABEL_COLUMNS):] == list(LABEL_COLUMNS)
    assert row[-len(LABEL_COLUMNS)] == "official_use"


def test_it_filters_the_list_by_status_and_names_a_bad_filter(org, personas, client):
    opened(org, personas)
    kept = draft(org, personas.delegate_b, title_en="Radio sets", title_ru="Радиостанции")
    client.force_login(personas.delegate_b)

    drafts = client.get("/assistance/?status=draft").content.decode()
    refused = client.get("/assistance/?status=lost")

    assert kept.reference in drafts and "TJ-" in drafts
    assert drafts.count('translate="no">TJ-') == 1
    assert refused.status_code == 200 and "lost" in refused.content.decode()


def test_it_shows_a_request_with_its_bars_and_timeline(org, personas, client):
    record = opened(org, personas)
    pledge(record, personas.delegate_a, {1: 60})
    client.force_login(personas.delegate_b)

    page = client.get(record.get_absolute_url()).content.decode()

    assert '<progress class="bar-pledged" max="100" value="60">' in page
    assert "assistance-timeline" in page


def test_it_records_a_pledge_from_the_form_and_names_a_wrong_quantity(org, personas, client):
    record = opened(org, personas)
    client.force_login(personas.delegate_a)
    url = f"{record.get_absolute_url()}pledge/new"

    refused = client.post(url, {"quantity_1": "-3", "condition": "new"})
    empty = client.post(url, {"condition": "new"})
    made = client.post(url, {"quantity_2": "12", "condition": "surplus", "withhold": "on"})

    assert refused.status_code == 400 and 'id="id_quantity_1_error"' in refused.content.decode()
    assert empty.status_code == 400
    assert made.status_code == 302
    pledged = record.pledges.model.objects.visible_to(personas.delegate_a).get(request=record)
    assert not pledged.release_to_all_members
    assert list(pledged.lines.values_list("line__number", "quantity", "condition")) == [
        (2, 12, "surplus")]


def test_it_lists_a_states_pledges_and_what_is_overdue(org, personas, client):
    record = opened(org, personas)
    pledge(record, personas.delegate_a, {1: 7})
    client.force_login(personas.delegate_a)

    page = client.get("/assistance/states/RU/").content.decode()
    mine = client.get("/assistance/my-pledges")

    assert record.reference in page
    assert mine.status_code == 302 and mine.url.endswith("/assistance/states/RU/")


def test_it_files_a_request_adds_a_line_and_submits_it_from_the_pages(org, personas, client):
    client.force_login(personas.delegate_b)

    filed = client.post("/assistance/requests/new", {
        "title_ru": "Связь для застав", "beneficiary_ru": "Пограничные войска",
        "kind": "military_technical", "terms": "free", "urgency": "urgent",
        "classification": "1", "addressed_states": ["RU", "KZ"]})
    assert filed.status_code == 302
    detail = filed.url
    added = client.post(f"{detail}lines", {"category": "communications",
                                           "description_ru": "Радиостанции", "quantity": "30",
                                           "unit": "pieces", "priority": "1"})
    submitted = client.post(f"{detail}submit")
    page = client.get(detail).content.decode()

    assert added.status_code == 302 and submitted.status_code == 302
    assert "Радиостанции" in page and "Представлен" in page
    assert "Казахстан, Россия" in page or "Россия, Казахстан" in page
