"""The demo organization: the CSTO as the press release of its Sochi session (23 September 2013)
and its 2024 material describe it. Facts only from public record; loading twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction

from concord.accounts.models import Role, User
from concord.accounts.roles import roles_sync
from concord.accounts.services import user_create
from concord.core.actors import SYSTEM
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.registry import services as registry
from concord.registry.models import (
    Body,
    BodyKind,
    Chairmanship,
    ContactKind,
    MemberState,
    Official,
    Position,
    Term,
)

SEED = "CSTO press release, CSC session, Sochi, 23 September 2013"
TREATY_SIGNED = date(1992, 5, 15)  # Collective Security Treaty, Tashkent

STATES: list[dict[str, Any]] = [
    dict(iso_alpha2="AM", iso_alpha3="ARM", iso_numeric="051", name_ru="Армения",
         name_en="Armenia", name_native="Հայաստան", native_language="hy",
         official_name_ru="Республика Армения", official_name_en="Republic of Armenia",
         official_name_accusative_ru="Республику Армения",
         official_name_in_text_en="the Republic of Armenia",
         capital_time_zone="Asia/Yerevan", joined_on=TREATY_SIGNED),
    dict(iso_alpha2="BY", iso_alpha3="BLR", iso_numeric="112", name_ru="Беларусь",
         name_en="Belarus", name_native="Беларусь", native_language="be",
         official_name_ru="Республика Беларусь", official_name_en="Republic of Belarus",
         official_name_accusative_ru="Республику Беларусь",
         official_name_in_text_en="the Republic of Belarus",
         capital_time_zone="Europe/Minsk", joined_on=date(1993, 12, 31)),
    dict(iso_alpha2="KZ", iso_alpha3="KAZ", iso_numeric="398", name_ru="Казахстан",
         name_en="Kazakhstan", name_native="Қазақстан", native_language="kk",
         official_name_ru="Республика Казахстан", official_name_en="Republic of Kazakhstan",
         official_name_accusative_ru="Республику Казахстан",
         official_name_in_text_en="the Republic of Kazakhstan",
         capital_time_zone="Asia/Almaty", joined_on=TREATY_SIGNED),
    dict(iso_alpha2="KG", iso_alpha3="KGZ", iso_numeric="417", name_ru="Кыргызстан",
         name_en="Kyrgyzstan", name_native="Кыргызстан", native_language="ky",
         official_name_ru="Кыргызская Республика", official_name_en="Kyrgyz Republic",
         official_name_accusative_ru="Кыргызскую Республику",
         official_name_in_text_en="the Kyrgyz Republic",
         capital_time_zone="Asia/Bishkek", joined_on=TREATY_SIGNED),
    dict(iso_alpha2="RU", iso_alpha3="RUS", iso_numeric="643", name_ru="Россия",
         name_en="Russia", name_native="Россия", native_language="ru",
         official_name_ru="Российская Федерация", official_name_en="Russian Federation",
         official_name_accusative_ru="Российскую Федерацию",
         official_name_in_text_en="the Russian Federation",
         capital_time_zone="Europe/Moscow", joined_on=TREATY_SIGNED),
    dict(iso_alpha2="TJ", iso_alpha3="TJK", iso_numeric="762", name_ru="Таджикистан",
         name_en="Tajikistan", name_native="Тоҷикистон", native_language="tg",
         official_name_ru="Республика Таджикистан", official_name_en="Republic of Tajikistan",
         official_name_accusative_ru="Республику Таджикистан",
         official_name_in_text_en="the Republic of Tajikistan",
         capital_time_zone="Asia/Dushanbe", joined_on=TREATY_SIGNED),
]

BODIES: list[dict[str, Any]] = [
    dict(code="CSC", kind=BodyKind.COUNCIL, parent=None, takes_decisions=True, order=1,
         name_ru="Совет коллективной безопасности", name_en="Collective Security Council",
         abbreviation_ru="СКБ", abbreviation_en="CSC",
         description_en="The highest body of the Organization: the heads of the member states.",
         description_ru="Высший орган Организации: главы государств-членов."),
    dict(code="CFM", kind=BodyKind.COUNCIL, parent="CSC", takes_decisions=True, order=2,
         name_ru="Совет министров иностранных дел", name_en="Council of Foreign Ministers",
         abbreviation_ru="СМИД", abbreviation_en="CFM"),
    dict(code="CDM", kind=BodyKind.COUNCIL, parent="CSC", takes_decisions=True, order=3,
         name_ru="Совет министров обороны", name_en="Council of Defence Ministers",
         abbreviation_ru="СМО", abbreviation_en="CDM"),
    dict(code="CSSC", kind=BodyKind.COMMITTEE, parent="CSC", takes_decisions=True, order=4,
         name_ru="Комитет секретарей советов безопасности",
         name_en="Committee of Secretaries of Security Councils",
         abbreviation_ru="КССБ", abbreviation_en="CSSC"),
    dict(code="PC", kind=BodyKind.PERMANENT, parent="CSC", takes_decisions=False, order=5,
         name_ru="Постоянный совет", name_en="Permanent Council",
         abbreviation_ru="ПС", abbreviation_en="PC"),
    dict(code="SEC", kind=BodyKind.SECRETARIAT, parent="CSC", takes_decisions=False, order=6,
         name_ru="Секретариат ОДКБ", name_en="CSTO Secretariat",
         abbreviation_ru="", abbreviation_en=""),
    dict(code="JS", kind=BodyKind.STAFF, parent="CSC", takes_decisions=False, order=7,
         name_ru="Объединённый штаб ОДКБ", name_en="CSTO Joint Staff",
         abbreviation_ru="ОШ", abbreviation_en="JS"),
    dict(code="MC", kind=BodyKind.MILITARY, parent="CDM", takes_decisions=False, order=8,
         name_ru="Военный комитет", name_en="Military Committee",
         abbreviation_ru="ВК", abbreviation_en="MC",
         description_en="Its establishment was approved by the CSC at its Sochi session, 2013.",
         description_ru="Создание одобрено СКБ на сессии в Сочи в 2013 году."),
]

POSITIONS: list[dict[str, Any]] = [
    dict(body="CSC", code="csc-chair", title_ru="Председатель Совета коллективной безопасности",
         title_en="Chairman of the Collective Security Council", order=1),
    dict(body="CSC", code="csc-member", title_ru="Член Совета коллективной безопасности "
         "(глава государства)", title_en="Member of the Collective Security Council "
         "(head of state)", order=2),
    dict(body="CFM", code="cfm-member", title_ru="Министр иностранных дел, член СМИД",
         title_en="Minister of Foreign Affairs, member of the CFM", order=1),
    dict(body="SEC", code="secretary-general", title_ru="Генеральный секретарь ОДКБ",
         title_en="CSTO Secretary General", order=1),
    dict(body="SEC", code="spokesman", title_ru="Пресс-секретарь ОДКБ",
         title_en="CSTO spokesman", order=2,
         contacts=[(ContactKind.PHONE, "+7-495-795-27-10"),
                   (ContactKind.PHONE_FAX, "+7-495-621-33-23"),
                   (ContactKind.EMAIL, "odkb-pressa@gov.ru")]),
    dict(body="JS", code="chief-of-joint-staff", title_ru="Начальник Объединённого штаба ОДКБ",
         title_en="Chief of the CSTO Joint Staff", order=1),
]

SOCHI = date(2013, 9, 23)


@dataclass(frozen=True)
class DemoOfficial:
    name_ru: str
    name_en: str
    state: str
    terms: list[dict[str, Any]]
    rank_ru: str = ""
    rank_en: str = ""


OFFICIALS = [
    DemoOfficial("Николай Бордюжа", "Nikolai Bordyuzha", "RU",
                 [dict(position="secretary-general", started_on=date(2003, 4, 28),
                       ended_on=date(2016, 12, 31), source=SEED)]),
    DemoOfficial("Имангали Тасмагамбетов", "Imangali Tasmagambetov", "KZ",
                 [dict(position="secretary-general", started_on=date(2023, 1, 1),
                       source="Meeting of the CSSC, Almaty, 6 June 2024")]),
    DemoOfficial("Александр Студеникин", "Alexander Studenikin", "RU",
                 [dict(position="chief-of-joint-staff", attested_on=SOCHI, source=SEED)],
                 rank_ru="генерал-лейтенант", rank_en="Lieutenant-General"),
    DemoOfficial("Владимир Зайнетдинов", "Vladimir Zainetdinov", "RU",
                 [dict(position="spokesman", attested_on=SOCHI, source=SEED)]),
    DemoOfficial("Владимир Путин", "Vladimir Putin", "RU",
                 [dict(position="csc-member", attested_on=SOCHI, source=SEED),
                  dict(position="csc-chair", started_on=SOCHI, source=SEED)]),
    DemoOfficial("Серж Саргсян", "Serzh Sargsyan", "AM",
                 [dict(position="csc-member", attested_on=SOCHI, source=SEED)]),
    DemoOfficial("Александр Лукашенко", "Alexander Lukashenko", "BY",
                 [dict(position="csc-member", attested_on=SOCHI, source=SEED)]),
    DemoOfficial("Нурсултан Назарбаев", "Nursultan Nazarbayev", "KZ",
                 [dict(position="csc-member", attested_on=SOCHI, source=SEED)]),
    DemoOfficial("Алмазбек Атамбаев", "Almazbek Atambayev", "KG",
                 [dict(position="csc-member", attested_on=SOCHI, source=SEED)]),
    DemoOfficial("Эмомали Рахмон", "Emomali Rahmon", "TJ",
                 [dict(position="csc-member", attested_on=SOCHI, source=SEED)]),
    DemoOfficial("Арарат Мирзоян", "Ararat Mirzoyan", "AM",
                 [dict(position="cfm-member", started_on=date(2021, 8, 19),
                       source="Sputnik Armenia, quoted in CSTO news")]),
]

# (year, state, handover day, note in Russian, note in English); no handover day: 1 January.
CHAIRMANSHIPS = [
    (2013, "KG", None, "Приоритеты председательства Кыргызской Республики в 2013 году.",
     "Priorities of the Kyrgyz Republic's chairmanship in 2013."),
    (2014, "RU", date(2013, 9, 23),
     "Передано Российской Федерации на сессии СКБ в Сочи 23 сентября 2013 года.",
     "Passed to the Russian Federation at the CSC session in Sochi, 23 September 2013."),
    (2024, "KZ", None,
     "Заседание КССБ в Алматы 6 июня 2024 года под председательством Казахстана.",
     "CSSC meeting in Almaty, 6 June 2024, under Kazakhstan's chairmanship."),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    party: str
    clearance: int
    role: Role


# People's names are the same in every language: the demo's are those of the secretariat's and
# the member states' staff, written as the working language writes them.
USERS = [
    DemoUser("officer", "Ирина", "Соколова", "SEC", Classification.CONFIDENTIAL,
             Role.SECRETARIAT_OFFICER),
    DemoUser("secgen", "Виктор", "Андреев", "SEC", Classification.SECRET,
             Role.SECRETARY_GENERAL),
    DemoUser("delegate.ru", "Сергей", "Орлов", "RU", Classification.CONFIDENTIAL,
             Role.DELEGATE),
    DemoUser("delegate.tj", "Фаррух", "Рахимов", "TJ", Classification.OFFICIAL_USE,
             Role.DELEGATE),
    DemoUser("delegate.am", "Арам", "Петросян", "AM", Classification.OFFICIAL_USE,
             Role.DELEGATE),
    DemoUser("analyst", "Марина", "Белова", "SEC", Classification.CONFIDENTIAL,
             Role.CRISIS_ANALYST),
    DemoUser("staff", "Олег", "Захаров", "SEC", Classification.CONFIDENTIAL,
             Role.JOINT_STAFF_OFFICER),
    DemoUser("press", "Елена", "Киселёва", "SEC", Classification.OFFICIAL_USE,
             Role.PRESS_OFFICER),
]


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    users: list[DemoUser] = field(default_factory=list)

    def count(self, what: str) -> None:
        self.created[what] = self.created.get(what, 0) + 1


def _secretariat(report: LoadReport) -> Party:
    party = Party.objects.filter(code="SEC").first()
    if party is None:
        party = Party.objects.create(code="SEC", kind=PartyKind.SECRETARIAT,
                                     name_ru="Секретариат ОДКБ", name_en="CSTO Secretariat")
        report.count("parties")
    return party


@transaction.atomic
def load(*, password: str) -> LoadReport:
    """Creates whatever of the demo organization is missing, through the services."""
    report = LoadReport()
    roles_sync()
    _secretariat(report)
    _structure(report)
    states = {s.iso_alpha2: s for s in MemberState.objects.all()}
    _officials(report, states)
    for year, code, handed_over_on, note_ru, note_en in CHAIRMANSHIPS:
        if not Chairmanship.objects.filter(year=year).exists():
            registry.chairmanship_record(actor=SYSTEM, year=year, state=states[code],
                                         note_ru=note_ru, note_en=note_en,
                                         handed_over_on=handed_over_on)
            report.count("chairmanships")
    _users(report, password)
    return report


def _structure(report: LoadReport) -> None:
    for data in STATES:
        if not MemberState.objects.filter(iso_alpha2=data["iso_alpha2"]).exists():
            registry.member_state_register(actor=SYSTEM, **data)
            report.count("member states")
    for data in BODIES:
        if not Body.objects.filter(code=data["code"]).exists():
            fields = {k: v for k, v in data.items() if k != "parent"}
            parent = Body.objects.get(code=data["parent"]) if data["parent"] else None
            registry.body_create(actor=SYSTEM, parent=parent, **fields)
            report.count("bodies")
    for data in POSITIONS:
        if not Position.objects.filter(code=data["code"]).exists():
            fields = {k: v for k, v in data.items() if k != "body"}
            registry.position_create(actor=SYSTEM, body=Body.objects.get(code=data["body"]),
                                     **fields)
            report.count("positions")


def _officials(report: LoadReport, states: dict[str, MemberState]) -> None:
    for person in OFFICIALS:
        official = Official.objects.filter(name_en=person.name_en).first()
        if official is None:
            official = registry.official_create(
                actor=SYSTEM, name_ru=person.name_ru, name_en=person.name_en,
                rank_ru=person.rank_ru, rank_en=person.rank_en, state=states[person.state])
            report.count("officials")
        for term in person.terms:
            position = Position.objects.get(code=term["position"])
            if not Term.objects.filter(official=official, position=position).exists():
                registry.term_add(actor=SYSTEM, official=official, position=position,
                                  **{k: v for k, v in term.items() if k != "position"})
                report.count("terms of office")


def _users(report: LoadReport, password: str) -> None:
    parties = {p.code: p for p in Party.objects.all()}
    for login in USERS:
        report.users.append(login)
        if not User.objects.filter(username=login.username).exists():
            user_create(actor=SYSTEM, username=login.username, password=password,
                        party=parties[login.party], clearance=login.clearance,
                        roles=[login.role.value], first_name=login.first_name,
                        last_name=login.last_name)
            report.count("users")
