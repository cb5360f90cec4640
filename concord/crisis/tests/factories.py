"""Crisis cases and the alerts they open from, made through the services."""

from __future__ import annotations

from datetime import date
from typing import Any

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.crisis.models import Case
from concord.crisis.services.cases import case_open
from concord.monitoring.models import Alert
from concord.monitoring.services.indicators import indicator_define, indicator_evaluate
from concord.monitoring.tests.factories import incident

DAY = date(2024, 6, 6)


def alert(personas: Any, *, classification: int = Classification.OFFICIAL_USE) -> Alert:
    """A red alert: two incidents in a week against a threshold of one."""
    for _ in range(2):
        incident(personas.state_b, classification=Classification.PUBLIC, occurred_on=DAY)
    indicator = indicator_define(actor=personas.analyst, name_ru="Инциденты в Пяндже",
                                 name_en="Incidents at Panj", orange=0, red=1,
                                 classification=classification)
    raised = indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)
    assert raised is not None
    return raised


def case(personas: Any, **overrides: Any) -> Case:
    values: dict[str, Any] = dict(
        title="Паводок в Хатлоне", type=Case.Type.NATURAL, severity=Case.Severity.SEVERE,
        affected_states=[personas.state_b], latitude=37.24, longitude=69.10, radius_km=80,
        classification=Classification.OFFICIAL_USE)
    values.update(overrides)
    return case_open(actor=values.pop("actor", personas.analyst), **values)
