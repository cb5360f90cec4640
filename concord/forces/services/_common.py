"""What the forces services share: who the actor acts for, model validation as domain errors,
and the label a record derived from a state's unit receives."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _

from concord.core import actors
from concord.core.actors import Actor, SystemActor
from concord.core.audit import audit_record
from concord.core.errors import Forbidden, ValidationError
from concord.core.labels import PartyKind, Viewer
from concord.core.models import LabelledModel, Party
from concord.core.policy import label_errors, system_viewer
from concord.registry.models import MemberState


def validated(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    # Uniqueness and constraints are the database's to hold on labelled tables: Django would
    # check them through a query that names no viewer.
    labelled = isinstance(instance, LabelledModel)
    try:
        instance.full_clean(exclude=exclude, validate_unique=not labelled,
                            validate_constraints=not labelled)
    except DjangoValidationError as exc:
        errors = {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
        raise ValidationError(_("Please correct the marked fields."), errors=errors) from exc


def party_of(actor: Actor) -> Party | None:
    if not getattr(actor, "is_authenticated", False):
        return None
    party = getattr(actor, "party", None)
    return party if isinstance(party, Party) else None


def require_own_state(actor: Actor, state: MemberState) -> None:
    """A delegation reports for its own state's units only; the secretariat and the system for
    any."""
    party = party_of(actor)
    if party is not None and party.kind == PartyKind.STATE and party.pk != state.party_id:
        raise Forbidden(_("A delegation reports only on its own state's units."))


def reader_for(actor: Actor, owner: Party, *, reason: str) -> Viewer | actors.Viewer:
    """Whose eyes a service reads earlier records with: the actor's own, or, for the system,
    the owning party's (an audited read)."""
    if isinstance(actor, SystemActor):
        return system_viewer(owner, reason=reason)
    return actor


def check_label(*, actor: Actor, classification: int, originator: Party,
                release_to_all_members: bool, releasable_to: Iterable[Party],
                sources: Iterable[LabelledModel]) -> None:
    errors = label_errors(actor=actor, classification=classification, originator=originator,
                          release_to_all_members=release_to_all_members,
                          releasable_to=list(releasable_to), sources=list(sources))
    if errors:
        raise ValidationError(_("The label is not allowed."), errors=errors)


def labelled_new(record: LabelledModel, *, actor: Actor, classification: int,
                 originator: Party, release_to_all_members: bool,
                 releasable_to: Iterable[Party], sources: Iterable[LabelledModel] = (),
                 action: str, detail: dict[str, object] | None = None) -> None:
    """Labels, validates, saves and audits a new labelled record: its label checked against the
    actor's clearance and against what it is derived from (no write-down)."""
    release = list(releasable_to)
    check_label(actor=actor, classification=classification, originator=originator,
                release_to_all_members=release_to_all_members, releasable_to=release,
                sources=sources)
    record.classification = classification
    record.originator = originator
    record.release_to_all_members = release_to_all_members
    validated(record, exclude=["public_id"])
    record.save()
    record.releasable_to.set(release)
    audit_record(actor=actor, action=action, target=record, detail=detail)
