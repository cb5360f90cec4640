"""Incidents recorded one by one, and synthetic ones generated in bulk."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core.actors import Actor, user_id
from concord.core.audit import audit_record
from concord.core.errors import Conflict, ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.models import Party
from concord.monitoring import tally
from concord.monitoring.generator import synthetic_incidents
from concord.monitoring.models import Incident
from concord.monitoring.services._common import (
    _check_label,
    _derived,
    _label_parties,
    _validated,
)
from concord.monitoring.services.imports import IMPORT_BATCH, Progress, _existing_keys


@transaction.atomic
def incident_create(*, actor: Actor, originator: Party | None = None,
                    classification: int = Classification.OFFICIAL_USE,
                    release_to_all_members: bool = True,
                    releasable_to: Iterable[Party] = (), **values: Any) -> Incident:
    require_permission(actor, "monitoring.add_incident")
    _check_label(actor, classification)
    party = _label_parties(originator, actor)
    incident = Incident(originator=party, classification=classification,
                        release_to_all_members=release_to_all_members,
                        recorded_by_id=user_id(actor),
                        **_derived(dict(values)))
    # The external id's uniqueness is checked within the party's own records (the table's
    # constraint would be checked by Django through an unscoped query).
    _validated(incident, exclude=["public_id", "external_id"])
    if incident.external_id and _existing_keys(party, [incident.external_id]):
        raise Conflict(_("This party has already recorded an incident with this identifier."))
    incident.save()
    incident.releasable_to.set(list(releasable_to))
    audit_record(actor=actor, action="monitoring.incident.create", target=incident)
    return incident


# What an analyst may correct on a recorded incident; its identity, history and verification


@transaction.atomic
def incident_generate(*, actor: Actor, count: int, seed: int, start: date, end: date,
                      originator: Party, progress: Progress | None = None,
                      batch_size: int = IMPORT_BATCH) -> int:
    """Add `count` synthetic incidents (see `generator`). Incidents above OFFICIAL USE stay
    with their originator; the others are released to every member state."""
    require_permission(actor, "monitoring.add_incident")
    if count < 0 or start > end:
        raise ValidationError(_("Give a positive count and a period."),
                              errors={"count": [_("Give a positive count and a period.")]})
    recorded_by = user_id(actor)
    batch: list[Incident] = []
    created = 0
    with tally.written_in_bulk(count):
        for values in synthetic_incidents(count, seed=seed, start=start, end=end):
            classification = values.pop("classification")
            batch.append(Incident(originator=originator, classification=classification,
                                  release_to_all_members=classification
                                  <= Classification.OFFICIAL_USE,
                                  recorded_by_id=recorded_by, **_derived(values)))
            if len(batch) >= batch_size:
                Incident.objects.bulk_create(batch, batch_size=batch_size)
                created += len(batch)
                batch.clear()
                if progress is not None:
                    progress(created, created / count)
        Incident.objects.bulk_create(batch, batch_size=batch_size)
        created += len(batch)
        if progress is not None:
            progress(created, 1.0)
        audit_record(actor=actor, action="monitoring.incident.generate",
                     target_type="monitoring.incident",
                     detail={"count": created, "seed": seed, "from": start.isoformat(),
                             "to": end.isoformat(), "originator": originator.code})
    return created
