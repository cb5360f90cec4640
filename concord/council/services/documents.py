"""Documents: registration with their symbol, language texts with version histories, the states'
positions and the consensus rule. The silence procedure is in `silence`."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.clock import now, today
from concord.core.errors import Conflict, Forbidden, InvalidState, ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.models import Party
from concord.core.policy import label_errors, system_viewer, system_viewers
from concord.council.models import (
    LANGUAGES,
    AgendaItem,
    ConsensusOutcome,
    Document,
    DocumentText,
    Instruction,
    Procedure,
    Session,
    SilenceProcedure,
    StatePosition,
)
from concord.council.services._common import (
    acts_for_a_state,
    add_months,
    party_of,
    validated,
)
from concord.council.signing import text_sha256
from concord.registry.models import Body, MemberState, MemberStatus

LANGUAGE_CODES = [code for code, _label in LANGUAGES]


def symbol_for(*, body: Body, doc_type: str, year: int, serial: int) -> str:
    infix = Document.SYMBOL_INFIX[doc_type]
    prefix = body.abbreviation_en or body.code.upper()
    return "/".join(part for part in (prefix, infix, str(year), f"{serial:02d}") if part)


@transaction.atomic
def document_register(
    *, actor: Actor, body: Body, doc_type: str, title_ru: str, title_en: str,
    year: int | None = None, serial: int | None = None, session: Session | None = None,
    place_ru: str = "", place_en: str = "", classification: int = Classification.OFFICIAL_USE,
    release_to_all_members: bool = True, releasable_to: Iterable[Party] = (),
    originator: Party | None = None, texts: dict[str, str] | None = None,
    ratifications_required: int | None = None, entry_into_force_delay_days: int = 0,
    public_id: uuid.UUID | None = None, agenda_item: AgendaItem | None = None,
) -> Document:
    """A new draft, numbered in its body's series for the year and type, considered under
    `agenda_item` of its session's agenda when one is named."""
    require_permission(actor, "council.add_document")
    originator = originator or party_of(actor)
    releasable_to = list(releasable_to)
    errors = _registration_errors(
        actor=actor, body=body, doc_type=doc_type, session=session, classification=classification,
        originator=originator, release_to_all_members=release_to_all_members,
        releasable_to=releasable_to, ratifications_required=ratifications_required, texts=texts)
    if agenda_item is not None and (session is None or agenda_item.session_id != session.pk):
        errors["agenda_item"] = [_("Choose an item of the session's agenda.")]
    if errors:
        raise ValidationError(_("The document was not registered."), errors=errors)
    assert originator is not None  # noqa: S101  (checked above; for the type checker)
    year = year or (session.starts_on.year if session else today().year)
    if serial is None:
        serial = _series_max(body=body, doc_type=doc_type, year=year) + 1
    document = Document(
        body=body, doc_type=doc_type, year=year, serial=serial,
        symbol=symbol_for(body=body, doc_type=doc_type, year=year, serial=serial),
        title_ru=title_ru, title_en=title_en, session=session, place_ru=place_ru,
        place_en=place_en, classification=classification, originator=originator,
        release_to_all_members=release_to_all_members,
        ratifications_required=ratifications_required,
        entry_into_force_delay_days=entry_into_force_delay_days,
    )
    if public_id is not None:
        document.public_id = public_id
    validated(document, exclude=["releasable_to", "symbol"])
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as exc:
        raise Conflict(_("The number %(symbol)s is already taken.")
                       % {"symbol": document.symbol}) from exc
    document.releasable_to.set(list(releasable_to))
    for language, body_text in (texts or {}).items():
        DocumentText.objects.create(document=document, language=language, version=1,
                                    body=body_text, created_by=_user(actor))
    if agenda_item is not None:
        AgendaItem.documents.through.objects.create(agendaitem_id=agenda_item.pk,
                                                    document_id=document.pk)
    audit_record(actor=actor, action="council.document.register", target=document,
                 detail={"symbol": document.symbol, "type": doc_type,
                         "agenda_item": agenda_item.pk if agenda_item else None})
    return document


def _registration_errors(
    *, actor: Any, body: Body, doc_type: str, session: Session | None, classification: int,
    originator: Party | None, release_to_all_members: bool, releasable_to: list[Party],
    ratifications_required: int | None, texts: dict[str, str] | None,
) -> dict[str, list[str]]:
    """What is wrong with a document about to be registered, by field; empty when nothing is."""
    errors: dict[str, list[str]] = {}
    if originator is None:
        errors["originator"] = [_("Say which party originates the document.")]
    if doc_type not in Document.Type.values:
        errors["doc_type"] = [_("Unknown document type.")]
    if classification not in Classification.values:
        errors["classification"] = [_("Unknown classification.")]
    # A document of a session may be read only by those who may read the session.
    errors.update(label_errors(actor=actor, classification=classification, originator=originator,
                               release_to_all_members=release_to_all_members,
                               releasable_to=releasable_to, sources=[session] if session else []))
    if session is not None and session.body_id != body.pk:
        errors["session"] = [_("The session is of another body.")]
    if ratifications_required is not None and doc_type != Document.Type.AGREEMENT:
        errors["ratifications_required"] = [_("Only agreements are ratified.")]
    unknown = set(texts or {}) - set(LANGUAGE_CODES)
    if unknown:
        errors["texts"] = [_("Unknown language: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}]
    return errors


def _series_max(*, body: Body, doc_type: str, year: int) -> int:
    # The series counts every document of the body, whoever may read it, so that a number is
    # never given twice: each originator's documents are read as that originator sees them.
    tops = [Document.objects.visible_to(viewer).filter(originator_id=viewer.party_id, body=body,
                                                       doc_type=doc_type, year=year)
            .aggregate(top=Max("serial"))["top"] or 0
            for viewer in system_viewers(reason="numbering a document in its series")]
    return int(max(tops, default=0))


def _user(actor: Actor) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def document_text_revise(*, actor: Actor, document: Document, language: str, body: str,
                         note: str = "") -> DocumentText:
    """A new version of one language's text; the earlier versions stay."""
    require_permission(actor, "council.change_document")
    if language not in LANGUAGE_CODES:
        raise ValidationError(_("Unknown language."), errors={"language": [_("Unknown language.")]})
    if not body.strip():
        raise ValidationError(_("The text is empty."), errors={"body": [_("Required.")]})
    if document.status in (Document.Status.ADOPTED, Document.Status.PROCLAIMED,
                           Document.Status.WITHDRAWN):
        raise InvalidState(_("The texts of an adopted document are authentic and locked."))
    if document.status == Document.Status.CIRCULATING:
        raise InvalidState(_("The draft is under silence procedure; its text cannot change."))
    latest = (DocumentText.objects.filter(document=document, language=language)
              .aggregate(top=Max("version"))["top"]) or 0
    text = DocumentText.objects.create(document=document, language=language, version=latest + 1,
                                       body=body, note=note, created_by=_user(actor))
    audit_record(actor=actor, action="council.document.text_revise", target=document,
                 detail={"language": language, "version": text.version})
    return text


@transaction.atomic
def document_withdraw(*, actor: Actor, document: Document) -> Document:
    require_permission(actor, "council.change_document")
    if document.status in (Document.Status.ADOPTED, Document.Status.PROCLAIMED):
        raise InvalidState(_("An adopted document is not withdrawn; it is superseded."))
    document.status = Document.Status.WITHDRAWN
    document.save(update_fields=["status"])
    SilenceProcedure.objects.filter(document=document, status=SilenceProcedure.Status.RUNNING
                                    ).update(status=SilenceProcedure.Status.BROKEN, closed_at=now())
    audit_record(actor=actor, action="council.document.withdraw", target=document)
    return document


# --- Positions and the consensus rule --------------------------------------------------------

@transaction.atomic
def position_record(*, actor: Actor, document: Document, body: Body, state: MemberState,
                    stance: str, reason: str = "") -> StatePosition:
    """A state's position on a draft before a body. A delegate states their own state's; the
    secretariat records any state's as it is declared at a session."""
    require_permission(actor, "council.add_stateposition")
    if acts_for_a_state(actor) and getattr(actor, "party_id", None) != state.party_id:
        raise Forbidden(_("A delegation states only its own state's position."))
    errors: dict[str, list[str]] = {}
    if stance not in StatePosition.Stance.values:
        errors["stance"] = [_("Unknown position.")]
    if stance == StatePosition.Stance.NOT_PARTICIPATING and not reason.strip():
        errors["reason"] = [_("Give the reason or the reservation for not participating.")]
    if errors:
        raise ValidationError(_("The position was not recorded."), errors=errors)
    _refuse_positions_unless_draft(document)
    if ConsensusOutcome.objects.filter(document=document, body=body,
                                       outcome=ConsensusOutcome.Outcome.ADOPTED).exists():
        raise InvalidState(_("%(body)s has already adopted this draft.") % {"body": body.name})
    if state.status != MemberStatus.ACTIVE:
        raise InvalidState(_("%(state)s takes no part in decisions: its participation is %(status)s.")
                           % {"state": state.name, "status": state.get_status_display()})
    position, created = StatePosition.objects.update_or_create(
        document=document, body=body, state=state,
        defaults={"stance": stance, "reason": reason.strip(), "recorded_by": _user(actor)})
    audit_record(actor=actor, action="council.position.record", target=document,
                 detail={"body": body.code, "state": state.iso_alpha2, "stance": stance,
                         "changed": not created})
    if stance == StatePosition.Stance.OBJECTS:
        silence = (SilenceProcedure.objects.select_for_update()
                   .filter(document=document, body=body, status=SilenceProcedure.Status.RUNNING)
                   .first())
        if silence is not None:
            # An objection breaks the silence at once, not at the deadline.
            silence.status = SilenceProcedure.Status.BROKEN
            silence.broken_by = state
            silence.closed_at = now()
            silence.save(update_fields=["status", "broken_by", "closed_at"])
            _decide(actor=actor, document=document, body=body, session=None,
                    procedure=Procedure.SILENCE, on=today())
    return position


def _refuse_positions_unless_draft(document: Document) -> None:
    if document.is_proclaimed_act:
        raise InvalidState(_("States take no position on an act the chair proclaims."))
    if document.status not in (Document.Status.DRAFT, Document.Status.CIRCULATING):
        raise InvalidState(_("Positions are taken on drafts; this document is %(status)s.")
                           % {"status": document.get_status_display()})


@dataclass(frozen=True)
class Finding:
    adopted: bool
    ground: str
    not_bound: list[str] = field(default_factory=list)


def _names(states: Iterable[MemberState]) -> str:
    return ", ".join(sorted(s.name for s in states))


def consensus_rule(*, states: Iterable[MemberState], positions: Iterable[StatePosition],
                   procedure: str) -> Finding:
    """The organization's decision rule, and the only place it is written.

    Every active state takes a position; none objects; at least one concurs. States declaring
    non-participation are not bound; suspended (and withdrawn) states take no part. Under the
    silence procedure a state that kept silent until the deadline is taken to concur."""
    active = [s for s in states if s.status == MemberStatus.ACTIVE]
    suspended = [s for s in states if s.status == MemberStatus.SUSPENDED]
    by_state = {p.state_id: p for p in positions}
    taken = {s.pk: by_state[s.pk] for s in active if s.pk in by_state}
    silent = [s for s in active if s.pk not in taken]
    Stance = StatePosition.Stance
    objecting = [s for s in active if s.pk in taken and taken[s.pk].stance == Stance.OBJECTS]
    if objecting:
        reasons = "; ".join(f"{s.name}: {taken[s.pk].reason}" if taken[s.pk].reason else s.name
                            for s in sorted(objecting, key=lambda s: s.name))
        return Finding(False, _("Not adopted: objected by %(states)s.") % {"states": reasons})
    if silent and procedure == Procedure.SESSION:
        return Finding(False, _("Not adopted: no position yet from %(states)s.")
                       % {"states": _names(silent)})
    concurring = [s for s in active if s.pk in taken and taken[s.pk].stance == Stance.CONCURS]
    tacit = silent if procedure == Procedure.SILENCE else []
    if not concurring and not tacit:
        return Finding(False, _("Not adopted: no state concurs."))
    abstaining = [s for s in active if s.pk in taken and taken[s.pk].stance == Stance.ABSTAINS]
    apart = [s for s in active
             if s.pk in taken and taken[s.pk].stance == Stance.NOT_PARTICIPATING]
    parts = [_("Adopted by consensus: %(states)s concur.") % {"states": _names(concurring)}
             if concurring else _("Adopted by consensus.")]
    if tacit:
        parts.append(_("%(states)s kept silent until the deadline.") % {"states": _names(tacit)})
    if abstaining:
        parts.append(_("%(states)s abstain.") % {"states": _names(abstaining)})
    if apart:
        parts.append(_("%(states)s declared non-participation and are not bound (%(reasons)s).")
                     % {"states": _names(apart),
                        "reasons": "; ".join(taken[s.pk].reason for s in apart)})
    if suspended:
        parts.append(_("%(states)s took no part: participation suspended.")
                     % {"states": _names(suspended)})
    return Finding(True, " ".join(parts), sorted(s.iso_alpha2 for s in apart))


@dataclass(frozen=True)
class Outlook:
    """What the consensus rule would make of the positions taken so far, before anything is
    written: who answered, who has not, and whether the rule can conclude at all."""

    body: Body
    procedure: str
    answered: list[StatePosition]
    missing: list[MemberState]
    finding: Finding

    @property
    def participants(self) -> int:
        return len(self.answered) + len(self.missing)

    @property
    def concludes(self) -> bool:
        # At a session every participant must answer; under the silence procedure the
        # deadline turns silence into consent.
        return not self.missing or self.procedure == Procedure.SILENCE


def decision_outlook(*, document: Document, body: Body | None = None,
                     procedure: str = Procedure.SESSION) -> Outlook:
    body = body or document.body
    states = list(MemberState.objects.order_by("name_ru"))
    taken = list(StatePosition.objects.filter(document=document, body=body)
                 .select_related("state", "recorded_by"))
    by_state = {p.state_id: p for p in taken}
    active = [s for s in states if s.status == MemberStatus.ACTIVE]
    return Outlook(
        body=body, procedure=procedure,
        answered=[by_state[s.pk] for s in active if s.pk in by_state],
        missing=[s for s in active if s.pk not in by_state],
        finding=consensus_rule(states=states, positions=taken, procedure=procedure))


@transaction.atomic
def document_decide(*, actor: Actor, document: Document, body: Body | None = None,
                    session: Session | None = None, procedure: str = Procedure.SESSION,
                    on: date | None = None, confirm_refusal: bool = False) -> ConsensusOutcome:
    """Apply the consensus rule to the positions taken and record the outcome with its ground.
    When the adopting body adopts, the document is adopted: its texts become authentic.

    The rule is applied only when it can conclude, and a refusal is permanent, so recording one
    needs `confirm_refusal`: a premature or mistaken press writes nothing."""
    require_permission(actor, "council.add_consensusoutcome")
    body = body or document.body
    _check_decidable(document=document, body=body, session=session)
    if procedure == Procedure.SESSION:
        outlook = decision_outlook(document=document, body=body, procedure=procedure)
        if not outlook.concludes:
            missing = _names(outlook.missing)
            raise ValidationError(
                _("The consensus rule cannot conclude yet: no position from %(states)s.")
                % {"states": missing},
                errors={"positions": [_("No position yet from %(states)s.") % {"states": missing}]})
        if not outlook.finding.adopted and not confirm_refusal:
            raise ValidationError(
                _("%(ground)s Recording this refusal needs a confirmation.")
                % {"ground": outlook.finding.ground},
                errors={"confirm_refusal": [
                    _("Confirm to record the refusal: it cannot be undone.")]})
    return _decide(actor=actor, document=document, body=body, session=session,
                   procedure=procedure, on=on)


def _check_decidable(*, document: Document, body: Body, session: Session | None) -> None:
    if document.is_proclaimed_act:
        raise InvalidState(_("An act the chair proclaims is not decided by consensus."))
    if document.status not in (Document.Status.DRAFT, Document.Status.CIRCULATING):
        raise InvalidState(_("Only a draft is decided on; this document is %(status)s.")
                           % {"status": document.get_status_display()})
    if session is not None and not session.takes_formal_decisions:
        raise InvalidState(_("An informal session takes no formal decisions."))
    if session is not None and session.body_id != body.pk:
        raise ValidationError(_("The session is of another body."),
                              errors={"session": [_("Not a session of %(body)s.") % {"body": body.name}]})
    if ConsensusOutcome.objects.filter(document=document, body=body,
                                       outcome=ConsensusOutcome.Outcome.ADOPTED).exists():
        raise Conflict(_("%(body)s has already adopted this draft.") % {"body": body.name})


def _decide(*, actor: Actor, document: Document, body: Body, session: Session | None,
            procedure: str, on: date | None) -> ConsensusOutcome:
    # Also reached without the deciding permission: a delegation's objection breaks a silence
    # procedure, and that ends it with the rule's finding at once.
    _check_decidable(document=document, body=body, session=session)
    final = body.pk == document.body_id
    texts = _latest_texts(document)
    if final and not texts:
        raise InvalidState(_("A document without a text cannot be adopted."))
    states = list(MemberState.objects.all())
    taken = list(StatePosition.objects.filter(document=document, body=body))
    # The ground is recorded in both working languages, each with the states' names in it.
    with translation.override("en"):
        finding = consensus_rule(states=states, positions=taken, procedure=procedure)
    with translation.override("ru"):
        ground_ru = consensus_rule(states=states, positions=taken, procedure=procedure).ground
    decided_on = on or (session.starts_on if session else today())
    outcome = ConsensusOutcome.objects.create(
        document=document, body=body, session=session, procedure=procedure,
        outcome=(ConsensusOutcome.Outcome.ADOPTED if finding.adopted
                 else ConsensusOutcome.Outcome.NOT_ADOPTED),
        ground_ru=ground_ru, ground_en=finding.ground, not_bound=finding.not_bound, decided_on=decided_on,
        recorded_by=_user(actor))
    if finding.adopted and final:
        _adopt(document, texts=texts, on=decided_on, session=session)
    elif document.status == Document.Status.CIRCULATING:
        document.status = Document.Status.DRAFT
        document.save(update_fields=["status"])
    audit_record(actor=actor, action="council.document.decide", target=document,
                 detail={"body": body.code, "procedure": procedure, "outcome": outcome.outcome,
                         "ground": finding.ground})
    return outcome


def _latest_texts(document: Document) -> list[DocumentText]:
    latest: dict[str, DocumentText] = {}
    for text in DocumentText.objects.filter(document=document).order_by("language", "version"):
        latest[text.language] = text
    return list(latest.values())


def _adopt(document: Document, *, texts: list[DocumentText], on: date,
           session: Session | None) -> None:
    for text in texts:
        text.is_authentic = True
        text.sha256 = text_sha256(text.body)
        text.save(update_fields=["is_authentic", "sha256"])
    document.status = Document.Status.ADOPTED
    document.adopted_on = on
    fields = ["status", "adopted_on"]
    if session is not None and document.session_id is None:
        document.session = session
        fields.append("session")
    document.save(update_fields=fields)
    # Relative deadlines ("within three months") start to run on the day of adoption.
    viewer = system_viewer(document.originator,
                           reason="starting the deadlines of an adopted decision's instructions")
    for instruction in Instruction.objects.visible_to(viewer).filter(document=document):
        due = resolve_due(instruction, adopted_on=on)
        if due != instruction.due_on:
            instruction.due_on = due
            instruction.save(update_fields=["due_on"])


def resolve_due(instruction: Instruction, *, adopted_on: date | None) -> date | None:
    if instruction.deadline_on is not None:
        return instruction.deadline_on
    if adopted_on is None or (instruction.deadline_months is None
                              and instruction.deadline_days is None):
        return None
    due = add_months(adopted_on, instruction.deadline_months or 0)
    return due + timedelta(days=instruction.deadline_days or 0)
