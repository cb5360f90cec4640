"""What the assistance services share: who the actor speaks for, model validation as domain
errors, and each pledge line's kept revisions."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _

from concord.assistance.models import AssistanceRequest, PledgeLine, PledgeRevision
from concord.assistance.selectors.requests import party_of
from concord.core.actors import Actor, is_system, user_id
from concord.core.errors import Forbidden, ValidationError
from concord.core.labels import PartyKind
from concord.core.models import LabelledModel, Party
from concord.registry.models import MemberState


def speaks_for(actor: Actor, state: MemberState) -> None:
    """A delegation acts for its own state only; the secretariat and the system for any."""
    if is_system(actor):
        return
    party = party_of(actor)
    if party is None:
        raise Forbidden(_("Only a party's user may do this."))
    if party.kind == PartyKind.STATE and party.pk != state.party_id:
        raise Forbidden(_("Your delegation speaks only for its own state."))


def is_secretariat(actor: Actor) -> bool:
    if is_system(actor):
        return True
    party = party_of(actor)
    return party is not None and party.kind == PartyKind.SECRETARIAT


def secretariat() -> Party | None:
    return Party.objects.filter(kind=PartyKind.SECRETARIAT).order_by("pk").first()


def validated(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    # Uniqueness checks would query a labelled table without a viewer; the database's
    # constraints hold those rows.
    labelled = isinstance(instance, LabelledModel)
    try:
        instance.full_clean(exclude=exclude, validate_unique=not labelled,
                            validate_constraints=not labelled)
    except DjangoValidationError as exc:
        errors = {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
        raise ValidationError(_("Please correct the marked fields."), errors=errors) from exc


def addressed_to(request: AssistanceRequest, state: MemberState) -> bool:
    if state.pk == request.requesting_state_id:
        return False
    return request.addressed_to_all or request.addressed_states.filter(pk=state.pk).exists()


def locked(pledge_line: PledgeLine) -> PledgeLine:
    """The line as the database holds it now, locked until the change commits: two people
    moving the same line at once move it one after the other, never from a stale copy."""
    list(PledgeLine.objects.select_for_update().filter(pk=pledge_line.pk).values_list("pk"))
    pledge_line.refresh_from_db()
    return pledge_line


def keep_revision(*, actor: Actor, pledge_line: PledgeLine, action: str, note: str = "",
                  first: bool = False) -> PledgeRevision:
    """The line as it now stands, kept beside every earlier state of it."""
    if not first:
        pledge_line.revision += 1
        pledge_line.save(update_fields=["revision", "updated_at"])
    return PledgeRevision.objects.create(
        pledge_line=pledge_line, number=pledge_line.revision, action=action,
        stage=pledge_line.stage, quantity=pledge_line.quantity,
        committed=pledge_line.committed, shipped=pledge_line.shipped,
        delivered=pledge_line.delivered, accepted=pledge_line.accepted, value=pledge_line.value,
        currency=pledge_line.currency, due_on=pledge_line.due_on,
        agreement_reference=pledge_line.agreement_reference,
        export_licence=pledge_line.export_licence, response=pledge_line.response,
        note=note.strip(), recorded_by_id=user_id(actor))
