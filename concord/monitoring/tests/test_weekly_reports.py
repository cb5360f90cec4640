"""The weekly situation report drafts itself: last week, the whole area, the secretariat's
reading, once a week, left for an analyst to edit."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.utils import formats

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.core.schedule import enqueue_due
from concord.monitoring import services
from concord.monitoring.models import SituationReport
from concord.monitoring.tests.factories import incident

WEEKLY = "concord.monitoring.tasks.generate_weekly_reports"
WEDNESDAY = date(2024, 6, 12)
MONDAY, SUNDAY = date(2024, 6, 3), date(2024, 6, 9)  # the week before WEDNESDAY


@pytest.mark.parametrize("today", [date(2024, 6, 10), WEDNESDAY, date(2024, 6, 16)])
def test_it_covers_exactly_the_previous_monday_to_sunday(personas, today):
    incident(personas.secretariat, occurred_on=date(2024, 6, 2), location="Before")
    incident(personas.secretariat, occurred_on=MONDAY, location="First day", fatalities=3)
    incident(personas.secretariat, occurred_on=SUNDAY, country="RU", admin1="Moscow",
             location="Last day")
    incident(personas.secretariat, occurred_on=date(2024, 6, 10), location="After")

    [report] = services.weekly_reports_generate(today=today)

    assert (report.period_start, report.period_end, report.region) == (MONDAY, SUNDAY, "")
    totals = report.content["totals"]
    assert (totals["incidents"], totals["fatalities"], totals["incidents_before"]) == (2, 3, 1)
    assert report.originator == personas.secretariat
    assert report.generated_by is None
    # The title is for people: written as the active language writes dates.
    assert report.title == ("The situation in the area of responsibility, "
                            "06/03/2024 – 06/09/2024")


def test_it_audits_the_draft_and_leaves_it_for_an_analyst_to_edit(personas):
    [report] = services.weekly_reports_generate(today=WEDNESDAY)

    services.report_update(actor=personas.analyst, report=report, title="Week 23",
                           assessment="Calm on the border.", conclusions="",
                           classification=Classification.OFFICIAL_USE,
                           release_to_all_members=True)

    entry = AuditEntry.objects.get(action="monitoring.report.generate")
    assert entry.target_id == str(report.public_id)
    assert entry.actor is None
    edited = SituationReport.objects.visible_to(personas.analyst).get()
    assert (edited.title, edited.assessment) == ("Week 23", "Calm on the border.")


def test_it_drafts_a_week_only_once(personas):
    first = services.weekly_reports_generate(today=date(2024, 6, 10))
    services.report_update(actor=personas.analyst, report=first[0], title="Week 23",
                           assessment="Edited.", conclusions="",
                           classification=Classification.OFFICIAL_USE,
                           release_to_all_members=True)

    again = services.weekly_reports_generate(today=WEDNESDAY)
    sunday = services.weekly_reports_generate(today=date(2024, 6, 16))
    next_week = services.weekly_reports_generate(today=date(2024, 6, 17))

    assert (again, sunday) == ([], [])
    assert [(r.period_start, r.period_end) for r in next_week] == [(date(2024, 6, 10),
                                                                     date(2024, 6, 16))]
    assert [(r.period_start, r.title) for r in SituationReport.objects.visible_to(
        personas.officer).order_by("period_start")] == [(MONDAY, "Week 23"),
                                                        (date(2024, 6, 10), next_week[0].title)]


def test_an_analysts_own_report_of_the_week_does_not_stand_in_for_the_weekly_one(personas):
    services.report_generate(actor=personas.analyst, start=MONDAY, end=SUNDAY)
    services.report_generate(actor=SYSTEM, start=MONDAY, end=SUNDAY, region="tajik-afghan-border",
                             originator=personas.secretariat)

    drafted = services.weekly_reports_generate(today=WEDNESDAY)

    assert len(drafted) == 1
    assert SituationReport.objects.visible_to(personas.officer).count() == 3


def test_it_reads_as_the_secretariat_and_labels_the_report_as_report_generate_does(personas):
    incident(personas.secretariat, occurred_on=MONDAY)
    # Above the analyst's clearance, yet the secretariat's to read.
    incident(personas.secretariat, occurred_on=SUNDAY, classification=Classification.SECRET,
             release_to_all_members=False)

    [report] = services.weekly_reports_generate(today=WEDNESDAY)

    assert report.content["totals"]["incidents"] == 2
    assert report.classification == Classification.SECRET
    assert not report.release_to_all_members
    assert list(report.releasable_to.all()) == []
    assert SituationReport.objects.visible_to(personas.officer).filter(pk=report.pk).exists()
    for reader in (personas.analyst, personas.delegate_a, personas.delegate_b):
        assert not SituationReport.objects.visible_to(reader).exists()


def test_it_releases_the_report_to_the_parties_able_to_read_all_it_aggregates(personas):
    incident(personas.secretariat, occurred_on=MONDAY)
    # Tajikistan's own record, shared with the secretariat only.
    incident(personas.state_b, occurred_on=SUNDAY, location="Shuroabad",
             releasable_to=[personas.secretariat], release_to_all_members=False)

    [report] = services.weekly_reports_generate(today=WEDNESDAY)

    assert report.classification == Classification.OFFICIAL_USE
    assert not report.release_to_all_members
    assert [p.code for p in report.releasable_to.all()] == ["TJ"]
    assert SituationReport.objects.visible_to(personas.delegate_b).filter(pk=report.pk).exists()
    assert SituationReport.objects.visible_to(personas.analyst).filter(pk=report.pk).exists()
    assert not SituationReport.objects.visible_to(personas.delegate_a).exists()


def test_a_week_of_shared_records_is_released_to_all_member_states(personas):
    incident(personas.secretariat, occurred_on=MONDAY)

    [report] = services.weekly_reports_generate(today=WEDNESDAY)

    assert report.classification == Classification.OFFICIAL_USE
    assert report.release_to_all_members
    for reader in (personas.delegate_a, personas.delegate_b, personas.analyst):
        assert SituationReport.objects.visible_to(reader).filter(pk=report.pk).exists()
    assert not SituationReport.objects.visible_to(personas.anonymous).exists()


def test_it_does_nothing_but_say_so_without_a_secretariat(db, caplog):
    with caplog.at_level(logging.WARNING, logger="concord.monitoring.services.reports"):
        drafted = services.weekly_reports_generate(today=WEDNESDAY)

    assert drafted == []
    assert not AuditEntry.objects.filter(action="monitoring.report.generate").exists()
    assert caplog.messages == ["no weekly situation report for 2024-06-03 to 2024-06-09: there "
                               "is no secretariat party"]


def test_the_weekly_report_is_a_periodic_task(personas, settings):
    assert settings.CONCORD_PERIODIC_TASKS[WEEKLY] == 24 * 3600
    settings.CONCORD_PERIODIC_TASKS = {WEEKLY: settings.CONCORD_PERIODIC_TASKS[WEEKLY]}

    queued = enqueue_due()

    [report] = SituationReport.objects.visible_to(personas.officer)
    assert queued == [WEEKLY]
    assert (report.period_start, report.period_end) == services.previous_week(
        clock.now().date())
    assert report.generated_by is None


def test_the_command_drafts_last_week_once_and_says_so(personas, capsys):
    start, end = services.previous_week(clock.now().date())

    call_command("situation", "weekly")
    call_command("situation", "weekly")

    first, last = (formats.date_format(day, "SHORT_DATE_FORMAT") for day in (start, end))
    assert capsys.readouterr().out.splitlines() == [
        f"The situation in the area of responsibility, {first} – {last}: 0 incidents, drafted "
        "(label Official use).",
        f"The report for {start} – {end} is already drafted."]
    assert SituationReport.objects.visible_to(personas.officer).count() == 1


def test_the_command_refuses_without_a_secretariat(db):
    with pytest.raises(CommandError, match="no secretariat"):
        call_command("situation", "weekly")
