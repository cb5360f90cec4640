"""The remedial actions of a case's lessons past their deadline: flagged once by the daily task,
written to the case's log, and mailed to the addressee's people who may read the case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail

from concord.core import clock
from concord.crisis.lesson_tasks import flag_overdue_case_lessons
from concord.crisis.models import Case, CaseLesson, LogEntry
from concord.crisis.services import cases as case_services
from concord.crisis.services import review as services
from concord.crisis.services.lesson_deadlines import lesson_flag_overdue
from concord.crisis.tests import factories

pytestmark = pytest.mark.django_db


def _assigned(personas, *, days: int = 10) -> CaseLesson:
    case = case_services.case_advance(actor=personas.officer, case=factories.case(personas),
                                      to_phase=Case.Phase.CLOSED)
    lesson = services.lesson_observe(actor=personas.officer, case=case, observation="Связь")
    services.lesson_identify(actor=personas.officer, lesson=lesson, text="Резервный канал")
    return services.lesson_assign(actor=personas.officer, lesson=lesson,
                                  action="Закупить терминалы", addressee=personas.state_b,
                                  due_on=clock.today() + timedelta(days=days))


def test_it_flags_an_overdue_action_once_and_mails_its_addressee(
        personas, django_capture_on_commit_callbacks):
    lesson = _assigned(personas)
    for user, address in ((personas.delegate_b, "tj@example.org"),
                          (personas.delegate_a, "ru@example.org")):
        user.email = address
        user.save(update_fields=["email"])
    late_day = clock.today() + timedelta(days=11)

    with django_capture_on_commit_callbacks(execute=True):
        on_time = lesson_flag_overdue(on=clock.today() + timedelta(days=10))
        first = lesson_flag_overdue(on=late_day)
        again = lesson_flag_overdue(on=late_day + timedelta(days=1))

    assert on_time == [] and again == []
    assert [flagged.pk for flagged in first] == [lesson.pk]
    [sent] = mail.outbox
    assert sent.to == ["tj@example.org"]
    assert "Закупить терминалы" in sent.body
    whats = [e.what for e in LogEntry.objects.unscoped(reason="test").filter(case=lesson.case)]
    assert any(w.startswith("Remedial action overdue: № 1: Закупить терминалы") for w in whats)


def test_it_leaves_a_learned_lesson_unflagged_in_the_daily_task(personas):
    lesson = _assigned(personas)
    done = _assigned(personas)
    services.lesson_learn(actor=personas.officer, lesson=done)
    CaseLesson.objects.filter(pk__in=[lesson.pk, done.pk]).update(
        due_on=clock.today() - timedelta(days=1))

    assert flag_overdue_case_lessons.call() == 1
    lesson.refresh_from_db()
    assert lesson.overdue_notified_on == clock.today()
