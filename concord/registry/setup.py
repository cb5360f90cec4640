"""A real organization from an ORGANIZATION.toml file (docs/organization.example.toml): its
name, the secretariat, the member states, the bodies and their hierarchy, and the first officer.

The whole file is read and checked before anything is written, and every bad value is named by
its key (`member_states[2].iso`). What exists already is left as it is, so loading the same file
twice changes nothing. Writes go through the registry and accounts services.
"""

from __future__ import annotations

import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from django.db import transaction

from concord.accounts import selectors as accounts
from concord.accounts.models import Role
from concord.accounts.roles import roles_sync
from concord.accounts.services import user_create
from concord.core.actors import SYSTEM
from concord.core.audit import audit_record
from concord.core.errors import DomainError
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.registry import services as registry
from concord.registry.models import Body, BodyKind, Chairmanship, MemberState

LANGUAGES = ("ru", "en")
CLEARANCES = {c.name.lower().replace("_", "-"): c.value for c in Classification}


class SetupInvalid(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _iso_codes() -> set[str]:
    # The ISO 3166 alpha-2 table that ships with the time-zone database (tzdata).
    table = resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text("utf-8")
    return {line.split("\t")[0] for line in table.splitlines() if line and line[0] != "#"}


@dataclass
class Plan:
    organization: dict[str, str]
    secretariat: dict[str, str]
    states: list[dict[str, Any]] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    officer: dict[str, Any] = field(default_factory=dict)
    chairmanships: list[dict[str, Any]] = field(default_factory=list)


class _Reader:
    """Reads values out of the parsed file, noting each bad one with its key."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def bad(self, key: str, message: str) -> None:
        self.problems.append(f"{key}: {message}")

    def table(self, data: Any, key: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.bad(key, "is missing" if data is None else "must be a table")
            return {}
        return data

    def text(self, data: dict[str, Any], name: str, key: str, *, required: bool = True,
             pattern: str | None = None, hint: str = "") -> str:
        value = data.get(name)
        if value is None:
            if required:
                self.bad(f"{key}.{name}", "is missing")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.bad(f"{key}.{name}", f"{_shown(value)} must be a non-empty string")
            return ""
        if pattern and not re.fullmatch(pattern, value):
            self.bad(f"{key}.{name}", f"{_shown(value)} {hint}")
            return ""
        return value.strip()

    def names(self, data: dict[str, Any], name: str, key: str, *,
              required: bool = True) -> dict[str, str]:
        value = data.get(name)
        if value is None and not required:
            return dict.fromkeys(LANGUAGES, "")
        table = self.table(value, f"{key}.{name}")
        return {lang: self.text(table, lang, f"{key}.{name}", required=required)
                for lang in LANGUAGES} if table else dict.fromkeys(LANGUAGES, "")


def _shown(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _state(reader: _Reader, data: Any, key: str, iso_codes: set[str]) -> dict[str, Any]:
    table = reader.table(data, key)
    iso = reader.text(table, "iso", key, pattern=r"[A-Z]{2}", hint="is not an ISO 3166 code")
    if iso and iso not in iso_codes:
        reader.bad(f"{key}.iso", f'"{iso}" is not an ISO 3166 code')
    names = reader.names(table, "name", key)
    official = reader.names(table, "official_name", key)
    # The name as a signature block writes it: «За Эстонскую Республику», "For the Republic of
    # Estonia". Optional: without it a block prints the plain official name.
    signatory = reader.names(table, "signatory_name", key, required=False)
    zone = reader.text(table, "time_zone", key)
    if zone and zone not in zoneinfo.available_timezones():
        reader.bad(f"{key}.time_zone", f'"{zone}" is not a time zone (e.g. "Europe/Moscow")')
    joined = table.get("joined")
    if not isinstance(joined, date):
        reader.bad(f"{key}.joined", "is missing" if joined is None else
                   f"{_shown(joined)} must be a date (1992-05-15)")
    return dict(
        iso_alpha2=iso,
        iso_alpha3=reader.text(table, "iso3", key, pattern=r"[A-Z]{3}",
                               hint="is not an ISO 3166 alpha-3 code"),
        iso_numeric=reader.text(table, "numeric", key, pattern=r"[0-9]{3}",
                                hint="is not an ISO 3166 numeric code (three digits)"),
        name_ru=names["ru"], name_en=names["en"],
        name_native=reader.text(table, "native_name", key, required=False) or names["en"],
        native_language=reader.text(table, "native_language", key, pattern=r"[a-z]{2,3}",
                                    hint="is not an ISO 639-1 language code"),
        official_name_ru=official["ru"], official_name_en=official["en"],
        official_name_accusative_ru=signatory["ru"], official_name_in_text_en=signatory["en"],
        capital_time_zone=zone, joined_on=joined,
    )


# The years a chairmanship can be recorded for (the registry's own constraint).
CHAIR_YEARS = range(1992, 2201)


def _chairmanship(reader: _Reader, data: Any, key: str, states: set[str]) -> dict[str, Any]:
    table = reader.table(data, key)
    year = table.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or year not in CHAIR_YEARS:
        reader.bad(f"{key}.year", "is missing" if year is None else
                   f"{_shown(year)} must be a year between 1992 and 2200")
        year = None
    state = reader.text(table, "state", key)
    if state and state not in states:
        reader.bad(f"{key}.state", f'"{state}" is not a member state of this file or the registry')
    handed_over = table.get("handed_over")
    if handed_over is not None and not isinstance(handed_over, date):
        reader.bad(f"{key}.handed_over", f"{_shown(handed_over)} must be a date (2013-09-23)")
        handed_over = None
    return {"year": year, "state": state, "handed_over_on": handed_over}


def _body(reader: _Reader, data: Any, key: str) -> dict[str, Any]:
    table = reader.table(data, key)
    kind = reader.text(table, "kind", key)
    if kind and kind not in BodyKind.values:
        reader.bad(f"{key}.kind", f'"{kind}" is not one of {", ".join(BodyKind.values)}')
    names = reader.names(table, "name", key)
    abbreviations = reader.names(table, "abbreviation", key, required=False)
    decides = table.get("takes_decisions", False)
    if not isinstance(decides, bool):
        reader.bad(f"{key}.takes_decisions", f"{_shown(decides)} must be true or false")
    return dict(code=reader.text(table, "code", key, pattern=r"[-a-zA-Z0-9_]{1,16}",
                                 hint="must be up to 16 letters, digits, - or _"),
                kind=kind, parent=table.get("parent"), name_ru=names["ru"], name_en=names["en"],
                abbreviation_ru=abbreviations["ru"], abbreviation_en=abbreviations["en"],
                takes_decisions=decides is True)


def _hierarchy(reader: _Reader, bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bodies with each parent before its children; a parent must be in the file or in the
    registry already, and no body may report to itself through others."""
    codes = {body["code"]: index for index, body in enumerate(bodies)}
    known = set(Body.objects.values_list("code", flat=True))
    ordered: list[dict[str, Any]] = []
    placed: set[str] = set()

    def place(index: int, trail: tuple[str, ...]) -> None:
        body = bodies[index]
        if body["code"] in placed:
            return
        parent = body["parent"]
        if parent is not None and not isinstance(parent, str):
            reader.bad(f"bodies[{index}].parent", f"{_shown(parent)} must be a body's code")
            return
        if parent in trail:
            reader.bad(f"bodies[{index}].parent", f'"{parent}" makes a cycle')
            return
        if parent is not None and parent in codes:
            place(codes[parent], (*trail, body["code"]))
        elif parent is not None and parent not in known:
            reader.bad(f"bodies[{index}].parent", f'"{parent}" is not a body of this file')
            return
        placed.add(body["code"])
        ordered.append(body)

    for index, body in enumerate(bodies):
        if body["code"]:
            place(index, ())
    return ordered


def _chairmanships_read(reader: _Reader, chairs: Any, states: set[str]) -> list[dict[str, Any]]:
    if not isinstance(chairs, list):
        reader.bad("chairmanships", "must be a list of tables ([[chairmanships]])")
        return []
    known = states | set(MemberState.objects.values_list("iso_alpha2", flat=True))
    return [_chairmanship(reader, entry, f"chairmanships[{index}]", known)
            for index, entry in enumerate(chairs)]


def organization_read(text: str) -> Plan:
    """Parse and check the whole file; raise SetupInvalid listing every bad value."""
    reader = _Reader()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SetupInvalid([f"the file is not TOML: {error}"]) from None
    organization = reader.table(data.get("organization"), "organization")
    plan = Plan(organization=reader.names(organization, "name", "organization"),
                secretariat={})
    secretariat = reader.table(data.get("secretariat"), "secretariat")
    plan.secretariat = {"code": reader.text(secretariat, "code", "secretariat",
                                            pattern=r"[A-Z]{2,16}",
                                            hint="must be 2 to 16 capital letters"),
                        **{f"name_{k}": v for k, v in
                           reader.names(secretariat, "name", "secretariat").items()}}
    iso_codes = _iso_codes()
    states = data.get("member_states")
    if not isinstance(states, list) or not states:
        reader.bad("member_states", "must list at least one member state ([[member_states]])")
        states = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(states):
        state = _state(reader, entry, f"member_states[{index}]", iso_codes)
        if state["iso_alpha2"] in seen:
            reader.bad(f"member_states[{index}].iso", f'"{state["iso_alpha2"]}" is listed '
                       f"already as member_states[{seen[state['iso_alpha2']]}]")
        seen.setdefault(state["iso_alpha2"], index)
        plan.states.append(state)
    if plan.secretariat["code"] and plan.secretariat["code"] in seen:
        reader.bad("secretariat.code", f'"{plan.secretariat["code"]}" is a member state\'s code')
    bodies = data.get("bodies", [])
    if not isinstance(bodies, list):
        reader.bad("bodies", "must be a list of tables ([[bodies]])")
        bodies = []
    parsed = [_body(reader, entry, f"bodies[{index}]") for index, entry in enumerate(bodies)]
    plan.bodies = _hierarchy(reader, parsed)
    plan.chairmanships = _chairmanships_read(reader, data.get("chairmanships", []), set(seen))
    officer = reader.table(data.get("officer"), "officer")
    clearance = reader.text(officer, "clearance", "officer")
    if clearance and clearance not in CLEARANCES:
        reader.bad("officer.clearance", f'"{clearance}" is not one of {", ".join(CLEARANCES)}')
    roles = officer.get("roles", [Role.SECRETARIAT_OFFICER.value])
    if not isinstance(roles, list) or any(r not in Role.values for r in roles):
        reader.bad("officer.roles", f"{roles!r} must list roles among {', '.join(Role.values)}")
        roles = []
    plan.officer = dict(username=reader.text(officer, "username", "officer"),
                        email=reader.text(officer, "email", "officer", required=False),
                        first_name=reader.text(officer, "first_name", "officer", required=False),
                        last_name=reader.text(officer, "last_name", "officer", required=False),
                        clearance=CLEARANCES.get(clearance, 0), roles=roles)
    if reader.problems:
        raise SetupInvalid(reader.problems)
    return plan


@dataclass
class SetupReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, what: str) -> None:
        self.created[what] = self.created.get(what, 0) + 1


def _named(key: str, error: DomainError) -> SetupInvalid:
    fields = error.errors or {"": [str(error.detail)]}
    return SetupInvalid([f"{key}.{name}: {' '.join(map(str, messages))}" if name
                         else f"{key}: {' '.join(map(str, messages))}"
                         for name, messages in fields.items()])


@transaction.atomic
def organization_setup(*, plan: Plan, password: str | None) -> SetupReport:
    """Create whatever of the organization is missing. `password` is needed only when the
    officer does not exist yet."""
    report = SetupReport()
    roles_sync()
    secretariat = _secretariat(plan, report)
    _states_and_bodies(plan, report)
    _chairmanships(plan, report)
    if not accounts.user_exists(username=plan.officer["username"]):
        if not password:
            raise SetupInvalid(["officer: a password is needed (CONCORD_NEW_PASSWORD)"])
        try:
            user_create(actor=SYSTEM, password=password, party=secretariat, **plan.officer)
        except DomainError as error:
            raise _named("officer", error) from error
        report.count("users")
    return report


def _secretariat(plan: Plan, report: SetupReport) -> Party:
    secretariat = Party.objects.filter(code=plan.secretariat["code"]).first()
    if secretariat is None:
        # The secretariat is a party of its own, with no registry entry: as the demo makes it.
        secretariat = Party.objects.create(kind=PartyKind.SECRETARIAT, **plan.secretariat)
        audit_record(actor=SYSTEM, action="registry.organization.setup", target=secretariat,
                     detail={"organization": plan.organization})
        report.count("parties")
    elif secretariat.kind != PartyKind.SECRETARIAT:
        raise SetupInvalid([f'secretariat.code: "{secretariat.code}" is a member state\'s party'])
    return secretariat


def _chairmanships(plan: Plan, report: SetupReport) -> None:
    recorded = set(Chairmanship.objects.values_list("year", flat=True))
    for index, chair in enumerate(plan.chairmanships):
        if chair["year"] in recorded:
            continue
        try:
            registry.chairmanship_record(
                actor=SYSTEM, year=chair["year"], handed_over_on=chair["handed_over_on"],
                state=MemberState.objects.get(iso_alpha2=chair["state"]))
        except DomainError as error:
            raise _named(f"chairmanships[{index}]", error) from error
        report.count("chairmanships")


def _states_and_bodies(plan: Plan, report: SetupReport) -> None:
    existing = set(MemberState.objects.values_list("iso_alpha2", flat=True))
    for index, state in enumerate(plan.states):
        if state["iso_alpha2"] in existing:
            continue
        try:
            registry.member_state_register(actor=SYSTEM, **state)
        except DomainError as error:
            raise _named(f"member_states[{index}]", error) from error
        report.count("member states")
    for body in plan.bodies:
        if Body.objects.filter(code=body["code"]).exists():
            continue
        fields = {**body, "parent": Body.objects.filter(code=body["parent"]).first()
                  if body["parent"] else None}
        try:
            registry.body_create(actor=SYSTEM, **fields)
        except DomainError as error:
            raise _named(f"bodies.{body['code']}", error) from error
        report.count("bodies")
