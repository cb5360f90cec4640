"""The silence procedure: a draft circulates between sessions and is adopted at its deadline
unless a state objects."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core.actors import SYSTEM, Actor
from concord.core.audit import audit_record
from concord.core.clock import now
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.council.models import (
    ConsensusOutcome,
    Document,
    Procedure,
    SilenceProcedure,
    StatePosition,
)
from concord.council.services.documents import _latest_texts, document_decide
from concord.registry.models import Body


@transaction.atomic
def silence_start(*, actor: Actor, document: Document, deadline: datetime,
                  body: Body | None = None) -> SilenceProcedure:
    """Circulates a draft between sessions: adopted at the deadline unless a state objects."""
    require_permission(actor, "council.add_consensusoutcome")
    body = body or document.body
    if document.is_proclaimed_act:
        raise InvalidState(_("An act the chair proclaims is not decided by consensus."))
    if document.status != Document.Status.DRAFT:
        raise InvalidState(_("Only a draft circulates; this document is %(status)s.")
                           % {"status": document.get_status_display()})
    if deadline.tzinfo is None:
        raise ValidationError(_("Give the deadline with its time zone."),
                              errors={"deadline": [_("Time zone missing.")]})
    started = now()
    if deadline <= started:
        raise ValidationError(_("The deadline must be in the future."),
                              errors={"deadline": [_("Already passed.")]})
    if StatePosition.objects.filter(document=document, body=body,
                                    stance=StatePosition.Stance.OBJECTS).exists():
        raise InvalidState(_("A state objects to this draft; the silence would be broken at once."))
    if not _latest_texts(document):
        raise InvalidState(_("A document without a text cannot circulate."))
    silence = SilenceProcedure.objects.create(document=document, body=body, started_at=started,
                                              deadline=deadline)
    document.status = Document.Status.CIRCULATING
    document.save(update_fields=["status"])
    audit_record(actor=actor, action="council.silence.start", target=document,
                 detail={"body": body.code, "deadline": deadline.isoformat()})
    return silence


@transaction.atomic
def silence_conclude(*, actor: Actor, silence: SilenceProcedure,
                     at: datetime | None = None) -> ConsensusOutcome:
    require_permission(actor, "council.add_consensusoutcome")
    at = at or now()
    silence = SilenceProcedure.objects.select_for_update().select_related(
        "document", "body").get(pk=silence.pk)
    if silence.status != SilenceProcedure.Status.RUNNING:
        raise InvalidState(_("This silence procedure has ended."))
    if at < silence.deadline:
        raise InvalidState(_("The silence procedure runs until %(deadline)s.")
                           % {"deadline": silence.deadline.isoformat(timespec="minutes")})
    silence.status = SilenceProcedure.Status.ADOPTED
    silence.closed_at = at
    outcome = document_decide(actor=actor, document=silence.document, body=silence.body,
                              procedure=Procedure.SILENCE, on=silence.deadline.date())
    if outcome.outcome != ConsensusOutcome.Outcome.ADOPTED:
        silence.status = SilenceProcedure.Status.BROKEN
    silence.save(update_fields=["status", "closed_at"])
    return outcome


def silence_conclude_due(*, at: datetime | None = None) -> list[ConsensusOutcome]:
    """Ends every silence procedure whose deadline has passed (run by the daily task)."""
    at = at or now()
    due = SilenceProcedure.objects.filter(status=SilenceProcedure.Status.RUNNING,
                                          deadline__lte=at)
    return [silence_conclude(actor=SYSTEM, silence=silence, at=at) for silence in due]
