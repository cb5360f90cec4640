"""The council pages: sessions with their agenda tree, the calendar, documents side by side and
their version diff, positions recorded live with htmx, instructions by status, and labels kept
in every list, count and export."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from concord.core.labels import Classification
from concord.council import services
from concord.council.models import Instruction, StatePosition
from concord.council.tests.factories import (
    ALL_CONCUR,
    draft,
    positions,
    session,
    session_after_an_instruction,
)


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_it_records_a_position_live_and_answers_with_the_board_alone(org, personas):
    document = draft(org, personas.officer)

    response = _client(personas.delegate_a).post(
        reverse("council:document-position", args=[document.public_id]),
        {"state": "RU", "stance": "concurs", "reason": ""}, HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert '<option value="concurs" selected>' in page
    assert StatePosition.objects.get(document=document, state=org.states["RU"]).stance == "concurs"


def test_it_lets_a_delegate_edit_only_their_own_states_row(org, personas):
    document = draft(org, personas.officer)

    page = _client(personas.delegate_a).get(document.get_absolute_url()).content.decode()

    assert page.count('name="state" value=') == 1
    assert 'name="state" value="RU"' in page


def test_it_shows_the_refusal_on_the_board(org, personas):
    document = draft(org, personas.officer)

    response = _client(personas.delegate_a).post(
        reverse("council:document-position", args=[document.public_id]),
        {"state": "TJ", "stance": "objects"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not StatePosition.objects.filter(document=document).exists()


def test_it_shows_two_languages_side_by_side(org, personas):
    document = draft(org, personas.officer, classification=Classification.PUBLIC)

    page = _client().get(document.get_absolute_url() + "?left=ru&right=en").content.decode()

    assert '<article class="card h-100" lang="ru">' in page
    assert '<article class="card h-100" lang="en">' in page
    assert "Оказать помощь." in page and "To give assistance." in page


def test_it_shows_what_changed_between_versions(org, personas):
    document = draft(org, personas.officer, classification=Classification.PUBLIC)
    services.document_text_revise(actor=personas.officer, document=document, language="en",
                                  body="The Collective Security Council decided:\n"
                                       "1. To give free assistance.\n2. To follow it up.")

    page = _client().get(reverse("council:document-diff", args=[document.public_id])
                         + "?language=en&from=1&to=2").content.decode()

    assert "<del>− 1. To give assistance.</del>" in page
    assert "<ins>+ 1. To give free assistance.</ins>" in page
    # A version is never offered against itself: "from" lists 1 only, "to" lists 2 only.
    assert 'name="from"' in page and page.count('<option value="1"') == 1
    assert page.count('<option value="2"') == 1

    same = _client().get(reverse("council:document-diff", args=[document.public_id])
                         + "?language=en&from=2&to=2").content.decode()
    assert "<del>− 1. To give assistance.</del>" in same


def test_it_says_a_text_of_one_version_has_nothing_to_compare_with(org, personas):
    document = draft(org, personas.officer, classification=Classification.PUBLIC)

    page = _client().get(
        reverse("council:document-diff", args=[document.public_id]) + "?language=ru",
        HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "У этого текста пока одна редакция: сравнивать не с чем." in page
    assert 'name="from"' not in page and "diff-same" not in page


def test_it_lists_only_released_documents_in_the_page_its_count_and_its_export(org, personas):
    draft(org, personas.officer, title_en="Shared decision")
    draft(org, personas.officer, title_en="For Russia", release_to_all_members=False,
          releasable_to=[personas.state_a], classification=Classification.CONFIDENTIAL)
    tajik, russian = _client(personas.delegate_b), _client(personas.delegate_a)

    tajik_page = tajik.get(reverse("council:document-list")).content.decode()
    tajik_csv = tajik.get(reverse("council:document-list") + "?format=csv").content.decode()
    russian_csv = russian.get(reverse("council:document-list") + "?format=csv").content.decode()

    assert "Shared decision" not in tajik_page  # the page shows the title in Russian
    assert "CSC/2013/01" in tajik_page and "CSC/2013/02" not in tajik_page
    assert "1–1" in tajik_page  # "Showing 1–1 of 1"
    assert "For Russia" not in tajik_csv and "Shared decision" in tajik_csv
    assert "For Russia" in russian_csv


def test_it_exports_each_listed_record_with_its_label(org, personas):
    draft(org, personas.officer, title_en="For Russia", release_to_all_members=False,
          releasable_to=[personas.state_a, personas.state_b],
          classification=Classification.CONFIDENTIAL)
    officer = _client(personas.officer)
    url = reverse("council:document-list")

    table = list(csv.DictReader(io.StringIO(
        officer.get(url + "?format=csv").content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(officer.get(url + "?format=xlsx").content)).active
    header, row = [c.value for c in sheet[1]], [c.value for c in sheet[2]]

    label = {"classification": "confidential", "originator": "SEC",
             "release_to_all_members": "false", "releasable_to": "RU;TJ"}
    assert {name: table[0][name] for name in label} == label
    assert dict(zip(header[-4:], row[-4:], strict=True)) == label
    sessions = officer.get(reverse("council:session-list") + "?format=csv")
    assert sessions.content.decode("utf-8-sig").splitlines()[0].endswith(
        "classification,originator,release_to_all_members,releasable_to")


def test_it_lists_documents_in_a_fixed_number_of_queries(org, personas,
                                                        django_assert_max_num_queries):
    for number in range(30):
        draft(org, personas.officer, title_en=f"Decision {number}")
    client = _client(personas.delegate_a)

    with django_assert_max_num_queries(7):
        response = client.get(reverse("council:document-list"))

    assert response.status_code == 200


def test_it_filters_instructions_by_status(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document, on=date(2013, 9, 23))
    done = services.instruction_add(actor=personas.officer, document=document,
                                    addressee_kind=Instruction.Addressee.SECRETARIAT,
                                    text_ru="Выполнено", text_en="Finished")
    services.instruction_report(actor=personas.officer, instruction=done, text="Done.",
                                status=Instruction.Status.DONE)
    services.instruction_add(actor=personas.officer, document=document,
                             addressee_kind=Instruction.Addressee.SECRETARIAT,
                             text_ru="Ещё не выполнено", text_en="Not yet")

    page = _client(personas.delegate_b).get(
        reverse("council:instruction-list") + "?status=done", HTTP_HX_REQUEST="true")

    text = page.content.decode()
    assert "<html" not in text
    assert "Выполнено" in text and "Ещё не выполнено" not in text


def test_it_shows_the_agenda_as_a_numbered_tree(org, personas):
    previous = session(org, personas.officer, starts_on=date(2012, 12, 19))
    sochi = session(org, personas.officer, previous=previous)
    parent = services.agenda_item_add(actor=personas.officer, session=sochi,
                                      title_ru="Вопросы безопасности", title_en="Security")
    services.agenda_item_add(actor=personas.officer, session=sochi, parent=parent,
                             title_ru="Таджикско-афганская граница", title_en="The border")

    page = _client().get(sochi.get_absolute_url()).content.decode()

    assert "1.</span> О ходе выполнения решений предыдущей сессии" in page
    assert "2.</span> Вопросы безопасности" in page
    assert "2.1.</span> Таджикско-афганская граница" in page


def test_it_places_sessions_on_the_calendar_month(org, personas):
    session(org, personas.officer, place_ru="Сочи")

    page = _client().get(reverse("council:calendar") + "?month=2013-09").content.decode()

    assert "CSC: Сочи" in page
    assert "?month=2013-10" in page and "?month=2013-08" in page


@pytest.mark.parametrize("name", ["council:session-list", "council:document-list",
                                  "council:instruction-list", "council:calendar"])
def test_it_serves_the_lists_to_the_public(db, name):
    assert _client().get(reverse(name)).status_code == 200


def test_it_applies_the_consensus_rule_from_the_document_page(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, {**ALL_CONCUR, "TJ": "objects"})
    client = _client(personas.officer)

    response = client.post(reverse("council:document-decide", args=[document.public_id]),
                           follow=True, HTTP_ACCEPT_LANGUAGE="en")

    assert "Not adopted: objected by" in response.content.decode()
    assert _client(personas.delegate_a).post(
        reverse("council:document-decide", args=[document.public_id])).status_code == 403


def test_it_drafts_and_edits_the_report_on_implementation(org, personas):
    following = session_after_an_instruction(org, personas.officer)
    client = _client(personas.officer)

    report_page = client.post(reverse("council:report-generate", args=[following.public_id]),
                              follow=True)
    report = report_page.context["report"]
    client.post(reverse("council:report-entry-edit", args=[report.public_id, 1]),
                {"text_ru": "Помощь оказана.", "text_en": "Assistance given."})
    page = client.get(report.get_absolute_url()).content.decode()

    assert "Оказать помощь" in page
    assert "Помощь оказана." in page


def test_it_convenes_a_session_and_drafts_a_document_and_an_instruction_from_pages(
        org, personas):
    client = _client(personas.officer)

    created = client.post(reverse("council:session-create"), {
        "body": "CSC", "kind": "regular", "title_ru": "Сессия", "title_en": "Session",
        "place_ru": "Москва", "place_en": "Moscow", "starts_on": "2014-12-23",
        "time_zone": "Europe/Moscow", "classification": "0"}, follow=True)
    new_session = created.context["session"]
    drafted = client.post(reverse("council:document-create", args=[new_session.public_id]), {
        "doc_type": "decision", "title_ru": "О мерах", "title_en": "On measures",
        "classification": "1", "release_to_all_members": "on",
        "text_ru": "Решили.", "text_en": "Decided."}, follow=True)
    document = drafted.context["document"]
    instructed = client.post(reverse("council:instruction-create", args=[document.public_id]), {
        "text_ru": "Доложить", "text_en": "Report", "addressee_kind": "secretariat",
        "deadline_months": "2"}, follow=True)

    assert new_session.chair.iso_alpha2 == "RU"
    assert document.symbol == "CSC/2014/01"
    assert sorted(document.texts.values_list("language", flat=True)) == ["en", "ru"]
    assert "Доложить" in instructed.content.decode()


def test_it_refuses_the_drafting_pages_to_a_delegate(org, personas):
    sochi = session(org, personas.officer)

    response = _client(personas.delegate_a).get(
        reverse("council:document-create", args=[sochi.public_id]))

    assert response.status_code == 403


def test_it_opens_the_calendar_on_this_month_with_russian_day_and_month_names(
        org, personas, monkeypatch):
    session(org, personas.officer, place_ru="Сочи")
    monkeypatch.setattr("concord.core.clock.today", lambda: date(2026, 12, 5))

    page = _client().get(reverse("council:calendar"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "Декабрь 2026" in page
    assert "CSC: Сочи" not in page
    assert ">Пн</th>" in page and ">Вс</th>" in page
    assert "Mon" not in page


def test_it_moves_a_session_forward_from_its_page(org, personas):
    planned = session(org, personas.officer)
    client = _client(personas.officer)

    page = client.get(planned.get_absolute_url()).content.decode()
    response = client.post(reverse("council:session-status", args=[planned.public_id]),
                           {"status": "convened"})

    planned.refresh_from_db()
    assert 'name="status" value="convened"' in page
    assert response.status_code == 302
    assert planned.status == "convened"


def test_it_says_on_the_session_page_why_a_move_was_refused(org, personas):
    planned = session(org, personas.officer)
    client = _client(personas.officer)

    response = client.post(reverse("council:session-status", args=[planned.public_id]),
                           {"status": "adjourned"}, follow=True, HTTP_ACCEPT_LANGUAGE="en")

    planned.refresh_from_db()
    assert response.redirect_chain == [(planned.get_absolute_url(), 302)]
    assert "Unknown status." in response.content.decode()
    assert planned.status == "planned"


def test_it_shows_a_draft_not_adopted_as_a_warning(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, {**ALL_CONCUR, "TJ": "objects"})

    response = _client(personas.officer).post(
        reverse("council:document-decide", args=[document.public_id]),
        {"confirm_refusal": "on"}, follow=True, HTTP_ACCEPT_LANGUAGE="en")

    [message] = list(response.context["messages"])
    assert message.level_tag == "warning"
    assert message.message.startswith("Not adopted: objected by")


def test_it_previews_the_consensus_rule_naming_who_has_not_answered(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, {"RU": "concurs", "TJ": "concurs"})
    url = reverse("council:document-decide", args=[document.public_id])
    client = _client(personas.officer)

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    refused = client.post(url, HTTP_ACCEPT_LANGUAGE="en")

    assert "2 of 5 participating states have answered" in page
    assert "The rule cannot conclude yet: no position from Belarus, Kazakhstan, Kyrgyzstan." in page
    assert "Record the adoption" not in page
    assert refused.status_code == 400
    assert "No position yet from Belarus, Kazakhstan, Kyrgyzstan." in refused.content.decode()
    assert not document.outcomes.exists()


def test_it_records_a_refusal_only_once_confirmed(org, personas):
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, {**ALL_CONCUR, "TJ": "objects"})
    url = reverse("council:document-decide", args=[document.public_id])
    client = _client(personas.officer)

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    unconfirmed = client.post(url, HTTP_ACCEPT_LANGUAGE="en")

    assert "Not adopted: objected by Tajikistan." in page
    assert "Record the refusal" in page
    assert unconfirmed.status_code == 400
    assert "Confirm to record the refusal: it cannot be undone." in unconfirmed.content.decode()
    assert not document.outcomes.exists()
