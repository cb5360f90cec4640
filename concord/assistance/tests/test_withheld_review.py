"""A pledge withheld from the other states, reviewed across everything the app says: Belarus
pledges to Tajikistan for the requester and the secretariat only, Russia pledges openly, and
Kazakhstan, also addressed, must find no trace of Belarus's pledge or its quantities in the
mail, the EDXL-RM message, the HXL tables, the fair-share proposal or Belarus's pledges page;
those who may read it are told how much of what they see is withheld."""

from __future__ import annotations

import csv
import io
from datetime import date
from xml.etree import ElementTree as ET

import pytest
from django.test import Client
from openpyxl import load_workbook

from concord.assistance.outputs.edxl import RM
from concord.assistance.services import allocation, deadlines
from concord.assistance.tests import fixtures_alloc
from concord.assistance.tests.factories import delegate
from concord.assistance.tests.factories_alloc import border_request, budget_key, capacity, pledge

pytestmark = pytest.mark.django_db
org = fixtures_alloc.org
english = fixtures_alloc.english
keys_in_a_temporary_var_dir = fixtures_alloc.keys_in_a_temporary_var_dir


@pytest.fixture
def review(org, personas):
    request = border_request(org)
    pledge(org, request, "RU", {1: 20}, through="committed", due_on=date(2013, 12, 1))
    pledge(org, request, "BY", {1: 7, 2: 3}, withheld=True, through="committed",
           due_on=date(2013, 12, 1))
    people = {"RU": personas.delegate_a, "TJ": personas.delegate_b, "SEC": personas.officer,
              "BY": delegate(org, "BY"), "KZ": delegate(org, "KZ")}
    for code, user in people.items():
        user.email = f"{code.lower()}@example.org"
        user.save(update_fields=["email"])
    return request, people


def _client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _api(request) -> str:
    return f"/api/v1/assistance/requests/{request.public_id}"


def test_it_tells_only_those_who_may_read_it_of_an_overdue_withheld_pledge(
        review, mailoutbox, django_capture_on_commit_callbacks):
    _request, _people = review

    with django_capture_on_commit_callbacks(execute=True):
        deadlines.pledge_flag_overdue(on=date(2014, 1, 10))

    told = {mail.body.split(" has ")[0]: (sorted(mail.to), mail.body) for mail in mailoutbox}
    assert sorted(told) == ["Belarus", "Russia"]
    assert told["Belarus"][0] == ["by@example.org", "sec@example.org", "tj@example.org"]
    assert "2 pledge lines" in told["Belarus"][1]
    assert told["Russia"][0] == ["ru@example.org", "sec@example.org", "tj@example.org"]
    assert "1 pledge line " in told["Russia"][1]


def test_it_reminds_the_other_states_of_the_window_without_a_word_of_the_pledges(
        review, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        deadlines.request_remind_closing(on=date(2013, 12, 20))

    to_kazakhstan = [mail for mail in mailoutbox if "kz@example.org" in mail.to]
    assert len(to_kazakhstan) == 1
    text = to_kazakhstan[0].subject + to_kazakhstan[0].body
    assert "Belarus" not in text and "7" not in text and "27" not in text


def test_it_writes_no_withheld_commitment_in_the_edxl_message_of_another_state(review):
    request, people = review

    def providers(user) -> list[str]:
        answer = _client(user).get(f"{_api(request)}/edxl", {"message": "commitments"})
        root = ET.fromstring(answer.content)  # noqa: S314  (our own answer)
        return sorted(element.text or "" for element in root.iter(f"{{{RM}}}OwningJurisdiction"))

    assert providers(people["TJ"]) == ["BY", "BY", "RU"]
    assert providers(people["KZ"]) == ["RU"]


def _csv(user, request, table) -> list[dict[str, str]]:
    answer = _client(user).get(f"{_api(request)}/hxl/{table}", {"format": "csv"})
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[2:]]


def test_it_counts_no_withheld_pledge_in_another_states_hxl_tables(review):
    request, people = review

    lines = {row["line"]: row for row in _csv(people["KZ"], request, "lines")}
    pledged = _csv(people["KZ"], request, "pledges")
    workbook = _client(people["KZ"]).get(f"{_api(request)}/hxl/pledges", {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(workbook.content)).active

    assert (lines["1"]["pledged"], lines["1"]["gap"], lines["1"]["withheld"]) == ("20", "80", "0")
    assert (lines["2"]["pledged"], lines["2"]["withheld"]) == ("0", "0")
    assert [row["state"] for row in pledged] == ["RU"]
    assert [row[3] for row in sheet.iter_rows(min_row=3, values_only=True)] == ["RU"]


def test_it_says_what_is_withheld_and_labels_the_requesters_lines_as_narrowly(review):
    request, people = review

    lines = {row["line"]: row for row in _csv(people["TJ"], request, "lines")}
    workbook = _client(people["TJ"]).get(f"{_api(request)}/hxl/lines", {"format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(workbook.content)).active.iter_rows(values_only=True))

    assert (lines["1"]["pledged"], lines["1"]["withheld"]) == ("27", "7")
    # Counting Belarus's pledge, the row is for those who may read that pledge as well.
    assert (lines["1"]["release_to_all_members"], lines["1"]["releasable_to"]) == (
        "false", "BY;SEC")
    assert (lines["3"]["release_to_all_members"], lines["3"]["releasable_to"]) == ("true", "SEC")
    header = rows[0]
    first = dict(zip(header, rows[2], strict=True))
    assert (first["withheld"], first["releasable_to"]) == (7, "BY;SEC")


def test_it_proposes_for_every_reader_what_only_shared_pledges_leave_lacking(review, org):
    request, people = review
    capacity(org, "RU", "small_arms", 500)
    allocation.allocation_propose(actor=people["SEC"], request=request, key=budget_key())

    for_kazakhstan = _client(people["KZ"]).get(f"{_api(request)}/allocation").json()
    for_tajikistan = _client(people["TJ"]).get(f"{_api(request)}/allocation").json()

    assert for_kazakhstan == for_tajikistan
    assert for_kazakhstan["inputs"]["lines"][0]["quantity"] == 80
    assert [(row["line"], row["state"], row["quantity"]) for row in for_kazakhstan["rows"]] == [
        (1, "RU", 80)]


def test_it_keeps_a_withheld_pledge_off_its_states_page_for_another_state(review):
    request, people = review

    for_kazakhstan = _client(people["KZ"]).get("/assistance/states/BY/").content.decode()
    for_tajikistan = _client(people["TJ"]).get("/assistance/states/BY/").content.decode()

    assert request.reference not in for_kazakhstan
    assert "No pledge you may see." in for_kazakhstan
    assert request.reference in for_tajikistan
    assert "withheld from the other states" in for_tajikistan


def test_it_tells_the_withheld_count_only_to_those_who_may_read_it(review):
    request, people = review

    def figures(user) -> tuple[list[int], int, bool]:
        client = _client(user)
        detail = client.get(_api(request)).json()
        page = client.get(request.get_absolute_url()).content.decode()
        return ([line["withheld"] for line in detail["lines"]], detail["totals"]["lines_withheld"],
                "withheld from others" in page)

    assert figures(people["TJ"]) == ([7, 3, 0], 2, True)
    assert figures(people["KZ"]) == ([0, 0, 0], 0, False)


def _list_rows(user) -> dict[str, dict[str, str]]:
    answer = _client(user).get("/assistance/", {"format": "csv"})
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_the_requests_list_export_labels_a_row_counting_a_withheld_pledge_as_narrowly(review):
    request, people = review

    seen_by_requester = _list_rows(people["TJ"])[request.reference]
    seen_by_another = _list_rows(people["KZ"])[request.reference]

    # Tajikistan's row counts Belarus's pledge on line 2, which Russia's alone leaves bare.
    assert seen_by_requester["Lines partly pledged"] == "2"
    assert (seen_by_requester["release_to_all_members"],
            seen_by_requester["releasable_to"]) == ("false", "BY;SEC")
    assert seen_by_another["Lines partly pledged"] == "1"
    assert (seen_by_another["release_to_all_members"],
            seen_by_another["releasable_to"]) == ("true", "SEC")
