"""The incident tallies: kept in step by the database whatever writes the incidents, and the
situation picture read from them the same as read from the incidents themselves."""

from __future__ import annotations

import io
import math
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.core.actors import SYSTEM
from concord.core.labelling import label_change
from concord.core.labels import Classification
from concord.monitoring import selectors, services, tally
from concord.monitoring.models import SEVERE, Incident, TallyCount, TallySevere
from concord.monitoring.selectors import incident_list, picture
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row, incident

pytestmark = pytest.mark.django_db(transaction=False)


def _officer_sees(personas, pk):
    return Incident.objects.visible_to(personas.officer).get(pk=pk)


def test_it_counts_each_new_incident_in_its_day_and_its_week(personas):
    incident(personas.secretariat, occurred_on=date(2024, 6, 6))  # a Thursday
    incident(personas.secretariat, occurred_on=date(2024, 6, 7), fatalities=12)

    rows = {(row.span, row.starts_on, row.n1 + row.n2 + row.n3 + row.n4, row.n4)
            for row in TallyCount.objects.visible_to(personas.officer)}

    assert rows == {("d", date(2024, 6, 6), 1, 0), ("d", date(2024, 6, 7), 1, 1),
                    ("w", date(2024, 6, 3), 2, 1)}
    assert tally.check() == []


def test_it_moves_an_incident_between_rows_when_it_is_corrected(personas):
    seized = incident(personas.secretariat)

    services.incident_update(actor=personas.analyst, incident=seized, occurred_on=date(2024, 7, 1),
                             country="KG", admin1="Osh", latitude=40.5, longitude=72.8,
                             category="terrorism", fatalities=4)

    assert tally.check() == []
    assert not TallyCount.objects.visible_to(personas.officer).filter(
        starts_on=date(2024, 6, 6)).exists()  # the emptied row is gone, not left at zero


def test_it_drops_a_merged_duplicate_and_follows_labels_and_releases(personas):
    first = incident(personas.secretariat, sources="Asia-Plus")
    second = incident(personas.secretariat, sources="TASS", release_to_all_members=False)
    services.incident_merge(actor=personas.analyst, survivor=first, duplicate=second)
    services.incident_verify(actor=personas.analyst, incident=first, verification="confirmed")
    label_change(actor=personas.officer, record=_officer_sees(personas, first.pk),
                 classification=Classification.SECRET, release_to_all_members=False,
                 releasable_to=[])
    third = incident(personas.secretariat, release_to_all_members=False)
    third.releasable_to.add(personas.state_a)  # the release mask changes behind the services

    assert tally.check() == []
    week = TallyCount.objects.filter(span="w")
    assert sum(r.n1 + r.n2 + r.n3 + r.n4 for r in week.visible_to(personas.officer)) == 2
    assert sum(r.n1 + r.n2 + r.n3 + r.n4 for r in week.visible_to(personas.delegate_a)) == 1
    assert not week.visible_to(personas.delegate_b).exists()


def test_it_counts_an_import_and_a_generated_year(personas):
    rows = "\n".join([ACLED_HEADER, acled_row("TJK1"), acled_row("TJK2", day="2024-06-20")])
    services.incident_import(actor=personas.analyst, stream=io.BytesIO(rows.encode()),
                             fmt="acled")
    services.incident_generate(actor=SYSTEM, count=400, seed=7, start=date(2024, 1, 1),
                               end=date(2024, 12, 31), originator=personas.secretariat)

    assert tally.check() == []


def test_an_import_in_several_batches_counts_each_row_once(personas):
    lines = [acled_row(f"TJK{day}", day=f"2024-06-{day:02d}") for day in range(10, 15)]
    data = "\n".join([ACLED_HEADER, *lines, lines[0]]).encode()

    first = services.incident_import(actor=personas.analyst, stream=io.BytesIO(data),
                                     fmt="acled", batch_size=2)
    again = services.incident_import(actor=personas.analyst, stream=io.BytesIO(data),
                                     fmt="acled", batch_size=2)

    assert (first.created, first.unchanged) == (5, 1)
    assert (again.created, again.unchanged) == (0, 6)
    assert tally.check() == []
    weeks = TallyCount.objects.unscoped(reason="test").filter(span="w", country="TJ")
    assert sorted((row.starts_on, row.n1 + row.n2 + row.n3 + row.n4) for row in weeks) == [
        (date(2024, 6, 10), 5)]


def test_confirming_an_incident_moves_it_into_the_picture_of_confirmed_incidents(personas):
    seized = incident(personas.secretariat, occurred_on=date(2024, 6, 6))
    confirmed = selectors.IncidentFilters(verification=("confirmed",))
    assert selectors.tallied(confirmed, 4)
    before = selectors.situation_summary(viewer=personas.officer, filters=confirmed)

    services.incident_verify(actor=personas.analyst, incident=seized, verification="confirmed")

    after = selectors.situation_summary(viewer=personas.officer, filters=confirmed)
    assert (before.total, len(before.clusters)) == (0, 0)
    assert (after.total, [c["count"] for c in after.clusters]) == (1, [1])
    assert tally.check() == []


def test_a_verification_alone_is_read_from_the_tallies_kept_by_verification_alone(personas):
    placed = incident(personas.secretariat, occurred_on=date(2024, 6, 6))
    unplaced = incident(personas.secretariat, occurred_on=date(2024, 6, 7), admin1="Sughd",
                        latitude=None, longitude=None)
    incident(personas.secretariat, occurred_on=date(2024, 6, 8), category="border")
    for seen in (placed, unplaced):
        services.incident_verify(actor=personas.analyst, incident=seen, verification="confirmed")
    alone = selectors.IncidentFilters(verification=("confirmed",), countries=("TJ",))
    with_category = selectors.IncidentFilters(verification=("confirmed",),
                                              categories=("drug_trafficking",))

    for wanted in (alone, with_category):
        with CaptureQueriesContext(connection) as queries:
            summary = selectors.situation_summary(viewer=personas.officer, filters=wanted)
        read = " ".join(q["sql"] for q in queries.captured_queries)
        # Both confirmed incidents count, in their own provinces; only the placed one is on
        # the map.
        assert summary.total == 2
        assert {c["country"]: c["count"] for c in summary.by_country} == {"TJ": 2}
        assert [c["count"] for c in summary.clusters] == [1]
        assert ("monitoring_tallyplacebyverification" in read) == (wanted is alone)
        assert ("monitoring_tallycountbyverification" in read) == (wanted is alone)
        assert ("monitoring_tallyunitbyverification" in read) == (wanted is with_category)
        assert "monitoring_incident" not in read
    assert tally.check() == []


def test_its_check_finds_drift_and_rebuild_repairs_it(personas):
    incident(personas.secretariat)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE monitoring_tallycount SET n2 = n2 + 5 WHERE span = 'w'")

    drift = tally.check()
    assert [(d.table, d.key[0]) for d in drift] == [("monitoring_tallycount", "w")]

    tally.rebuild()
    assert tally.check() == []


def _same_picture(a: selectors.Summary, b: selectors.Summary) -> None:
    assert (a.total, a.weeks, a.by_country, a.by_category, a.by_region) == (
        b.total, b.weeks, b.by_country, b.by_category, b.by_region)
    assert sorted(a.counts, key=repr) == sorted(b.counts, key=repr)
    assert len(a.clusters) == len(b.clusters)
    for mine, theirs in zip(sorted(a.clusters, key=lambda c: (c["count"], c["lat"])),
                            sorted(b.clusters, key=lambda c: (c["count"], c["lat"])), strict=True):
        assert (mine["count"], mine["severity"]) == (theirs["count"], theirs["severity"])
        assert math.isclose(mine["lat"], theirs["lat"], abs_tol=1e-3)
        assert math.isclose(mine["lon"], theirs["lon"], abs_tol=1e-3)


@pytest.mark.parametrize("filters", [
    {},
    {"date_from": date(2024, 3, 7), "date_to": date(2024, 6, 4)},  # a Thursday to a Tuesday
    {"date_from": date(2024, 3, 4), "date_to": date(2024, 3, 31)},  # whole weeks only
    {"date_from": date(2024, 5, 8), "date_to": date(2024, 5, 10)},  # inside one week
    {"date_from": date(2024, 10, 1)},
    {"date_to": date(2024, 2, 29)},
    {"date_from": date(2024, 1, 1), "date_to": date(2024, 12, 31), "severity": 3},
    {"countries": ("TJ", "AF")},
    {"countries": ("KG",), "severity": 2, "date_from": date(2024, 4, 3),
     "date_to": date(2024, 4, 3)},  # one day
    {"categories": ("drug_trafficking",)},
    {"categories": ("terrorism", "extremism", "border"), "countries": ("TJ", "RU", "AF"),
     "date_from": date(2024, 2, 14), "date_to": date(2024, 8, 1)},
    {"region": "tajik-afghan-border", "date_from": date(2024, 3, 7),
     "date_to": date(2024, 6, 4)},
    {"region": "csto", "categories": ("drug_trafficking", "border"), "severity": 2},
    {"region": "tajik-afghan-border", "countries": ("TJ",), "date_from": date(2024, 5, 8),
     "date_to": date(2024, 5, 10)},
    {"verification": ("confirmed",)},
    {"verification": ("confirmed", "disputed"), "categories": ("border", "battles"),
     "region": "tajik-afghan-border", "severity": 2, "date_from": date(2024, 3, 7),
     "date_to": date(2024, 9, 4)},
    {"verification": ("reported",), "countries": ("KG", "TJ"), "severity": 3},
    {"verification": ("disputed", "confirmed"), "countries": ("TJ",),
     "date_from": date(2024, 3, 7), "date_to": date(2024, 6, 4)},
    # The finer cells' months: whole, less their first and last days, with the ragged ends
    # added, across one month's end, and open at the end.
    {"date_from": date(2024, 4, 1), "date_to": date(2024, 6, 30)},
    {"date_from": date(2024, 3, 28), "date_to": date(2024, 7, 3), "countries": ("TJ", "KG")},
    {"date_from": date(2024, 4, 2), "date_to": date(2024, 6, 30), "countries": ("KG",)},
    {"date_from": date(2024, 2, 25), "date_to": date(2024, 5, 4), "severity": 2},
    {"date_from": date(2024, 7, 10), "date_to": date(2024, 8, 8)},
    {"date_from": date(2024, 11, 3)},
])
def test_the_picture_from_the_tallies_is_the_picture_from_the_incidents(personas, filters):
    services.incident_generate(actor=SYSTEM, count=1500, seed=2013, start=date(2024, 1, 1),
                               end=date(2024, 12, 31), originator=personas.secretariat)
    # A record its originator kept to itself, which only the tallies' label columns hide.
    incident(personas.state_b, classification=Classification.CONFIDENTIAL,
             release_to_all_members=False, occurred_on=date(2024, 5, 9))
    wanted = selectors.IncidentFilters(**filters)
    assert selectors.tallied(wanted, 4)

    # The finer cells and the towns' hold the map past the coarse ones unless a category, a
    # region or a verification narrows it.
    fine = not (wanted.categories or wanted.region or wanted.verification)
    town = fine and bool(wanted.countries)
    for viewer in personas.all().values():
        for zoom in (0, 3, 4, 6, *((7, 8, 10) if fine else ()), *((11, 12) if town else ())):
            _same_picture(picture._summary_from_tallies(viewer=viewer, filters=wanted, zoom=zoom),
                          picture._summary_from_incidents(viewer=viewer, filters=wanted,
                                                          zoom=zoom))
        # Past the tallies' cells, the counts still come from them and the map from the
        # incidents.
        for zoom in ((() if town else (11, 12)) if fine else (7, 10, 12)):
            assert not selectors.tallied(wanted, zoom)
            _same_picture(selectors.situation_summary(viewer=viewer, filters=wanted, zoom=zoom),
                          picture._summary_from_incidents(viewer=viewer, filters=wanted,
                                                          zoom=zoom))


@pytest.mark.parametrize("filters", [
    {"q": "khorugh", "date_from": date(2024, 3, 7), "date_to": date(2024, 6, 4)},
    {"q": "khorugh", "verification": ("confirmed", "disputed"), "severity": 2},
])
def test_the_picture_the_tallies_cannot_hold_is_added_up_from_the_incidents(personas, filters):
    services.incident_generate(actor=SYSTEM, count=800, seed=2014, start=date(2024, 1, 1),
                               end=date(2024, 12, 31), originator=personas.secretariat)
    wanted = selectors.IncidentFilters(**filters)
    assert not selectors.counted(wanted)

    for viewer in (personas.officer, personas.delegate_a, personas.anonymous):
        for zoom in (3, 8):
            summary = selectors.situation_summary(viewer=viewer, filters=wanted, zoom=zoom)
            rows = list(incident_list(viewer=viewer, filters=wanted)
                        .values_list("category", "country", "week", "latitude"))
            expected: dict[tuple[str, str, str], int] = {}
            for category, country, week, _ in rows:
                key = (category, country, week.isoformat())
                expected[key] = expected.get(key, 0) + 1
            assert {(c["category"], c["country"], c["week"]): c["count"]
                    for c in summary.counts} == expected
            assert summary.total == len(rows)
            assert sum(c["count"] for c in summary.clusters) == sum(
                1 for *_, latitude in rows if latitude is not None)


def test_the_picture_reads_the_tallies_unless_a_filter_is_not_kept_there(personas):
    incident(personas.secretariat)
    plain = selectors.IncidentFilters(date_from=date(2024, 6, 1), date_to=date(2024, 6, 30))

    with CaptureQueriesContext(connection) as queries:
        summary = selectors.situation_summary(viewer=personas.analyst, filters=plain, zoom=4)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert summary.total == 1
    assert "monitoring_tallycount" in sql and "monitoring_incident" not in sql
    with CaptureQueriesContext(connection) as queries:
        selectors.situation_summary(viewer=personas.analyst, filters=plain, zoom=tally.FINE_ZOOM)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "monitoring_tallycellfine" in sql and "monitoring_incident" not in sql
    in_tajikistan = selectors.IncidentFilters(date_from=date(2024, 6, 1),
                                              date_to=date(2024, 6, 30), countries=("TJ",))
    with CaptureQueriesContext(connection) as queries:
        town = selectors.situation_summary(viewer=personas.analyst, filters=in_tajikistan,
                                           zoom=tally.TOWN_ZOOM)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "monitoring_tallycelltown" in sql and "monitoring_incident" not in sql
    assert [(c["count"], c["lat"], c["lon"]) for c in town.clusters] == [(1, 37.24, 69.1)]

    for held in (selectors.IncidentFilters(categories=("terrorism", "border")),
                 selectors.IncidentFilters(region="tajik-afghan-border", countries=("TJ",)),
                 selectors.IncidentFilters(verification=("confirmed",))):
        assert selectors.tallied(held, 4)
    for narrower in (selectors.IncidentFilters(q="heroin"),
                     selectors.IncidentFilters(q="heroin", verification=("confirmed",))):
        assert not selectors.tallied(narrower, 4)
        assert not selectors.counted(narrower)
    assert selectors.tallied(plain, tally.FINE_ZOOM)
    assert not selectors.tallied(plain, tally.TOWN_ZOOM)
    assert selectors.tallied(in_tajikistan, tally.TOWN_ZOOM)
    assert not selectors.tallied(selectors.IncidentFilters(verification=("confirmed",)),
                                 tally.FINE_ZOOM)
    assert not selectors.tallied(selectors.IncidentFilters(categories=("border",)),
                                 tally.CELL_ZOOM + 1)
    assert selectors.counted(plain)


def test_a_state_sees_in_the_picture_only_what_it_may_read(personas):
    incident(personas.state_b, classification=Classification.CONFIDENTIAL,
             release_to_all_members=False, occurred_on=date(2024, 6, 6))
    incident(personas.secretariat, occurred_on=date(2024, 6, 6))
    june = selectors.IncidentFilters(date_from=date(2024, 6, 1),
                                     date_to=date(2024, 6, 1) + timedelta(days=29))

    def total(user):
        return selectors.situation_summary(viewer=user, filters=june).total

    assert total(personas.delegate_a) == 1  # Tajikistan's own record is not released to Russia
    assert total(personas.officer) == 1
    assert total(personas.delegate_b) == 1  # its own record is above its clearance
    assert total(personas.anonymous) == 0


def test_the_operator_checks_and_rebuilds_the_tallies_from_the_command_line(personas):
    incident(personas.secretariat)
    out = io.StringIO()
    call_command("situation", "tallies", stdout=out)
    assert "agree" in out.getvalue()

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM monitoring_tallyunit")
    with pytest.raises(CommandError, match="--rebuild"):
        call_command("situation", "tallies", stdout=io.StringIO())

    out = io.StringIO()
    call_command("situation", "tallies", "--rebuild", stdout=out)
    assert "monitoring_tallyunit: 2 rows" in out.getvalue()
    assert "agree" in out.getvalue()


def _plan(incidents) -> str:
    sql, params = incidents.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(("EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ")
                       + sql, params)
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


@pytest.mark.parametrize("floor", [3, 4])
def test_the_picture_of_severe_incidents_reads_their_own_index_and_matches_the_tallies(
        personas, floor):
    services.incident_generate(actor=SYSTEM, count=1500, seed=2015, start=date(2024, 1, 1),
                               end=date(2024, 12, 31), originator=personas.secretariat)
    # A severe record its originator kept to itself, which the label rule hides from others.
    incident(personas.state_b, classification=Classification.CONFIDENTIAL,
             release_to_all_members=False, occurred_on=date(2024, 5, 9), fatalities=30)
    with connection.cursor() as cursor:
        # Each engine picks its index from the statistics ANALYZE gathers.
        cursor.execute("ANALYZE monitoring_incident")
    wanted = selectors.IncidentFilters(date_from=date(2024, 3, 7), date_to=date(2024, 6, 4),
                                       severity=floor)
    assert picture.severe(wanted)
    assert not picture.severe(selectors.IncidentFilters(severity=floor - 2))

    for viewer in personas.all().values():
        for zoom in (4, 10, 12):
            with CaptureQueriesContext(connection) as queries:
                summary = selectors.situation_summary(viewer=viewer, filters=wanted, zoom=zoom)
            sql = " ".join(q["sql"] for q in queries.captured_queries)
            # Their own tally down to its cells, their own index past them.
            if zoom <= tally.CELL_ZOOM:
                assert "monitoring_tallysevere" in sql and "monitoring_incident" not in sql
            else:
                assert "monitoring_tally" not in sql
            # Held to a grouping of the incidents for each part of the picture, and where the
            # tallies reach that far, to them.
            _same_picture(summary, picture._summary_from_incidents(viewer=viewer,
                                                                   filters=wanted, zoom=zoom))
            if zoom <= tally.FINE_ZOOM:
                _same_picture(summary, picture._summary_from_tallies(viewer=viewer,
                                                                     filters=wanted, zoom=zoom))
    seen = selectors.situation_summary(viewer=personas.officer, filters=wanted)
    assert seen.total == incident_list(viewer=personas.officer, filters=wanted).count() > 0
    assert selectors.situation_summary(viewer=personas.delegate_a, filters=wanted).total \
        == incident_list(viewer=personas.delegate_a, filters=wanted).count()

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off" if connection.vendor == "postgresql"
                       else "SELECT 1")
    assert "monitoring_incident_severe" in _plan(
        incident_list(viewer=personas.analyst, filters=wanted).order_by()
        .values("category", "country", "week"))


@pytest.mark.parametrize(("start", "end"), [
    (date(2024, 4, 1), date(2024, 6, 30)), (date(2024, 3, 28), date(2024, 7, 3)),
    (date(2024, 2, 25), date(2024, 5, 4)), (date(2024, 7, 10), date(2024, 8, 8)),
    (date(2024, 5, 8), date(2024, 5, 10)), (date(2024, 1, 31), date(2024, 3, 1)),
    (date(2023, 12, 30), date(2024, 12, 2)), (date(2024, 2, 29), date(2024, 2, 29)),
])
def test_the_finer_cells_periods_count_each_day_of_the_period_once(start, end):
    counted: dict[date, int] = {}
    for sign, period in picture._monthly_periods(start, end):
        day = period.first
        last = {"d": period.last, "w": period.last + timedelta(days=6),
                "m": picture._month_end(period.last)}[period.span]
        while day <= last:
            counted[day] = counted.get(day, 0) + sign
            day += timedelta(days=1)
    assert {day for day, n in counted.items() if n} == {
        start + timedelta(days=k) for k in range((end - start).days + 1)}
    assert set(counted.values()) <= {0, 1}


def test_the_map_of_the_whole_area_past_the_coarse_cells_reads_whole_months_by_month(personas):
    incident(personas.secretariat, occurred_on=date(2024, 5, 9))
    wanted = selectors.IncidentFilters(date_from=date(2024, 4, 2), date_to=date(2024, 6, 30))
    with CaptureQueriesContext(connection) as queries:
        summary = selectors.situation_summary(viewer=personas.analyst, filters=wanted,
                                              zoom=tally.FINE_ZOOM)
    fine = [q["sql"] for q in queries.captured_queries if "monitoring_tallycellfine" in q["sql"]]
    assert any("'m'" in sql for sql in fine)
    assert sum(c["count"] for c in summary.clusters) == summary.total == 1


def test_a_generated_year_is_added_up_once_and_later_incidents_are_counted_again(
        personas, monkeypatch):
    monkeypatch.setattr(tally, "BULK_FROM", 300)
    with CaptureQueriesContext(connection) as bulk:
        services.incident_generate(actor=SYSTEM, count=400, seed=7, start=date(2024, 1, 1),
                                   end=date(2024, 12, 31), originator=personas.secretariat)
    assert any("DROP TRIGGER" in q["sql"] for q in bulk.captured_queries)
    assert tally.check() == []
    # Fewer than the table holds: moved by the triggers, which are back.
    with CaptureQueriesContext(connection) as few:
        services.incident_generate(actor=SYSTEM, count=350, seed=8, start=date(2024, 1, 1),
                                   end=date(2024, 12, 31), originator=personas.secretariat)
    assert not any("DROP TRIGGER" in q["sql"] for q in few.captured_queries)
    incident(personas.secretariat, occurred_on=date(2024, 5, 9))
    assert tally.check() == []
    wanted = selectors.IncidentFilters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    assert selectors.situation_summary(viewer=personas.officer, filters=wanted).total == 751


def test_the_severe_tally_follows_an_incident_into_and_out_of_severity(personas):
    grave = incident(personas.secretariat, fatalities=30)
    unplaced = incident(personas.secretariat, fatalities=12, latitude=None, longitude=None)
    mild = incident(personas.secretariat, fatalities=0)
    assert grave.severity >= SEVERE > mild.severity
    assert tally.SEVERE == SEVERE

    def held() -> tuple[int, int]:
        rows = TallySevere.objects.visible_to(personas.officer).filter(span="w")
        return (sum(row.n3 + row.n4 for row in rows),
                sum(row.n3 + row.n4 for row in rows if not row.placed))

    assert held() == (2, 1)
    services.incident_update(actor=personas.analyst, incident=mild, fatalities=40)
    assert held() == (3, 1)
    services.incident_update(actor=personas.analyst, incident=grave, fatalities=0)
    assert held() == (2, 1)
    services.incident_update(actor=personas.analyst, incident=unplaced, latitude=38.5,
                             longitude=68.8)
    assert held() == (2, 0)
    services.incident_merge(actor=personas.analyst, survivor=unplaced, duplicate=mild)
    assert held() == (1, 0)
    assert tally.check() == []
    assert not TallySevere.objects.visible_to(personas.officer).filter(
        n1=0, n2=0, n3=0, n4=0).exists()  # emptied rows are gone, not left at zero


@pytest.mark.parametrize("floor", [3, 4])
@pytest.mark.parametrize(("filters", "held"), [
    ({}, True),
    ({"date_from": date(2024, 3, 7), "date_to": date(2024, 6, 4)}, True),
    ({"date_from": date(2024, 5, 8), "date_to": date(2024, 5, 10)}, True),
    ({"countries": ("TJ", "AF"), "date_to": date(2024, 8, 30)}, True),
    ({"categories": ("terrorism", "border"), "countries": ("TJ", "KG")}, True),
    ({"region": "tajik-afghan-border", "date_from": date(2024, 2, 14)}, True),
    ({"region": "csto", "categories": ("drug_trafficking", "battles")}, True),
    # Kept by neither the severe tally's key nor its cells: the severe incidents' index.
    ({"verification": ("confirmed",)}, False),
    ({"verification": ("reported", "disputed"), "countries": ("TJ",)}, False),
    ({"q": "heroin"}, False),
])
def test_the_severe_tally_gives_the_picture_of_the_severe_incidents(personas, floor, filters,
                                                                     held):
    services.incident_generate(actor=SYSTEM, count=1500, seed=2016, start=date(2024, 1, 1),
                               end=date(2024, 12, 31), originator=personas.secretariat)
    # A severe record its originator kept to itself, and one without a place.
    incident(personas.state_b, classification=Classification.CONFIDENTIAL,
             release_to_all_members=False, occurred_on=date(2024, 5, 9), fatalities=30)
    incident(personas.secretariat, occurred_on=date(2024, 5, 9), fatalities=30, latitude=None,
             longitude=None)
    wanted = selectors.IncidentFilters(severity=floor, **filters)

    for viewer in personas.all().values():
        for zoom in (0, 3, 4, 6, 7, 12):
            assert picture.severe_tallied(wanted, zoom) == (held and zoom <= tally.CELL_ZOOM)
            with CaptureQueriesContext(connection) as queries:
                summary = selectors.situation_summary(viewer=viewer, filters=wanted, zoom=zoom)
            sql = " ".join(q["sql"] for q in queries.captured_queries)
            assert ("monitoring_tallysevere" in sql) == picture.severe_tallied(wanted, zoom)
            _same_picture(summary, picture._summary_from_incidents(viewer=viewer,
                                                                   filters=wanted, zoom=zoom))
            if floor == 4:
                assert all(cluster["severity"] == 4 for cluster in summary.clusters)
    seen = selectors.situation_summary(viewer=personas.officer, filters=wanted, zoom=4)
    assert seen.total == incident_list(viewer=personas.officer, filters=wanted).count() > 0
