"""The registry of collective formations, kept by the Joint Staff."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.changes import audited_update
from concord.core.errors import Conflict, ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.models import Party
from concord.forces.models import Formation
from concord.forces.services._common import labelled_new, party_of, validated

# What the formation's page edits; its code and label are set once.
EDITABLE = ("kind", "name_ru", "name_en", "abbreviation_ru", "abbreviation_en",
            "governing_decision", "established_on", "command_body", "command_ru", "command_en",
            "headquarters_ru", "headquarters_en", "headquarters_latitude",
            "headquarters_longitude", "target_personnel", "readiness_period_days",
            "description_ru", "description_en", "illustrative", "order")


@transaction.atomic
def formation_create(*, actor: Actor, code: str, originator: Party | None = None,
                     classification: int = Classification.OFFICIAL_USE,
                     release_to_all_members: bool = True, releasable_to: Iterable[Party] = (),
                     **values: Any) -> Formation:
    require_permission(actor, "forces.add_formation")
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    party = originator or party_of(actor)
    if party is None:
        raise ValidationError(_("A formation needs an originating party."),
                              errors={"originator": [_("Choose the originating party.")]})
    formation = Formation(code=code.strip(), **values)
    try:
        with transaction.atomic():
            labelled_new(formation, actor=actor, classification=classification,
                         originator=party, release_to_all_members=release_to_all_members,
                         releasable_to=releasable_to, action="forces.formation.create")
    except IntegrityError as clash:
        raise Conflict(_("A formation with the code %(code)s exists already.")
                       % {"code": code}) from clash
    return formation


@transaction.atomic
def formation_update(*, actor: Actor, formation: Formation, **values: Any) -> Formation:
    require_permission(actor, "forces.change_formation")
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    audited_update(actor=actor, record=formation, values=values,
                   action="forces.formation.update", prepare=validated)
    return formation
