"""A state's units and their strength: recorded by its delegation (or the system), labelled by
the state."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core.actors import Actor, user_id
from concord.core.changes import audited_update
from concord.core.errors import ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.models import Party
from concord.forces.models import DeploymentStep, Strength, Unit
from concord.forces.services._common import (
    labelled_new,
    require_own_state,
    validated,
)
from concord.forces.symbols import symbol_errors
from concord.registry.models import MemberState

EDITABLE = ("name_ru", "name_en", "designation", "unit_type", "echelon", "home_station_ru",
            "home_station_en", "latitude", "longitude", "symbol_code", "disbanded_on",
            "illustrative")


def _unknown(values: dict[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})


def _checked(values: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    if "symbol_code" in values:
        found = symbol_errors(values["symbol_code"])
        if found:
            errors["symbol_code"] = found
    if (values.get("latitude") is None) != (values.get("longitude") is None):
        errors["longitude"] = [_("Give both the latitude and the longitude, or neither.")]
    if errors:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)


@transaction.atomic
def unit_create(*, actor: Actor, state: MemberState, parent: Unit | None = None,
                classification: int = Classification.OFFICIAL_USE,
                release_to_all_members: bool = True, releasable_to: Iterable[Party] = (),
                **values: Any) -> Unit:
    """A unit of `state`, under `parent` (a unit of the same state) or at the top of its tree.
    The state's party originates it, whoever records it."""
    require_permission(actor, "forces.add_unit")
    require_own_state(actor, state)
    _unknown(values, EDITABLE)
    values["symbol_code"] = str(values.get("symbol_code", "")).strip().upper()
    _checked(values)
    if parent is not None and parent.state_id != state.pk:
        raise ValidationError(_("Please correct the marked fields."),
                              errors={"parent": [_("A unit's higher unit belongs to the same "
                                                   "state.")]})
    unit = Unit(state=state, parent=parent, **values)
    labelled_new(unit, actor=actor, classification=classification, originator=state.party,
                 release_to_all_members=release_to_all_members, releasable_to=releasable_to,
                 sources=[parent] if parent is not None else [], action="forces.unit.create",
                 detail={"state": state.iso_alpha2})
    return unit


@transaction.atomic
def unit_update(*, actor: Actor, unit: Unit, **values: Any) -> Unit:
    require_permission(actor, "forces.change_unit")
    require_own_state(actor, unit.state)
    _unknown(values, EDITABLE)
    if "symbol_code" in values:
        values["symbol_code"] = str(values["symbol_code"]).strip().upper()
    _checked({"latitude": unit.latitude, "longitude": unit.longitude, **values})
    audited_update(actor=actor, record=unit, values=values, action="forces.unit.update",
                   prepare=validated)
    return unit


@transaction.atomic
def strength_record(*, actor: Actor, unit: Unit, as_of: date,
                    personnel_authorised: int | None = None,
                    personnel_on_hand: int | None = None,
                    equipment_authorised: int | None = None,
                    equipment_on_hand: int | None = None, note: str = "",
                    step: DeploymentStep | None = None, classification: int | None = None,
                    release_to_all_members: bool | None = None,
                    releasable_to: Iterable[Party] | None = None) -> Strength:
    """The unit's strength on a day. Labelled like the unit unless the state narrows it: a
    state withholds its figures by releasing them to fewer parties than the unit."""
    require_permission(actor, "forces.add_strength")
    require_own_state(actor, unit.state)
    figures = {"personnel_authorised": personnel_authorised,
               "personnel_on_hand": personnel_on_hand,
               "equipment_authorised": equipment_authorised,
               "equipment_on_hand": equipment_on_hand}
    errors = {name: [_("A strength figure is a number of zero or more.")]
              for name, value in figures.items() if value is not None and value < 0}
    if all(value is None for value in figures.values()):
        errors["personnel_on_hand"] = [_("Give at least one figure.")]
    if errors:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    strength = Strength(unit=unit, as_of=as_of, note=note.strip(), step=step,
                        recorded_by_id=user_id(actor), **figures)
    labelled_new(
        strength, actor=actor,
        classification=unit.classification if classification is None else classification,
        originator=unit.originator,
        release_to_all_members=(unit.release_to_all_members if release_to_all_members is None
                                else release_to_all_members),
        releasable_to=(list(unit.releasable_to.all()) if releasable_to is None
                       else releasable_to),
        sources=[unit], action="forces.strength.record",
        detail={"unit": str(unit.public_id), "as_of": as_of.isoformat()})
    return strength
