"""Exports hold exactly what the viewer may read, and come back in as the same incidents."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.db import transaction

from concord.core.actors import SYSTEM
from concord.core.labels import Classification, Viewer
from concord.monitoring import services
from concord.monitoring.formats import ACLED_COLUMNS
from concord.monitoring.models import Incident
from concord.monitoring.outputs import exports
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


def test_it_writes_the_31_acled_columns_then_the_label(personas):
    incident(personas.secretariat, category="explosions", sub_category="remote_explosive",
             fatalities=4, classification=Classification.CONFIDENTIAL,
             release_to_all_members=False, releasable_to=[personas.state_b, personas.state_a])

    rows = _acled(personas.analyst)

    assert list(rows[0])[:31] == list(ACLED_COLUMNS)
    assert (rows[0]["event_type"], rows[0]["sub_event_type"]) == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (rows[0]["iso"], rows[0]["country"], rows[0]["fatalities"]) == ("762", "Tajikistan",
                                                                         "4")
    assert {name: rows[0][name] for name in list(rows[0])[31:]} == {
        "classification": "confidential", "originator": "SEC",
        "release_to_all_members": "false", "releasable_to": "RU;TJ"}


def _export(viewer, fmt: str) -> bytes:
    if fmt == "xlsx":
        binary = io.BytesIO()
        exports.incident_export(viewer=viewer, filters=IncidentFilters(), fmt=fmt, out=binary)
        return binary.getvalue()
    text = io.StringIO()
    exports.incident_export(viewer=viewer, filters=IncidentFilters(), fmt=fmt, out=text)
    return text.getvalue().encode()


def _exported_elsewhere(viewer, fmt: str, make) -> bytes:
    """A file another node exported: its incidents are made and exported, then undone, so that
    the import meets a store without them."""
    before = Incident.objects.unscoped(reason="test").count()
    with transaction.atomic():
        make()
        data = _export(viewer, fmt)
        transaction.set_rollback(True)
    assert Incident.objects.unscoped(reason="test").count() == before
    return data


def test_it_brings_an_exported_acled_file_back_as_the_same_incidents(personas):
    data = _exported_elsewhere(personas.analyst, "acled", lambda: incident(
        personas.secretariat, category="drug_trafficking", sub_category="drug_seizure",
        narrative="Героин, 40 кг"))
    [row] = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))

    outcome = services.incident_import(actor=SYSTEM, stream=io.BytesIO(data), fmt="acled",
                                       originator=personas.secretariat)

    # A threat area ACLED has no type for is written by its English name, not by a code.
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "", "Drug trafficking", "Seizure")
    assert outcome.created == 1
    copy = Incident.objects.visible_to(personas.analyst).get()
    assert (copy.category, copy.sub_category, copy.narrative) == (
        "drug_trafficking", "drug_seizure", "Героин, 40 кг")


def test_it_round_trips_xlsx_and_geojson(personas):
    for fmt in ("xlsx", "geojson"):
        data = _exported_elsewhere(personas.analyst, fmt, lambda: incident(
            personas.secretariat, fatalities=3, fatalities_low=1, fatalities_high=6,
            category="border", sub_category="border_clash", reliability="B", credibility=2))

        outcome = services.incident_import(actor=SYSTEM, stream=io.BytesIO(data), fmt=fmt,
                                           originator=personas.secretariat)

        assert outcome.created == 1, fmt
        copy = Incident.objects.visible_to(personas.analyst).latest("id")
        assert (copy.fatalities_low, copy.fatalities, copy.fatalities_high) == (1, 3, 6)
        assert (copy.reliability, copy.credibility, copy.latitude) == ("B", 2, 37.24)
        Incident.objects.visible_to(personas.analyst).filter(pk=copy.pk).update(
            external_id="done-" + fmt)


def _cleared_for_secret(user):
    user.clearance = Classification.SECRET
    user.save(update_fields=["clearance"])
    return user


@pytest.mark.parametrize("fmt", ["acled", "xlsx", "geojson"])
def test_it_brings_a_secret_incident_back_as_secret_to_the_same_parties(personas, fmt):
    analyst = _cleared_for_secret(personas.analyst)
    data = _exported_elsewhere(analyst, fmt, lambda: incident(
        personas.secretariat, classification=Classification.SECRET,
        release_to_all_members=False, releasable_to=[personas.state_a],
        location="Secret post"))

    outcome = services.incident_import(actor=analyst, stream=io.BytesIO(data), fmt=fmt,
                                       classification=Classification.OFFICIAL_USE)

    assert outcome.created == 1
    copy = Incident.objects.visible_to(analyst).get()
    assert copy.location == "Secret post"
    assert copy.classification == Classification.SECRET
    assert copy.originator == personas.secretariat
    assert not copy.release_to_all_members
    assert [p.code for p in copy.releasable_to.all()] == ["RU"]
    # Russia reads it once cleared for SECRET; Tajikistan, not released to, never does.
    russia = Viewer.for_party(personas.state_a, Classification.SECRET)
    tajikistan = Viewer.for_party(personas.state_b, Classification.SECRET)
    assert Incident.objects.visible_to(russia).filter(pk=copy.pk).exists()
    assert not Incident.objects.visible_to(tajikistan).filter(pk=copy.pk).exists()
    assert not Incident.objects.visible_to(personas.delegate_a).filter(pk=copy.pk).exists()


@pytest.mark.parametrize("fmt", ["acled", "xlsx", "geojson"])
def test_it_adds_nothing_when_an_export_is_imported_again(personas, fmt):
    _labelled(personas)
    data = _export(personas.analyst, fmt)

    outcome = services.incident_import(actor=personas.analyst, stream=io.BytesIO(data),
                                       fmt=fmt)

    assert (outcome.created, outcome.unchanged) == (0, 3)
    assert Incident.objects.visible_to(personas.analyst).count() == 3


def test_it_writes_geojson_points_with_the_label(personas):
    incident(personas.secretariat, classification=Classification.PUBLIC)
    out = io.StringIO()

    exports.incident_export(viewer=personas.anonymous, filters=IncidentFilters(),
                            fmt="geojson", out=out)

    feature = json.loads(out.getvalue())["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [69.1, 37.24]}
    assert {name: feature["properties"][name] for name in (
        "classification", "originator", "release_to_all_members", "releasable_to")} == {
        "classification": "public", "originator": "SEC", "release_to_all_members": True,
        "releasable_to": ""}


@pytest.mark.parametrize("narrative", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1",
                                       "   =1+1", "  @SUM(A1)"])
def test_it_writes_a_narrative_that_starts_a_formula_as_text(personas, narrative):
    incident(personas.secretariat, classification=Classification.PUBLIC, narrative=narrative)

    assert [r["notes"] for r in _acled(personas.analyst)] == ["'" + narrative]
