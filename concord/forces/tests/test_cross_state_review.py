"""Another state's delegation reads the forces and exercises everywhere they are given out, and
finds no trace of what Russia withholds: its division's strength (released to no one else) and
its special detachment's participation in an exercise (released to the secretariat alone) — not
in a page, an export, the GeoJSON, the iCalendar, the after-action report, the API or the
command line. Russia's own delegation finds both, so the figures are there to be found."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from docx import Document as Docx
from openpyxl import load_workbook

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.forces.models import Level
from concord.forces.models.exercises import Exercise
from concord.forces.services import exercises as services
from concord.forces.services.readiness import readiness_record
from concord.forces.services.units import strength_record
from concord.forces.tests.exercise_factories import held, joint_staff
from concord.forces.tests.factories import earmark, formation, unit

pytestmark = pytest.mark.django_db

WITHHELD, SHOWN, EXERCISED = 4321, 1234, 777
TRACES = ("4321", "4 321", "4\u00a0321", "4,321", "777", "Отряд спецназначения",
          "Special detachment")


@pytest.fixture
def forces(org, personas):
    staff = joint_staff(personas.secretariat)
    crrf = formation(personas.secretariat)
    today = clock.today()
    division = unit(org.states["RU"], name="98-я дивизия", name_en="98th division")
    brigade = unit(org.states["TJ"], name="Бригада ТДЖ", name_en="TJ brigade")
    for contributed in (division, brigade):
        earmark(crrf, contributed, period_from=today - timedelta(days=400))
    strength_record(actor=SYSTEM, unit=division, as_of=today, personnel_on_hand=WITHHELD,
                    equipment_on_hand=WITHHELD, release_to_all_members=False, releasable_to=[])
    strength_record(actor=SYSTEM, unit=brigade, as_of=today, personnel_on_hand=SHOWN)
    readiness_record(actor=SYSTEM, unit=division, reported_on=today, training=Level.FULLY)
    setup = held(staff, org.states)
    detachment = unit(org.states["RU"], name="Отряд спецназначения", name_en="Special detachment",
                      release_to_all_members=False, releasable_to=[personas.secretariat])
    hidden = services.participant_add(
        actor=personas.delegate_a, exercise=setup.exercise, state=org.states["RU"],
        unit=detachment, personnel=EXERCISED, equipment=33,
        classification=Classification.OFFICIAL_USE, release_to_all_members=False,
        releasable_to=[personas.secretariat])
    services.exercise_status(actor=staff, exercise=setup.exercise, status=Exercise.Status.RUNNING)
    services.evaluation_record(actor=staff, participant=hidden, objective=setup.objectives[0],
                               rating=Level.MARGINALLY, evaluated_on=date(2013, 9, 4))
    services.exercise_status(actor=staff, exercise=setup.exercise,
                             status=Exercise.Status.COMPLETED)
    services.exercise_evaluate(actor=staff, exercise=setup.exercise)
    return {"crrf": crrf, "division": division, "exercise": setup.exercise}


def _addresses(forces):
    crrf, division, exercise = forces["crrf"], forces["division"], forces["exercise"]
    return [
        "/forces/", f"{crrf.get_absolute_url()}", f"{crrf.get_absolute_url()}?format=xlsx",
        f"{crrf.get_absolute_url()}?format=csv", "/forces/units/", "/forces/units/?format=csv",
        "/forces/units/tree/", division.get_absolute_url(), "/forces/units.geojson",
        "/forces/map/", "/forces/readiness/", "/forces/readiness/?format=csv",
        "/forces/readiness/?history=1&format=csv",
        "/forces/exercises/", "/forces/exercises/?format=csv", exercise.get_absolute_url(),
        "/forces/exercises/calendar.ics", "/forces/exercises/areas.geojson",
        "/api/v1/forces/formations", f"/api/v1/forces/formations/{crrf.public_id}/contributions",
        "/api/v1/forces/units", f"/api/v1/forces/units/{division.public_id}",
        "/api/v1/forces/readiness", "/api/v1/forces/exercises",
        f"/api/v1/forces/exercises/{exercise.public_id}",
        f"/api/v1/forces/exercises/{exercise.public_id}/participants",
        f"/api/v1/forces/exercises/{exercise.public_id}/evaluations",
    ]


def _docx_text(content: bytes) -> str:
    document = Docx(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join([p.text for p in document.paragraphs] + cells)


def _text(answer) -> str:
    if answer["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spread"):
        sheet = load_workbook(io.BytesIO(answer.content)).active
        return " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row)
    return str(answer.content.decode())


def _leaks(text: str) -> list[str]:
    return [trace for trace in TRACES if trace in text]


def test_it_shows_another_state_no_trace_of_what_russia_withholds(forces, personas):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(personas.delegate_b)
    found = {}
    for address in _addresses(forces):
        answer = client.get(address)
        assert answer.status_code == 200, address
        found[address] = _leaks(_text(answer))
    report = client.get(f"/forces/exercises/{forces['exercise'].public_id}/after-action.docx")
    found["after-action"] = _leaks(_docx_text(report.content))
    assert {address: leaks for address, leaks in found.items() if leaks} == {}


def test_it_shows_russia_its_own_withheld_figures(forces, personas):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(personas.delegate_a)
    division = client.get(forces["division"].get_absolute_url()).content.decode()
    assert _leaks(division)
    exercise = client.get(forces["exercise"].get_absolute_url()).content.decode()
    assert "777" in exercise


def test_it_writes_another_state_no_trace_from_the_command_line(forces, personas, tmp_path):
    out = io.StringIO()
    for verb in (["forces", "readiness"], ["forces", "readiness", "--by-state"],
                 ["forces", "stale"], ["forces", "formations"], ["exercises", "list"]):
        call_command(*verb, "--user", "delegate_b", stdout=out)
    calendar, report = tmp_path / "x.ics", tmp_path / "aar.docx"
    call_command("exercises", "ical", str(calendar), "--user", "delegate_b", stdout=out)
    call_command("exercises", "report", "Interaction-2013", str(report), "--user", "delegate_b",
                 stdout=out)
    text = out.getvalue() + calendar.read_text() + _docx_text(report.read_bytes())
    assert "≥1234" in text
    assert _leaks(text) == []
