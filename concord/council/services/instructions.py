"""Instructions that decisions give, the addressees' progress reports, the daily overdue check,
and the Secretary General's implementation report."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from concord.accounts.models import User
from concord.core.actors import SYSTEM, Actor, SystemActor, user_id
from concord.core.audit import audit_record
from concord.core.changes import audited_update
from concord.core.clock import today
from concord.core.errors import Forbidden, InvalidState, ValidationError, require_permission
from concord.core.labels import Classification, PartyKind, can_read
from concord.core.models import Party
from concord.core.policy import (
    audience_of,
    label_errors,
    label_within,
    system_viewer,
    system_viewers,
)
from concord.council.models import (
    Document,
    ImplementationEntry,
    ImplementationReport,
    Instruction,
    ProgressReport,
    Session,
)
from concord.council.services._common import (
    acts_for_a_state,
    party_of,
    validated,
)
from concord.council.services.documents import resolve_due
from concord.registry.models import Body, MemberState

# A plan's measures are instructions too: whom each is addressed to, and by when.
INSTRUCTING_TYPES = (Document.Type.DECISION, Document.Type.INSTRUCTION_LIST, Document.Type.PLAN)


@transaction.atomic
def instruction_add(
    *, actor: Actor, document: Document, text_ru: str, text_en: str, addressee_kind: str,
    addressee_body: Body | None = None, addressee_state: MemberState | None = None,
    deadline_on: date | None = None, deadline_months: int | None = None,
    deadline_days: int | None = None, classification: int | None = None,
    public_id: uuid.UUID | None = None,
) -> Instruction:
    """An instruction of a decision. It carries the decision's label, or a higher
    classification, never a lower one (no write-down)."""
    require_permission(actor, "council.add_instruction")
    errors: dict[str, list[str]] = {}
    if document.doc_type not in INSTRUCTING_TYPES:
        errors["document"] = [_("Only decisions, plans and instruction lists give instructions.")]
    if addressee_kind not in Instruction.Addressee.values:
        errors["addressee_kind"] = [_("Unknown addressee.")]
    if addressee_kind == Instruction.Addressee.BODY and addressee_body is None:
        errors["addressee_body"] = [_("Name the body.")]
    if addressee_kind == Instruction.Addressee.STATE and addressee_state is None:
        errors["addressee_state"] = [_("Name the state.")]
    if deadline_on is not None and (deadline_months or deadline_days):
        errors["deadline_on"] = [_("Give either a fixed or a relative deadline, not both.")]
    classification = document.classification if classification is None else classification
    # An instruction is read by those who may read its decision, never by others.
    errors.update(label_errors(actor=actor, classification=classification,
                               originator=document.originator,
                               release_to_all_members=document.release_to_all_members,
                               releasable_to=document.releasable_to.all(), sources=[document]))
    if not text_ru.strip() and not text_en.strip():
        errors["text_en"] = [_("Say what is to be done.")]
    if errors:
        raise ValidationError(_("The instruction was not added."), errors=errors)
    if document.status in (Document.Status.WITHDRAWN, Document.Status.NOT_ADOPTED):
        raise InvalidState(_("The decision is %(status)s.") % {"status": document.get_status_display()})
    # Numbers run over every instruction of the decision, as its originator sees them.
    reader = system_viewer(document.originator, reason="numbering an instruction of a decision")
    top = (Instruction.objects.visible_to(reader)
           .filter(document=document).aggregate(top=Max("number"))["top"]) or 0
    instruction = Instruction(
        document=document, number=top + 1, text_ru=text_ru, text_en=text_en,
        addressee_kind=addressee_kind,
        addressee_body=addressee_body if addressee_kind == Instruction.Addressee.BODY else None,
        addressee_state=addressee_state if addressee_kind == Instruction.Addressee.STATE else None,
        deadline_on=deadline_on, deadline_months=deadline_months, deadline_days=deadline_days,
        classification=classification, originator=document.originator,
        release_to_all_members=document.release_to_all_members)
    if public_id is not None:
        instruction.public_id = public_id
    instruction.due_on = resolve_due(instruction, adopted_on=document.adopted_on)
    validated(instruction, exclude=["releasable_to"])
    instruction.save()
    instruction.releasable_to.set(list(document.releasable_to.all()))
    audit_record(actor=actor, action="council.instruction.add", target=instruction,
                 detail={"document": document.symbol, "number": instruction.number})
    return instruction


def _addressed_to(instruction: Instruction, party: Party) -> bool:
    kind = instruction.addressee_kind
    if party.kind == PartyKind.STATE:
        if kind == Instruction.Addressee.ALL_STATES:
            return True
        return bool(kind == Instruction.Addressee.STATE and instruction.addressee_state is not None
                    and instruction.addressee_state.party_id == party.pk)
    return kind in (Instruction.Addressee.SECRETARIAT, Instruction.Addressee.BODY)


@transaction.atomic
def instruction_report(*, actor: Actor, instruction: Instruction, text: str,
                       status: str) -> ProgressReport:
    """The addressee reports progress. A delegation reports only on what is addressed to its
    state (or to all states)."""
    require_permission(actor, "council.add_progressreport")
    party = party_of(actor)
    if party is None:
        raise Forbidden(_("Only a party's user reports on an instruction."))
    if acts_for_a_state(actor) and not _addressed_to(instruction, party):
        raise Forbidden(_("This instruction is not addressed to your state."))
    errors: dict[str, list[str]] = {}
    if status not in (Instruction.Status.IN_PROGRESS, Instruction.Status.DONE):
        errors["status"] = [_("Report the instruction in progress or done.")]
    if not text.strip():
        errors["text"] = [_("Say what was done.")]
    if errors:
        raise ValidationError(_("The report was not recorded."), errors=errors)
    if not instruction.is_open:
        raise InvalidState(_("The instruction is %(status)s.")
                           % {"status": instruction.get_status_display()})
    report = ProgressReport.objects.create(instruction=instruction, party=party, text=text.strip(),
                                           status_after=status, reported_by_id=user_id(actor))
    # An overdue instruction stays flagged until it is done.
    if status == Instruction.Status.DONE or instruction.status == Instruction.Status.ASSIGNED:
        instruction.status = status
        instruction.save(update_fields=["status"])
    audit_record(actor=actor, action="council.instruction.report", target=instruction,
                 detail={"status": status})
    return report


@transaction.atomic
def instruction_cancel(*, actor: Actor, instruction: Instruction, reason: str) -> Instruction:
    require_permission(actor, "council.change_instruction")
    if not reason.strip():
        raise ValidationError(_("Give the ground for cancelling."), errors={"reason": [_("Required.")]})
    if not instruction.is_open:
        raise InvalidState(_("The instruction is %(status)s.")
                           % {"status": instruction.get_status_display()})
    instruction.status = Instruction.Status.CANCELLED
    instruction.save(update_fields=["status"])
    audit_record(actor=actor, action="council.instruction.cancel", target=instruction,
                 detail={"reason": reason.strip()})
    return instruction


@transaction.atomic
def instruction_flag_overdue(*, on: date | None = None) -> list[Instruction]:
    """Flags every open instruction past its due day and, after commit, tells the people who
    may read it: the addressee's users and the secretariat's officers."""
    on = on or today()
    flagged: list[Instruction] = []
    for viewer in system_viewers(reason="flagging overdue instructions"):
        late = (Instruction.objects.visible_to(viewer)
                .filter(originator_id=viewer.party_id, due_on__lt=on,
                        status__in=(Instruction.Status.ASSIGNED, Instruction.Status.IN_PROGRESS))
                .select_related("document", "addressee_state", "originator"))
        for instruction in late:
            instruction.status = Instruction.Status.OVERDUE
            instruction.overdue_notified_on = on
            instruction.save(update_fields=["status", "overdue_notified_on"])
            audit_record(actor=SYSTEM, action="council.instruction.overdue", target=instruction,
                         detail={"due_on": instruction.due_on.isoformat() if instruction.due_on
                                 else None})
            flagged.append(instruction)
    if flagged:
        transaction.on_commit(lambda: _notify_overdue([i.pk for i in flagged], on))
    return flagged


def _notify_overdue(pks: list[int], on: date) -> None:
    for viewer in system_viewers(reason="telling the people concerned of overdue instructions"):
        for instruction in (Instruction.objects.visible_to(viewer)
                            .filter(pk__in=pks, originator_id=viewer.party_id)
                            .select_related("document", "addressee_state")):
            for user in _people_to_tell(instruction):
                send_mail(
                    subject=_("Overdue instruction %(ref)s") % {"ref": str(instruction)},
                    message=_("The instruction %(ref)s was due on %(due)s and is not done:\n\n"
                              "%(text)s") % {"ref": str(instruction), "due": instruction.due_on,
                                             "text": instruction.text},
                    from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[user.email],
                    fail_silently=True)


def _people_to_tell(instruction: Instruction) -> Iterable[User]:
    candidates = User.objects.filter(is_active=True).exclude(email="").select_related("party")
    for user in candidates:
        # Nobody learns of an instruction by e-mail that they could not read in Concord.
        if user.party is None or not can_read(user, instruction):
            continue
        if user.party.kind == PartyKind.SECRETARIAT or _addressed_to(instruction, user.party):
            yield user


# --- The Secretary General's implementation report --------------------------------------------

@transaction.atomic
def implementation_report_generate(*, actor: Actor, session: Session,
                                   covers: Session | None = None,
                                   public_id: uuid.UUID | None = None) -> ImplementationReport:
    """Drafts the report to `session` on the instructions of the decisions of the session
    before it, as far as the author may read them; labelled no lower than any of them."""
    require_permission(actor, "council.add_implementationreport")
    covers = covers or session.previous
    if covers is None:
        raise InvalidState(_("This session has no previous session to report on."))
    reader = system_viewer(session.originator, reason="the operator's implementation report") \
        if isinstance(actor, SystemActor) else actor
    instructions = list(Instruction.objects.visible_to(reader)
                        .filter(document__session=covers,
                                document__status=Document.Status.ADOPTED)
                        .select_related("document", "addressee_state", "addressee_body")
                        .order_by("document__symbol", "number"))
    party = party_of(actor) or session.originator
    # Labelled as every instruction it reports on allows, and no wider; nor wider than the
    # session it covers, whose title it carries.
    label = label_within(audience_of([*instructions, covers]), originator=party,
                         floor=Classification.PUBLIC if instructions
                         else Classification.OFFICIAL_USE)
    classification, to_all, parties = (label.classification, label.release_to_all_members,
                                       label.releasable_to)
    report = ImplementationReport(
        session=session, covers=covers, originator=party, classification=classification,
        release_to_all_members=to_all,
        title_ru=f"Доклад о ходе выполнения решений: {covers.title_ru}",
        title_en=f"Report on the implementation of the decisions of the {covers.title_en}")
    if public_id is not None:
        report.public_id = public_id
    validated(report, exclude=["releasable_to"])
    report.save()
    report.releasable_to.set(list(parties))
    # The report states each instruction as it stands on the day it is prepared, so one past its
    # day is overdue in it even before the nightly check flags it.
    prepared_on = today()
    for order, instruction in enumerate(instructions, start=1):
        ImplementationEntry.objects.create(
            report=report, instruction=instruction, order=order,
            status=instruction.status_on(prepared_on),
            text_ru=_entry_text(instruction, "ru"), text_en=_entry_text(instruction, "en"))
    audit_record(actor=actor, action="council.implementation_report.generate", target=report,
                 detail={"session": str(session.public_id), "entries": len(instructions)})
    return report


def _entry_text(instruction: Instruction, language: str) -> str:
    latest = instruction.reports.order_by("-reported_at", "-id").first()
    if latest is not None:
        return latest.text
    return "Сообщений об исполнении не поступало." if language == "ru" else \
        "No report on implementation has been received."


@transaction.atomic
def implementation_entry_edit(*, actor: Actor, entry: ImplementationEntry, text_ru: str,
                              text_en: str) -> ImplementationEntry:
    require_permission(actor, "council.change_implementationreport")
    audited_update(actor=actor, record=entry, values={"text_ru": text_ru, "text_en": text_en},
                   action="council.implementation_report.edit", target=entry.report,
                   detail={"entry": entry.pk})
    return entry


@transaction.atomic
def implementation_report_edit(*, actor: Actor, report: ImplementationReport,
                               introduction_ru: str, introduction_en: str) -> ImplementationReport:
    require_permission(actor, "council.change_implementationreport")
    audited_update(actor=actor, record=report, action="council.implementation_report.edit",
                   values={"introduction_ru": introduction_ru, "introduction_en": introduction_en},
                   derived=("edited_at",))
    return report
