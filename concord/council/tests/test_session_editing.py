"""Preparing a session after it is convened: participants and agenda items edited, reordered and
removed, every member state added in one step, documents attached to agenda items; and the
implementation report read beside the progress reported since it was drafted."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from concord.core.errors import Conflict, InvalidState, ValidationError
from concord.core.models import AuditEntry
from concord.council import selectors, services
from concord.council.models import AgendaItem, Document, Instruction, Participant, StatePosition
from concord.council.tests.factories import draft, implementation_report, session


def _client(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def _states(meeting) -> list[str]:
    return [p.state.iso_alpha2 for p in
            Participant.objects.filter(session=meeting).select_related("state")
            .order_by("order", "pk") if p.state]


def _titles(meeting) -> list[str]:
    return [i.title_en for i in AgendaItem.objects.filter(session=meeting, parent=None)
            .order_by("order", "pk")]


# --- Participants --------------------------------------------------------------------------------

def test_it_adds_every_member_state_of_the_session_date_once(org, personas):
    meeting = session(org, personas.officer, starts_on=date(2025, 11, 27))
    services.participant_add(actor=personas.officer, session=meeting, state=org.states["RU"])

    added = services.participants_add_member_states(actor=personas.officer, session=meeting)
    again = services.participants_add_member_states(actor=personas.officer, session=meeting)

    # Armenia's participation is suspended since 2024; Russia already took part, and stays first.
    assert _states(meeting) == ["RU", "BY", "KZ", "KG", "TJ"]
    assert len(added) == 4
    assert again == []
    entry = AuditEntry.objects.filter(action="council.session.participants_add_all").first()
    assert entry is not None and json.loads(entry.detail)["states"] == ["BY", "KZ", "KG", "TJ"]


def test_it_counts_a_state_suspended_later_among_the_members_of_an_earlier_session(org, personas):
    meeting = session(org, personas.officer, starts_on=date(2013, 9, 23))

    services.participants_add_member_states(actor=personas.officer, session=meeting)

    assert "AM" in _states(meeting)


def test_it_reorders_and_edits_participants(org, personas):
    meeting = session(org, personas.officer)
    services.participants_add_member_states(actor=personas.officer, session=meeting)
    rows = list(Participant.objects.filter(session=meeting).order_by("order"))

    services.participants_reorder(actor=personas.officer, session=meeting,
                                  order=[r.pk for r in reversed(rows)])
    services.participant_edit(actor=personas.officer, participant=rows[0], state=rows[0].state,
                              position=org.secretary_general, official=org.bordyuzha,
                              is_head_of_delegation=True)

    assert _states(meeting) == list(reversed(["AM", "BY", "KZ", "KG", "RU", "TJ"]))
    rows[0].refresh_from_db()
    assert rows[0].official == org.bordyuzha and rows[0].is_head_of_delegation


def test_it_refuses_an_order_that_leaves_out_or_invents_a_participant(org, personas):
    meeting = session(org, personas.officer)
    services.participants_add_member_states(actor=personas.officer, session=meeting)
    pks = list(Participant.objects.filter(session=meeting).values_list("pk", flat=True))

    with pytest.raises(ValidationError) as refused:
        services.participants_reorder(actor=personas.officer, session=meeting,
                                      order=[*pks[1:], 999999])

    assert "999999" in refused.value.errors["order"][0]
    assert str(pks[0]) in refused.value.errors["order"][0]
    assert _states(meeting) == ["AM", "BY", "KZ", "KG", "RU", "TJ"]


def test_it_refuses_to_remove_a_state_that_has_recorded_positions(org, personas):
    meeting = session(org, personas.officer)
    services.participants_add_member_states(actor=personas.officer, session=meeting)
    document = draft(org, personas.officer, session=meeting)
    services.position_record(actor=personas.officer, document=document, body=org.csc,
                             state=org.states["TJ"], stance=StatePosition.Stance.CONCURS)
    tajikistan = Participant.objects.get(session=meeting, state=org.states["TJ"])
    belarus = Participant.objects.get(session=meeting, state=org.states["BY"])

    with pytest.raises(Conflict, match="Tajikistan has recorded positions on 1 of this"):
        services.participant_remove(actor=personas.officer, participant=tajikistan)
    services.participant_remove(actor=personas.officer, participant=belarus)

    assert _states(meeting) == ["AM", "KZ", "KG", "RU", "TJ"]


# --- Agenda items --------------------------------------------------------------------------------

def _agenda(org, officer):
    meeting = session(org, officer)
    first = services.agenda_item_add(actor=officer, session=meeting, title_ru="Первый",
                                     title_en="First")
    second = services.agenda_item_add(actor=officer, session=meeting, title_ru="Второй",
                                      title_en="Second")
    return meeting, first, second


def test_it_reorders_edits_and_removes_agenda_items(org, personas):
    meeting, first, second = _agenda(org, personas.officer)

    services.agenda_items_reorder(actor=personas.officer, session=meeting, parent=None,
                                  order=[second.pk, first.pk])
    services.agenda_item_edit(actor=personas.officer, item=second, title_ru="Второй пункт",
                              title_en="Second item", parent=None)
    services.agenda_item_remove(actor=personas.officer, item=first)

    assert _titles(meeting) == ["Second item"]
    assert list(AuditEntry.objects.filter(action__startswith="council.agenda_item.")
                .values_list("action", flat=True).order_by("pk")) == [
        "council.agenda_item.add", "council.agenda_item.add", "council.agenda_item.reorder",
        "council.agenda_item.edit", "council.agenda_item.remove"]


def test_it_moves_an_item_under_another_but_never_under_itself(org, personas):
    meeting, first, second = _agenda(org, personas.officer)
    services.agenda_item_edit(actor=personas.officer, item=second, title_ru="Второй",
                              title_en="Second", parent=first)

    with pytest.raises(ValidationError) as refused:
        services.agenda_item_edit(actor=personas.officer, item=first, title_ru="Первый",
                                  title_en="First", parent=second)

    assert "parent" in refused.value.errors
    entries = selectors.session_agenda(viewer=personas.officer, session=meeting)
    assert [(e.number, e.item.title_en) for e in entries] == [("1", "First"), ("1.1", "Second")]


def test_it_refuses_to_remove_an_item_with_documents_or_items_under_it(org, personas):
    meeting, first, second = _agenda(org, personas.officer)
    draft(org, personas.officer, session=meeting, agenda_item=first)
    services.agenda_item_edit(actor=personas.officer, item=second, title_ru="Второй",
                              title_en="Second", parent=first)

    with pytest.raises(Conflict) as refused:
        services.agenda_item_remove(actor=personas.officer, item=first)

    assert str(refused.value.detail) == ("The item was not removed: 1 document is attached to it; "
                                         "1 item is under it.")
    assert _titles(meeting) == ["First"]


def test_it_keeps_the_report_on_the_previous_session_on_the_agenda(org, personas):
    report = implementation_report(org, personas.officer)
    item = AgendaItem.objects.get(session=report.session, is_implementation_report=True)

    with pytest.raises(InvalidState):
        services.agenda_item_remove(actor=personas.officer, item=item)


# --- Documents and agenda items ------------------------------------------------------------------

def test_it_attaches_a_document_to_an_item_when_it_is_registered_and_moves_it(org, personas):
    meeting, first, second = _agenda(org, personas.officer)
    document = draft(org, personas.officer, session=meeting, agenda_item=first)

    assert selectors.document_agenda_item(document=document) == first
    services.document_agenda_item_set(actor=personas.officer, document=document, item=second)
    assert selectors.document_agenda_item(document=document) == second
    services.document_agenda_item_set(actor=personas.officer, document=document, item=None)
    assert selectors.document_agenda_item(document=document) is None


def test_it_refuses_an_item_of_another_session(org, personas):
    _meeting, first, _second = _agenda(org, personas.officer)
    other = session(org, personas.officer, starts_on=date(2014, 12, 23), title_en="Moscow")
    document = draft(org, personas.officer, session=other)

    with pytest.raises(ValidationError) as refused:
        services.document_agenda_item_set(actor=personas.officer, document=document, item=first)
    with pytest.raises(ValidationError) as unregistered:
        draft(org, personas.officer, session=other, agenda_item=first)

    assert "agenda_item" in refused.value.errors
    assert "agenda_item" in unregistered.value.errors
    assert not AgendaItem.documents.through.objects.exists()


# --- Pages ---------------------------------------------------------------------------------------

def test_it_adds_all_member_states_moves_and_removes_from_the_session_page(org, personas):
    meeting = session(org, personas.officer)
    client = _client(personas.officer)
    url = meeting.get_absolute_url()

    added = client.post(reverse("council:session-participants-add-all",
                                args=[meeting.public_id]), follow=True)
    tajikistan = Participant.objects.get(session=meeting, state=org.states["TJ"])
    client.post(reverse("council:session-participant-move",
                        args=[meeting.public_id, tajikistan.pk]), {"direction": "up"})
    removed = client.post(reverse("council:session-participant-remove",
                                  args=[meeting.public_id, tajikistan.pk]), follow=True)

    assert "6 member states were added." in added.content.decode()
    assert "Tajikistan no longer takes part." in removed.content.decode()
    assert _states(meeting) == ["AM", "BY", "KZ", "KG", "RU"]
    assert removed.redirect_chain[-1][0] == url


def test_it_says_on_the_session_page_why_an_item_is_not_removed(org, personas):
    meeting, first, _second = _agenda(org, personas.officer)
    draft(org, personas.officer, session=meeting, agenda_item=first)

    answer = _client(personas.officer).post(
        reverse("council:session-agenda-item-remove", args=[meeting.public_id, first.pk]),
        follow=True)

    assert "1 document is attached to it" in answer.content.decode()
    assert _titles(meeting) == ["First", "Second"]


def test_it_edits_an_agenda_item_on_its_page(org, personas):
    meeting, first, _second = _agenda(org, personas.officer)
    url = reverse("council:session-agenda-item-edit", args=[meeting.public_id, first.pk])
    client = _client(personas.officer)

    form = client.get(url)
    client.post(url, {"title_ru": "Первый пункт", "title_en": "First item"})

    assert 'value="First"' in form.content.decode()
    assert _titles(meeting) == ["First item", "Second"]


def test_it_changes_a_documents_agenda_item_from_its_form(org, personas):
    meeting, first, second = _agenda(org, personas.officer)
    document = draft(org, personas.officer, session=meeting, agenda_item=first)
    client = _client(personas.officer)

    client.post(reverse("council:document-agenda-item", args=[document.public_id]),
                {"agenda_item": second.pk})
    page = client.get(document.get_absolute_url()).content.decode()
    session_page = client.get(meeting.get_absolute_url()).content.decode()

    assert "Second" in page.split('id="agenda-item"')[1][:300]
    item = session_page.split(f'id="item-{second.pk}"')[1].split("</li>")[0]
    assert document.symbol in item


def test_it_registers_a_document_under_the_item_chosen_on_the_form(org, personas):
    meeting, first, _second = _agenda(org, personas.officer)
    client = _client(personas.officer)
    url = reverse("council:document-create", args=[meeting.public_id])

    form = client.get(f"{url}?item={first.pk}").content.decode()
    client.post(url, {"doc_type": "decision", "title_ru": "О мерах", "title_en": "On measures",
                      "classification": 1, "release_to_all_members": "on",
                      "agenda_item": first.pk})

    assert f'<option value="{first.pk}" selected>' in form
    assert list(Document.objects.visible_to(personas.officer).filter(agenda_items=first)
                .values_list("title_en", flat=True)) == ["On measures"]


def test_it_refuses_the_editing_pages_to_a_delegate(org, personas):
    meeting, first, _second = _agenda(org, personas.officer)

    answer = _client(personas.delegate_b).post(
        reverse("council:session-agenda-item-remove", args=[meeting.public_id, first.pk]))

    assert answer.status_code == 403
    assert _titles(meeting) == ["First", "Second"]


# --- The implementation report ---------------------------------------------------------------------

def test_it_says_which_session_the_report_is_for_and_what_was_reported_since(org, personas):
    report = implementation_report(org, personas.officer)
    instruction = Instruction.objects.visible_to(personas.officer).get()
    services.instruction_report(actor=personas.delegate_b, instruction=instruction,
                                text="Aid delivered to the border posts.",
                                status=Instruction.Status.DONE)

    page = _client(personas.officer).get(report.get_absolute_url()).content.decode()

    assert "Report to the session of Collective Security Council on" in page
    assert "Aid delivered to the border posts." in page.split('id="since"')[1]
    summary = page.split('id="report-summary"')[1].split("</table>")[0]
    in_report, today = summary.split("<tbody>")[1].split("</tr>")[:2]
    # The instruction was overdue or in progress when drafted; it is done now.
    assert [cell.split("<")[0] for cell in today.split("<td>")[1:]] == ["1", "1", "0", "0"]
    assert in_report.split("<td>")[2].split("<")[0] == "0"


def test_it_counts_an_open_instruction_past_its_deadline_as_overdue(org, personas):
    report = implementation_report(org, personas.officer)

    progress = selectors.implementation_progress(
        report=selectors.implementation_report_get(viewer=personas.officer,
                                                   public_id=report.public_id))

    instruction = Instruction.objects.visible_to(personas.officer).get()
    assert instruction.due_on is not None and instruction.due_on < date(2026, 1, 1)
    assert progress.now.overdue == 1
    assert progress.later_reports == []


def test_it_records_an_instruction_past_its_deadline_as_overdue_in_the_report(org, personas):
    # The nightly check has not run: the instruction is still only assigned.
    report = implementation_report(org, personas.officer)

    entry = report.entries.get()
    assert entry.instruction.status == Instruction.Status.ASSIGNED
    assert entry.status == Instruction.Status.OVERDUE
    progress = selectors.implementation_progress(
        report=selectors.implementation_report_get(viewer=personas.officer,
                                                   public_id=report.public_id))
    assert progress.as_prepared.overdue == progress.now.overdue == 1
    page = _client(personas.officer).get(report.get_absolute_url()).content.decode()
    summary = page.split('id="report-summary"')[1].split("</table>")[0]
    in_report, today = summary.split("<tbody>")[1].split("</tr>")[:2]
    assert in_report.split("<td>")[1:] == today.split("<td>")[1:]
