"""Importing files of incidents: both ACLED layouts, the own CSV, XLSX and GeoJSON; encodings;
bad rows with their line numbers; whole-or-nothing; re-imports that add nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from concord.core.actors import SYSTEM
from concord.core.models import AuditEntry, Party
from concord.monitoring import services
from concord.monitoring.models import Incident
from concord.monitoring.tests.factories import (
    ACLED_HEADER,
    ACLED_LEGACY_HEADER,
    acled_legacy_row,
    acled_row,
)


def _import(party: Party, text: str | bytes, fmt: str = "acled", **options):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return services.incident_import(actor=SYSTEM, stream=io.BytesIO(data), fmt=fmt,
                                    originator=party, **options)


def _all():
    return Incident.objects.unscoped(reason="test").order_by("occurred_on", "external_id")


def test_it_imports_the_acled_layout_published_since_2023(personas):
    text = "\n".join([ACLED_HEADER, acled_row("TJK1"), acled_row("TJK2", fatalities="0",
                                                                    event_type="Protests",
                                                                    sub="Peaceful protest")])

    outcome = _import(personas.secretariat, text)

    assert (outcome.created, outcome.problems) == (2, [])
    clash = _all().get(external_id="acled:TJK1")
    assert (clash.category, clash.sub_category) == ("battles", "armed_clash")
    assert (clash.country, clash.admin1, clash.location) == ("TJ", "Khatlon", "Panj")
    assert clash.fatalities == 2
    assert clash.extra["interaction"] == "13"
    assert clash.source_scale == "national"


def test_it_imports_the_older_acled_layout_with_written_out_dates(personas):
    text = "\n".join([ACLED_LEGACY_HEADER, acled_legacy_row()])

    outcome = _import(personas.secretariat, text)

    assert outcome.created == 1
    arrest = _all().get()
    assert arrest.occurred_on.isoformat() == "2013-09-23"
    assert (arrest.category, arrest.sub_category) == ("strategic", "arrests")
    assert arrest.narrative == "Arrests, in Dushanbe"  # the quoted comma stays in the text


def test_it_reads_utf8_with_a_byte_order_mark_and_cyrillic(personas):
    text = "\n".join([ACLED_HEADER, acled_row(notes="Задержаны, с грузом героина",
                                              country="Таджикистан", location="Пяндж")])

    outcome = _import(personas.secretariat, b"\xef\xbb\xbf" + text.encode("utf-8"))

    assert outcome.created == 1
    incident = _all().get()
    assert incident.narrative == "Задержаны, с грузом героина"
    assert incident.location == "Пяндж"


def test_it_reports_every_bad_row_with_its_line_and_imports_nothing(personas):
    text = "\n".join([ACLED_HEADER, acled_row("A1"), acled_row("A2", day="yesterday"),
                      acled_row("A3"), acled_row("A4", event_type="Battles", sub="Picnic"),
                      acled_row("A5", iso="250", country="France")])

    with pytest.raises(services.ImportRejected) as rejected:
        _import(personas.secretariat, text)

    lines = [line for line, _ in rejected.value.outcome.problems]
    assert lines == [3, 5, 6]
    reasons = [reason for _, reason in rejected.value.outcome.problems]
    assert "event_date" in reasons[0]
    assert "Picnic" in reasons[1]
    assert "France" in reasons[2]
    assert not _all().exists()


def test_it_imports_the_good_rows_when_asked_to_skip_bad_ones(personas):
    text = "\n".join([ACLED_HEADER, acled_row("A1"), acled_row("A2", fatalities="many"),
                      acled_row("A3")])

    outcome = _import(personas.secretariat, text, skip_bad_rows=True)

    assert outcome.created == 2
    assert outcome.problems == [(3, outcome.problems[0][1])]
    assert "fatalities" in outcome.problems[0][1]
    assert sorted(_all().values_list("external_id", flat=True)) == ["acled:A1", "acled:A3"]


def test_it_adds_nothing_when_the_same_file_is_imported_again(personas):
    text = "\n".join([ACLED_HEADER, acled_row("A1"), acled_row("A2")])
    _import(personas.secretariat, text)

    again = _import(personas.secretariat, text)

    assert (again.created, again.unchanged) == (0, 2)
    assert _all().count() == 2


def test_it_writes_one_audit_entry_per_import_with_its_counts(personas):
    text = "\n".join([ACLED_HEADER, acled_row("A1"), acled_row("A2")])

    _import(personas.secretariat, text, file_name="june.csv")

    entries = AuditEntry.objects.filter(action="monitoring.incident.import")
    assert entries.count() == 1
    assert '"created":2' in entries.get().detail


def test_it_rejects_a_file_without_the_acled_columns(personas):
    with pytest.raises(services.ImportRejected) as rejected:
        _import(personas.secretariat, "date,place\n2024-01-01,Panj\n")

    assert rejected.value.outcome.problems[0][0] == 1
    assert "event_id_cnty" in rejected.value.outcome.problems[0][1]


OWN = ("id,date,country,admin1,location,latitude,longitude,category,sub_category,fatalities,"
       "fatalities_low,fatalities_high,narrative,reliability,credibility,verification\n")


def test_it_imports_the_own_csv_with_ranges_and_grading(personas):
    text = OWN + ('k1,2024-05-01,TJ,Khatlon,Panj,37.2,69.1,border,border_clash,3,2,5,'
                  '"Exchange of fire, two posts",B,2,confirmed\n')

    outcome = _import(personas.secretariat, text, fmt="csv")

    assert outcome.created == 1
    clash = _all().get()
    assert (clash.fatalities_low, clash.fatalities, clash.fatalities_high) == (2, 3, 5)
    assert (clash.reliability, clash.credibility, clash.verification) == ("B", 2, "confirmed")
    assert clash.severity == 3


def test_it_refuses_a_range_that_does_not_contain_the_best_figure(personas):
    text = OWN + "k1,2024-05-01,TJ,Khatlon,Panj,37.2,69.1,border,border_clash,3,4,5,x,B,2,\n"

    with pytest.raises(services.ImportRejected) as rejected:
        _import(personas.secretariat, text, fmt="csv")

    assert "range" in rejected.value.outcome.problems[0][1]


def test_it_identifies_own_rows_without_an_id_by_their_content(personas):
    text = ("date,country,category,sub_category\n2024-05-01,KG,terrorism,attack_prevented\n"
            "2024-05-02,KG,terrorism,attack_prevented\n")
    _import(personas.secretariat, text, fmt="csv")

    again = _import(personas.secretariat, text, fmt="csv")

    assert (again.created, again.unchanged) == (0, 2)


def test_it_reports_the_line_of_a_bad_row_in_a_workbook(personas):
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "date", "country", "category", "sub_category", "fatalities"])
    sheet.append(["w1", "2024-05-01", "KG", "terrorism", "attack_prevented", 0])
    sheet.append(["w2", "2024-05-02", "KG", "terrorism", "attack_prevented", -3])
    data = io.BytesIO()
    book.save(data)

    with pytest.raises(services.ImportRejected) as rejected:
        _import(personas.secretariat, data.getvalue(), fmt="xlsx")

    assert [line for line, _ in rejected.value.outcome.problems] == [3]


def test_it_reports_a_bad_geojson_feature_by_its_number(personas):
    text = ('{"type": "FeatureCollection", "features": ['
            '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [69.1, 37.2]},'
            ' "properties": {"date": "2024-05-01", "country": "TJ", "category": "border",'
            ' "sub_category": "border_clash"}},'
            '{"type": "Feature", "geometry": null, "properties": {"date": "2024-05-01",'
            ' "country": "TJ", "category": "border", "sub_category": "earthquake"}}]}')

    outcome = _import(personas.secretariat, text, fmt="geojson", skip_bad_rows=True)

    assert outcome.created == 1
    assert outcome.problems[0][0] == 2
    assert _all().get().latitude == 37.2


LABELLED_HEADER = ACLED_HEADER + ",classification,originator,release_to_all_members,releasable_to"


def test_it_refuses_a_row_above_the_importers_clearance_naming_line_column_and_value(personas):
    text = "\n".join([LABELLED_HEADER, acled_row("L1") + ",confidential,SEC,true,",
                      acled_row("L2") + ",secret,SEC,false,RU", acled_row("L3") + ",,,,"])

    with pytest.raises(services.ImportRejected) as rejected:
        services.incident_import(actor=personas.analyst, stream=io.BytesIO(text.encode()),
                                 fmt="acled")

    assert rejected.value.errors == {"line 3": [rejected.value.outcome.problems[0][1]]}
    reason = rejected.value.outcome.problems[0][1]
    assert "classification" in reason and "'secret'" in reason and "clearance" in reason
    assert not _all().exists()


def test_it_labels_each_row_as_the_file_says_and_the_others_as_the_import(personas):
    text = "\n".join([LABELLED_HEADER, acled_row("L1") + ",confidential,SEC,false,TJ;RU",
                      acled_row("L2") + ",,,,"])

    outcome = services.incident_import(actor=personas.analyst, stream=io.BytesIO(text.encode()),
                                       fmt="acled", classification=0)

    assert outcome.created == 2
    labelled, plain = _all().get(external_id="acled:L1"), _all().get(external_id="acled:L2")
    assert (labelled.classification, labelled.originator.code,
            labelled.release_to_all_members) == (2, "SEC", False)
    assert sorted(p.code for p in labelled.releasable_to.all()) == ["RU", "TJ"]
    assert labelled.release_mask == personas.state_a.release_flag | personas.state_b.release_flag
    assert (plain.classification, plain.originator.code, plain.release_to_all_members) == (
        0, "SEC", True)


def test_it_refuses_unknown_parties_and_label_values_by_line(personas):
    text = "\n".join([LABELLED_HEADER, acled_row("L1") + ",top secret,SEC,false,",
                      acled_row("L2") + ",official_use,SEC,perhaps,",
                      acled_row("L3") + ",official_use,SEC,false,RU;XX",
                      acled_row("L4") + ",official_use,ZZ,false,",
                      acled_row("L5") + ",official_use,RU,false,",
                      acled_row("L6") + ",,SEC,false,"])

    with pytest.raises(services.ImportRejected) as rejected:
        services.incident_import(actor=personas.analyst, stream=io.BytesIO(text.encode()),
                                 fmt="acled")

    problems = dict(rejected.value.outcome.problems)
    assert sorted(problems) == [2, 3, 4, 5, 6, 7]
    assert "classification" in problems[2] and "'top secret'" in problems[2]
    assert "release_to_all_members" in problems[3] and "'perhaps'" in problems[3]
    assert "releasable_to" in problems[4] and "'XX'" in problems[4]
    assert "originator" in problems[5] and "'ZZ'" in problems[5]
    # A user records in their own party's name only.
    assert "originator" in problems[6] and "'RU'" in problems[6]
    assert "classification" in problems[7]
    assert not _all().exists()
