"""The demo's collective forces: the Collective Rapid Reaction Forces (about 18,000–20,000
personnel by public figures) and the Collective Peacekeeping Forces (about 3,600), with the
regional grouping of Central Asia and the aviation forces; each state's contributions, their
readiness as the states report it. The five peacekeeping contributions sent to Kazakhstan in
January 2022 are left earmarked here: the crisis demo deploys them from its case and moves them
through their steps, so that each step reaches the case's log. Formations and deployments
follow public reports; the units' strength and readiness figures are illustrative and marked
so. Kyrgyzstan keeps its figures to
itself and the Joint Staff, to show an earmark without its strength. Loading twice changes
nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.models import Party
from concord.forces.models import (
    Contribution,
    Echelon,
    Formation,
    FormationKind,
    Unit,
    UnitType,
)
from concord.forces.services.contributions import contribution_earmark
from concord.forces.services.formations import formation_create
from concord.forces.services.readiness import readiness_record
from concord.forces.services.units import strength_record, unit_create
from concord.forces.symbols import symbol_code
from concord.registry.models import Body, MemberState

FORMATIONS: list[dict[str, Any]] = [
    dict(code="crrf", kind=FormationKind.RAPID_REACTION, order=1,
         name_ru="Коллективные силы оперативного реагирования ОДКБ",
         name_en="CSTO Collective Rapid Reaction Forces", abbreviation_ru="КСОР",
         abbreviation_en="CRRF", established_on=date(2009, 6, 14), target_personnel=20000,
         command_ru="Командование КСОР", command_en="CRRF Command",
         headquarters_ru="Москва", headquarters_en="Moscow", headquarters_latitude=55.75,
         headquarters_longitude=37.62, readiness_period_days=90,
         description_ru="Созданы решением Совета коллективной безопасности 4 февраля 2009 года; "
                        "по открытым данным, около 18–20 тысяч военнослужащих.",
         description_en="Set up by the Collective Security Council on 4 February 2009; about "
                        "18,000–20,000 personnel by public figures."),
    dict(code="cpkf", kind=FormationKind.PEACEKEEPING, order=2,
         name_ru="Коллективные миротворческие силы ОДКБ",
         name_en="CSTO Collective Peacekeeping Forces", abbreviation_ru="КМС",
         abbreviation_en="CPKF", established_on=date(2007, 10, 6), target_personnel=3600,
         command_ru="Командование КМС", command_en="CPKF Command",
         headquarters_ru="Москва", headquarters_en="Moscow", headquarters_latitude=55.75,
         headquarters_longitude=37.62, readiness_period_days=180,
         description_ru="Соглашение о миротворческой деятельности ОДКБ подписано 6 октября "
                        "2007 года; по открытым данным, около 3 600 военнослужащих.",
         description_en="The Agreement on the CSTO's peacekeeping activities was signed on "
                        "6 October 2007; about 3,600 personnel by public figures."),
    dict(code="crdf-car", kind=FormationKind.REGIONAL, order=3,
         name_ru="Коллективные силы быстрого развёртывания Центрально-Азиатского региона",
         name_en="Collective Rapid Deployment Forces of the Central Asian region",
         abbreviation_ru="КСБР ЦАР", abbreviation_en="CRDF CAR", established_on=date(2001, 5, 25),
         command_ru="Командование КСБР ЦАР", command_en="CRDF CAR Command",
         headquarters_ru="Бишкек", headquarters_en="Bishkek", headquarters_latitude=42.87,
         headquarters_longitude=74.59, readiness_period_days=90),
    dict(code="caf", kind=FormationKind.AVIATION, order=4,
         name_ru="Коллективные авиационные силы ОДКБ",
         name_en="CSTO Collective Aviation Forces", abbreviation_ru="КАС",
         abbreviation_en="CAF", established_on=date(2014, 12, 23), readiness_period_days=90),
]


@dataclass(frozen=True)
class DemoUnit:
    state: str
    name_ru: str
    name_en: str
    unit_type: str
    echelon: int
    station_ru: str
    station_en: str
    latitude: float
    longitude: float
    formation: str
    personnel: int
    parent: str = ""


UNITS = [
    DemoUnit("RU", "98-я гвардейская воздушно-десантная дивизия",
             "98th Guards Airborne Division", UnitType.AIRBORNE, Echelon.DIVISION, "Иваново",
             "Ivanovo", 57.00, 40.97, "crrf", 7000),
    DemoUnit("RU", "217-й гвардейский парашютно-десантный полк", "217th Guards Parachute Regiment",
             UnitType.AIRBORNE, Echelon.REGIMENT, "Иваново", "Ivanovo", 57.01, 40.95, "",
             1400, parent="98th Guards Airborne Division"),
    DemoUnit("RU", "31-я отдельная гвардейская десантно-штурмовая бригада",
             "31st Separate Guards Air Assault Brigade", UnitType.AIR_ASSAULT, Echelon.BRIGADE,
             "Ульяновск", "Ulyanovsk", 54.32, 48.40, "crrf", 3000),
    DemoUnit("RU", "15-я отдельная гвардейская мотострелковая (миротворческая) бригада",
             "15th Separate Guards Motor Rifle (Peacekeeping) Brigade", UnitType.PEACEKEEPING,
             Echelon.BRIGADE, "Рощинский, Самарская область", "Roshchinsky, Samara region",
             53.11, 50.27, "cpkf", 1500),
    DemoUnit("KZ", "37-я отдельная десантно-штурмовая бригада",
             "37th Separate Air Assault Brigade", UnitType.AIR_ASSAULT, Echelon.BRIGADE,
             "Талдыкорган", "Taldykorgan", 45.02, 78.37, "crrf", 2500),
    DemoUnit("KZ", "36-я отдельная десантно-штурмовая бригада",
             "36th Separate Air Assault Brigade", UnitType.AIR_ASSAULT, Echelon.BRIGADE,
             "Астана", "Astana", 51.13, 71.43, "crrf", 1500),
    DemoUnit("KZ", "Казахстанская миротворческая бригада", "Kazakhstan Peacekeeping Brigade",
             UnitType.PEACEKEEPING, Echelon.BATTALION, "Алматы", "Almaty", 43.24, 76.89, "cpkf",
             600),
    DemoUnit("BY", "103-я отдельная гвардейская воздушно-десантная бригада",
             "103rd Separate Guards Airborne Brigade", UnitType.AIRBORNE, Echelon.BRIGADE,
             "Витебск", "Vitebsk", 55.19, 30.20, "crrf", 2000),
    DemoUnit("BY", "Миротворческая рота 103-й бригады", "Peacekeeping company, 103rd Brigade",
             UnitType.PEACEKEEPING, Echelon.COMPANY, "Витебск", "Vitebsk", 55.20, 30.22, "cpkf",
             400, parent="103rd Separate Guards Airborne Brigade"),
    DemoUnit("KG", "25-я бригада специального назначения «Скорпион»",
             "25th Special Forces Brigade \"Scorpion\"", UnitType.SPECIAL_FORCES, Echelon.BRIGADE,
             "Токмок", "Tokmok", 42.84, 75.30, "crrf", 1000),
    DemoUnit("KG", "Миротворческий батальон Кыргызской Республики",
             "Peacekeeping battalion of the Kyrgyz Republic", UnitType.PEACEKEEPING,
             Echelon.BATTALION, "Бишкек", "Bishkek", 42.87, 74.60, "cpkf", 300),
    DemoUnit("TJ", "7-я отдельная десантно-штурмовая бригада",
             "7th Separate Air Assault Brigade", UnitType.AIR_ASSAULT, Echelon.BRIGADE,
             "Бохтар", "Bokhtar", 37.84, 68.78, "crrf", 1200),
    DemoUnit("TJ", "Миротворческий батальон Республики Таджикистан",
             "Peacekeeping battalion of the Republic of Tajikistan", UnitType.PEACEKEEPING,
             Echelon.BATTALION, "Душанбе", "Dushanbe", 38.56, 68.79, "cpkf", 400),
    DemoUnit("AM", "Миротворческая бригада Вооружённых сил Армении",
             "Peacekeeping Brigade of the Armed Forces of Armenia", UnitType.PEACEKEEPING,
             Echelon.BATTALION, "Ереван", "Yerevan", 40.18, 44.51, "cpkf", 400),
    DemoUnit("AM", "Десантно-штурмовой батальон", "Air assault battalion", UnitType.AIR_ASSAULT,
             Echelon.BATTALION, "Ереван", "Yerevan", 40.20, 44.50, "crrf", 800),
]

# Each unit's latest report as days before today and its four axes; a unit that reported
# longer ago than its formation's period is stale on the readiness page.
READINESS: dict[str, tuple[int, int, int, int, int, int]] = {
    # name_en: (days ago, personnel, equipment, training, sustainment, notice to move in days)
    "98th Guards Airborne Division": (20, 4, 4, 4, 3, 3),
    "31st Separate Guards Air Assault Brigade": (35, 4, 3, 4, 4, 3),
    "15th Separate Guards Motor Rifle (Peacekeeping) Brigade": (60, 4, 4, 3, 3, 10),
    "37th Separate Air Assault Brigade": (15, 3, 3, 4, 3, 5),
    "36th Separate Air Assault Brigade": (130, 3, 2, 3, 3, 10),
    "Kazakhstan Peacekeeping Brigade": (40, 4, 3, 3, 3, 15),
    "103rd Separate Guards Airborne Brigade": (25, 4, 3, 4, 3, 5),
    "25th Special Forces Brigade \"Scorpion\"": (50, 3, 2, 4, 2, 5),
    "Peacekeeping battalion of the Kyrgyz Republic": (200, 3, 2, 2, 2, 30),
    "7th Separate Air Assault Brigade": (45, 3, 3, 3, 2, 7),
    "Peacekeeping battalion of the Republic of Tajikistan": (70, 3, 3, 3, 3, 15),
    "Peacekeeping Brigade of the Armed Forces of Armenia": (400, 3, 3, 3, 3, 30),
}

# The contributions the crisis demo's Kazakhstan case deploys (concord/demo/crisis.py).
DEPLOYED_TO_KAZAKHSTAN = ("15th Separate Guards Motor Rifle (Peacekeeping) Brigade",
                          "Peacekeeping company, 103rd Brigade",
                          "Peacekeeping battalion of the Kyrgyz Republic",
                          "Peacekeeping battalion of the Republic of Tajikistan",
                          "Peacekeeping Brigade of the Armed Forces of Armenia")
WITHHOLDING = "KG"
EARMARKED_SINCE = date(2021, 1, 1)


def load_forces() -> dict[str, int]:
    created: dict[str, int] = {}

    def count(what: str) -> None:
        created[what] = created.get(what, 0) + 1

    secretariat = Party.objects.get(code="SEC")
    staff = Body.objects.filter(code="JS").first()
    formations: dict[str, Formation] = {}
    for data in FORMATIONS:
        found = Formation.objects.unscoped(reason="demo loader: create only what is missing") \
            .filter(code=data["code"]).first()
        if found is None:
            found = formation_create(actor=SYSTEM, originator=secretariat, illustrative=True,
                                     command_body=staff, releasable_to=[secretariat], **data)
            count("formations")
        formations[str(data["code"])] = found
    states = {s.iso_alpha2: s for s in MemberState.objects.select_related("party")}
    units: dict[str, Unit] = {}
    for spec in UNITS:
        units[spec.name_en] = _unit(spec, states[spec.state], units, secretariat, count)
    for spec in UNITS:
        if spec.formation:
            _contribution(spec, formations[spec.formation], units[spec.name_en], secretariat,
                          count)
    return created


def _unit(spec: DemoUnit, state: MemberState, units: dict[str, Unit], secretariat: Party,
          count: Callable[[str], None]) -> Unit:
    existing: Unit | None = Unit.objects.unscoped(
        reason="demo loader: create only what is missing").filter(
        state=state, name_en=spec.name_en).first()
    if existing is not None:
        return existing
    unit = unit_create(
        actor=SYSTEM, state=state, parent=units[spec.parent] if spec.parent else None,
        release_to_all_members=True, releasable_to=[secretariat], name_ru=spec.name_ru,
        name_en=spec.name_en, unit_type=spec.unit_type, echelon=spec.echelon,
        home_station_ru=spec.station_ru, home_station_en=spec.station_en,
        latitude=spec.latitude, longitude=spec.longitude,
        symbol_code=symbol_code(spec.unit_type, spec.echelon), illustrative=True)
    withheld = spec.state == WITHHOLDING
    today = clock.today()
    strength_record(actor=SYSTEM, unit=unit, as_of=today - timedelta(days=30),
                    personnel_authorised=round(spec.personnel * 1.1),
                    personnel_on_hand=spec.personnel, note="Иллюстративные данные.",
                    release_to_all_members=not withheld, releasable_to=[secretariat])
    figures = READINESS.get(spec.name_en)
    if figures is not None:
        days, personnel, equipment, training, sustainment, notice = figures
        readiness_record(actor=SYSTEM, unit=unit, reported_on=today - timedelta(days=days),
                         personnel=personnel, equipment=equipment, training=training,
                         sustainment=sustainment, notice_to_move_days=notice,
                         source_text="Иллюстративное донесение.")
    count("units")
    return unit


def _contribution(spec: DemoUnit, formation: Formation, unit: Unit, secretariat: Party,
                  count: Callable[[str], None]) -> None:
    if Contribution.objects.unscoped(reason="demo loader: create only what is missing") \
            .filter(formation=formation, unit=unit).exists():
        return
    contribution_earmark(actor=SYSTEM, formation=formation, unit=unit,
                         period_from=EARMARKED_SINCE, illustrative=True)
    count("contributions")
