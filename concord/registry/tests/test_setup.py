"""`concord setup ORGANIZATION.toml` loads a real organization through the services: the example
file in docs/ makes its parties, states, bodies and officer; a second run changes nothing; a bad
value is named by its key and nothing is loaded."""

from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from concord.accounts.models import Role, User
from concord.core.audit import audit_verify
from concord.core.labels import Classification, PartyKind
from concord.core.models import AuditEntry, Party
from concord.registry.models import Body, Chairmanship, MemberState

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "organization.example.toml"
PASSWORD = "a long officer passphrase 2024"


@pytest.fixture(autouse=True)
def _password(monkeypatch):
    monkeypatch.setenv("CONCORD_NEW_PASSWORD", PASSWORD)


def _setup(path: Path) -> str:
    out = StringIO()
    call_command("setup", str(path), stdout=out)
    return out.getvalue()


def _bad(tmp_path: Path, old: str, new: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "organization.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    # The command speaks the working language, whatever an earlier test left active.
    with translation.override("ru"), pytest.raises(CommandError) as failure:
        _setup(path)
    return str(failure.value)


def test_it_loads_the_example_organization():
    said = _setup(EXAMPLE)
    assert "Northern Security Alliance: created" in said

    secretariat = Party.objects.get(code="SEC")
    assert secretariat.kind == PartyKind.SECRETARIAT
    assert secretariat.name_en == "Secretariat of the Northern Alliance"
    states = {s.iso_alpha2: s for s in MemberState.objects.select_related("party")}
    assert sorted(states) == ["EE", "LT", "LV"]
    assert (states["LV"].iso_alpha3, states["LV"].iso_numeric) == ("LVA", "428")
    assert (states["LV"].name_ru, states["LV"].name_en) == ("Латвия", "Latvia")
    assert states["LV"].joined_on == date(2004, 3, 29)
    assert states["LV"].party.kind == PartyKind.STATE
    assert (states["EE"].official_name_accusative_ru, states["EE"].official_name_in_text_en) \
        == ("Эстонскую Республику", "the Republic of Estonia")
    chairs = {c.year: (c.state.iso_alpha2, c.handed_over_on)
              for c in Chairmanship.objects.select_related("state")}
    assert chairs == {2026: ("EE", date(2025, 11, 20)), 2027: ("LV", None)}
    bodies = {b.code: b for b in Body.objects.select_related("parent")}
    assert bodies["COUNCIL"].parent is None
    assert bodies["STAFF"].parent == bodies["DEFMIN"]
    assert bodies["DEFMIN"].parent == bodies["COUNCIL"]
    officer = User.objects.get(username="officer")
    assert officer.party == secretariat
    assert officer.clearance == Classification.SECRET
    assert officer.check_password(PASSWORD)
    assert list(officer.groups.values_list("name", flat=True)) == [Role.SECRETARIAT_OFFICER]
    setup = AuditEntry.objects.get(action="registry.organization.setup")
    assert "Северный союз безопасности" in setup.detail
    assert audit_verify().ok


def test_it_changes_nothing_when_loaded_twice(monkeypatch):
    _setup(EXAMPLE)
    entries = AuditEntry.objects.count()
    monkeypatch.delenv("CONCORD_NEW_PASSWORD")  # not asked for: the officer exists
    assert "already loaded, nothing changed" in _setup(EXAMPLE)
    assert AuditEntry.objects.count() == entries
    assert (MemberState.objects.count(), Body.objects.count(), User.objects.count()) == (3, 4, 1)


@pytest.mark.parametrize(("old", "new", "named"), [
    ('iso = "LT"', 'iso = "XX"', 'member_states[2].iso: "XX" is not an ISO 3166 code'),
    ('iso3 = "LVA"', 'iso3 = "LV1"', 'member_states[1].iso3: "LV1" is not an ISO 3166 alpha-3'),
    ("joined = 2004-03-29", 'joined = "spring"', 'member_states[0].joined: "spring" must be a date'),
    ('time_zone = "Europe/Riga"', 'time_zone = "Europe/Atlantis"',
     'member_states[1].time_zone: "Europe/Atlantis" is not a time zone'),
    ('parent = "DEFMIN"', 'parent = "NAVY"', 'bodies[3].parent: "NAVY" is not a body'),
    ('kind = "staff"', 'kind = "army"', 'bodies[3].kind: "army" is not one of'),
    ('clearance = "secret"', 'clearance = "top-secret"',
     'officer.clearance: "top-secret" is not one of'),
    ('name = { ru = "Эстония", en = "Estonia" }', 'name = { ru = "Эстония" }',
     "member_states[0].name.en: is missing"),
    ('year = 2027', 'year = "next"', 'chairmanships[1].year: "next" must be a year'),
    ('state = "LV"', 'state = "FI"',
     'chairmanships[1].state: "FI" is not a member state of this file or the registry'),
    ("handed_over = 2025-11-20", 'handed_over = "November"',
     'chairmanships[0].handed_over: "November" must be a date'),
    ("handed_over = 2025-11-20", "handed_over = 2020-11-20",
     "chairmanships[0].handed_over_on: Не в 2025 и не в 2026 году."),
])
def test_it_names_a_bad_value_by_its_key_and_loads_nothing(tmp_path, old, new, named):
    said = _bad(tmp_path, old, new)
    assert named in said
    assert "nothing was loaded" in said
    assert not Party.objects.exists()
    assert not Body.objects.exists()


def test_it_names_every_bad_value_at_once(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace('iso = "EE"', 'iso = "ee"').replace(
        'numeric = "440"', 'numeric = "44"')
    path = tmp_path / "organization.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as failure:
        _setup(path)
    assert 'member_states[0].iso: "ee"' in str(failure.value)
    assert 'member_states[2].numeric: "44"' in str(failure.value)


def test_it_names_a_weak_password_as_the_officer_s(monkeypatch):
    monkeypatch.setenv("CONCORD_NEW_PASSWORD", "short")
    with pytest.raises(CommandError, match=r"officer\.password"):
        _setup(EXAMPLE)
    assert not MemberState.objects.exists()
