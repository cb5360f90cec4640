"""Recording operations, stages and results: who may report what, and what is refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from concord.core.actors import SYSTEM
from concord.core.errors import Conflict, Forbidden, ValidationError
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.forces.models import OperationResult, Substance
from concord.forces.services import operations as services
from concord.forces.tests.operations_factories import world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _figure(w, state, **changes):
    values = dict(stage=w.stage_2013, state=state, measure="seizure", quantity=Decimal("12"),
                  unit="kg", substance=Substance.objects.get(code="heroin"))
    values.update(changes)
    return services.ResultFigure(**values)


def test_it_records_a_seizure_with_its_kilogram_equivalent_and_audits_it(personas):
    w = world(personas)
    result = services.result_report(actor=personas.delegate_a, figure=_figure(
        w, personas.state_a, quantity=Decimal(52000), unit="tablet",
        substance=Substance.objects.get(code="methamphetamine")))
    assert result.kg_equivalent == Decimal("5.200")
    assert result.quantity == Decimal(52000) and result.unit == "tablet"
    assert result.originator == personas.state_a
    assert AuditEntry.objects.filter(action="forces.result.report",
                                     actor=personas.delegate_a).exists()


def test_it_refuses_a_delegate_reporting_for_another_state(personas):
    w = world(personas)
    with pytest.raises(ValidationError) as refused:
        services.result_report(actor=personas.delegate_b, figure=_figure(w, personas.state_a))
    assert "your own state" in refused.value.errors["state"][0]
    assert not OperationResult.objects.visible_to(personas.officer).exists()


def test_it_refuses_a_user_without_the_role(personas):
    w = world(personas)
    with pytest.raises(Forbidden):
        services.result_report(actor=personas.analyst, figure=_figure(w, personas.state_a))


@pytest.mark.parametrize(("changes", "field"), [
    ({"substance": None}, "substance"),
    ({"unit": "count"}, "unit"),
    ({"measure": "detained", "unit": "count"}, "substance"),
    ({"measure": "cases", "unit": "count", "substance": None}, "case_type"),
    ({"quantity": Decimal(-1)}, "quantity"),
    ({"quantity": Decimal("1.0005")}, "quantity"),
    ({"quantity": Decimal("1e15")}, "quantity"),
    ({"measure": "detained", "unit": "count", "substance": None, "quantity": Decimal("2.5")},
     "quantity"),
])
def test_it_names_the_field_of_a_figure_that_does_not_add_up(personas, changes, field):
    w = world(personas)
    with pytest.raises(ValidationError) as refused:
        services.result_report(actor=personas.delegate_a,
                               figure=_figure(w, personas.state_a, **changes))
    assert field in refused.value.errors


def test_it_refuses_tablets_of_heroin_which_has_no_tablet_weight(personas):
    w = world(personas)
    with pytest.raises(ValidationError) as refused:
        services.result_report(actor=personas.delegate_a,
                               figure=_figure(w, personas.state_a, unit="tablet"))
    assert "tablet weight" in refused.value.errors["unit"][0]


def test_it_refuses_the_same_figure_twice_for_a_stage(personas):
    w = world(personas)
    services.result_report(actor=personas.delegate_a, figure=_figure(w, personas.state_a))
    with pytest.raises(Conflict):
        services.result_report(actor=personas.delegate_a, figure=_figure(
            w, personas.state_a, quantity=Decimal(3)))


def test_it_refuses_a_label_above_the_delegates_clearance(personas):
    w = world(personas)
    with pytest.raises(ValidationError) as refused:
        services.result_report(actor=personas.delegate_b, figure=_figure(
            w, personas.state_b, classification=Classification.SECRET))
    assert "classification" in refused.value.errors


def test_it_refuses_a_stage_that_ends_before_it_starts(personas):
    w = world(personas)
    with pytest.raises(ValidationError) as refused:
        services.stage_add(actor=SYSTEM, operation=w.operation, number=3, name_ru="x",
                           name_en="x", starts_on=date(2014, 6, 2), ends_on=date(2014, 6, 1))
    assert "ends_on" in refused.value.errors


def test_it_refuses_a_second_operation_with_the_same_code(personas):
    world(personas)
    with pytest.raises(ValidationError) as refused:
        services.operation_create(actor=personas.officer, code="channel", name_ru="Канал",
                                  name_en="Channel", kind="drugs")
    assert "code" in refused.value.errors


def test_it_puts_back_only_the_substances_a_database_lacks(personas):
    world(personas)
    Substance.objects.filter(code="opium").delete()
    assert services.substances_seed(actor=SYSTEM) == 1
    assert services.substances_seed(actor=SYSTEM) == 0
    assert Substance.objects.get(code="opium").name_en == "Opium"
