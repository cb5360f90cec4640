"""The readers of whole files: the limits a file is held to before any of it is parsed, then
its rows one by one, from CSV, XLSX and GeoJSON."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO, Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from concord.core.exports import formula_text
from concord.monitoring.formats.rows import (
    ACLED_REQUIRED,
    OWN_REQUIRED,
    FileRefused,
    Limits,
    Row,
    RowError,
    _row,
    acled_values,
    configured_limits,
    own_values,
)

# How much of a file is read to refuse it early: enough for any header line in practice.
LOOK_AHEAD = 64 << 10
# The header line is whole in the look-ahead only when another line starts after it.
HEADER_AND_NEXT_LINE = 2
# A GeoJSON position is longitude, latitude and, optionally, altitude.
LONGITUDE_LATITUDE = 2


def _decoded(stream: IO[bytes]) -> IO[str]:
    # utf-8-sig reads UTF-8 with or without the byte-order mark that spreadsheet software adds.
    return io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")


def _check_header(header: list[str], required: frozenset[str]) -> None:
    missing = sorted(required - set(header))
    if missing:
        raise RowError(_("The file lacks the columns: %(columns)s.")
                       % {"columns": ", ".join(missing)})


def _too_many_rows(rows: int, limits: Limits) -> FileRefused:
    return FileRefused(_("The file has %(rows)s data rows, above the limit of %(limit)s "
                         "(CONCORD_IMPORT_MAX_ROWS).") % {"rows": rows, "limit": limits.max_rows})


def _too_large(message: str, size: int, limits: Limits) -> FileRefused:
    return FileRefused(message % {"size": size, "limit": limits.max_bytes})


def check_size(stream: IO[bytes], fmt: str, limits: Limits) -> None:
    """Refuses a file above the byte limit before any of it is parsed. A workbook is a zip
    archive: its members' sizes, as declared and then as actually inflated, are added up, so
    that a small archive that inflates to gigabytes is refused without being parsed."""
    start = stream.tell()
    size = stream.seek(0, io.SEEK_END) - start
    stream.seek(start)
    if size > limits.max_bytes:
        raise _too_large(_("The file holds %(size)s bytes, above the limit of %(limit)s "
                             "(CONCORD_IMPORT_MAX_BYTES)."), size, limits)
    if fmt != "xlsx":
        return
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError) as error:
        raise FileRefused(_("The file is not an XLSX workbook: %(error)s")
                          % {"error": error}) from error
    with archive:
        members = archive.infolist()
        declared = sum(member.file_size for member in members)
        if declared > limits.max_bytes:
            raise _too_large(_("The workbook declares %(size)s bytes uncompressed, above the "
                               "limit of %(limit)s (CONCORD_IMPORT_MAX_BYTES)."), declared, limits)
        inflated = 0
        try:
            for member in members:
                with archive.open(member) as content:
                    while chunk := content.read(1 << 20):
                        inflated += len(chunk)
                        if inflated > limits.max_bytes:
                            raise _too_large(_("The workbook holds at least %(size)s bytes "
                                               "uncompressed, above the limit of %(limit)s "
                                               "(CONCORD_IMPORT_MAX_BYTES)."), inflated, limits)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
            raise FileRefused(_("The workbook is damaged: %(error)s")
                              % {"error": error}) from error
    stream.seek(start)


def check_start(stream: IO[bytes], fmt: str) -> None:
    """Refuses at once a file whose first bytes show it is not of its format (a CSV that is not
    UTF-8 or lacks required columns, a GeoJSON file that is no JSON object), so that an upload
    can be refused before it is queued; the readers check the same, and everything else."""
    start = stream.tell()
    head = stream.read(LOOK_AHEAD)
    stream.seek(start)
    if fmt == "geojson":
        if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            raise FileRefused(_("The file is not a GeoJSON FeatureCollection."))
        return
    if fmt not in ("acled", "csv"):
        return
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not just a character cut by the 64 KiB read
            raise FileRefused(_("The file is not UTF-8 CSV: %(error)s")
                              % {"error": error}) from error
        text = head[:error.start].decode("utf-8-sig")
    lines = text.splitlines()
    if len(lines) < HEADER_AND_NEXT_LINE and len(head) == LOOK_AHEAD:
        return  # a header longer than the look: the reader checks it
    header = [name.strip() for name in next(csv.reader(lines[:1]), [])]
    try:
        _check_header(header, ACLED_REQUIRED if fmt == "acled" else OWN_REQUIRED)
    except RowError as error:
        raise FileRefused(str(error)) from error


def _unquoted(raw: dict[str, Any]) -> dict[str, Any]:
    # Spreadsheet cells that would start a formula are written behind a quote; a file read
    # back has it taken off, so that the incident comes back as it was written.
    return {name: formula_text(value) for name, value in raw.items()}


def read_csv(stream: IO[bytes], *, acled: bool, limits: Limits) -> Iterator[Row]:
    text = _decoded(stream)
    reader = csv.DictReader(text)
    try:
        header = [name.strip() for name in (reader.fieldnames or [])]
    except (UnicodeDecodeError, csv.Error) as error:
        yield Row(1, None, _("The file is not UTF-8 CSV: %(error)s") % {"error": error})
        return
    reader.fieldnames = header
    try:
        _check_header(header, ACLED_REQUIRED if acled else OWN_REQUIRED)
    except RowError as error:
        yield Row(1, None, str(error))
        return

    convert = acled_values if acled else own_values
    rows = 0
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            return
        except (UnicodeDecodeError, csv.Error) as error:
            yield Row(reader.line_num, None, str(error))
            return
        rows += 1
        if rows > limits.max_rows:
            # The rest is only counted, so that the refusal says how many rows the file has.
            with contextlib.suppress(UnicodeDecodeError, csv.Error):
                for _rest in reader:
                    rows += 1
            raise _too_many_rows(rows, limits)
        if None in raw:
            yield Row(reader.line_num, None, _("the row has more cells than the header."))
            continue
        yield _row(reader.line_num, _unquoted(raw), convert)


def read_xlsx(stream: IO[bytes], *, limits: Limits) -> Iterator[Row]:
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        yield Row(1, None, _("The file is not an XLSX workbook: %(error)s") % {"error": error})
        return
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        header = [str(cell or "").strip() for cell in (first or ())]
        try:
            _check_header(header, OWN_REQUIRED)
        except RowError as error:
            yield Row(1, None, str(error))
            return
        filled = ((line, cells) for line, cells in enumerate(rows, start=2)
                  if any(cell not in (None, "") for cell in cells))
        for count, (line, cells) in enumerate(filled, start=1):
            if count > limits.max_rows:
                raise _too_many_rows(count + sum(1 for _ in filled), limits)
            yield _row(line, _unquoted(dict(zip(header, cells, strict=False))), own_values)
    finally:
        book.close()


def _feature_properties(number: int, feature: Any) -> dict[str, Any]:
    """A feature's properties, with its Point's coordinates as longitude and latitude. An
    incident happened at one place: any other geometry is refused, never reduced to a point."""
    if not isinstance(feature, dict):
        raise RowError(_("feature %(number)s is not a GeoJSON Feature.") % {"number": number})
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        raise RowError(_("feature %(number)s: its properties are not an object.")
                       % {"number": number})
    properties = dict(properties)
    geometry = feature.get("geometry")
    if geometry is None:
        return properties
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind != "Point":
        raise RowError(_("feature %(number)s: the geometry is %(kind)s, not a Point; an "
                         "incident's place is one point (or no geometry).")
                       % {"number": number, "kind": kind if isinstance(kind, str) else "?"})
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) < LONGITUDE_LATITUDE:
        raise RowError(_("feature %(number)s: the Point has no longitude and latitude.")
                       % {"number": number})
    properties["longitude"], properties["latitude"] = coordinates[0], coordinates[1]
    return properties


def read_geojson(stream: IO[bytes], *, limits: Limits) -> Iterator[Row]:
    try:
        document = json.load(_decoded(stream))
    except RecursionError as error:
        raise FileRefused(_("The file nests its objects too deeply to be read as GeoJSON.")) \
            from error
    except (ValueError, UnicodeDecodeError) as error:
        yield Row(1, None, _("The file is not GeoJSON: %(error)s") % {"error": error})
        return
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        yield Row(1, None, _("The file is not a GeoJSON FeatureCollection."))
        return
    if len(features) > limits.max_rows:
        raise _too_many_rows(len(features), limits)
    for number, feature in enumerate(features, start=1):
        # GeoJSON has no lines: a feature's number stands for its line.
        try:
            properties = _feature_properties(number, feature)
        except RowError as error:
            yield Row(number, None, str(error))
            continue
        yield _row(number, properties, own_values)


def read(stream: IO[bytes], fmt: str, limits: Limits | None = None) -> Iterator[Row]:
    """The rows of a file, after its size is checked against `limits` (the configured ones by
    default); raises FileRefused when the file as a whole cannot be read, possibly after some
    rows were yielded."""
    limits = limits or configured_limits()
    check_size(stream, fmt, limits)
    if fmt == "acled":
        return read_csv(stream, acled=True, limits=limits)
    if fmt == "csv":
        return read_csv(stream, acled=False, limits=limits)
    if fmt == "xlsx":
        return read_xlsx(stream, limits=limits)
    if fmt == "geojson":
        return read_geojson(stream, limits=limits)
    raise ValueError(fmt)


def guess_format(name: str, head: bytes) -> str:
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return "xlsx"
    if lower.endswith((".geojson", ".json")):
        return "geojson"
    first_line = head.decode("utf-8-sig", errors="replace").splitlines()[0] if head else ""
    return "acled" if "event_id_cnty" in first_line else "csv"
