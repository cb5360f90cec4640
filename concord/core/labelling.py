"""Changing a record's label. Restricting it (a higher classification, or no reader who could
not read it before) takes effect at once; widening it (a lower classification, or anyone who could
not read it before) waits for a second user of the record's originating party to approve it.
Neither may label a record wider than what it is derived from, nor above the actor's clearance.
Both are audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.core import actors, clock
from concord.core.actors import Actor, person
from concord.core.audit import audit_record
from concord.core.errors import (
    Forbidden,
    InvalidState,
    NotFound,
    ValidationError,
    require_permission,
)
from concord.core.labels import Viewer
from concord.core.models import LabelChange, LabelledModel, Party
from concord.core.policy import (
    Audience,
    clearance_errors,
    proposed_audience,
    sources_audience,
    write_down_errors,
)


@dataclass(frozen=True)
class Label:
    classification: int
    release_to_all_members: bool
    releasable_to: frozenset[str]  # party codes

    @classmethod
    def of(cls, record: LabelledModel) -> Label:
        return cls(int(record.classification), bool(record.release_to_all_members),
                   frozenset(p.code for p in record.releasable_to.all()))

    def audience(self, originator: Party) -> Audience:
        return proposed_audience(
            classification=self.classification, originator=originator,
            release_to_all_members=self.release_to_all_members,
            releasable_to=Party.objects.filter(code__in=self.releasable_to))

    def widens(self, other: Label, originator: Party) -> bool:
        """Whether going from `other` to this label lets anyone read what they could not."""
        return not self.audience(originator).narrower_than(other.audience(originator))


def _apply(record: LabelledModel, label: Label) -> None:
    record.classification = label.classification
    record.release_to_all_members = label.release_to_all_members
    record.save(update_fields=["classification", "release_to_all_members"])
    record.releasable_to.set(Party.objects.filter(code__in=label.releasable_to))


def _detail(before: Label, after: Label) -> dict[str, Any]:
    return {"from": {"classification": before.classification,
                     "release_to_all_members": before.release_to_all_members,
                     "releasable_to": sorted(before.releasable_to)},
            "to": {"classification": after.classification,
                   "release_to_all_members": after.release_to_all_members,
                   "releasable_to": sorted(after.releasable_to)}}


@transaction.atomic
def label_change(*, actor: Actor, record: LabelledModel, classification: int,
                 release_to_all_members: bool, releasable_to: Iterable[Party],
                 reason: str = "") -> LabelChange | None:
    """Relabel a record for its originating party: a raise is applied now (None is returned);
    a lowering is returned as a change waiting for a second approver."""
    before = Label.of(record)
    after = Label(int(classification), bool(release_to_all_members),
                  frozenset(p.code for p in releasable_to))
    if after == before:
        return None
    if getattr(actor, "party_id", None) != record.originator_id:
        raise Forbidden(_("Only the originating party relabels its records."),
                        errors={"classification": [
                            _("Only the originating party relabels its records.")]})
    originator = record.originator
    errors = clearance_errors(actor, after.classification)
    errors.update(write_down_errors(
        classification=after.classification, originator=originator,
        release_to_all_members=after.release_to_all_members,
        releasable_to=Party.objects.filter(code__in=after.releasable_to),
        sources=sources_audience(record)))
    if errors:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    if not after.widens(before, originator):
        _apply(record, after)
        audit_record(actor=actor, action="core.label.raise", target=record,
                     detail=_detail(before, after))
        return None
    pending = LabelChange.objects.filter(target_model=record._meta.label, target_pk=record.pk,
                                         status=LabelChange.Status.PENDING)
    if pending.exists():
        raise InvalidState(_("A lower label for this record already waits for approval."))
    change = LabelChange.objects.create(
        target_model=record._meta.label, target_pk=record.pk, originator=record.originator,
        classification_before=before.classification, classification=after.classification,
        release_to_all_before=before.release_to_all_members,
        release_to_all_members=after.release_to_all_members,
        releasable_before=sorted(before.releasable_to), releasable_to=sorted(after.releasable_to),
        reason=reason, requested_by_id=person(actor).pk)
    audit_record(actor=actor, action="core.label.lower_requested", target=record,
                 detail={**_detail(before, after), "change": str(change.public_id)})
    return change


def record_of(change: LabelChange, viewer: actors.Viewer) -> LabelledModel:
    """The record a change is about, as the viewer may read it (missing otherwise)."""
    model: Any = apps.get_model(change.target_model)
    record = model.objects.visible_to(viewer).filter(pk=change.target_pk).first()
    if record is None:
        raise NotFound(_("No such label change."))
    return record  # type: ignore[no-any-return]


def label_changes_pending(*, viewer: actors.Viewer) -> list[tuple[LabelChange, LabelledModel]]:
    """The lower labels waiting for approval whose records the viewer's party originated and
    the viewer may read."""
    view = Viewer.of(viewer)
    if not view.is_cleared:
        return []
    changes: QuerySet[LabelChange] = LabelChange.objects.filter(
        status=LabelChange.Status.PENDING, originator_id=view.party_id).select_related(
        "requested_by")
    found = []
    for change in changes:
        try:
            found.append((change, record_of(change, viewer)))
        except NotFound:
            continue
    return found


@transaction.atomic
def label_change_decide(*, actor: Actor, public_id: Any, approve: bool) -> LabelChange:
    require_permission(actor, "core.approve_labelchange")
    user = person(actor)
    change = (LabelChange.objects.select_for_update()
              .filter(public_id=public_id, originator_id=getattr(user, "party_id", None))
              .first())
    if change is None:
        raise NotFound(_("No such label change."))
    record = record_of(change, user)
    if change.status != LabelChange.Status.PENDING:
        raise InvalidState(_("This label change was already decided."))
    if change.requested_by_id == user.pk:
        raise Forbidden(_("A second person approves a lower label, not the one who asked."))
    before = Label.of(record)
    if (before.classification, before.release_to_all_members, sorted(before.releasable_to)) != (
            change.classification_before, change.release_to_all_before,
            change.releasable_before):
        raise InvalidState(_("The record was relabelled since the change was asked for; ask "
                             "again."))
    change.status = LabelChange.Status.APPROVED if approve else LabelChange.Status.REFUSED
    change.decided_by_id, change.decided_at = user.pk, clock.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
    after = Label(change.classification, change.release_to_all_members,
                  frozenset(change.releasable_to))
    if approve:
        _apply(record, after)
    audit_record(actor=actor, action="core.label.lower_approved" if approve
                 else "core.label.lower_refused", target=record,
                 detail={**_detail(before, after), "change": str(change.public_id),
                         "requested_by": change.requested_by.username})
    return change

