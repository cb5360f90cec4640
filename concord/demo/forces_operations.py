"""The joint operations the seed names: "Channel" against drug trafficking, "Nelegal" against
illegal migration and "PROXY" against crime with information technology (the Sochi communiqué
of 23 September 2013), with stages, the agencies of the member states and their results.

The seed gives no figures, dates or headquarters of the operations' stages, and none could be
checked against a published source, so every stage and result here is illustrative and says so.
Each state's results are its own: labelled OFFICIAL USE and released to the secretariat, except
those a state released for publication (PUBLIC), from which the public figures are generated."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from concord.core.actors import SYSTEM
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.council.models import Document
from concord.forces.models import Operation, Substance
from concord.forces.services import operations as services

ILLUSTRATIVE_RU = "Иллюстративные данные демонстрации"
ILLUSTRATIVE_EN = "Illustrative demo data"

OPERATIONS: list[dict[str, Any]] = [
    dict(code="channel", kind=Operation.Kind.DRUGS, name_ru="Канал", name_en="Channel",
         description_ru="Региональная антинаркотическая операция на основных маршрутах "
                        "наркотрафика, в том числе из Афганистана.",
         description_en="The regional anti-drug operation on the main drug trafficking routes, "
                        "including those from Afghanistan."),
    dict(code="nelegal", kind=Operation.Kind.MIGRATION, name_ru="Нелегал", name_en="Nelegal",
         description_ru="Комплексная оперативно-профилактическая операция по противодействию "
                        "незаконной миграции и торговле людьми.",
         description_en="The complex operational and preventive operation against illegal "
                        "migration and human trafficking."),
    dict(code="proxy", kind=Operation.Kind.IT_CRIME, name_ru="PROXY", name_en="PROXY",
         description_ru="Операция по противодействию преступлениям в сфере информационных "
                        "технологий.",
         description_en="The operation against crime in the sphere of information technology."),
]

# (operation, number, name_ru, name_en, starts_on, ends_on, subregion_ru, subregion_en, hq_ru,
# hq_en): illustrative.
STAGES = [
    ("channel", 1, "Канал — 2013, этап 1", "Channel 2013, stage 1", date(2013, 5, 20),
     date(2013, 5, 26), "Центральноазиатский регион", "Central Asian region",
     "Бишкек", "Bishkek"),
    ("channel", 2, "Канал — 2013, этап 2", "Channel 2013, stage 2", date(2013, 10, 14),
     date(2013, 10, 20), "Центральноазиатский регион и Кавказ",
     "Central Asian region and the Caucasus", "Душанбе", "Dushanbe"),
    ("channel", 3, "Канал — 2014, этап 1", "Channel 2014, stage 1", date(2014, 6, 2),
     date(2014, 6, 8), "Центральноазиатский регион", "Central Asian region", "Алматы",
     "Almaty"),
    ("nelegal", 1, "Нелегал — 2013", "Nelegal 2013", date(2013, 4, 8), date(2013, 4, 19),
     "Все государства — члены ОДКБ", "All CSTO member states", "Москва", "Moscow"),
    ("nelegal", 2, "Нелегал — 2014", "Nelegal 2014", date(2014, 4, 7), date(2014, 4, 18),
     "Все государства — члены ОДКБ", "All CSTO member states", "Минск", "Minsk"),
    ("proxy", 1, "PROXY — 2014", "PROXY 2014", date(2014, 9, 15), date(2014, 9, 26),
     "Все государства — члены ОДКБ", "All CSTO member states", "Москва", "Moscow"),
]

AGENCIES: dict[str, list[tuple[str, str, str]]] = {
    "channel": [("RU", "ФСКН России", "Federal Drug Control Service of Russia"),
                ("TJ", "Агентство по контролю за наркотиками при Президенте Республики "
                       "Таджикистан", "Drug Control Agency of Tajikistan"),
                ("KZ", "МВД Республики Казахстан", "Ministry of Internal Affairs of Kazakhstan"),
                ("KG", "Служба по контролю наркотиков МВД Кыргызской Республики",
                 "Drug Control Service of Kyrgyzstan")],
    "nelegal": [("RU", "ФМС России", "Federal Migration Service of Russia"),
                ("BY", "МВД Республики Беларусь", "Ministry of Internal Affairs of Belarus"),
                ("AM", "Полиция Республики Армения", "Police of Armenia"),
                ("TJ", "МВД Республики Таджикистан", "Ministry of Internal Affairs of "
                                                     "Tajikistan")],
    "proxy": [("RU", "МВД России", "Ministry of Internal Affairs of Russia"),
              ("KZ", "КНБ Республики Казахстан", "National Security Committee of Kazakhstan"),
              ("BY", "МВД Республики Беларусь", "Ministry of Internal Affairs of Belarus")],
}

OBSERVERS_RU = ("Представители Афганистана, Ирана, Пакистана, Китая; УНП ООН, ЕАГ, Интерпол "
                "(иллюстративно)")
OBSERVERS_EN = ("Representatives of Afghanistan, Iran, Pakistan, China; UNODC, EAG, Interpol "
                "(illustrative)")

# (operation, stage, state, measure, substance, case_type, quantity, unit, public): illustrative.
RESULTS: list[tuple[str, int, str, str, str, str, str, str, bool]] = [
    ("channel", 1, "RU", "seizure", "heroin", "", "412.5", "kg", True),
    ("channel", 1, "RU", "seizure", "hashish", "", "1250", "kg", True),
    ("channel", 1, "RU", "seizure", "mdma", "", "18000", "tablet", False),
    ("channel", 1, "RU", "precursor", "acetic-anhydride", "", "2300", "l", False),
    ("channel", 1, "RU", "detained", "", "", "640", "count", True),
    ("channel", 1, "RU", "cases", "", "drugs", "905", "count", True),
    ("channel", 1, "TJ", "seizure", "heroin", "", "301.2", "kg", False),
    ("channel", 1, "TJ", "seizure", "opium", "", "188.4", "kg", False),
    ("channel", 1, "TJ", "detained", "", "", "57", "count", False),
    ("channel", 1, "KZ", "seizure", "cannabis", "", "2710", "kg", True),
    ("channel", 1, "KZ", "firearms", "", "", "34", "count", True),
    ("channel", 1, "KZ", "ammunition", "", "", "1480", "count", True),
    ("channel", 2, "RU", "seizure", "heroin", "", "388", "kg", True),
    ("channel", 2, "RU", "seizure", "methamphetamine", "", "52000", "tablet", True),
    ("channel", 2, "TJ", "seizure", "heroin", "", "276.9", "kg", False),
    ("channel", 2, "TJ", "seizure", "hashish", "", "640", "kg", False),
    ("channel", 2, "KG", "seizure", "hashish", "", "920", "kg", False),
    ("channel", 2, "KG", "wanted", "", "", "12", "count", False),
    ("channel", 3, "RU", "seizure", "heroin", "", "455", "kg", True),
    ("channel", 3, "RU", "seizure", "mephedrone", "", "96", "kg", True),
    ("channel", 3, "TJ", "seizure", "heroin", "", "322", "kg", False),
    ("channel", 3, "KZ", "seizure", "cannabis", "", "3105", "kg", True),
    ("nelegal", 1, "RU", "migrants", "", "", "48200", "count", True),
    ("nelegal", 1, "RU", "cases", "", "migration", "730", "count", True),
    ("nelegal", 1, "BY", "migrants", "", "", "1560", "count", True),
    ("nelegal", 1, "AM", "migrants", "", "", "210", "count", False),
    ("nelegal", 1, "TJ", "wanted", "", "", "95", "count", False),
    ("nelegal", 2, "RU", "migrants", "", "", "51800", "count", True),
    ("nelegal", 2, "RU", "cases", "", "trafficking", "41", "count", False),
    ("nelegal", 2, "BY", "migrants", "", "", "1710", "count", True),
    ("nelegal", 2, "TJ", "migrants", "", "", "380", "count", False),
    ("proxy", 1, "RU", "sites_found", "", "", "2150", "count", True),
    ("proxy", 1, "RU", "sites_blocked", "", "", "1380", "count", True),
    ("proxy", 1, "RU", "cases", "", "computer", "96", "count", False),
    ("proxy", 1, "KZ", "sites_found", "", "", "640", "count", True),
    ("proxy", 1, "KZ", "sites_blocked", "", "", "415", "count", False),
    ("proxy", 1, "BY", "sites_found", "", "", "310", "count", True),
    ("proxy", 1, "BY", "cases", "", "extremism", "14", "count", False),
]


def _decision() -> Document | None:
    # The Afghanistan action plan tasks the states with local operations within "Channel".
    return (Document.objects.unscoped(reason="demo: the decision behind Channel")
            .filter(title_en__startswith="CSTO Action Plan to combat").first())


def load_operations() -> dict[str, int]:
    operations = Operation.objects.unscoped(reason="demo idempotence")
    if operations.filter(code="channel").exists():
        return {}
    secretariat = Party.objects.get(kind=PartyKind.SECRETARIAT, code="SEC")
    services.substances_seed(actor=SYSTEM)
    parties = {party.code: party for party in Party.objects.all()}
    made: dict[str, Operation] = {}
    for values in OPERATIONS:
        made[values["code"]] = services.operation_create(
            actor=SYSTEM, originator=secretariat,
            decision=_decision() if values["code"] == "channel" else None, **values)
    stages = {}
    for code, number, name_ru, name_en, start, end, sub_ru, sub_en, hq_ru, hq_en in STAGES:
        stages[code, number] = services.stage_add(
            actor=SYSTEM, operation=made[code], number=number, name_ru=name_ru,
            name_en=name_en, starts_on=start, ends_on=end, subregion_ru=sub_ru,
            subregion_en=sub_en, headquarters_ru=f"{hq_ru} ({ILLUSTRATIVE_RU.lower()})",
            headquarters_en=f"{hq_en} ({ILLUSTRATIVE_EN.lower()})",
            observers_ru=OBSERVERS_RU if code == "channel" else "",
            observers_en=OBSERVERS_EN if code == "channel" else "",
            agencies=[services.Agency(parties[state], ru, en)
                      for state, ru, en in AGENCIES[code] if state in parties])
    substances = {substance.code: substance for substance in Substance.objects.all()}
    for code, number, state, measure, substance, case_type, quantity, unit, public in RESULTS:
        services.result_report(actor=SYSTEM, figure=services.ResultFigure(
            stage=stages[code, number], state=parties[state], measure=measure,
            quantity=Decimal(quantity), unit=unit,
            substance=substances[substance] if substance else None, case_type=case_type,
            note=ILLUSTRATIVE_RU,
            classification=Classification.PUBLIC if public else Classification.OFFICIAL_USE,
            releasable_to=[] if public else [secretariat]))
    services.publication_generate(actor=SYSTEM, operation=made["channel"])
    return {"joint operations": len(made), "operation stages": len(stages),
            "operation results": len(RESULTS), "publications of figures": 1}
