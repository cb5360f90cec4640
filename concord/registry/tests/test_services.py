"""Registry writes: refused field by field when wrong, refused outright without permission, and
one audit entry for each change made."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from concord.core import clock
from concord.core.errors import Conflict, Forbidden, ValidationError
from concord.core.models import AuditEntry, Party
from concord.registry import services
from concord.registry.models import MemberState, MemberStatus, MemberStatusChange
from concord.registry.tests.factories import member_state

UZBEKISTAN: dict[str, Any] = dict(
    iso_alpha2="UZ", iso_alpha3="UZB", iso_numeric="860", name_ru="Узбекистан",
    name_en="Uzbekistan", name_native="Oʻzbekiston", native_language="uz",
    official_name_ru="Республика Узбекистан", official_name_en="Republic of Uzbekistan",
    capital_time_zone="Asia/Tashkent", joined_on=date(1992, 5, 15))


def _audit() -> list[AuditEntry]:
    return list(AuditEntry.objects.order_by("seq"))


def _field_errors(refusal: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(refusal.value.errors)


# --- Registering a state ---------------------------------------------------------------------

def test_it_registers_a_state_with_its_party_and_history(personas):
    state = services.member_state_register(actor=personas.officer, **UZBEKISTAN)

    assert state.status == MemberStatus.ACTIVE
    assert Party.objects.get(code="UZ").member_state == state
    assert [(c.status, c.effective_on) for c in state.status_history.all()] == [
        ("active", date(1992, 5, 15))]
    [entry] = _audit()
    assert (entry.action, entry.actor_id, entry.target_id) == (
        "registry.member_state.register", personas.officer.pk, str(state.pk))


@pytest.mark.parametrize("field, value", [
    ("iso_numeric", "86"), ("iso_alpha2", "U1"), ("iso_alpha3", "UZ"), ("name_en", ""),
    ("capital_time_zone", ""),
])
def test_it_names_the_field_that_stops_a_registration(personas, field, value):
    with pytest.raises(ValidationError) as refusal:
        services.member_state_register(actor=personas.officer, **{**UZBEKISTAN, field: value})

    assert _field_errors(refusal) == {field}
    assert not MemberState.objects.exists()
    assert _audit() == []


def test_it_refuses_to_register_a_state_twice(personas):
    services.member_state_register(actor=personas.officer, **UZBEKISTAN)

    with pytest.raises(Conflict):
        services.member_state_register(actor=personas.officer, **{**UZBEKISTAN,
                                                                   "iso_alpha2": "uz"})
    assert MemberState.objects.count() == 1


def test_it_lets_no_delegate_register_a_state(personas):
    with pytest.raises(Forbidden):
        services.member_state_register(actor=personas.delegate_a, **UZBEKISTAN)

    assert not MemberState.objects.exists()
    assert not Party.objects.filter(code="UZ").exists()
    assert _audit() == []


# --- Updating a state ------------------------------------------------------------------------

def test_it_updates_a_state_and_its_partys_names(personas):
    state = member_state("KG")

    services.member_state_update(actor=personas.officer, state=state,
                                 name_en="Kyrgyz Republic", name_ru="Кыргызская Республика")

    state.refresh_from_db()
    assert state.name_en == "Kyrgyz Republic"
    assert state.party.name_en == "Kyrgyz Republic"
    [entry] = _audit()
    assert entry.action == "registry.member_state.update"
    assert json.loads(entry.detail)["changed"]["name_en"] == ["Kyrgyzstan", "Kyrgyz Republic"]


def test_it_writes_nothing_when_nothing_changes(personas):
    state = member_state("KG")

    services.member_state_update(actor=personas.officer, state=state, name_en="Kyrgyzstan")

    assert _audit() == []


@pytest.mark.parametrize("field, value", [("name_en", ""), ("official_name_ru", ""),
                                          ("native_language", "a-very-long-tag")])
def test_it_names_the_field_that_stops_an_update(personas, field, value):
    state = member_state("KG")

    with pytest.raises(ValidationError) as refusal:
        services.member_state_update(actor=personas.officer, state=state, **{field: value})

    assert _field_errors(refusal) == {field}
    assert MemberState.objects.get(pk=state.pk).name_en == "Kyrgyzstan"
    assert _audit() == []


def test_it_refuses_to_update_fields_the_form_does_not_own(personas):
    state = member_state("KG")

    with pytest.raises(ValidationError) as refusal:
        services.member_state_update(actor=personas.officer, state=state, iso_alpha2="KZ")

    assert _field_errors(refusal) == {"iso_alpha2"}
    assert MemberState.objects.filter(iso_alpha2="KG").exists()


def test_it_lets_no_delegate_change_a_state(personas):
    state = member_state("KG")

    with pytest.raises(Forbidden):
        services.member_state_update(actor=personas.delegate_a, state=state, name_en="Kirghizia")

    assert MemberState.objects.get(pk=state.pk).name_en == "Kyrgyzstan"
    assert _audit() == []


# --- Changing the membership status ----------------------------------------------------------

def test_it_suspends_participation_from_today(personas):
    state = member_state("AM")
    today = clock.today()

    services.member_state_status_change(actor=personas.officer, state=state,
                                        status=MemberStatus.SUSPENDED, effective_on=today,
                                        note="Participation frozen by the state.")

    assert MemberState.objects.get(pk=state.pk).status == MemberStatus.SUSPENDED
    [entry] = _audit()
    assert entry.action == "registry.member_state.status_change"
    assert json.loads(entry.detail) == {"status": "suspended", "effective_on": today.isoformat()}


def test_it_keeps_the_status_until_a_future_change_takes_effect(personas):
    state = member_state("AM")

    services.member_state_status_change(actor=personas.officer, state=state,
                                        status=MemberStatus.WITHDRAWN,
                                        effective_on=clock.today() + timedelta(days=30),
                                        note="Notice of withdrawal.")

    assert MemberState.objects.get(pk=state.pk).status == MemberStatus.ACTIVE
    assert MemberStatusChange.objects.filter(state=state, status="withdrawn").exists()


@pytest.mark.parametrize("change, field", [
    ({"status": "dormant", "effective_on": date(2024, 1, 1), "note": "x"}, "status"),
    ({"status": "suspended", "effective_on": date(1990, 1, 1), "note": "x"}, "effective_on"),
    ({"status": "suspended", "effective_on": date(2024, 1, 1), "note": "  "}, "note"),
])
def test_it_names_the_field_that_stops_a_status_change(personas, change, field):
    state = member_state("AM")

    with pytest.raises(ValidationError) as refusal:
        services.member_state_status_change(actor=personas.officer, state=state, **change)

    assert _field_errors(refusal) == {field}
    assert MemberState.objects.get(pk=state.pk).status == MemberStatus.ACTIVE
    assert _audit() == []


def test_it_refuses_two_status_changes_on_one_day(personas):
    state = member_state("AM")
    day = date(2024, 2, 1)
    services.member_state_status_change(actor=personas.officer, state=state, status="suspended",
                                        effective_on=day, note="Frozen.")

    with pytest.raises(Conflict):
        services.member_state_status_change(actor=personas.officer, state=state,
                                            status="active", effective_on=day, note="")

    assert len(_audit()) == 1


def test_it_lets_no_delegate_change_a_status(personas):
    state = member_state("AM")

    with pytest.raises(Forbidden):
        services.member_state_status_change(actor=personas.delegate_a, state=state,
                                            status="suspended", effective_on=date(2024, 1, 1),
                                            note="Because I say so.")

    assert MemberState.objects.get(pk=state.pk).status == MemberStatus.ACTIVE
    assert not MemberStatusChange.objects.exists()
    assert _audit() == []


def test_it_lets_no_signed_out_visitor_change_anything(personas):
    state = member_state("AM")

    with pytest.raises(Forbidden):
        services.member_state_update(actor=personas.anonymous, state=state, name_en="Nowhere")

    assert MemberState.objects.get(pk=state.pk).name_en == "Armenia"


# --- Chairmanship ----------------------------------------------------------------------------

def test_it_records_a_chairmanship_and_audits_it_by_year(personas):
    state = member_state("KZ")

    services.chairmanship_record(actor=personas.officer, year=2024, state=state)

    [entry] = _audit()
    assert (entry.action, entry.target_id) == ("registry.chairmanship.record", "2024")


def test_it_refuses_a_chairmanship_before_the_state_joined(personas):
    state = member_state("BY")  # joined on 31 December 1993

    with pytest.raises(ValidationError) as refusal:
        services.chairmanship_record(actor=personas.officer, year=1992, state=state)

    assert _field_errors(refusal) == {"year"}


def test_it_lets_no_delegate_record_a_chairmanship(personas):
    state = member_state("RU")

    with pytest.raises(Forbidden):
        services.chairmanship_record(actor=personas.delegate_a, year=2025, state=state)

    assert _audit() == []
