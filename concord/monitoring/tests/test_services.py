"""Recording, verifying and merging incidents; figures side by side."""

from __future__ import annotations

from datetime import date

import pytest

from concord.core.errors import Conflict, Forbidden, NotFound, ValidationError
from concord.core.labels import Classification
from concord.monitoring import selectors, services
from concord.monitoring.models import Incident
from concord.monitoring.tests.factories import incident


def test_it_lets_an_analyst_record_an_incident_under_their_party(personas):
    recorded = services.incident_create(
        actor=personas.analyst, occurred_on=date(2024, 6, 6), country="TJ",
        category="terrorism", sub_category="attack_prevented", fatalities=0)

    assert recorded.originator == personas.secretariat
    assert recorded.week == date(2024, 6, 3)
    assert recorded.severity == 2  # terrorism is at least moderate


def test_it_refuses_a_delegate_recording_incidents(personas):
    with pytest.raises(Forbidden):
        services.incident_create(actor=personas.delegate_a, occurred_on=date(2024, 6, 6),
                                 country="TJ", category="terrorism",
                                 sub_category="attack_prevented")


def test_it_refuses_a_label_above_the_analysts_clearance(personas):
    with pytest.raises(ValidationError):
        services.incident_create(actor=personas.analyst, classification=Classification.SECRET,
                                 occurred_on=date(2024, 6, 6), country="TJ",
                                 category="terrorism", sub_category="attack_prevented")


def test_it_keeps_figures_from_several_sources_side_by_side(personas):
    clash = incident(personas.secretariat, fatalities=3)

    services.figure_add(actor=personas.analyst, incident=clash, source_kind="state_agency",
                        source_name="SCNS of Tajikistan", fatalities=2)
    services.figure_add(actor=personas.analyst, incident=clash, source_kind="open_source",
                        source_name="Asia-Plus", fatalities=5, fatalities_low=4,
                        fatalities_high=7)

    clash = selectors.incident_get(viewer=personas.analyst, public_id=clash.public_id)
    assert clash.fatalities == 3
    assert [(f.source_name, f.fatalities) for f in clash.figures.all()] == [
        ("SCNS of Tajikistan", 2), ("Asia-Plus", 5)]


def test_it_finds_duplicates_near_in_place_and_time(personas):
    first = incident(personas.secretariat, sources="Asia-Plus")
    near = incident(personas.secretariat, occurred_on=date(2024, 6, 7), latitude=37.27,
                    sources="TASS")
    incident(personas.secretariat, occurred_on=date(2024, 6, 20))  # too late
    incident(personas.secretariat, latitude=38.5)  # too far
    incident(personas.secretariat, category="border", sub_category="border_clash")

    found = selectors.incident_duplicates(viewer=personas.analyst, incident=first)

    assert list(found) == [near]


def test_it_merges_a_duplicate_keeping_both_records_and_their_figures(personas):
    first = incident(personas.secretariat, fatalities=2, sources="Asia-Plus")
    second = incident(personas.secretariat, fatalities=4, sources="TASS",
                      classification=Classification.CONFIDENTIAL)

    services.incident_merge(actor=personas.analyst, survivor=first, duplicate=second,
                            note="Same seizure")

    listed = list(selectors.incident_list(viewer=personas.analyst))
    assert listed == [first]
    first = selectors.incident_get(viewer=personas.analyst, public_id=first.public_id)
    assert first.classification == Classification.CONFIDENTIAL  # no write-down
    assert [(f.source_name, f.fatalities) for f in first.figures.all()] == [("TASS", 4)]
    kept = Incident.objects.visible_to(personas.analyst).get(pk=second.pk)
    assert (kept.merged_into, kept.fatalities) == (first, 4)
    assert first.merges.get().duplicate_snapshot["sources"] == "TASS"


def test_it_refuses_to_merge_a_record_twice(personas):
    first, second = incident(personas.secretariat), incident(personas.secretariat)
    services.incident_merge(actor=personas.analyst, survivor=first, duplicate=second)

    with pytest.raises(Conflict):
        services.incident_merge(actor=personas.analyst, survivor=first, duplicate=second)


def test_it_records_a_verification_status(personas):
    seizure = incident(personas.secretariat)

    services.incident_verify(actor=personas.analyst, incident=seizure,
                             verification="confirmed")

    assert selectors.incident_get(viewer=personas.analyst,
                                  public_id=seizure.public_id).verification == "confirmed"


def test_it_answers_an_invisible_incident_as_missing(personas):
    hidden = incident(personas.secretariat, classification=Classification.CONFIDENTIAL,
                      release_to_all_members=False)

    with pytest.raises(NotFound):
        selectors.incident_get(viewer=personas.delegate_a, public_id=hidden.public_id)
