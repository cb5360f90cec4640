"""The silence procedure: a draft circulates with a deadline, is adopted at the deadline when no
state objected, and an objection breaks the silence at once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from concord.core import clock
from concord.core.errors import InvalidState
from concord.council import services, tasks
from concord.council.models import ConsensusOutcome, Document, SilenceProcedure, StatePosition
from concord.council.tests.factories import draft


def _circulating(org, personas, days=10):
    document = draft(org, personas.officer)
    deadline = clock.now() + timedelta(days=days)
    silence = services.silence_start(actor=personas.officer, document=document, deadline=deadline)
    return document, silence


def test_it_adopts_at_the_deadline_when_no_state_objected(org, personas):
    document, silence = _circulating(org, personas)
    services.position_record(actor=personas.delegate_a, document=document, body=org.csc,
                             state=org.states["RU"], stance=StatePosition.Stance.CONCURS)

    outcome = services.silence_conclude(actor=personas.officer, silence=silence,
                                        at=silence.deadline)

    document.refresh_from_db()
    silence.refresh_from_db()
    assert outcome.outcome == ConsensusOutcome.Outcome.ADOPTED
    assert "kept silent until the deadline" in outcome.ground_en
    assert document.status == Document.Status.ADOPTED
    assert document.adopted_on == silence.deadline.date()
    assert silence.status == SilenceProcedure.Status.ADOPTED


def test_it_breaks_the_silence_at_once_on_an_objection(org, personas):
    document, silence = _circulating(org, personas)

    services.position_record(actor=personas.delegate_b, document=document, body=org.csc,
                             state=org.states["TJ"], stance=StatePosition.Stance.OBJECTS,
                             reason="Needs more work")

    document.refresh_from_db()
    silence.refresh_from_db()
    assert silence.status == SilenceProcedure.Status.BROKEN
    assert silence.broken_by == org.states["TJ"]
    assert document.status == Document.Status.DRAFT
    outcome = document.outcomes.get()
    assert outcome.ground_en == "Not adopted: objected by Tajikistan: Needs more work."


def test_it_does_not_conclude_before_the_deadline(org, personas):
    _document, silence = _circulating(org, personas)

    with pytest.raises(InvalidState, match="runs until"):
        services.silence_conclude(actor=personas.officer, silence=silence)


def test_it_freezes_the_text_while_the_draft_circulates(org, personas):
    document, _silence = _circulating(org, personas)

    with pytest.raises(InvalidState, match="silence procedure"):
        services.document_text_revise(actor=personas.officer, document=document, language="ru",
                                      body="Другой текст")


def test_it_concludes_due_procedures_in_the_daily_task(org, personas):
    document, silence = _circulating(org, personas, days=1)
    SilenceProcedure.objects.filter(pk=silence.pk).update(
        deadline=clock.now() - timedelta(minutes=1))

    result = tasks.conclude_silence_procedures.enqueue()

    document.refresh_from_db()
    assert result.return_value == 1
    assert document.status == Document.Status.ADOPTED
