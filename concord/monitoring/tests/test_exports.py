"""Exports hold exactly what the viewer may read, and come back in as the same incidents."""

from __future__ import annotations

import csv
import io
import json

from concord.core.labels import Classification
from concord.monitoring import exports, services
from concord.monitoring.models import Incident
from concord.monitoring.selectors import IncidentFilters
from concord.monitoring.tests.factories import incident


def _labelled(personas):
    incident(personas.secretariat, classification=Classification.PUBLIC, location="Public")
    incident(personas.secretariat, classification=Classification.OFFICIAL_USE,
             location="Shared")
    incident(personas.secretariat, classification=Classification.CONFIDENTIAL,
             release_to_all_members=False, location="Secretariat only")


def _acled(viewer) -> list[dict[str, str]]:
    out = io.StringIO()
    exports.incident_export(viewer=viewer, filters=IncidentFilters(), fmt="acled", out=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_it_exports_only_what_the_viewer_may_read(personas):
    _labelled(personas)

    assert {r["location"] for r in _acled(personas.anonymous)} == {"Public"}
    assert {r["location"] for r in _acled(personas.delegate_b)} == {"Public", "Shared"}
    assert {r["location"] for r in _acled(personas.analyst)} == {
        "Public", "Shared", "Secretariat only"}


def test_it_writes_the_31_acled_columns_with_acled_labels(personas):
    incident(personas.secretariat, category="explosions", sub_category="remote_explosive",
             fatalities=4)

    rows = _acled(personas.analyst)

    assert len(rows[0]) == 31
    assert (rows[0]["event_type"], rows[0]["sub_event_type"]) == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (rows[0]["iso"], rows[0]["country"], rows[0]["fatalities"]) == ("762", "Tajikistan",
                                                                         "4")


def test_it_brings_an_exported_acled_file_back_as_the_same_incidents(personas):
    incident(personas.secretariat, category="drug_trafficking", sub_category="drug_seizure",
             narrative="Героин, 40 кг")
    out = io.StringIO()
    exports.incident_export(viewer=personas.analyst, filters=IncidentFilters(), fmt="acled",
                            out=out)

    outcome = services.incident_import(actor=None, stream=io.BytesIO(out.getvalue().encode()),
                                       fmt="acled", originator=personas.state_a)

    assert outcome.created == 1
    copy = Incident.objects.visible_to(personas.delegate_a).get(originator=personas.state_a)
    assert (copy.category, copy.sub_category, copy.narrative) == (
        "drug_trafficking", "drug_seizure", "Героин, 40 кг")


def test_it_round_trips_xlsx_and_geojson(personas):
    incident(personas.secretariat, fatalities=3, fatalities_low=1, fatalities_high=6,
             category="border", sub_category="border_clash", reliability="B", credibility=2)
    for fmt in ("xlsx", "geojson"):
        if fmt == "xlsx":
            binary = io.BytesIO()
            exports.incident_export(viewer=personas.analyst, filters=IncidentFilters(),
                                    fmt=fmt, out=binary)
            data = binary.getvalue()
        else:
            text = io.StringIO()
            exports.incident_export(viewer=personas.analyst, filters=IncidentFilters(),
                                    fmt=fmt, out=text)
            data = text.getvalue().encode()

        outcome = services.incident_import(actor=None, stream=io.BytesIO(data), fmt=fmt,
                                           originator=personas.state_a)

        assert outcome.created == 1, fmt
        copy = Incident.objects.visible_to(personas.delegate_a).filter(
            originator=personas.state_a).latest("id")
        assert (copy.fatalities_low, copy.fatalities, copy.fatalities_high) == (1, 3, 6)
        assert (copy.reliability, copy.credibility, copy.latitude) == ("B", 2, 37.24)
        Incident.objects.visible_to(personas.delegate_a).filter(pk=copy.pk).update(
            external_id="done-" + fmt)


def test_it_writes_geojson_points_with_the_label(personas):
    incident(personas.secretariat, classification=Classification.PUBLIC)
    out = io.StringIO()

    exports.incident_export(viewer=personas.anonymous, filters=IncidentFilters(),
                            fmt="geojson", out=out)

    feature = json.loads(out.getvalue())["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [69.1, 37.24]}
    assert feature["properties"]["classification"] == "public"
