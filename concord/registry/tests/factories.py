"""Registry test data: the six CSTO states as they joined, and bodies, positions and officials."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from typing import Any

from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.registry.models import (
    Body,
    BodyKind,
    Chairmanship,
    ContactKind,
    ContactPoint,
    MemberState,
    MemberStatus,
    MemberStatusChange,
    Official,
    Position,
    Term,
)
from concord.registry.services import member_state_refresh_status

TREATY = date(1992, 5, 15)

# iso_alpha2: (alpha3, numeric, Russian name, English name, own name, joined)
CSTO: dict[str, tuple[str, str, str, str, str, date]] = {
    "AM": ("ARM", "051", "Армения", "Armenia", "Հայաստան", TREATY),
    "BY": ("BLR", "112", "Беларусь", "Belarus", "Беларусь", date(1993, 12, 31)),
    "KZ": ("KAZ", "398", "Казахстан", "Kazakhstan", "Қазақстан", TREATY),
    "KG": ("KGZ", "417", "Кыргызстан", "Kyrgyzstan", "Кыргызстан", TREATY),
    "RU": ("RUS", "643", "Россия", "Russia", "Россия", TREATY),
    "TJ": ("TJK", "762", "Таджикистан", "Tajikistan", "Тоҷикистон", TREATY),
}

LANGUAGES = {"AM": "hy", "BY": "be", "KZ": "kk", "KG": "ky", "RU": "ru", "TJ": "tg"}
_numbers = itertools.count(900)  # numeric codes no real state uses


def member_state(code: str, *, name_ru: str = "", name_en: str = "",
                 joined_on: date | None = None) -> MemberState:
    """A member state linked to its party (reusing the personas' party of the same code)."""
    if code in CSTO:
        alpha3, numeric, known_ru, known_en, native, joined = CSTO[code]
    else:
        alpha3, numeric, known_ru, known_en, native, joined = (
            code + "X", f"{next(_numbers) % 1000:03d}", name_ru, name_en, name_ru, TREATY)
    name_ru, name_en = name_ru or known_ru, name_en or known_en
    party, _ = Party.objects.get_or_create(
        code=code, defaults={"kind": PartyKind.STATE, "name_ru": name_ru, "name_en": name_en})
    return MemberState.objects.create(
        party=party, iso_alpha2=code, iso_alpha3=alpha3, iso_numeric=numeric, name_ru=name_ru,
        name_en=name_en, name_native=native, native_language=LANGUAGES.get(code, "ru"),
        official_name_ru=name_ru, official_name_en=name_en, capital_time_zone="Asia/Almaty",
        joined_on=joined_on or joined)


def csto_states() -> dict[str, MemberState]:
    return {code: member_state(code) for code in CSTO}


def status_change(state: MemberState, status: MemberStatus, effective_on: date,
                  note: str = "decision of the state") -> MemberStatusChange:
    """History as it was, without the service's notion of today (the rotation reads history)."""
    return MemberStatusChange.objects.create(state=state, status=status,
                                             effective_on=effective_on, note=note)


def chairmanship(year: int, state: MemberState) -> Chairmanship:
    return Chairmanship.objects.create(year=year, state=state)


def body(code: str, *, parent: Body | None = None, **fields: Any) -> Body:
    defaults: dict[str, Any] = {"kind": BodyKind.COUNCIL, "name_ru": f"Орган {code}",
                                "name_en": f"Body {code}"}
    return Body.objects.create(code=code, parent=parent, **{**defaults, **fields})


def position(body: Body, code: str, title_en: str = "", title_ru: str = "") -> Position:
    return Position.objects.create(body=body, code=code, title_en=title_en or code,
                                   title_ru=title_ru or code)


def official(name_en: str, name_ru: str, *, state: MemberState | None = None,
             holds: Position | None = None, started_on: date | None = TREATY) -> Official:
    person = Official.objects.create(name_en=name_en, name_ru=name_ru, state=state)
    if holds is not None:
        Term.objects.create(official=person, position=holds, started_on=started_on)
    return person


@dataclass
class Organization:
    """A small CSTO: six states (Armenia's participation suspended), a few bodies, positions with
    contacts, officials with terms and the chairmanships recorded at Sochi."""

    states: dict[str, MemberState]
    csc: Body
    secretariat: Body
    joint_staff: Body
    secretary_general: Position
    spokesman: Position
    bordyuzha: Official
    tasmagambetov: Official
    studenikin: Official


def organization() -> Organization:
    states = csto_states()
    status_change(states["AM"], MemberStatus.SUSPENDED, date(2024, 2, 22),
                  "Participation frozen by the state.")
    member_state_refresh_status(state=states["AM"])
    csc = body("CSC", name_ru="Совет коллективной безопасности",
               name_en="Collective Security Council", order=1, takes_decisions=True)
    secretariat = body("SEC", parent=csc, kind=BodyKind.SECRETARIAT, name_ru="Секретариат ОДКБ",
                       name_en="CSTO Secretariat", order=6)
    joint_staff = body("JS", parent=csc, kind=BodyKind.STAFF, name_ru="Объединённый штаб ОДКБ",
                       name_en="CSTO Joint Staff", order=7)
    secretary_general = position(secretariat, "secretary-general", "CSTO Secretary General",
                                 "Генеральный секретарь ОДКБ")
    spokesman = position(secretariat, "spokesman", "CSTO spokesman", "Пресс-секретарь ОДКБ")
    ContactPoint.objects.create(position=spokesman, kind=ContactKind.EMAIL,
                                value="odkb-pressa@gov.ru")
    chief = position(joint_staff, "chief-of-joint-staff", "Chief of the CSTO Joint Staff",
                     "Начальник Объединённого штаба ОДКБ")
    bordyuzha = official("Nikolai Bordyuzha", "Николай Бордюжа", state=states["RU"],
                         holds=secretary_general, started_on=date(2003, 4, 28))
    Term.objects.filter(official=bordyuzha).update(ended_on=date(2016, 12, 31))
    tasmagambetov = official("Imangali Tasmagambetov", "Имангали Тасмагамбетов",
                             state=states["KZ"], holds=secretary_general,
                             started_on=date(2023, 1, 1))
    studenikin = official("Alexander Studenikin", "Александр Студеникин", state=states["RU"],
                          holds=chief, started_on=date(2012, 1, 1))
    chairmanship(2013, states["KG"])
    chairmanship(2014, states["RU"])
    return Organization(states, csc, secretariat, joint_staff, secretary_general, spokesman,
                        bordyuzha, tasmagambetov, studenikin)


def more_officials(org: Organization, count: int) -> None:
    """Enough officials, each with a term, for a list to be long (and an N+1 query to show)."""
    for n in range(count):
        official(f"Delegate {n:02d}", f"Делегат {n:02d}", state=org.states["KG"],
                 holds=org.spokesman, started_on=date(2000 + n % 20, 1, 1 + n % 28))
