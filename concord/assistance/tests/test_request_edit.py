"""The edit page of a draft or submitted request: its phases and lines added, changed and
removed, a pledged line kept, and its label changed through the kernel's relabelling; each
change audited with its values before and after."""

from __future__ import annotations

import json
from typing import Any

import pytest

from concord.assistance.forms import RequestEditForm, RequestForm
from concord.assistance.models import AssistanceRequest, RequestLine, RequestPhase
from concord.assistance.services import requests
from concord.assistance.tests.factories import draft
from concord.assistance.tests.factories_alloc import border_request, pledge
from concord.core.labels import Classification
from concord.core.models import AuditEntry, LabelChange

pytestmark = pytest.mark.django_db


def _audited(action: str) -> list[dict[str, Any]]:
    return [json.loads(entry.detail) for entry in
            AuditEntry.objects.filter(action=action).order_by("pk")]


def _edit(record: AssistanceRequest) -> str:
    return f"/assistance/requests/{record.public_id}"


def _particulars(record: AssistanceRequest, **changed: Any) -> dict[str, Any]:
    return {"title_ru": record.title_ru, "beneficiary_ru": record.beneficiary_ru,
            "kind": record.kind, "terms": record.terms, "urgency": record.urgency,
            "classification": record.classification, "release_to_all_members": "on",
            **changed}


def test_it_adds_changes_and_removes_phases_and_lines_auditing_each(org, personas, client):
    record = draft(org, personas.delegate_b)
    requests.request_submit(actor=personas.delegate_b, request=record)
    client.force_login(personas.delegate_b)
    base = _edit(record)

    added = client.post(f"{base}/phases/new", {"title_ru": "Третий этап",
                                               "due_on": "2032-06-30"})
    changed = client.post(f"{base}/phases/1/edit", {"title_ru": "Первый этап: стрелковое",
                                                    "title_en": "Phase one",
                                                    "due_on": "2030-03-31"})
    moved = client.post(f"{base}/lines/1/edit", {
        "category": "small_arms", "description_ru": "Автоматы АК-74М", "quantity": 120,
        "description_en": "Rifles", "unit": "pieces", "priority": 2, "phase": 3, "retransfer_banned": "on"})
    line = client.post(f"{base}/lines/new", {
        "category": "communications", "description_ru": "Радиостанции", "quantity": 30,
        "unit": "pieces", "priority": 2, "phase": 3})
    kept = client.post(f"{base}/phases/2/remove", follow=True)

    assert [answer.status_code for answer in (added, changed, moved, line)] == [302] * 4
    assert "Строка 3 относится к этому этапу" in kept.content.decode()
    assert RequestPhase.objects.filter(request=record, number=2).exists()
    client.post(f"{base}/lines/3/remove")
    client.post(f"{base}/phases/2/remove")

    rows = {n.number: (n.description_ru, n.quantity, n.phase.number if n.phase else None)
            for n in RequestLine.objects.filter(request=record)}
    assert rows == {1: ("Автоматы АК-74М", 120, 3), 2: ("Приборы ночного видения", 40, 1),
                    4: ("Радиостанции", 30, 3)}
    assert list(RequestPhase.objects.filter(request=record).values_list("number", flat=True)
                ) == [1, 3]
    assert _audited("assistance.request.phase_update") == [{
        "phase": 1, "changed": {"title_ru": ["Первый этап", "Первый этап: стрелковое"]}}]
    assert _audited("assistance.request.line_update")[0]["changed"] == {
        "description_ru": ["Автоматы", "Автоматы АК-74М"], "quantity": [100, 120],
        "phase": [1, 3], "needed_by": ["2030-01-31", None]}
    assert _audited("assistance.request.line_remove")[0]["before"]["description_ru"] == "Заставы"
    assert _audited("assistance.request.phase_remove")[0] == {
        "phase": 2, "before": {"title_ru": "Второй этап", "title_en": "Phase two",
                               "due_on": "2031-12-31"}}
    assert _audited("assistance.request.phase_add")[0]["after"]["due_on"] == "2032-06-30"


def test_it_names_the_field_of_a_bad_line_and_changes_nothing(org, personas, client):
    record = draft(org, personas.delegate_b)
    client.force_login(personas.delegate_b)

    refused = client.post(f"{_edit(record)}/lines/1/edit", {
        "category": "small_arms", "description_ru": "", "quantity": 0, "unit": "pieces",
        "priority": 2, "phase": 9})

    assert refused.status_code == 400
    assert set(refused.context["form"].errors) == {"description_ru", "quantity", "phase"}
    assert RequestLine.objects.get(request=record, number=1).quantity == 100
    assert _audited("assistance.request.line_update") == []


def test_it_says_on_a_pledged_line_that_it_cannot_be_removed(org, personas, client):
    record = border_request(org, status="submitted")
    pledge(org, record, "RU", {1: 50})
    client.force_login(personas.delegate_b)

    page = client.get(f"{_edit(record)}/edit").content.decode()
    refused = client.post(f"{_edit(record)}/lines/1/remove", follow=True).content.decode()
    removed = client.post(f"{_edit(record)}/lines/2/remove")

    assert "Есть обещания: строку нельзя удалить." in page
    assert f'{_edit(record)}/lines/1/remove' not in page
    assert f'{_edit(record)}/lines/2/remove' in page
    assert "По строке 1 есть обещания: её нельзя удалить." in refused
    assert removed.status_code == 302
    assert list(RequestLine.objects.filter(request=record).values_list("number", flat=True)
                ) == [1, 3]


def test_it_relabels_through_the_kernel_above_the_clearance_never_and_lower_on_approval(
        org, personas, client):
    record = draft(org, personas.delegate_b)
    client.force_login(personas.delegate_b)
    url = f"{_edit(record)}/edit"

    too_high = client.post(url, _particulars(record, title_ru="Другое",
                                             classification=Classification.SECRET))
    assert too_high.status_code == 400 and "classification" in too_high.context["form"].errors
    record.refresh_from_db()
    assert record.title_ru != "Другое"  # the particulars were not saved either

    narrowed = client.post(url, _particulars(record, release_to_all_members=""))
    record.refresh_from_db()
    assert narrowed.status_code == 302 and record.release_to_all_members is False
    raised = _audited("core.label.raise")[-1]
    assert (raised["from"]["release_to_all_members"], raised["to"]["release_to_all_members"]
            ) == (True, False)

    widened = client.post(url, _particulars(record, classification=Classification.PUBLIC),
                          follow=True)
    record.refresh_from_db()
    assert record.classification == Classification.OFFICIAL_USE
    assert LabelChange.objects.filter(status=LabelChange.Status.PENDING).count() == 1
    assert "ожидает утверждения" in widened.content.decode()


def test_it_gives_the_secretariat_the_particulars_only(org, personas, client):
    record = draft(org, personas.delegate_b)
    client.force_login(personas.officer)

    page = client.get(f"{_edit(record)}/edit")

    assert "classification" not in page.context["form"].fields
    assert f"{_edit(record)}/lines/new" in page.content.decode()


def test_it_asks_for_the_same_particulars_on_the_new_request_and_its_label_last():
    assert list(RequestForm.base_fields) == [*RequestEditForm.base_fields, "classification"]
    assert list(RequestForm().fields) == [*RequestEditForm.base_fields, "classification"]
