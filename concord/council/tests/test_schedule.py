"""Periodic tasks are queued once their interval has passed, and not again before."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from django.core.management import call_command

from concord.core.models import ScheduledTask
from concord.core.schedule import enqueue_due
from concord.council import services
from concord.council.models import Instruction
from concord.council.tests.factories import ALL_CONCUR, draft, positions

FLAG = "concord.council.tasks.flag_overdue_instructions"


def _overdue_instruction(org, personas) -> Instruction:
    document = draft(org, personas.officer)
    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document, on=date(2013, 9, 23))
    return services.instruction_add(
        actor=personas.officer, document=document, addressee_kind=Instruction.Addressee.ALL_STATES,
        text_ru="Оказать помощь", text_en="Give assistance", deadline_months=3)


def test_it_runs_the_daily_flagging_of_overdue_instructions_by_itself(org, personas, settings):
    settings.CONCORD_PERIODIC_TASKS = {FLAG: 24 * 3600}
    instruction = _overdue_instruction(org, personas)

    queued = enqueue_due()

    instruction.refresh_from_db()
    assert queued == [FLAG]
    assert instruction.status == Instruction.Status.OVERDUE


def test_it_queues_a_task_again_only_once_its_interval_has_passed(db, settings):
    settings.CONCORD_PERIODIC_TASKS = {FLAG: 3600}
    start = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)

    first = enqueue_due(now=start)
    early = enqueue_due(now=start + timedelta(minutes=59))
    later = enqueue_due(now=start + timedelta(minutes=60))

    assert (first, early, later) == ([FLAG], [], [FLAG])
    assert ScheduledTask.objects.get(name=FLAG).last_enqueued_at == start + timedelta(hours=1)


def test_the_command_says_what_it_queued(db, settings, capsys):
    settings.CONCORD_PERIODIC_TASKS = {FLAG: 3600}

    call_command("tasks", "due")
    call_command("tasks", "due")

    assert capsys.readouterr().out.splitlines() == [f"queued {FLAG}", "nothing is due"]
