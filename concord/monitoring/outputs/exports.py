"""Writing a selection of incidents as ACLED CSV, Concord's own CSV, XLSX or GeoJSON. What is
written is what the viewer may read: the selection comes from the scoped selector, and the
export is audited once with its size and the highest label in it. Every row carries its
incident's label in the label columns (concord.core.marking), after ACLED's own columns in ACLED
CSV and as feature properties in GeoJSON, so that the file imported again is labelled as the
incidents were."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from django.db import transaction
from openpyxl import Workbook

from concord.core.actors import Viewer
from concord.core.audit import audit_record
from concord.core.exports import formula_safe
from concord.core.marking import LABEL_COLUMNS, label_cells
from concord.monitoring import selectors
from concord.monitoring.formats import ACLED_COLUMNS, OWN_COLUMNS, file_id
from concord.monitoring.geography import BY_ALPHA2
from concord.monitoring.models import GeoPrecision, Incident, IncidentImport, TimePrecision
from concord.monitoring.taxonomy import acled_labels

EXPORT_FORMATS = ("acled", "csv", "xlsx", "geojson")
CONTENT_TYPES = {
    "acled": "text/csv; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
}
EXTENSIONS = {"acled": "csv", "csv": "csv", "xlsx": "xlsx", "geojson": "geojson"}
# Text formats that begin with a byte-order mark, so that spreadsheet software opens Cyrillic
# as UTF-8.
MARKED_FORMATS = frozenset({"acled", "csv"})
_TIME_NAMES: dict[int, str] = {int(v): k for k, v in {"day": TimePrecision.DAY, "week": TimePrecision.WEEK,
                                 "month": TimePrecision.MONTH, "year": TimePrecision.YEAR}.items()}
_GEO_NAMES: dict[int, str] = {int(v): k for k, v in {"exact": GeoPrecision.EXACT, "near": GeoPrecision.NEAR,
                                "region": GeoPrecision.REGION,
                                "country": GeoPrecision.COUNTRY}.items()}


def acled_row(incident: Incident) -> list[Any]:
    disorder, event_type, sub_event_type = acled_labels(incident.category, incident.sub_category)
    extra = incident.extra or {}
    country = BY_ALPHA2[incident.country]
    values = {
        "event_id_cnty": file_id(incident.external_id or "", incident.public_id),
        "event_date": incident.occurred_on.isoformat(), "year": incident.occurred_on.year,
        # ACLED codes 1 to 3; Concord's 4 (the year, the country only) is written as itself
        # rather than rounded to 3, so that the file reads back as the same incident.
        "time_precision": int(incident.time_precision),
        "disorder_type": extra.get("disorder_type", disorder), "event_type": event_type,
        "sub_event_type": sub_event_type, "actor1": incident.actor1,
        "assoc_actor_1": incident.assoc_actor1, "actor2": incident.actor2,
        "assoc_actor_2": incident.assoc_actor2, "iso": int(country.numeric),
        "country": country.name_en, "admin1": incident.admin1, "admin2": incident.admin2,
        "location": incident.location,
        "latitude": "" if incident.latitude is None else f"{incident.latitude:.4f}",
        "longitude": "" if incident.longitude is None else f"{incident.longitude:.4f}",
        "geo_precision": int(incident.geo_precision), "source": incident.sources,
        # ACLED's own spelling when the incident came from ACLED, else the code: never a label
        # in the language of the page the file was asked from.
        "source_scale": extra.get("source_scale", incident.source_scale),
        "notes": incident.narrative, "fatalities": incident.fatalities,
    }
    return [values.get(column, extra.get(column, "")) for column in ACLED_COLUMNS]


def own_row(incident: Incident) -> list[Any]:
    values = {
        "id": file_id(incident.external_id or "", incident.public_id),
        "date": incident.occurred_on.isoformat(),
        "time": incident.occurred_at.isoformat() if incident.occurred_at else "",
        "time_precision": _TIME_NAMES[incident.time_precision],
        "geo_precision": _GEO_NAMES[incident.geo_precision],
    }
    return [values[c] if c in values else _plain(getattr(incident, c)) for c in OWN_COLUMNS]


def _label_cells(incident: Incident) -> list[Any]:
    classification, originator, to_all, releasable_to = label_cells(incident)
    # Written as words: a CSV cell has no type, and `true` reads back the same everywhere.
    return [classification, originator, "true" if to_all else "false", releasable_to]


def _plain(value: Any) -> Any:
    return "" if value is None else value


def write_acled(incidents: Iterable[Incident], out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow([*ACLED_COLUMNS, *LABEL_COLUMNS])
    count = 0
    for incident in incidents:
        writer.writerow([formula_safe(v) for v in (*acled_row(incident), *_label_cells(incident))])
        count += 1
    return count


def write_csv(incidents: Iterable[Incident], out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow([*OWN_COLUMNS, *LABEL_COLUMNS])
    count = 0
    for incident in incidents:
        writer.writerow([formula_safe(v) for v in (*own_row(incident), *_label_cells(incident))])
        count += 1
    return count


def write_xlsx(incidents: Iterable[Incident], out: IO[bytes]) -> int:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("incidents")
    sheet.append([*OWN_COLUMNS, *LABEL_COLUMNS])
    count = 0
    for incident in incidents:
        sheet.append([formula_safe(v) for v in (*own_row(incident), *_label_cells(incident))])
        count += 1
    book.save(out)
    return count


def geojson_features(incidents: Iterable[Incident]) -> Iterator[dict[str, Any]]:
    for incident in incidents:
        properties = dict(zip(OWN_COLUMNS, own_row(incident), strict=True))
        properties.update(zip(LABEL_COLUMNS, label_cells(incident), strict=True))
        geometry = None
        if incident.latitude is not None and incident.longitude is not None:
            geometry = {"type": "Point", "coordinates": [incident.longitude, incident.latitude]}
        properties.pop("latitude"), properties.pop("longitude")
        yield {"type": "Feature", "id": str(incident.public_id), "geometry": geometry,
               "properties": properties}


def write_geojson(incidents: Iterable[Incident], out: IO[str]) -> int:
    count = 0
    out.write('{"type": "FeatureCollection", "features": [\n')
    for feature in geojson_features(incidents):
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


@transaction.atomic
def incident_export(*, viewer: Viewer, filters: selectors.IncidentFilters, fmt: str,
                    out: IO[Any], import_run: IncidentImport | None = None) -> int:
    """Writes the incidents of the list (those an import added, with `import_run`)."""
    incidents = selectors.incidents_imported(viewer=viewer, filters=filters,
                                             import_run=import_run)
    highest = incidents.order_by("-classification").values_list("classification",
                                                                  flat=True).first()
    # The label's originator and release list in one query per chunk, not one per row.
    rows = (incidents.select_related("originator").prefetch_related("releasable_to")
            .iterator(chunk_size=5000))
    if fmt == "acled":
        count = write_acled(rows, out)
    elif fmt == "csv":
        count = write_csv(rows, out)
    elif fmt == "xlsx":
        count = write_xlsx(rows, out)
    else:
        count = write_geojson(rows, out)
    audit_record(actor=viewer, action="monitoring.incident.export",
                 target_type="monitoring.incident",
                 detail={"format": fmt, "count": count, "highest_classification": highest,
                         "filters": filters.query_items(),
                         **({"import": str(import_run.public_id)} if import_run else {})})
    return count
