"""Exercise test data: a Joint Staff officer, and an exercise held in Tajikistan with an area,
two phases, two objectives and a Russian unit taking part."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from concord.accounts.models import Role, User
from concord.core.labels import Classification
from concord.core.models import Party
from concord.forces.models.exercises import Exercise, ExerciseParticipant, Objective
from concord.forces.models.units import Unit
from concord.forces.services import exercises as services
from concord.forces.tests.factories import unit as make_unit
from concord.registry.models import MemberState
from conftest import make_user


def joint_staff(secretariat: Party, *, username: str = "staff") -> User:
    return make_user(username, secretariat, Classification.SECRET, Role.JOINT_STAFF_OFFICER)


@dataclass
class Held:
    exercise: Exercise
    unit: Unit
    participant: ExerciseParticipant
    objectives: list[Objective]


def exercise(actor: Any, states: dict[str, MemberState], *, series_en: str = "Interaction",
             year: int = 2013, **fields: Any) -> Exercise:
    values: dict[str, Any] = {
        "series_ru": "Взаимодействие", "series_en": series_en, "year": year,
        "kind": Exercise.Kind.JOINT, "host_state": states["TJ"],
        "starts_on": date(year, 9, 1), "ends_on": date(year, 9, 5),
        "scenario_ru": "Отражение вторжения", "scenario_en": "Repelling an incursion",
        "classification": Classification.OFFICIAL_USE}
    values.update(fields)
    return services.exercise_plan(actor=actor, **values)


def held(actor: Any, states: dict[str, MemberState], **fields: Any) -> Held:
    """An exercise with its area, phases and objectives, and a Russian brigade taking part."""
    planned = exercise(actor, states, **fields)
    services.exercise_place_add(actor=actor, exercise=planned, name_ru="Полигон Харбмайдон",
                                name_en="Kharbmaidon range", state=states["TJ"],
                                latitude=Decimal("37.86"), longitude=Decimal("68.23"))
    services.exercise_phase_add(actor=actor, exercise=planned, name_ru="Планирование",
                                name_en="Planning", starts_on=planned.starts_on,
                                ends_on=planned.starts_on.replace(day=2))
    services.exercise_phase_add(actor=actor, exercise=planned, name_ru="Практические действия",
                                name_en="Live action", starts_on=planned.starts_on.replace(day=3),
                                ends_on=planned.ends_on)
    objectives = [
        services.objective_add(actor=actor, exercise=planned, task=Objective.Task.REPEL_INCURSION,
                               text_ru="Отразить вторжение", text_en="Repel the incursion"),
        services.objective_add(actor=actor, exercise=planned, task=Objective.Task.COMMAND,
                               text_ru="Управлять группировкой", text_en="Command the grouping"),
    ]
    brigade = make_unit(states["RU"])
    # The Joint Staff reads the units it rates.
    brigade.releasable_to.add(planned.originator)
    participant = services.participant_add(actor=actor, exercise=planned, state=states["RU"],
                                           unit=brigade, personnel=1500, equipment=120)
    return Held(planned, brigade, participant, objectives)
