"""A state shows its earmark and withholds its strength: the figures never reach another state,
in a page, a count, a chart, an export or the API."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.forces.models import Level, Unit
from concord.forces.selectors.readiness import readiness_by_state, readiness_glance
from concord.forces.services.readiness import readiness_record
from concord.forces.services.units import strength_record
from concord.forces.tests.factories import earmark, formation, unit

pytestmark = pytest.mark.django_db

WITHHELD = 4321
SHOWN = 1234


@pytest.fixture
def crrf(org, personas):
    crrf = formation(personas.secretariat, releasable_to=[personas.secretariat])
    today = clock.today()
    russian = unit(org.states["RU"], name="98-я дивизия", name_en="98th division",
                   releasable_to=[personas.secretariat])
    tajik = unit(org.states["TJ"], name="Бригада ТДЖ", name_en="TJ brigade",
                 releasable_to=[personas.secretariat])
    for contributed in (russian, tajik):
        earmark(crrf, contributed, period_from=today - timedelta(days=400))
    # Russia releases the earmark to all but keeps the figures to itself.
    strength_record(actor=SYSTEM, unit=russian, as_of=today, personnel_on_hand=WITHHELD,
                    release_to_all_members=False, releasable_to=[])
    strength_record(actor=SYSTEM, unit=tajik, as_of=today, personnel_on_hand=SHOWN)
    readiness_record(actor=SYSTEM, unit=russian, reported_on=today, training=Level.FULLY,
                     personnel=Level.FULLY)
    return crrf


def test_it_counts_another_states_withheld_strength_nowhere(crrf, personas):
    glance = readiness_glance(viewer=personas.delegate_b, formation=crrf, day=clock.today())
    assert glance.total.units == 2
    assert glance.total.personnel == SHOWN
    assert glance.total.personnel_withheld == 1
    own = readiness_glance(viewer=personas.delegate_a, formation=crrf, day=clock.today())
    assert own.total.personnel == SHOWN + WITHHELD


def test_it_shows_the_earmark_but_not_the_figures_on_the_formation_page(client, crrf,
                                                                        personas):
    client.force_login(personas.delegate_b)
    page = client.get(crrf.get_absolute_url()).content.decode()
    assert "98th division" in page or "98-я дивизия" in page
    assert str(WITHHELD) not in page and "4 321" not in page and "4,321" not in page
    assert client.get(crrf.get_absolute_url()).context["glance"].total.personnel == SHOWN
    client.force_login(personas.delegate_a)
    own = client.get(crrf.get_absolute_url()).context["glance"]
    assert own.total.personnel == SHOWN + WITHHELD


def test_it_leaves_withheld_figures_out_of_the_export(client, crrf, personas):
    client.force_login(personas.delegate_b)
    response = client.get(crrf.get_absolute_url(), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert WITHHELD not in cells and SHOWN in cells
    client.force_login(personas.delegate_a)
    response = client.get(crrf.get_absolute_url(), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert WITHHELD in [cell for row in sheet.iter_rows(values_only=True) for cell in row]


def test_it_hides_the_withheld_figures_on_the_unit_page(client, crrf, personas):
    russian = Unit.objects.unscoped(reason="test").get(name_en="98th division")
    client.force_login(personas.delegate_b)
    page = client.get(russian.get_absolute_url())
    assert page.status_code == 200
    assert str(WITHHELD) not in page.content.decode()


def test_it_counts_units_stale_when_not_reported_within_the_period(crrf, personas):
    glance = readiness_glance(viewer=personas.delegate_a, formation=crrf, day=clock.today())
    assert glance.total.stale == 1
    later = readiness_glance(viewer=personas.delegate_a, formation=crrf,
                             day=clock.today() + timedelta(days=crrf.readiness_period_days + 1))
    assert later.total.stale == 2
    assert later.total.by_level[Level.FULLY] == 1


def test_it_keeps_a_withheld_readiness_report_out_of_the_other_states_chart(org, crrf,
                                                                          personas):
    tajik = Unit.objects.unscoped(reason="test").get(name_en="TJ brigade")
    readiness_record(actor=SYSTEM, unit=tajik, reported_on=clock.today(), training=Level.NOT_READY,
                     release_to_all_members=False, releasable_to=[])
    other = readiness_glance(viewer=personas.delegate_a, formation=crrf, day=clock.today())
    assert other.total.by_level[Level.NOT_READY] == 0 and other.total.unknown == 1
    assert sum(sum(series["values"]) for series in other.chart()["series"]) == 1
    own = readiness_glance(viewer=personas.delegate_b, formation=crrf, day=clock.today())
    assert own.total.by_level[Level.NOT_READY] == 1


def test_it_counts_each_states_units_by_the_readiness_the_viewer_may_read(crrf, personas):
    tajik = Unit.objects.unscoped(reason="test").get(name_en="TJ brigade")
    readiness_record(actor=SYSTEM, unit=tajik, reported_on=clock.today(), training=Level.NOT_READY,
                     release_to_all_members=False, releasable_to=[])
    seen = {row.code: row for row in readiness_by_state(viewer=personas.delegate_a,
                                                         day=clock.today())}
    assert seen["TJ"].unknown == 1 and seen["TJ"].by_level[Level.NOT_READY] == 0
    assert seen["RU"].by_level[Level.FULLY] == 1 and seen["RU"].personnel == WITHHELD
    own = {row.code: row for row in readiness_by_state(viewer=personas.delegate_b,
                                                        day=clock.today())}
    assert own["TJ"].by_level[Level.NOT_READY] == 1 and own["RU"].personnel == 0
