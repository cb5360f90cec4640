"""Corrections of recorded incidents: their fields and label, their verification, the figures
other sources give, and the merge of two records of one incident."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor, user_id
from concord.core.audit import audit_record
from concord.core.changes import audited_update
from concord.core.errors import Conflict, ValidationError, require_permission
from concord.core.labelling import label_change
from concord.monitoring.models import (
    FigureSource,
    Incident,
    IncidentFigure,
    IncidentMerge,
    Verification,
)
from concord.monitoring.services._common import _derived, _validated

# What an analyst may correct on a recorded incident; its identity, history and verification
# have services of their own.
EDITABLE_FIELDS = (
    "occurred_on", "occurred_at", "time_precision", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "category", "sub_category", "actor1",
    "assoc_actor1", "actor2", "assoc_actor2", "fatalities", "fatalities_low", "fatalities_high",
    "injured", "injured_low", "injured_high", "narrative", "sources", "source_scale",
    "reliability", "credibility",
)
LABEL_FIELDS = ("classification", "release_to_all_members", "releasable_to")


@transaction.atomic
def incident_update(*, actor: Actor, incident: Incident, **values: Any) -> Incident:
    """Corrects an incident's fields; the audit entry keeps each changed field's old and new
    value. Its label changes through `label_change`: only the originating party relabels, and a
    lower label waits for a second approver (left on `incident.pending_label_change`)."""
    require_permission(actor, "monitoring.change_incident")
    unknown = sorted(set(values) - set(EDITABLE_FIELDS) - set(LABEL_FIELDS))
    if unknown:
        raise ValidationError(_("These fields cannot be edited: %(fields)s.")
                              % {"fields": ", ".join(unknown)},
                              errors={name: [_("Not editable.")] for name in unknown})
    if incident.merged_into_id is not None:
        raise Conflict(_("This record was merged into another; edit that one."))
    label = {name: values.pop(name) for name in LABEL_FIELDS if name in values}

    def settle(record: Incident) -> None:
        derived = _derived({"occurred_on": record.occurred_on, "category": record.category,
                            "fatalities": record.fatalities, "injured": record.injured})
        record.week, record.severity = derived["week"], derived["severity"]
        _validated(record, exclude=["public_id", "external_id"])

    audited_update(actor=actor, record=incident, values=values, prepare=settle,
                   derived=("week", "severity"), action="monitoring.incident.update")
    if label:
        # A lower label waits for a second approver (concord.core.labelling).
        incident.pending_label_change = label_change(  # type: ignore[attr-defined]
            actor=actor, record=incident,
            classification=label.get("classification", incident.classification),
            release_to_all_members=label.get("release_to_all_members",
                                             incident.release_to_all_members),
            releasable_to=label.get("releasable_to", incident.releasable_to.all()))
    return incident


@transaction.atomic
def incident_verify(*, actor: Actor, incident: Incident, verification: str,
                    note: str = "") -> Incident:
    require_permission(actor, "monitoring.verify_incident")
    if verification not in Verification.values:
        raise ValidationError(_("Unknown verification status."),
                              errors={"verification": [_("Unknown verification status.")]})
    if incident.merged_into_id is not None:
        raise Conflict(_("This record was merged into another; verify that one."))
    before = incident.verification
    incident.verification = verification
    incident.save(update_fields=["verification"])
    audit_record(actor=actor, action="monitoring.incident.verify", target=incident,
                 detail={"from": before, "to": verification, "note": note})
    return incident


@transaction.atomic
def figure_add(*, actor: Actor, incident: Incident, source_kind: str, source_name: str,
               fatalities: int, injured: int = 0, fatalities_low: int | None = None,
               fatalities_high: int | None = None, reliability: str = "F",
               credibility: int = 6, reported_on: date | None = None) -> IncidentFigure:
    require_permission(actor, "monitoring.change_incident")
    figure = IncidentFigure(
        incident=incident, source_kind=source_kind, source_name=source_name,
        fatalities=fatalities, injured=injured, fatalities_low=fatalities_low,
        fatalities_high=fatalities_high, reliability=reliability, credibility=credibility,
        reported_on=reported_on or clock.now().date(),
        recorded_by_id=user_id(actor))
    _validated(figure)
    errors: dict[str, list[str]] = {}
    if fatalities_low is not None and fatalities_low > fatalities:
        errors["fatalities_low"] = [_("The low figure is above the best figure.")]
    if fatalities_high is not None and fatalities_high < fatalities:
        errors["fatalities_high"] = [_("The high figure is below the best figure.")]
    if errors:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    figure.save()
    audit_record(actor=actor, action="monitoring.figure.add", target=incident,
                 detail={"source": source_name, "kind": source_kind, "fatalities": fatalities,
                         "injured": injured})
    return figure


_SNAPSHOT_FIELDS = ("external_id", "occurred_on", "country", "admin1", "admin2", "location",
                    "latitude", "longitude", "category", "sub_category", "actor1", "actor2",
                    "fatalities", "injured", "narrative", "sources", "reliability",
                    "credibility", "verification", "classification")


@transaction.atomic
def incident_merge(*, actor: Actor, survivor: Incident, duplicate: Incident,
                   note: str = "") -> IncidentMerge:
    """Record that `duplicate` is the same incident as `survivor`. Neither record is changed
    beyond the pointer: the duplicate's figures join the survivor's, side by side, and the
    survivor's label rises to the duplicate's if that is higher (no write-down)."""
    require_permission(actor, "monitoring.change_incident")
    if survivor.pk == duplicate.pk:
        raise ValidationError(_("A record cannot be merged into itself."),
                              errors={"duplicate": [_("Choose another record.")]})
    if duplicate.merged_into_id is not None or survivor.merged_into_id is not None:
        raise Conflict(_("One of these records has already been merged."))
    snapshot = {name: str(getattr(duplicate, name)) for name in _SNAPSHOT_FIELDS}
    merge = IncidentMerge.objects.create(
        survivor=survivor, duplicate=duplicate, note=note, duplicate_snapshot=snapshot,
        merged_by_id=user_id(actor))
    duplicate.merged_into = survivor
    duplicate.save(update_fields=["merged_into"])
    IncidentFigure.objects.create(
        incident=survivor, source_kind=FigureSource.MERGED_RECORD,
        source_name=duplicate.sources[:200] or str(duplicate.public_id),
        fatalities=duplicate.fatalities, fatalities_low=duplicate.fatalities_low,
        fatalities_high=duplicate.fatalities_high, injured=duplicate.injured,
        reliability=duplicate.reliability, credibility=duplicate.credibility,
        reported_on=duplicate.occurred_on)
    IncidentFigure.objects.filter(incident=duplicate).update(incident=survivor)
    if duplicate.classification > survivor.classification:
        survivor.classification = duplicate.classification
        survivor.save(update_fields=["classification"])
    audit_record(actor=actor, action="monitoring.incident.merge", target=survivor,
                 detail={"duplicate": str(duplicate.public_id), "note": note})
    audit_record(actor=actor, action="monitoring.incident.merged_into", target=duplicate,
                 detail={"survivor": str(survivor.public_id)})
    return merge
