"""Round trips: a file the incident list exports, in any of its formats and from a Russian or an
English page, imported again adds nothing and changes nothing; imported on a node that does not
have them, it makes the same incidents. Coded values are read as codes or as labels in either
language, Concord's codes and ACLED's labels each for what they are."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import translation

from concord.core.actors import SYSTEM
from concord.core.exports import formula_safe, formula_text
from concord.core.labels import Classification
from concord.monitoring import services
from concord.monitoring.models import Incident, Reliability, SourceScale, Verification
from concord.monitoring.outputs import exports
from concord.monitoring.taxonomy import SUB_CATEGORIES, acled_labels, from_acled
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row, incident

FORMATS = ["acled", "csv", "xlsx", "geojson"]
LANGUAGES = ["ru", "en"]
# What every layout carries of an incident, and what only Concord's own layouts add.
ACLED_FIELDS = ("occurred_on", "time_precision", "country", "admin1", "admin2", "location",
                "latitude", "longitude", "geo_precision", "category", "sub_category", "actor1",
                "assoc_actor1", "actor2", "assoc_actor2", "fatalities", "narrative", "sources",
                "source_scale", "classification", "originator__code", "release_to_all_members")
OWN_FIELDS = (*ACLED_FIELDS, "occurred_at", "fatalities_low", "fatalities_high", "injured",
              "injured_low", "injured_high", "reliability", "credibility", "verification")


def _varied(personas) -> None:
    """Incidents of every kind an export must bring back: generated ones across the taxonomy,
    ACLED's event types whose labels read like Concord's codes, the coarsest precisions, every
    source scale, one that came from an ACLED file and one recorded by hand."""
    services.incident_generate(actor=SYSTEM, count=60, seed=11, start=date(2026, 1, 1),
                               end=date(2026, 6, 30), originator=personas.secretariat)
    for category, sub, scale in (("protests", "peaceful_protest", "national"),
                                 ("battles", "armed_clash", "subnational"),
                                 ("riots", "mob_violence", "international"),
                                 ("strategic", "other", "local")):
        incident(personas.secretariat, category=category, sub_category=sub, source_scale=scale,
                 time_precision=4, geo_precision=4, location=f"{category} place")
    services.incident_import(actor=SYSTEM, stream=io.BytesIO(
        "\n".join([ACLED_HEADER, acled_row("TJK77")]).encode()), fmt="acled",
        originator=personas.secretariat)
    # Text a spreadsheet would take for a formula, and text that looks already quoted.
    incident(personas.secretariat, narrative="=SUM(A1) painted on a wall", actor1="-Group",
             location="'=quoted", sources="+7 press service")


def _page_export(client, fmt: str, language: str) -> bytes:
    response = client.get("/monitoring/incidents/", {"format": fmt},
                          HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return bytes(response.content)


def _table() -> list[tuple[Any, ...]]:
    incidents = Incident.objects.unscoped(reason="test").order_by("pk")
    return [tuple(row.values()) for row in incidents.values()]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_it_adds_and_changes_nothing_when_a_page_export_is_imported_again(
        client, personas, fmt, language):
    _varied(personas)
    client.force_login(personas.analyst)
    readable = Incident.objects.visible_to(personas.analyst).count()
    data = _page_export(client, fmt, language)
    before = _table()

    with translation.override(language):
        outcome = services.incident_import(actor=personas.analyst, stream=io.BytesIO(data),
                                           fmt=fmt)

    assert (outcome.rows, outcome.created, outcome.unchanged, outcome.problems) == (
        readable, 0, readable, [])
    assert _table() == before


def _values(fields: tuple[str, ...]) -> list[tuple[Any, ...]]:
    rows = Incident.objects.unscoped(reason="test").values_list(*fields)
    return sorted(rows, key=repr)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_it_makes_the_same_incidents_on_a_node_that_lacks_them(client, personas, fmt, language):
    fields = ACLED_FIELDS if fmt == "acled" else OWN_FIELDS
    # Cleared for SECRET, the analyst exports every incident there is.
    personas.analyst.clearance = Classification.SECRET
    personas.analyst.save(update_fields=["clearance"])
    client.force_login(personas.analyst)
    with transaction.atomic():
        _varied(personas)
        original = _values(fields)
        data = _page_export(client, fmt, language)
        transaction.set_rollback(True)
    assert not Incident.objects.unscoped(reason="test").exists()

    outcome = services.incident_import(actor=SYSTEM, stream=io.BytesIO(data), fmt=fmt,
                                       originator=personas.secretariat)

    assert (outcome.created, outcome.problems) == (len(original), [])
    assert _values(fields) == original
    again = services.incident_import(actor=SYSTEM, stream=io.BytesIO(_page_export(
        client, fmt, language)), fmt=fmt, originator=personas.secretariat)
    assert (again.created, again.unchanged) == (0, len(original))


def test_it_finds_an_acled_event_again_in_any_format_by_its_event_id(client, personas):
    services.incident_import(actor=SYSTEM, stream=io.BytesIO(
        "\n".join([ACLED_HEADER, acled_row("TJK5")]).encode()), fmt="acled",
        originator=personas.secretariat)
    client.force_login(personas.analyst)

    for fmt in ("csv", "xlsx", "geojson"):
        data = _page_export(client, fmt, "ru")
        outcome = services.incident_import(actor=personas.analyst, stream=io.BytesIO(data),
                                           fmt=fmt)
        assert (outcome.created, outcome.unchanged) == (0, 1), fmt

    written = next(csv.DictReader(io.StringIO(
        _page_export(client, "csv", "ru").decode("utf-8-sig"))))
    assert written["id"] == "TJK5"


def test_it_writes_the_source_scale_as_a_code_from_a_russian_page(client, personas):
    incident(personas.secretariat, source_scale="national")
    client.force_login(personas.analyst)

    for fmt in ("acled", "csv"):
        row = next(csv.DictReader(io.StringIO(
            _page_export(client, fmt, "ru").decode("utf-8-sig"))))
        assert row["source_scale"] == "national", fmt


OWN_HEADER = "id,date,country,category,sub_category,source_scale,verification,reliability"


@pytest.mark.parametrize(("category", "sub"), [
    ("protests", "peaceful_protest"), ("Protests", "Peaceful protest"),
    ("PROTESTS", "peaceful protest")])
def test_it_reads_a_category_as_concords_codes_or_acleds_labels(personas, category, sub):
    text = f"{OWN_HEADER}\nP1,2026-03-01,KG,{category},{sub},,,"

    outcome = services.incident_import(actor=SYSTEM, stream=io.BytesIO(text.encode()),
                                       fmt="csv", originator=personas.secretariat)

    assert outcome.created == 1
    stored = Incident.objects.unscoped(reason="test").get()
    assert (stored.category, stored.sub_category) == ("protests", "peaceful_protest")


def test_it_refuses_a_code_paired_with_another_categorys_code(personas):
    text = f"{OWN_HEADER}\nP1,2026-03-01,KG,protests,armed_clash,,,"

    with pytest.raises(services.ImportRejected) as rejected:
        services.incident_import(actor=SYSTEM, stream=io.BytesIO(text.encode()), fmt="csv",
                                 originator=personas.secretariat)

    assert rejected.value.outcome.problems == [
        (2, "category 'protests' with sub-category 'armed_clash' is not in the taxonomy.")]


@pytest.mark.parametrize("spelling", ["code", "en", "ru"])
def test_it_reads_coded_values_as_codes_or_labels_in_either_language(personas, spelling):
    coded = (SourceScale.NATIONAL, Verification.CONFIRMED, Reliability.B)
    if spelling == "code":
        cells = [str(value) for value in coded]
    else:
        with translation.override(spelling):
            cells = [str(value.label) for value in coded]
    text = f"{OWN_HEADER}\nP1,2026-03-01,KG,terrorism,attack_prevented,{','.join(cells)}"

    outcome = services.incident_import(actor=SYSTEM, stream=io.BytesIO(text.encode()),
                                       fmt="csv", originator=personas.secretariat)

    assert outcome.created == 1, cells
    stored = Incident.objects.unscoped(reason="test").get()
    assert (stored.source_scale, stored.verification, stored.reliability) == (
        "national", "confirmed", "B")


def test_it_reads_every_pair_of_the_taxonomy_back_in_either_spelling():
    """Every (category, sub-category) of the taxonomy, written by either layout, reads back as
    itself."""
    for sub in SUB_CATEGORIES:
        _disorder, event_type, sub_event_type = acled_labels(sub.category, sub.code)
        assert from_acled(event_type, sub_event_type) == (sub.category, sub.code)
        assert from_acled(sub.category, sub.code) == (sub.category, sub.code)


def test_it_names_the_export_formats_the_list_offers(client, personas):
    client.force_login(personas.analyst)

    page = client.get("/monitoring/incidents/").content.decode()

    for fmt in exports.EXPORT_FORMATS:
        assert f"format={fmt}" in page


# --- Every problem of a row -------------------------------------------------------------------

OWN_LABELLED = f"{OWN_HEADER},fatalities,classification"
# One row with five problems, between two good rows.
FIVE_PROBLEMS = "\n".join([
    OWN_LABELLED,
    "G1,2026-03-01,KG,terrorism,attack_prevented,national,confirmed,B,0,public",
    "B1,someday,Atlantis,terrorism,attack_prevented,galactic,confirmed,B,-3,topsecret",
    "G2,2026-03-02,KG,terrorism,attack_prevented,national,confirmed,B,0,public",
]) + "\n"
EXPECTED = [(3, "date", "someday"), (3, "country", "Atlantis"),
            (3, "source_scale", "galactic"), (3, "fatalities", "-3"),
            (3, "classification", "topsecret")]


def _named(problems: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """Each expected (line, column, value) with the problem that names them."""
    found = []
    for line, column, value in EXPECTED:
        matching = [reason for at, reason in problems
                    if at == line and column in reason and value in reason]
        assert len(matching) == 1, (column, problems)
        found.append((line, column, value))
    return found


def test_it_reports_every_problem_of_a_row_naming_line_column_and_value(personas):
    with pytest.raises(services.ImportRejected) as rejected:
        services.incident_import(actor=SYSTEM, stream=io.BytesIO(FIVE_PROBLEMS.encode()),
                                 fmt="csv", originator=personas.secretariat)

    outcome = rejected.value.outcome
    assert len(outcome.problems) == len(EXPECTED)
    assert _named(outcome.problems) == EXPECTED
    assert outcome.bad_rows == 1
    assert str(rejected.value.detail).startswith("1 rows cannot be imported")
    assert not Incident.objects.unscoped(reason="test").exists()


def test_it_reports_every_problem_of_an_acled_row(personas):
    text = "\n".join([ACLED_HEADER, acled_row("A1", day="someday", event_type="Battles",
                                              sub="Picnic", iso="999", country="Atlantis",
                                              fatalities="many")])

    with pytest.raises(services.ImportRejected) as rejected:
        services.incident_import(actor=SYSTEM, stream=io.BytesIO(text.encode()), fmt="acled",
                                 originator=personas.secretariat)

    reasons = [reason for _, reason in rejected.value.outcome.problems]
    assert len(reasons) == 4
    for value in ("someday", "Picnic", "Atlantis", "many"):
        assert sum(value in reason for reason in reasons) == 1, (value, reasons)


def test_it_skips_a_row_with_several_problems_as_one_bad_row(personas):
    outcome = services.incident_import(actor=SYSTEM, stream=io.BytesIO(FIVE_PROBLEMS.encode()),
                                       fmt="csv", originator=personas.secretariat,
                                       skip_bad_rows=True)

    assert (outcome.created, outcome.bad_rows, len(outcome.problems)) == (2, 1, 5)


def test_it_shows_every_problem_of_a_row_on_the_import_page_and_the_api(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post("/api/v1/imports", {
            "file": SimpleUploadedFile("bad.csv", FIVE_PROBLEMS.encode())})
    answer = client.get(f"/api/v1/imports/{started.json()['id']}").json()
    page = client.get(f"/monitoring/imports/{started.json()['id']}/").content.decode()

    assert (answer["status"], answer["created"]) == ("failed", 0)
    assert _named([(p["line"], p["reason"]) for p in answer["problems"]]) == EXPECTED
    for _line, _column, value in EXPECTED:
        assert value in page


def test_it_prints_every_problem_of_a_row_on_the_command_line(personas, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(FIVE_PROBLEMS, encoding="utf-8")

    with pytest.raises(CommandError) as failed:
        call_command("incidents", "import", str(path))

    assert str(failed.value).startswith("1 bad rows: nothing was imported")
    printed = capsys.readouterr().err.splitlines()
    assert _named([(int(line.split(":")[0].removeprefix("line ")), line)
                   for line in printed if line.startswith("line ")]) == EXPECTED


@pytest.mark.parametrize("text", ["=1+1", "-Group", "  @SUM(A1)", "'=quoted", "''=twice",
                                  "-5", "'-5", "plain", "'plain", ""])
def test_it_takes_off_only_the_quote_a_spreadsheet_export_put_on(text):
    assert formula_text(formula_safe(text)) == text
