"""Sessions, their participants and their agendas."""

from __future__ import annotations

import uuid
import zoneinfo
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.changes import audited_update
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.models import Party
from concord.core.policy import clearance_errors, system_viewer
from concord.council.models import AgendaItem, Document, Participant, Session
from concord.council.services._common import party_of, validated
from concord.registry.models import Body, MemberState, Official, Position
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
