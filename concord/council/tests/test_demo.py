"""The demo organization's council records hold what the Sochi press release (2013) and the
June 2024 Almaty meeting tell, and loading them again changes nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.apps import apps

from concord.council import services, signing
from concord.council.models import (
    AgendaItem,
    Document,
    ImplementationReport,
    Instruction,
    Session,
    Signature,
    SignerKey,
)
from concord.demo.steps import load_all

PASSWORD = "demo password for the test suite"


def _unscoped(model):
    return model.objects.unscoped(reason="test")


@pytest.fixture
def demo(db):
    load_all(password=PASSWORD)


def _session(title_en: str):
    return _unscoped(Session).get(title_en=title_en)


def test_it_changes_nothing_when_loaded_twice(demo):
    before = {m._meta.label: m._base_manager.count() for m in apps.get_models()}

    report = load_all(password=PASSWORD)

    assert report.created == {}
    assert {m._meta.label: m._base_manager.count() for m in apps.get_models()} == before


def test_it_holds_the_sochi_session_with_its_chair_and_participants(demo):
    sochi = _session("Session of the CSTO Collective Security Council")

    assert sochi.starts_on == date(2013, 9, 23)
    assert sochi.place_en == "Sochi, sanatorium Rus"
    assert sochi.chair.iso_alpha2 == "KG"
    assert sochi.previous.title_en.endswith("(December 2012)")
    heads = sorted(p.state.iso_alpha2 for p in sochi.participants.filter(is_head_of_delegation=True))
    assert heads == ["AM", "BY", "KG", "KZ", "RU", "TJ"]
    assert {p.official.name_en for p in sochi.participants.filter(state=None)} == {
        "Nikolai Bordyuzha", "Alexander Studenikin"}


def test_it_holds_the_secretary_generals_report_on_the_border_survey(demo):
    item: Any = AgendaItem.objects.get(title_en__contains="Tajik-Afghan border survey")

    assert item.rapporteur.name_en == "Nikolai Bordyuzha"
    assert item.rapporteur_position.code == "secretary-general"


def test_it_holds_the_decision_with_its_relative_instruction(demo):
    # The Sochi session's decision (the crisis demo's decision of 2022 was taken without one).
    instruction = _unscoped(Instruction).get(document__doc_type=Document.Type.DECISION,
                                             document__session__starts_on=date(2013, 9, 23))

    assert instruction.document.title_en.startswith("On military-technical assistance")
    assert instruction.text_en.startswith("Within three months, taking into account their "
                                          "capabilities")
    assert instruction.deadline_months == 3
    assert instruction.due_on == date(2013, 12, 23)
    assert instruction.addressee_kind == Instruction.Addressee.ALL_STATES


def test_it_holds_the_six_priorities_of_the_2014_chairmanship(demo):
    priorities = _unscoped(Document).get(doc_type=Document.Type.PRIORITIES)
    english = priorities.texts.get(language="en")

    lead, points = english.structure()
    assert lead[0].startswith("To further transform the CSTO")
    assert [point.number for point in points] == [1, 2, 3, 4, 5, 6]
    assert points[3].paragraphs[1].startswith("Countering the spread of propaganda")
    assert "anti-drug operation “Channel”" in english.body


def test_it_counts_the_signed_documents_as_reported_and_as_held(demo):
    sochi = _session("Session of the CSTO Collective Security Council")
    signed = _unscoped(Document).filter(session=sochi, signatures__isnull=False).distinct()

    assert sochi.reported_signed_count == 8
    assert signed.count() == 4
    assert Signature.objects.count() == 24
    assert all(check.valid for document in signed
               for check in services.document_verify(document=document))


def test_it_plans_the_next_session_in_moscow_in_the_second_half_of_2014(demo):
    moscow = _session("Regular session of the CSTO Collective Security Council (2014)")

    assert (moscow.place_en, moscow.starts_on, moscow.ends_on) == (
        "Moscow", date(2014, 7, 1), date(2014, 12, 31))
    assert moscow.dates_tentative
    assert moscow.chair.iso_alpha2 == "RU"
    assert moscow.agenda_items.get().is_implementation_report
    report = _unscoped(ImplementationReport).get(session=moscow)
    assert report.entries.get().instruction.deadline_months == 3


def test_it_holds_the_almaty_meeting_of_the_committee_of_secretaries(demo):
    almaty = _session("Meeting of the CSTO Committee of Secretaries of Security Councils")

    assert (almaty.body.code, almaty.starts_on, almaty.place_en) == (
        "CSSC", date(2024, 6, 6), "Almaty")
    assert almaty.chair.iso_alpha2 == "KZ"
    item = almaty.agenda_items.get()
    assert item.rapporteur.name_en == "Imangali Tasmagambetov"
    assert "area of responsibility" in item.title_en


def test_it_holds_the_private_half_of_every_demo_signers_key(demo):
    keys = SignerKey.objects.all()

    assert keys.count() == 6
    assert all(signing.held_private_key(key.fingerprint) is not None for key in keys)
