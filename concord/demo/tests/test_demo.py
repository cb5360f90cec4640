"""The demo organization: the CSTO as its Sochi press release (2013) and 2024 material show it,
loaded any number of times with the same result."""

from __future__ import annotations

import re
from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.demo.organization import USERS, load
from concord.demo.steps import load_all
from concord.registry import selectors
from concord.registry.models import Chairmanship, MemberState, Official, Position, Term

PASSWORD = "demo password for the test suite"


def _rows() -> dict[str, int]:
    # The base manager counts every row, labelled or not, without a viewer's scope.
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@pytest.fixture
def demo(db: None) -> None:
    load_all(password=PASSWORD)


@pytest.mark.parametrize("loader", [load, load_all], ids=["organization", "every step"])
def test_it_changes_nothing_when_loaded_twice(demo, loader):
    before = _rows()

    report = loader(password=PASSWORD)

    assert report.created == {}
    assert _rows() == before
    assert before["core.AuditEntry"] > 0
    assert before["registry.MemberState"] == 6


def test_it_says_so_when_the_command_finds_everything_loaded(demo, monkeypatch):
    monkeypatch.setenv("CONCORD_DEMO_PASSWORD", PASSWORD)
    out = StringIO()

    call_command("demo", "--quiet-logins", stdout=out)

    assert "already loaded; nothing changed" in out.getvalue()


def test_it_reports_what_the_command_created_and_the_logins(db, monkeypatch):
    monkeypatch.setenv("CONCORD_DEMO_PASSWORD", PASSWORD)
    out = StringIO()

    call_command("demo", stdout=out)

    assert "created 6 member states" in out.getvalue()
    assert f"password: {PASSWORD}" in out.getvalue()
    assert "delegate.tj" in out.getvalue()


def test_it_has_the_six_member_states(demo):
    names = dict(MemberState.objects.values_list("iso_alpha2", "name_ru"))

    assert names == {"AM": "Армения", "BY": "Беларусь", "KZ": "Казахстан", "KG": "Кыргызстан",
                     "RU": "Россия", "TJ": "Таджикистан"}
    assert set(MemberState.objects.values_list("status", flat=True)) == {"active"}


def test_it_has_the_recorded_chairmanships(demo):
    chairs = dict(Chairmanship.objects.values_list("year", "state__iso_alpha2"))

    assert chairs == {2013: "KG", 2014: "RU", 2024: "KZ"}


def test_it_follows_the_recorded_chairs_with_the_rotation(demo):
    schedule = selectors.chairmanship_schedule(viewer=SYSTEM, first_year=2015, last_year=2025)

    assert [entry.state.iso_alpha2 if entry.state else None for entry in schedule] == [
        "TJ", "AM", "BY", "KZ", "KG", "RU", "TJ", "AM", "BY", "KZ", "KG"]


def test_it_has_the_spokesmans_contacts(demo):
    spokesman = Position.objects.get(code="spokesman")

    assert list(spokesman.contacts.values_list("kind", "value")) == [
        ("phone", "+7-495-795-27-10"), ("phone_fax", "+7-495-621-33-23"),
        ("email", "odkb-pressa@gov.ru")]


def test_it_has_studenikin_as_chief_of_the_joint_staff(demo):
    term = Term.objects.select_related("official", "position__body").get(
        official__name_en="Alexander Studenikin")

    assert term.position.code == "chief-of-joint-staff"
    assert term.position.body.code == "JS"
    assert term.attested_on == date(2013, 9, 23)
    assert term.official.rank_en == "Lieutenant-General"


def test_it_has_both_secretaries_general_with_their_terms(demo):
    terms = Term.objects.filter(position__code="secretary-general").order_by("started_on")

    assert [(t.official.name_en, t.started_on, t.ended_on) for t in terms] == [
        ("Nikolai Bordyuzha", date(2003, 4, 28), date(2016, 12, 31)),
        ("Imangali Tasmagambetov", date(2023, 1, 1), None)]


def test_it_has_the_heads_of_state_at_sochi(demo):
    members = Official.objects.filter(terms__position__code="csc-member",
                                      terms__attested_on=date(2013, 9, 23))

    assert members.count() == 6
    assert set(members.values_list("state__iso_alpha2", flat=True)) == {
        "AM", "BY", "KZ", "KG", "RU", "TJ"}


def test_it_creates_demo_logins_that_work(demo):
    delegate = User.objects.get(username="delegate.tj")
    assert delegate.party is not None
    assert (delegate.party.code, delegate.clearance) == ("TJ", Classification.OFFICIAL_USE)

    response = Client().post("/accounts/login/", {"username": "delegate.tj",
                                                  "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


def test_it_names_its_people_as_the_working_language_writes_them(demo):
    people = User.objects.filter(username__in=[login.username for login in USERS])
    names = {person.username: person.get_full_name() for person in people}

    assert len(names) == len(USERS)
    assert all(re.fullmatch(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+", name) for name in names.values()), names
    assert len(set(names.values())) == len(names), "each person has a name of their own"
    client = Client()
    client.force_login(people.get(username="delegate.tj"))
    profile = client.get("/accounts/profile/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert f'<h2 class="h5">{names["delegate.tj"]}</h2>' in profile
