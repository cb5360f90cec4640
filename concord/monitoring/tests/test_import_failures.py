"""Imports that fail: a file that cannot be read, above the limits, with a geometry or a
character Concord does not store; whichever interface started it, the import ends failed,
says why, and leaves nothing behind."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation
from openpyxl import Workbook

from concord.core.actors import SYSTEM
from concord.monitoring import formats, services
from concord.monitoring.formats import readers
from concord.monitoring.models import Incident, IncidentImport, TallyCount
from concord.monitoring.services import imports
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row, incident

NESTED = "The file nests its objects too deeply to be read as GeoJSON."
DEEP_GEOJSON = ('{"type": "FeatureCollection", "features": [' + "[" * 100_000
                + "]" * 100_000 + "]}")


def _import(party, data: str | bytes, fmt: str = "acled", **options):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return services.incident_import(actor=SYSTEM, stream=io.BytesIO(raw), fmt=fmt,
                                    originator=party, **options)


def _count() -> int:
    return Incident.objects.unscoped(reason="test").count()


def _russian(message: str) -> str:
    # Pages and the API answer in the working language; the task runs in the request's.
    with translation.override("ru"):
        return translation.gettext(message)


def _tallied() -> int:
    rows = TallyCount.objects.unscoped(reason="test").values_list("n1", "n2", "n3", "n4")
    return sum(sum(row) for row in rows)


def _feature(number: int, geometry: dict[str, Any] | None) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry,
            "properties": {"id": f"f{number}", "date": "2024-05-01", "country": "TJ",
                           "category": "border", "sub_category": "border_clash"}}


def _collection(*features: dict[str, Any]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _acled(rows: int) -> str:
    return "\n".join([ACLED_HEADER, *(acled_row(f"R{number}") for number in range(rows))])


def _workbook(rows: int) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "date", "country", "category", "sub_category"])
    for number in range(rows):
        sheet.append([f"w{number}", "2024-05-01", "KG", "terrorism", "attack_prevented"])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _upload(client, name: str, data: bytes, django_capture_on_commit_callbacks,
            **fields: str):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/monitoring/imports/new/", {
            "file": SimpleUploadedFile(name, data), "fmt": "", "classification": "1",
            **fields})


# --- Any error of a reader ends the import as failed, with a message --------------------------

def test_it_fails_a_deeply_nested_geojson_by_name_and_imports_nothing(personas):
    with pytest.raises(services.ImportFailed, match="nests"):
        _import(personas.secretariat, DEEP_GEOJSON, fmt="geojson", skip_bad_rows=True)

    assert _count() == 0


def test_it_shows_a_page_import_whose_file_cannot_be_read_as_failed(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)

    response = _upload(client, "deep.geojson", DEEP_GEOJSON.encode(),
                       django_capture_on_commit_callbacks)

    run = IncidentImport.objects.get()
    assert (run.status, run.created) == ("failed", 0)
    assert run.problems[0][1] == _russian(NESTED)
    page = client.get(response.url).content.decode()
    assert _russian(NESTED) in page
    assert "every 1s" not in page  # the page stops polling


def test_it_fails_a_page_import_on_an_unexpected_error_of_a_reader(
        client, personas, django_capture_on_commit_callbacks, monkeypatch):
    def broken(stream, *, acled, limits):
        raise KeyError("sheet")
        yield  # pragma: no cover - makes this a generator like the readers

    monkeypatch.setattr(readers, "read_csv", broken)
    client.force_login(personas.analyst)

    _upload(client, "june.csv", _acled(2).encode(), django_capture_on_commit_callbacks)

    run = IncidentImport.objects.get()
    assert run.status == "failed"
    assert "KeyError" in run.problems[0][1]
    assert _count() == 0


def test_it_says_in_one_line_on_the_command_line_why_a_file_cannot_be_read(
        personas, tmp_path, capsys):
    path = tmp_path / "deep.geojson"
    path.write_text(DEEP_GEOJSON, encoding="utf-8")

    with pytest.raises(CommandError) as failed:
        call_command("incidents", "import", str(path))

    message = str(failed.value)
    assert message.startswith("deep.geojson: ") and "nests" in message
    assert "\n" not in message
    assert "Traceback" not in capsys.readouterr().err
    assert _count() == 0


# --- A failed import counts nothing created -------------------------------------------------

def test_it_counts_nothing_created_when_a_late_bad_row_rejects_the_file(personas):
    text = "\n".join([_acled(6), acled_row("LATE", day="someday")])

    with pytest.raises(services.ImportRejected) as rejected:
        _import(personas.secretariat, text, batch_size=2)

    assert rejected.value.outcome.created == 0
    assert rejected.value.outcome.rows == 7
    assert _count() == 0


def test_it_shows_a_failed_page_import_with_nothing_added(
        client, personas, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(imports, "IMPORT_BATCH", 2)
    monkeypatch.setattr(imports, "COPY_BATCH", 2)
    client.force_login(personas.analyst)
    text = "\n".join([_acled(6), acled_row("LATE", day="someday")])

    response = _upload(client, "june.csv", text.encode(), django_capture_on_commit_callbacks)

    run = IncidentImport.objects.get()
    assert (run.status, run.created, run.rows_total) == ("failed", 0, 7)
    page = client.get(response.url).content.decode()
    assert _russian("Rows read: %(rows)s. Nothing was imported.") % {"rows": 7} in page
    done = _russian("%(rows)s rows: %(created)s incidents added, %(unchanged)s already there.")
    assert done % {"rows": 7, "created": 0, "unchanged": run.unchanged} not in page


def test_it_never_says_on_the_command_line_that_rows_of_a_failed_import_were_imported(
        personas, tmp_path, capsys):
    path = tmp_path / "june.csv"
    path.write_text("\n".join([_acled(3), acled_row("LATE", day="someday")]), encoding="utf-8")

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("incidents", "import", str(path))

    assert "incidents imported" not in capsys.readouterr().out


def test_it_leaves_nothing_and_counts_nothing_when_the_database_refuses_the_rows(
        personas, monkeypatch):
    # A row recorded by someone else after the file was checked: the database refuses the
    # second copy while the import writes.
    incident(personas.secretariat, external_id="acled:R2")
    monkeypatch.setattr(imports._KeyFinder, "recorded", lambda self, originator, keys: set())
    tallied = _tallied()

    with pytest.raises(services.ImportFailed, match="Nothing was imported"):
        _import(personas.secretariat, _acled(4))

    assert _count() == 1
    assert _tallied() == tallied


# --- Geometries other than a Point ---------------------------------------------------------

def test_it_refuses_a_polygon_naming_the_feature_and_the_geometry(personas):
    polygon = {"type": "Polygon", "coordinates": [[[69, 37], [70, 37], [70, 38], [69, 37]]]}
    text = _collection(_feature(1, {"type": "Point", "coordinates": [69.1, 37.2]}),
                       _feature(2, polygon), _feature(3, None))

    with pytest.raises(services.ImportRejected) as rejected:
        _import(personas.secretariat, text, fmt="geojson")

    [(line, reason)] = rejected.value.outcome.problems
    assert line == 2
    assert "feature 2" in reason and "Polygon" in reason
    assert _count() == 0


def test_it_imports_the_points_and_skips_a_line_when_asked(personas):
    line = {"type": "LineString", "coordinates": [[69, 37], [70, 38]]}
    text = _collection(_feature(1, {"type": "Point", "coordinates": [69.1, 37.2]}),
                       _feature(2, line))

    outcome = _import(personas.secretariat, text, fmt="geojson", skip_bad_rows=True)

    assert outcome.created == 1
    assert "LineString" in outcome.problems[0][1]
    assert Incident.objects.unscoped(reason="test").get().longitude == 69.1


# --- Control characters -------------------------------------------------------------------

def test_it_refuses_a_nul_byte_naming_line_column_and_character(personas):
    text = "\n".join([ACLED_HEADER, acled_row("A1"), acled_row("A2", notes="seized\x00 goods")])

    with pytest.raises(services.ImportRejected) as rejected:
        _import(personas.secretariat, text)

    [(line, reason)] = rejected.value.outcome.problems
    assert line == 3
    assert "notes" in reason and "U+0000" in reason
    assert _count() == 0


def test_it_refuses_a_control_character_in_a_one_line_field_of_geojson(personas):
    feature = _feature(1, None)
    feature["properties"]["location"] = "Panj\tcrossing"

    with pytest.raises(services.ImportRejected) as rejected:
        _import(personas.secretariat, _collection(feature), fmt="geojson")

    reason = rejected.value.outcome.problems[0][1]
    assert "location" in reason and "U+0009" in reason


def test_it_keeps_the_line_breaks_and_tabs_of_a_narrative(personas):
    text = "\n".join([ACLED_HEADER, acled_row("A1", notes="First line\n\tsecond line")])

    _import(personas.secretariat, text)

    assert Incident.objects.unscoped(reason="test").get().narrative == \
        "First line\n\tsecond line"


# --- Limits ---------------------------------------------------------------------------------

def test_it_refuses_a_csv_with_more_rows_than_the_limit_naming_both(personas, settings):
    settings.CONCORD_IMPORT_MAX_ROWS = 2

    with pytest.raises(services.ImportFailed) as failed:
        _import(personas.secretariat, _acled(5), skip_bad_rows=True)

    assert "5 data rows" in failed.value.detail
    assert "2" in failed.value.detail and "CONCORD_IMPORT_MAX_ROWS" in failed.value.detail
    assert _count() == 0


def test_it_refuses_geojson_and_workbooks_with_more_rows_than_the_limit(personas, settings):
    settings.CONCORD_IMPORT_MAX_ROWS = 2
    features = _collection(*(_feature(number, None) for number in range(3)))

    with pytest.raises(services.ImportFailed, match="3 data rows"):
        _import(personas.secretariat, features, fmt="geojson")
    with pytest.raises(services.ImportFailed, match="4 data rows"):
        _import(personas.secretariat, _workbook(4), fmt="xlsx")
    assert _count() == 0


def test_it_refuses_a_file_above_the_byte_limit_naming_size_and_limit(personas, settings):
    settings.CONCORD_IMPORT_MAX_BYTES = 2048
    text = _acled(20)

    with pytest.raises(services.ImportFailed) as failed:
        _import(personas.secretariat, text)

    assert f"{len(text.encode())} bytes" in failed.value.detail
    assert "2048" in failed.value.detail and "CONCORD_IMPORT_MAX_BYTES" in failed.value.detail


def test_it_refuses_a_workbook_that_inflates_past_the_limit_before_parsing_it(
        personas, settings, monkeypatch):
    settings.CONCORD_IMPORT_MAX_BYTES = 1 << 20
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 << 20))
    assert len(bomb.getvalue()) < 64 << 10
    parsed = []
    monkeypatch.setattr(readers, "read_xlsx", lambda stream, *, limits: parsed.append(1))

    with pytest.raises(services.ImportFailed) as failed:
        _import(personas.secretariat, bomb.getvalue(), fmt="xlsx")

    assert str(4 << 20) in failed.value.detail and "uncompressed" in failed.value.detail
    assert parsed == []


def test_it_refuses_an_upload_above_the_limit_on_the_page_at_once(client, personas, settings):
    settings.CONCORD_IMPORT_MAX_BYTES = 2048
    client.force_login(personas.analyst)

    response = client.post("/monitoring/imports/new/", {
        "file": SimpleUploadedFile("june.csv", _acled(20).encode()), "fmt": "",
        "classification": "1"})

    assert response.status_code == 400
    assert "CONCORD_IMPORT_MAX_BYTES" in response.content.decode()
    assert not IncidentImport.objects.exists()


def test_it_names_the_row_limit_on_the_command_line(personas, settings, tmp_path):
    settings.CONCORD_IMPORT_MAX_ROWS = 2
    path = tmp_path / "june.csv"
    path.write_text(_acled(3), encoding="utf-8")

    with pytest.raises(CommandError, match=r"3 data rows.*CONCORD_IMPORT_MAX_ROWS"):
        call_command("incidents", "import", str(path))


# --- The write lock -------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_it_reads_the_whole_file_before_it_takes_the_write_lock(personas, monkeypatch):
    # On SQLite a transaction holds the database's write lock from its first statement: every
    # other writer waits while one is open. The reading must happen before it.
    reading: list[bool] = []
    read = formats.read

    def watched(stream, fmt, limits=None):
        for row in read(stream, fmt, limits):
            reading.append(connection.in_atomic_block)
            yield row

    monkeypatch.setattr(formats, "read", watched)

    outcome = _import(personas.secretariat, _acled(5), batch_size=2)

    assert outcome.created == 5
    assert reading == [False] * 5


# --- The API --------------------------------------------------------------------------------

def _api_import(client, name: str, data: bytes, django_capture_on_commit_callbacks,
                **fields: str):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/api/v1/imports", {"file": SimpleUploadedFile(name, data), **fields})


def test_it_answers_an_api_import_of_an_unreadable_file_as_failed_with_the_reason(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)

    started = _api_import(client, "deep.geojson", DEEP_GEOJSON.encode(),
                          django_capture_on_commit_callbacks)

    assert started.status_code == 202
    answer = client.get(f"/api/v1/imports/{started.json()['id']}").json()
    assert (answer["status"], answer["created"]) == ("failed", 0)
    assert answer["problems"][0]["reason"] == _russian(NESTED)


def test_it_answers_an_api_import_rejected_late_with_nothing_created(
        client, personas, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(imports, "IMPORT_BATCH", 2)
    monkeypatch.setattr(imports, "COPY_BATCH", 2)
    client.force_login(personas.analyst)
    text = "\n".join([_acled(6), acled_row("LATE", day="someday")])

    started = _api_import(client, "june.csv", text.encode(), django_capture_on_commit_callbacks)

    answer = client.get(f"/api/v1/imports/{started.json()['id']}").json()
    assert (answer["status"], answer["rows"], answer["created"]) == ("failed", 7, 0)
    assert answer["problems"] == [{"line": 8, "reason": answer["problems"][0]["reason"]}]
    assert _count() == 0


def test_it_refuses_an_api_import_above_the_row_limit_at_once_naming_it(
        client, personas, settings, django_capture_on_commit_callbacks):
    settings.CONCORD_IMPORT_MAX_BYTES = 2048
    client.force_login(personas.analyst)

    refused = _api_import(client, "june.csv", _acled(20).encode(),
                          django_capture_on_commit_callbacks)

    assert refused.status_code == 422
    assert "CONCORD_IMPORT_MAX_BYTES" in refused.json()["detail"]
    assert not IncidentImport.objects.exists()


def test_it_imports_through_the_api_and_shows_the_import_only_to_its_starter(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)

    started = _api_import(client, "june.csv", _acled(2).encode(),
                          django_capture_on_commit_callbacks, classification="official_use")

    url = f"/api/v1/imports/{started.json()['id']}"
    answer = client.get(url).json()
    assert (answer["status"], answer["created"], answer["format"]) == ("done", 2, "acled")
    client.force_login(personas.officer)
    assert client.get(url).status_code == 404
    assert client.get("/api/v1/imports/not-an-id").status_code == 404


def test_it_refuses_at_once_an_upload_that_is_not_of_its_format(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)

    picture = _api_import(client, "photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                          django_capture_on_commit_callbacks)
    columns = _api_import(client, "list.csv", b"date,place\n2024-01-01,Panj\n",
                          django_capture_on_commit_callbacks)

    assert (picture.status_code, columns.status_code) == (422, 422)
    assert "event_id_cnty" not in picture.json()["detail"]
    assert "category" in columns.json()["detail"]
    assert not IncidentImport.objects.exists()


def test_it_lists_through_the_api_only_the_imports_the_caller_started(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)
    first = _api_import(client, "may.csv", _acled(1).encode(), django_capture_on_commit_callbacks)
    second = _api_import(client, "june.csv", _acled(2).encode(),
                         django_capture_on_commit_callbacks)

    listed = client.get("/api/v1/imports").json()
    assert listed["count"] == 2
    assert [item["id"] for item in listed["items"]] == [second.json()["id"], first.json()["id"]]
    assert client.get("/api/v1/imports", {"offset": 1}).json()["items"][0]["file_name"] == "may.csv"
    client.force_login(personas.officer)
    assert client.get("/api/v1/imports").json() == {"items": [], "count": 0}
