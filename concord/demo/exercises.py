"""The demo organization's exercises: the five that the Sochi press release of 23 September 2013
credits with raising the forces' preparedness — "Rubezh", "Interaction", "Indestructible
Brotherhood", "Cobalt" and "Thunder" — as records of 2013, held, evaluated and feeding the
training readiness of the units rated in them, with lessons carried to a remedial action.

Published facts are kept as published, and each exercise's `source` says which they are:
"Interaction-2013" in Belarus on 19–25 September 2013 with more than 600 personnel of the six
states, among them the 31st (Russia), 37th (Kazakhstan) and 103rd (Belarus) brigades;
"Indestructible Brotherhood-2013" at the Chebarkul range, 7–12 October 2013, with more than 2,500
personnel and 500 pieces of equipment of the six states, on the scenario of a peacekeeping
operation in a fictional "Republic of Uralia". Everything else (the dates of the other three,
coordinates, phases, each contingent's strength, ratings, lessons) is illustrative. Loading twice
changes nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.forces.models import Echelon, Unit, UnitType
from concord.forces.models.exercises import Exercise, Lesson, Objective
from concord.forces.models.readiness import Level
from concord.forces.services import exercises as services
from concord.forces.services import lessons
from concord.forces.services.units import unit_create
from concord.forces.symbols import symbol_code
from concord.registry.models import MemberState

# The units are the forces demo's where it has them (found by name), created otherwise.

# Stable identifiers, so that a reloaded demo keeps its addresses.
_NAMESPACE = uuid.UUID("6d1f2c3e-2013-4e5a-9b7c-0e1f2a3b4c5d")


def _id(*parts: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, "/".join(parts))


@dataclass(frozen=True)
class DemoUnit:
    state: str
    name_ru: str
    name_en: str
    unit_type: str
    echelon: int
    station_ru: str
    station_en: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Taking:
    """A state taking part: with a unit of its registry, or as a contingent it names."""

    state: str
    personnel: int
    equipment: int
    unit: DemoUnit | None = None
    contingent_ru: str = ""
    contingent_en: str = ""
    # The rating on each objective, in the objectives' order.
    ratings: tuple[int, ...] = ()


@dataclass(frozen=True)
class DemoExercise:
    series_ru: str
    series_en: str
    kind: str
    host: str
    starts_on: date
    ends_on: date
    scenario_ru: str
    scenario_en: str
    source: str
    area: tuple[str, str, float, float]
    phases: tuple[tuple[str, str, date, date], ...]
    objectives: tuple[tuple[str, str, str], ...]
    taking: tuple[Taking, ...]
    lessons: tuple[dict[str, Any], ...] = field(default=())


_31 = DemoUnit("RU", "31-я отдельная гвардейская десантно-штурмовая бригада",
               "31st Separate Guards Air Assault Brigade", UnitType.AIR_ASSAULT, Echelon.BRIGADE,
               "Ульяновск", "Ulyanovsk", 54.3167, 48.4000)
_37 = DemoUnit("KZ", "37-я отдельная десантно-штурмовая бригада", "37th Separate Air Assault Brigade",
               UnitType.AIR_ASSAULT, Echelon.BRIGADE, "Талдыкорган", "Taldykorgan",
               45.0156, 78.3739)
_103 = DemoUnit("BY", "103-я отдельная гвардейская воздушно-десантная бригада",
                "103rd Separate Guards Airborne Brigade",
                UnitType.AIRBORNE, Echelon.BRIGADE, "Витебск", "Vitebsk", 55.1904, 30.2049)
_15 = DemoUnit("RU", "15-я отдельная гвардейская мотострелковая (миротворческая) бригада",
               "15th Separate Guards Motor Rifle (Peacekeeping) Brigade", UnitType.PEACEKEEPING,
               Echelon.BRIGADE, "Рощинский", "Roshchinsky", 53.2000, 50.1500)
_KAZBRIG = DemoUnit("KZ", "Казахстанская миротворческая бригада",
                    "Kazakhstan Peacekeeping Brigade", UnitType.PEACEKEEPING,
                    Echelon.BATTALION, "Алматы", "Almaty", 43.2389, 76.8897)
_201 = DemoUnit("RU", "201-я военная база", "201st Military Base", UnitType.MOTORISED_RIFLE,
                Echelon.DIVISION, "Душанбе", "Dushanbe", 38.5598, 68.7870)
_7TJ = DemoUnit("TJ", "7-я отдельная десантно-штурмовая бригада",
                "7th Separate Air Assault Brigade", UnitType.AIR_ASSAULT, Echelon.BRIGADE,
                "Бохтар", "Bokhtar", 37.84, 68.78)
_SOBR = DemoUnit("KZ", "Отряд специального назначения «Сункар»", "Sunkar Special Purpose Unit",
                 UnitType.SPECIAL_FORCES, Echelon.PLATOON, "Алматы", "Almaty", 43.2567, 76.9286)
_ANTIDRUG = DemoUnit("KG", "Отряд специального назначения службы по контролю наркотиков",
                     "Drug Control Service Special Unit", UnitType.SPECIAL_FORCES,
                     Echelon.PLATOON, "Бишкек", "Bishkek", 42.8746, 74.5698)

_F, _S, _M = Level.FULLY, Level.SUBSTANTIALLY, Level.MARGINALLY
_ILLUSTRATIVE = "Иллюстративно: даты, район, участники, оценки — данные демонстрационной организации."

EXERCISES = (
    DemoExercise(
        "Взаимодействие", "Interaction", Exercise.Kind.JOINT, "BY",
        date(2013, 9, 19), date(2013, 9, 25),
        "Применение воинских контингентов КСОР ОДКБ для разрешения кризисной ситуации в "
        "Восточно-Европейском регионе коллективной безопасности.",
        "The use of the CRRF's contingents to resolve a crisis in the Eastern European region of "
        "collective security.",
        "Опубликовано: Беларусь, 19–25 сентября 2013 года; более 600 военнослужащих Армении, "
        "Беларуси, Казахстана, Кыргызстана, России и Таджикистана; 31-я, 37-я и 103-я бригады. "
        "Иллюстративно: координаты района, этапы, численность контингентов, оценки, уроки.",
        ("Брестский полигон", "Brest training ground", 52.0500, 23.8000),
        (("Оперативный сбор командования КСОР и командно-штабная тренировка",
          "Operational assembly of the CRRF command and command-post training",
          date(2013, 9, 19), date(2013, 9, 19)),
         ("Планирование совместной операции", "Planning the joint operation",
          date(2013, 9, 20), date(2013, 9, 22)),
         ("Практические действия войск", "Live action of the troops",
          date(2013, 9, 23), date(2013, 9, 25))),
        ((Objective.Task.COMMAND, "Управлять коалиционной группировкой КСОР",
          "Command the CRRF's coalition grouping"),
         (Objective.Task.AIRBORNE, "Высадить и ввести в бой воздушный десант",
          "Land an airborne force and commit it"),
         (Objective.Task.REPEL_INCURSION, "Блокировать и уничтожить незаконные вооружённые "
          "формирования", "Block and destroy illegal armed groups")),
        (Taking("RU", 250, 30, _31, ratings=(_F, _F, _S)),
         Taking("KZ", 150, 20, _37, ratings=(_S, _F, _S)),
         Taking("BY", 150, 25, _103, ratings=(_F, _S, _M)),
         Taking("AM", 20, 2, contingent_ru="Оперативная группа", contingent_en="Operational group"),
         Taking("KG", 20, 2, contingent_ru="Оперативная группа", contingent_en="Operational group"),
         Taking("TJ", 20, 2, contingent_ru="Оперативная группа",
                contingent_en="Operational group")),
        ({"observation_ru": "Связь между штабами национальных контингентов неустойчива на "
                            "удалении более 20 км.",
          "observation_en": "Communications between the national contingents' headquarters "
                            "fail beyond 20 km.",
          "lesson_ru": "Контингентам КСОР нужны совместимые средства связи.",
          "lesson_en": "The CRRF's contingents need interoperable radios.",
          "action_ru": "Согласовать перечень совместимых средств связи для КСОР.",
          "action_en": "Agree a list of interoperable radios for the CRRF.",
          "addressee": "secretariat", "due_on": date(2014, 6, 30)},),
    ),
    DemoExercise(
        "Нерушимое братство", "Indestructible Brotherhood", Exercise.Kind.FIELD, "RU",
        date(2013, 10, 7), date(2013, 10, 12),
        "Подготовка и ведение операции по поддержанию мира Коллективными миротворческими силами "
        "ОДКБ в вымышленной «Республике Уралия», где конфликт этнических групп дестабилизировал "
        "обстановку.",
        "Preparing and conducting a peacekeeping operation of the CSTO Collective Peacekeeping "
        "Forces in a fictional «Republic of Uralia» destabilised by an ethnic conflict.",
        "Опубликовано: Чебаркульский полигон, Челябинская область, 7–12 октября 2013 года; более "
        "2500 военнослужащих и 500 единиц техники шести государств. Иллюстративно: этапы, "
        "численность контингентов, оценки, уроки.",
        ("Чебаркульский полигон", "Chebarkul range", 54.9800, 60.3700),
        (("Развёртывание миротворческого контингента", "Deployment of the peacekeeping force",
          date(2013, 10, 7), date(2013, 10, 9)),
         ("Практические действия: контрольно-пропускные пункты, патрулирование, разоружение",
          "Live action: checkpoints, patrols, disarmament",
          date(2013, 10, 10), date(2013, 10, 12))),
        ((Objective.Task.PEACEKEEPING, "Развести стороны конфликта и контролировать зону "
          "безопасности", "Separate the parties and control the security zone"),
         (Objective.Task.EVACUATION, "Эвакуировать мирное население и оказать гуманитарную "
          "помощь", "Evacuate civilians and deliver humanitarian aid")),
        (Taking("RU", 1500, 300, _15, ratings=(_F, _S)),
         Taking("KZ", 400, 90, _KAZBRIG, ratings=(_S, _S)),
         Taking("AM", 150, 30, contingent_ru="Миротворческая рота",
                contingent_en="Peacekeeping company"),
         Taking("BY", 150, 30, contingent_ru="Миротворческая рота",
                contingent_en="Peacekeeping company"),
         Taking("KG", 150, 25, contingent_ru="Миротворческая рота",
                contingent_en="Peacekeeping company"),
         Taking("TJ", 150, 25, contingent_ru="Миротворческая рота",
                contingent_en="Peacekeeping company")),
        ({"observation_ru": "Пункты приёма беженцев развёрнуты позже графика.",
          "observation_en": "Refugee reception points were set up late.",
          "lesson_ru": "Медицинские и тыловые подразделения нужно выдвигать с первым эшелоном.",
          "lesson_en": "Medical and logistic units must move with the first echelon.",
          "action_ru": "Включить медицинские подразделения в первый эшелон КМС.",
          "action_en": "Put medical units in the Collective Peacekeeping Forces' first echelon.",
          "addressee": "state", "state": "RU", "due_on": date(2014, 3, 31), "done": True},),
    ),
    DemoExercise(
        "Рубеж", "Rubezh", Exercise.Kind.COMMAND_STAFF, "TJ",
        date(2013, 4, 15), date(2013, 4, 19),
        "Отражение вторжения незаконных вооружённых формирований в Центрально-Азиатском регионе "
        "коллективной безопасности силами КСБР ЦАР.",
        "Repelling an incursion of illegal armed groups in the Central Asian region by the "
        "Collective Rapid Deployment Forces of the region.",
        _ILLUSTRATIVE,
        ("Полигон Ляур", "Lyaur range", 38.3500, 68.8500),
        (("Командно-штабная тренировка", "Command-post training",
          date(2013, 4, 15), date(2013, 4, 16)),
         ("Практические действия", "Live action", date(2013, 4, 17), date(2013, 4, 19))),
        ((Objective.Task.REPEL_INCURSION, "Отразить вторжение в горной местности",
          "Repel an incursion in mountains"),),
        (Taking("RU", 500, 80, _201, ratings=(_F,)),
         Taking("TJ", 300, 40, _7TJ, ratings=(_M,)),
         Taking("KZ", 100, 15, contingent_ru="Батальон", contingent_en="Battalion"),
         Taking("KG", 100, 15, contingent_ru="Батальон", contingent_en="Battalion")),
    ),
    DemoExercise(
        "Кобальт", "Cobalt", Exercise.Kind.SPECIAL_FORCES, "KZ",
        date(2013, 6, 10), date(2013, 6, 14),
        "Пресечение террористического акта и освобождение заложников подразделениями "
        "специального назначения органов внутренних дел.",
        "Stopping a terrorist act and freeing hostages by the special-purpose units of the "
        "internal affairs bodies.",
        _ILLUSTRATIVE,
        ("Учебный центр Алматы", "Almaty training centre", 43.3500, 76.9500),
        (("Практические действия", "Live action", date(2013, 6, 10), date(2013, 6, 14)),),
        ((Objective.Task.COUNTER_TERRORISM, "Освободить заложников", "Free the hostages"),),
        (Taking("KZ", 60, 10, _SOBR, ratings=(_S,)),
         Taking("RU", 60, 10, contingent_ru="Отряд специального назначения",
                contingent_en="Special purpose unit")),
    ),
    DemoExercise(
        "Гром", "Thunder", Exercise.Kind.ANTI_DRUG, "KG",
        date(2013, 5, 20), date(2013, 5, 24),
        "Пресечение канала контрабанды наркотиков с участием подразделений специального "
        "назначения антинаркотических ведомств.",
        "Cutting a drug smuggling channel with the special-purpose units of the anti-drug "
        "agencies.",
        _ILLUSTRATIVE,
        ("Иссык-Кульская область", "Issyk-Kul region", 42.4500, 77.2000),
        (("Оперативно-розыскные мероприятия", "Search operations",
          date(2013, 5, 20), date(2013, 5, 22)),
         ("Задержание", "Arrest", date(2013, 5, 23), date(2013, 5, 24))),
        ((Objective.Task.COUNTER_DRUG, "Перекрыть канал контрабанды", "Close the smuggling "
          "channel"),),
        (Taking("KG", 40, 8, _ANTIDRUG, ratings=(_S,)),
         Taking("KZ", 30, 6, contingent_ru="Оперативная группа", contingent_en="Operational group"),
         Taking("TJ", 30, 6, contingent_ru="Оперативная группа",
                contingent_en="Operational group")),
    ),
)


class _Count(dict[str, int]):
    def add(self, what: str) -> None:
        self[what] = self.get(what, 0) + 1


def _unit(spec: DemoUnit, states: dict[str, MemberState], secretariat: Party,
          count: _Count) -> Unit:
    found: Unit | None = (Unit.objects.unscoped(reason="demo: finding its units")
                          .filter(state=states[spec.state], name_en=spec.name_en).first())
    if found is not None:
        return found
    count.add("units")
    # The Joint Staff reads the units it rates; the demo's units are illustrative.
    created: Unit = unit_create(
        actor=SYSTEM, state=states[spec.state], releasable_to=[secretariat],
        name_ru=spec.name_ru, name_en=spec.name_en, unit_type=spec.unit_type,
        echelon=spec.echelon, home_station_ru=spec.station_ru, home_station_en=spec.station_en,
        latitude=spec.lat, longitude=spec.lon,
        symbol_code=symbol_code(spec.unit_type, spec.echelon), illustrative=True)
    return created


def load_exercises() -> dict[str, int]:
    count = _Count()
    states = {s.iso_alpha2: s for s in MemberState.objects.all()}
    secretariat = Party.objects.get(code="SEC")
    for spec in EXERCISES:
        done = (Exercise.objects.unscoped(reason="demo: idempotence")
                .filter(series_en=spec.series_en, year=2013).exists())
        if not done:
            _exercise(spec, states, secretariat, count)
            count.add("exercises")
    return dict(count)


def _exercise(spec: DemoExercise, states: dict[str, MemberState], secretariat: Party,
              count: _Count) -> None:
    exercise = services.exercise_plan(
        actor=SYSTEM, series_ru=spec.series_ru, series_en=spec.series_en, year=2013,
        kind=spec.kind, host_state=states[spec.host], starts_on=spec.starts_on,
        ends_on=spec.ends_on, scenario_ru=spec.scenario_ru, scenario_en=spec.scenario_en,
        source=spec.source, classification=Classification.OFFICIAL_USE,
        public_id=_id("exercise", spec.series_en))
    name_ru, name_en, lat, lon = spec.area
    services.exercise_place_add(actor=SYSTEM, exercise=exercise, name_ru=name_ru, name_en=name_en,
                                state=states[spec.host], latitude=Decimal(str(lat)),
                                longitude=Decimal(str(lon)))
    for phase_ru, phase_en, first, last in spec.phases:
        services.exercise_phase_add(actor=SYSTEM, exercise=exercise, name_ru=phase_ru,
                                    name_en=phase_en, starts_on=first, ends_on=last)
    objectives = [services.objective_add(actor=SYSTEM, exercise=exercise, task=task,
                                         text_ru=text_ru, text_en=text_en)
                  for task, text_ru, text_en in spec.objectives]
    rated = []
    for taking in spec.taking:
        unit = _unit(taking.unit, states, secretariat, count) if taking.unit else None
        participant = services.participant_add(
            actor=SYSTEM, exercise=exercise, state=states[taking.state], unit=unit,
            contingent_ru=taking.contingent_ru, contingent_en=taking.contingent_en,
            personnel=taking.personnel, equipment=taking.equipment,
            public_id=_id("participant", spec.series_en, taking.state, taking.contingent_en
                          or (taking.unit.name_en if taking.unit else "")))
        rated.append((participant, taking.ratings))
    services.exercise_status(actor=SYSTEM, exercise=exercise, status=Exercise.Status.RUNNING)
    services.exercise_status(actor=SYSTEM, exercise=exercise, status=Exercise.Status.COMPLETED)
    for participant, ratings in rated:
        for objective, rating in zip(objectives, ratings, strict=False):
            services.evaluation_record(actor=SYSTEM, participant=participant, objective=objective,
                                       rating=rating, evaluated_on=spec.ends_on)
    for number, data in enumerate(spec.lessons, start=1):
        _lesson(exercise, number, data, states)
        count.add("lessons")
    services.exercise_evaluate(actor=SYSTEM, exercise=exercise)


def _lesson(exercise: Exercise, number: int, data: dict[str, Any],
            states: dict[str, MemberState]) -> None:
    lesson = lessons.lesson_observe(actor=SYSTEM, exercise=exercise,
                                    observation_ru=data["observation_ru"],
                                    observation_en=data["observation_en"],
                                    public_id=_id("lesson", exercise.series_en, str(number)))
    lessons.lesson_verify(actor=SYSTEM, lesson=lesson)
    lessons.lesson_identify(actor=SYSTEM, lesson=lesson, lesson_ru=data["lesson_ru"],
                            lesson_en=data["lesson_en"])
    lessons.lesson_assign_action(
        actor=SYSTEM, lesson=lesson, action_ru=data["action_ru"], action_en=data["action_en"],
        addressee_kind=data["addressee"], due_on=data["due_on"],
        addressee_state=states[data["state"]] if data.get("state") else None)
    if data.get("done"):
        lessons.lesson_report_action(actor=SYSTEM, lesson=lesson, status=Lesson.ActionStatus.DONE,
                                     text=data["action_ru"])
        lessons.lesson_learn(actor=SYSTEM, lesson=lesson)
