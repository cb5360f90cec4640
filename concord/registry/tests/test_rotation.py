"""The chairmanship rotation: by Russian names, one state a year, skipping states not active on
1 January, with recorded years overriding the rule."""

from __future__ import annotations

from datetime import date

from concord.core.actors import SYSTEM
from concord.registry import selectors
from concord.registry.models import MemberState, MemberStatus
from concord.registry.rotation import russian_collation_key
from concord.registry.tests.factories import (
    chairmanship,
    csto_states,
    member_state,
    status_change,
)


def _chairs(first: int, last: int) -> dict[int, str | None]:
    schedule = selectors.chairmanship_schedule(viewer=SYSTEM, first_year=first, last_year=last)
    return {entry.year: entry.state.iso_alpha2 if entry.state else None for entry in schedule}


def _sochi_record() -> dict[str, MemberState]:
    states = csto_states()
    chairmanship(2013, states["KG"])
    chairmanship(2014, states["RU"])
    return states


def test_it_follows_russia_2014_with_tajikistan_armenia_and_belarus(db):
    _sochi_record()

    assert _chairs(2013, 2017) == {2013: "KG", 2014: "RU", 2015: "TJ", 2016: "AM", 2017: "BY"}


def test_it_runs_through_all_six_states_and_comes_round_again(db):
    _sochi_record()

    assert _chairs(2018, 2021) == {2018: "KZ", 2019: "KG", 2020: "RU", 2021: "TJ"}


def test_it_marks_which_years_are_recorded_and_which_follow_the_rule(db):
    _sochi_record()

    schedule = selectors.chairmanship_schedule(viewer=SYSTEM, first_year=2014, last_year=2015)

    assert [(entry.year, entry.recorded) for entry in schedule] == [(2014, True), (2015, False)]


def test_it_skips_a_state_whose_participation_is_suspended(db):
    states = _sochi_record()
    status_change(states["AM"], MemberStatus.SUSPENDED, date(2015, 6, 1))

    assert _chairs(2015, 2017) == {2015: "TJ", 2016: "BY", 2017: "KZ"}


def test_it_counts_the_status_on_the_first_day_of_the_year(db):
    states = _sochi_record()
    status_change(states["AM"], MemberStatus.SUSPENDED, date(2016, 1, 2))

    assert _chairs(2016, 2016) == {2016: "AM"}


def test_it_brings_a_reinstated_state_back_into_the_rotation(db):
    states = _sochi_record()
    status_change(states["AM"], MemberStatus.SUSPENDED, date(2015, 6, 1))
    status_change(states["AM"], MemberStatus.ACTIVE, date(2020, 3, 1))

    chairs = _chairs(2015, 2022)

    assert chairs[2016] == "BY"
    assert chairs[2021] == "AM"  # after Tajikistan in 2020, Armenia is active again


def test_it_skips_a_state_that_has_withdrawn(db):
    states = _sochi_record()
    status_change(states["TJ"], MemberStatus.WITHDRAWN, date(2014, 12, 31))

    assert _chairs(2015, 2016) == {2015: "AM", 2016: "BY"}


def test_it_skips_a_state_that_had_not_yet_joined(db):
    states = csto_states()  # Belarus joined on 31 December 1993
    chairmanship(1992, states["AM"])

    assert _chairs(1993, 1994) == {1993: "KZ", 1994: "KG"}


def test_it_lets_a_recorded_override_win_and_follows_on_from_it(db):
    states = _sochi_record()
    chairmanship(2016, states["BY"])  # out of turn: Armenia would have chaired

    chairs = _chairs(2015, 2018)

    assert chairs == {2015: "TJ", 2016: "BY", 2017: "KZ", 2018: "KG"}


def test_it_names_nobody_before_the_first_recorded_chairmanship(db):
    _sochi_record()

    assert _chairs(2011, 2012) == {2011: None, 2012: None}


def test_it_files_yo_with_ye_as_russian_dictionaries_do(db):
    azov = member_state("XA", name_ru="Азов", name_en="Azov")
    member_state("XE", name_ru="Елань", name_en="Elan")
    member_state("XY", name_ru="Ёлкино", name_en="Yolkino")
    member_state("XZ", name_ru="Жданов", name_en="Zhdanov")
    chairmanship(2020, azov)

    assert _chairs(2021, 2024) == {2021: "XE", 2022: "XY", 2023: "XZ", 2024: "XA"}


def test_it_sorts_names_with_yo_among_those_with_ye():
    names = ["Жданов", "Ёлкино", "Елань", "Азов", "Есаулов"]

    assert sorted(names, key=russian_collation_key) == ["Азов", "Елань", "Ёлкино", "Есаулов",
                                                        "Жданов"]
