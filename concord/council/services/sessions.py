"""Sessions, their participants and their agendas."""

from __future__ import annotations

import uuid
import zoneinfo
from collections.abc import Iterable, Sequence
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.changes import audited_update
from concord.core.errors import Conflict, InvalidState, ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.models import Party
from concord.core.policy import clearance_errors, system_viewer
from concord.council.models import AgendaItem, Document, Participant, Session, StatePosition
from concord.council.services._common import party_of, validated
from concord.registry.models import Body, MemberState, MemberStatus, Official, Position
from concord.registry.rotation import russian_collation_key, status_on
from concord.registry.selectors import chair_on

IMPLEMENTATION_ITEM = (
    "О ходе выполнения решений предыдущей сессии",
    "Report on the implementation of the decisions of the previous session",
)
STATUS_ORDER = [s.value for s in Session.Status]


def _previous_session(*, body: Body, before: date, originator: Party) -> Session | None:
    # The session before, as the organizing party sees its own sessions.
    viewer = system_viewer(originator, reason="finding the previous session of a new session")
    return (Session.objects.visible_to(viewer)
            .filter(body=body, starts_on__lt=before)
            .exclude(kind=Session.Kind.INFORMAL).order_by("-starts_on").first())


@transaction.atomic
def session_create(
    *, actor: Actor, body: Body, kind: str, title_ru: str, title_en: str, place_ru: str,
    place_en: str, starts_on: date, ends_on: date | None = None, time_zone: str = "Europe/Moscow",
    chair: MemberState | None = None, previous: Session | None = None,
    dates_tentative: bool = False, classification: int = Classification.PUBLIC,
    release_to_all_members: bool = True, releasable_to: Iterable[Party] = (),
    originator: Party | None = None, reported_signed_count: int | None = None, source: str = "",
    public_id: uuid.UUID | None = None,
) -> Session:
    require_permission(actor, "council.add_session")
    originator = originator or party_of(actor)
    if originator is None:
        raise ValidationError(_("Say which party organizes the session."),
                              errors={"originator": [_("Required.")]})
    above = clearance_errors(actor, classification)
    if above:
        raise ValidationError(_("The session was not created."), errors=above)
    try:
        zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(_("Unknown time zone."),
                              errors={"time_zone": [_("Use a name such as Europe/Moscow.")]}) from None
    if chair is None:
        chair = chair_on(viewer=actor, day=starts_on, before_handover=True).state
    if previous is None and kind != Session.Kind.INFORMAL:
        previous = _previous_session(body=body, before=starts_on, originator=originator)
    session = Session(
        body=body, kind=kind, title_ru=title_ru, title_en=title_en, place_ru=place_ru,
        place_en=place_en, starts_on=starts_on, ends_on=ends_on or starts_on,
        dates_tentative=dates_tentative, time_zone=time_zone, chair=chair, previous=previous,
        classification=classification, originator=originator,
        release_to_all_members=release_to_all_members,
        reported_signed_count=reported_signed_count, source=source,
    )
    if public_id is not None:
        session.public_id = public_id
    if session.ends_on < session.starts_on:
        raise ValidationError(_("A session cannot end before it starts."),
                              errors={"ends_on": [_("Before the first day.")]})
    validated(session, exclude=["releasable_to"])
    session.save()
    session.releasable_to.set(list(releasable_to))
    if previous is not None:
        # Every session hears how the previous one's decisions were carried out.
        secretary_general = Position.objects.filter(code="secretary-general").first()
        AgendaItem.objects.create(
            session=session, order=1, title_ru=IMPLEMENTATION_ITEM[0],
            title_en=IMPLEMENTATION_ITEM[1], rapporteur_position=secretary_general,
            is_implementation_report=True)
    audit_record(actor=actor, action="council.session.create", target=session,
                 detail={"body": body.code, "starts_on": starts_on.isoformat()})
    return session


@transaction.atomic
def session_set_status(*, actor: Actor, session: Session, status: str) -> Session:
    require_permission(actor, "council.change_session")
    if status not in STATUS_ORDER:
        raise ValidationError(_("Unknown status."), errors={"status": [_("Unknown status.")]})
    if STATUS_ORDER.index(status) <= STATUS_ORDER.index(session.status):
        raise InvalidState(_("A session moves forward only: it is %(status)s.")
                           % {"status": session.get_status_display()})
    old = session.status
    session.status = status
    session.save(update_fields=["status"])
    audit_record(actor=actor, action="council.session.status", target=session,
                 detail={"from": old, "to": status})
    return session


@transaction.atomic
def participant_add(*, actor: Actor, session: Session, state: MemberState | None = None,
                    position: Position | None = None, official: Official | None = None,
                    is_head_of_delegation: bool = False) -> Participant:
    require_permission(actor, "council.change_session")
    if state is None and official is None:
        raise ValidationError(_("Name the state or the official taking part."),
                              errors={"state": [_("Required when no official is named.")]})
    order = session.participants.count() + 1
    participant = Participant(session=session, state=state, position=position, official=official,
                              is_head_of_delegation=is_head_of_delegation, order=order)
    validated(participant)
    participant.save()
    audit_record(actor=actor, action="council.session.participant_add", target=session,
                 detail={"state": state.iso_alpha2 if state else None,
                         "official": str(official.public_id) if official else None})
    return participant


@transaction.atomic
def participants_add_member_states(*, actor: Actor, session: Session) -> list[Participant]:
    """Adds, in one step, every state that is an active member on the session's first day and
    does not yet take part as a state; the states already there keep their places."""
    require_permission(actor, "council.change_session")
    present = set(Participant.objects.filter(session=session, state__isnull=False)
                  .values_list("state_id", flat=True))
    candidates = MemberState.objects.prefetch_related("status_history").exclude(pk__in=present)
    joining = sorted((state for state in candidates
                      if status_on(state, session.starts_on) == MemberStatus.ACTIVE),
                     key=lambda state: russian_collation_key(state.name_ru))
    order = session.participants.count()
    added = Participant.objects.bulk_create([
        Participant(session=session, state=state, order=order + index)
        for index, state in enumerate(joining, start=1)])
    if added:
        audit_record(actor=actor, action="council.session.participants_add_all", target=session,
                     detail={"states": [state.iso_alpha2 for state in joining],
                             "on": session.starts_on.isoformat()})
    return added


@transaction.atomic
def participant_edit(*, actor: Actor, participant: Participant, state: MemberState | None,
                     position: Position | None, official: Official | None,
                     is_head_of_delegation: bool) -> Participant:
    require_permission(actor, "council.change_session")
    if state is None and official is None:
        raise ValidationError(_("Name the state or the official taking part."),
                              errors={"state": [_("Required when no official is named.")]})
    if participant.state_id is not None and participant.state_id != getattr(state, "pk", None):
        _refuse_if_state_spoke(participant, _("The state cannot be changed"))
    audited_update(actor=actor, record=participant,
                   values={"state": state, "position": position, "official": official,
                           "is_head_of_delegation": is_head_of_delegation},
                   action="council.session.participant_edit", target=participant.session,
                   prepare=validated, detail={"participant": participant.pk})
    return participant


def _refuse_if_state_spoke(participant: Participant, refusal: str) -> None:
    # A delegation whose state has recorded a position on the session's documents is part of
    # the record of how those documents were decided.
    spoke = StatePosition.objects.filter(state_id=participant.state_id,
                                         document__session_id=participant.session_id).count()
    if spoke:
        raise Conflict(_("%(refusal)s: %(state)s has recorded positions on %(count)s of this "
                         "session's documents.")
                       % {"refusal": refusal, "state": participant.state, "count": spoke})


@transaction.atomic
def participant_remove(*, actor: Actor, participant: Participant) -> None:
    require_permission(actor, "council.change_session")
    if participant.state_id is not None:
        _refuse_if_state_spoke(participant, _("The participant was not removed"))
    session = participant.session
    detail = {"participant": participant.pk,
              "state": participant.state.iso_alpha2 if participant.state else None,
              "official": str(participant.official.public_id) if participant.official else None}
    participant.delete()
    audit_record(actor=actor, action="council.session.participant_remove", target=session,
                 detail=detail)


def _reordered(current: Sequence[int], order: Sequence[int], *, field: str) -> list[int]:
    """`order` checked to name each of `current` exactly once."""
    if sorted(order) != sorted(current) or len(set(order)) != len(order):
        unknown = [str(pk) for pk in order if pk not in current]
        missing = [str(pk) for pk in current if pk not in order]
        problems = []
        if unknown:
            problems.append(_("not on this list: %(ids)s") % {"ids": ", ".join(unknown)})
        if missing:
            problems.append(_("missing: %(ids)s") % {"ids": ", ".join(missing)})
        if not problems:
            problems.append(_("an entry is named twice"))
        raise ValidationError(_("The new order must name every entry once."),
                              errors={field: ["; ".join(problems)]})
    return list(order)


@transaction.atomic
def participants_reorder(*, actor: Actor, session: Session, order: Sequence[int]) -> None:
    require_permission(actor, "council.change_session")
    rows = list(Participant.objects.select_for_update().filter(session=session)
                .order_by("order", "pk"))
    wanted = _reordered([p.pk for p in rows], order, field="order")
    by_pk = {p.pk: p for p in rows}
    for place, pk in enumerate(wanted, start=1):
        by_pk[pk].order = place
    Participant.objects.bulk_update(rows, ["order"])
    audit_record(actor=actor, action="council.session.participants_reorder", target=session,
                 detail={"order": wanted})


@transaction.atomic
def agenda_items_reorder(*, actor: Actor, session: Session, parent: AgendaItem | None,
                         order: Sequence[int]) -> None:
    """Puts the items directly under `parent` (the top level when None) in the order given."""
    require_permission(actor, "council.change_session")
    rows = list(AgendaItem.objects.select_for_update().filter(session=session, parent=parent)
                .order_by("order", "pk"))
    wanted = _reordered([i.pk for i in rows], order, field="order")
    by_pk = {i.pk: i for i in rows}
    for place, pk in enumerate(wanted, start=1):
        by_pk[pk].order = place
    AgendaItem.objects.bulk_update(rows, ["order"])
    audit_record(actor=actor, action="council.agenda_item.reorder", target=session,
                 detail={"parent": parent.pk if parent else None, "order": wanted})


def _under_itself(item: AgendaItem, parent: AgendaItem | None) -> bool:
    seen = parent
    while seen is not None:
        if seen.pk == item.pk:
            return True
        seen = seen.parent
    return False


@transaction.atomic
def agenda_item_edit(
    *, actor: Actor, item: AgendaItem, title_ru: str, title_en: str,
    parent: AgendaItem | None = None, rapporteur: Official | None = None,
    rapporteur_position: Position | None = None, outcome_ru: str = "", outcome_en: str = "",
) -> AgendaItem:
    require_permission(actor, "council.change_session")
    if parent is not None and (parent.session_id != item.session_id or _under_itself(item, parent)):
        raise ValidationError(_("An item cannot be placed under itself or another session's item."),
                              errors={"parent": [_("Choose an item of this agenda that is not "
                                                   "this one or under it.")]})
    values: dict[str, object] = {
        "title_ru": title_ru, "title_en": title_en, "parent": parent, "rapporteur": rapporteur,
        "rapporteur_position": rapporteur_position, "outcome_ru": outcome_ru,
        "outcome_en": outcome_en}
    if parent != item.parent:
        # Moved under another item, it goes last there.
        siblings = AgendaItem.objects.filter(session_id=item.session_id, parent=parent)
        values["order"] = max((i.order for i in siblings), default=0) + 1
    audited_update(actor=actor, record=item, values=values, action="council.agenda_item.edit",
                   target=item.session, prepare=validated, detail={"item": item.pk})
    return item


@transaction.atomic
def agenda_item_remove(*, actor: Actor, item: AgendaItem) -> None:
    require_permission(actor, "council.change_session")
    if item.is_implementation_report:
        raise InvalidState(_("Every session hears the report on the previous session's "
                             "decisions: this item cannot be removed."))
    documents = AgendaItem.documents.through.objects.filter(agendaitem_id=item.pk).count()
    children = AgendaItem.objects.filter(parent_id=item.pk).count()
    if documents or children:
        reasons = []
        if documents:
            reasons.append(ngettext("%(count)d document is attached to it",
                                    "%(count)d documents are attached to it", documents)
                           % {"count": documents})
        if children:
            reasons.append(ngettext("%(count)d item is under it",
                                    "%(count)d items are under it", children)
                           % {"count": children})
        raise Conflict(_("The item was not removed: %(reasons)s.")
                       % {"reasons": "; ".join(reasons)})
    session = item.session
    detail = {"item": item.pk, "title": item.title_en}
    item.delete()
    audit_record(actor=actor, action="council.agenda_item.remove", target=session, detail=detail)


@transaction.atomic
def document_agenda_item_set(*, actor: Actor, document: Document,
                             item: AgendaItem | None) -> Document:
    """Attaches the document to one item of its session's agenda (or to none), in place of the
    items that considered it."""
    require_permission(actor, "council.change_document")
    if item is not None and (document.session_id is None or item.session_id != document.session_id):
        raise ValidationError(_("The item is not on the agenda of the document's session."),
                              errors={"agenda_item": [_("Choose an item of the session's "
                                                        "agenda.")]})
    links = AgendaItem.documents.through
    before = sorted(links.objects.filter(document_id=document.pk)
                    .values_list("agendaitem_id", flat=True))
    after = [item.pk] if item is not None else []
    if before != after:
        links.objects.filter(document_id=document.pk).delete()
        if item is not None:
            links.objects.create(agendaitem_id=item.pk, document_id=document.pk)
        audit_record(actor=actor, action="council.document.agenda_item", target=document,
                     detail={"from": before, "to": after})
    return document


@transaction.atomic
def agenda_item_add(
    *, actor: Actor, session: Session, title_ru: str, title_en: str,
    parent: AgendaItem | None = None, rapporteur: Official | None = None,
    rapporteur_position: Position | None = None, documents: Iterable[Document] = (),
    outcome_ru: str = "", outcome_en: str = "",
) -> AgendaItem:
    require_permission(actor, "council.change_session")
    if parent is not None and parent.session_id != session.pk:
        raise ValidationError(_("The parent item belongs to another session."),
                              errors={"parent": [_("Not on this agenda.")]})
    siblings = AgendaItem.objects.filter(session=session, parent=parent)
    order = (max((i.order for i in siblings), default=0)) + 1
    item = AgendaItem(session=session, parent=parent, order=order, title_ru=title_ru,
                      title_en=title_en, rapporteur=rapporteur,
                      rapporteur_position=rapporteur_position, outcome_ru=outcome_ru,
                      outcome_en=outcome_en)
    validated(item)
    item.save()
    # Through the link table: the related manager would read the documents without a viewer.
    links = AgendaItem.documents.through
    links.objects.bulk_create([links(agendaitem_id=item.pk, document_id=d.pk) for d in documents])
    audit_record(actor=actor, action="council.agenda_item.add", target=session,
                 detail={"item": item.pk, "title": title_en})
    return item


@transaction.atomic
def agenda_item_record_outcome(*, actor: Actor, item: AgendaItem, outcome_ru: str,
                               outcome_en: str) -> AgendaItem:
    require_permission(actor, "council.change_session")
    audited_update(actor=actor, record=item, values={"outcome_ru": outcome_ru,
                                                     "outcome_en": outcome_en},
                   action="council.agenda_item.outcome", target=item.session,
                   detail={"item": item.pk})
    return item
