"""Opening a case, moving it through its phases, linking the records that belong to it, its
clock facts, its duty team; and convening the Council from it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils.translation import gettext as _

from concord.accounts.models import User
from concord.assistance.models import AssistanceRequest
from concord.core import clock
from concord.core.actors import Actor, SystemActor, person, user_id
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.core.labels import Classification, PartyKind, can_read
from concord.core.models import LabelledModel, Party
from concord.core.policy import label_errors
from concord.council.models import Session
from concord.council.services.sessions import session_create
from concord.crisis import phases
from concord.crisis.models import Case, CaseLink, ClockFact, DutyPosition, PhaseChange
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.models import Alert
from concord.monitoring.selectors import alert_incidents
from concord.monitoring.taxonomy import Category
from concord.registry.models import Body

OPEN_CASE = "crisis.add_case"
RUN_CASE = "crisis.change_case"

# How an indicator's category names the kind of crisis it warns of.
TYPE_OF_CATEGORY: dict[str, str] = {
    Category.BATTLES: Case.Type.AGGRESSION, Category.EXPLOSIONS: Case.Type.AGGRESSION,
    Category.TERRORISM: Case.Type.TERRORISM, Category.EXTREMISM: Case.Type.TERRORISM,
    Category.PROTESTS: Case.Type.UNREST, Category.RIOTS: Case.Type.UNREST,
    Category.NATURAL_EMERGENCY: Case.Type.NATURAL, Category.MANMADE_EMERGENCY: Case.Type.MAN_MADE}
SEVERITY_OF_LEVEL = {"red": Case.Severity.SEVERE, "orange": Case.Severity.MODERATE}


def _area_errors(latitude: float | None, longitude: float | None, radius_km: float | None,
                 area: dict[str, Any] | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if latitude is not None and not -90 <= latitude <= 90:  # noqa: PLR2004
        errors["latitude"] = [_("%(value)s is not a latitude (−90 to 90).") % {"value": latitude}]
    if longitude is not None and not -180 <= longitude <= 180:  # noqa: PLR2004
        errors["longitude"] = [_("%(value)s is not a longitude (−180 to 180).") % {
            "value": longitude}]
    if radius_km is not None and radius_km <= 0:
        errors["radius_km"] = [_("The radius must be above zero.")]
    if (latitude is None) != (longitude is None):
        errors["latitude" if latitude is None else "longitude"] = [
            _("Give both the latitude and the longitude, or neither.")]
    if area is not None and not (isinstance(area, dict) and isinstance(area.get("type"), str)):
        errors["area"] = [_("The area must be a GeoJSON object with a type.")]
    return errors


def _link(case: Case, target_type: str, target_id: str) -> bool:
    _, made = CaseLink.objects.get_or_create(case=case, target_type=target_type,
                                             target_id=target_id,
                                             defaults={"linked_at": clock.now()})
    return made


def _name_of(target: models.Model) -> tuple[str, str]:
    return target._meta.label_lower, str(getattr(target, "public_id", None) or target.pk)


@transaction.atomic
def case_open(
    *, actor: Actor, title: str, type: str, severity: str, affected_states: Iterable[Party],
    classification: int = Classification.OFFICIAL_USE, originator: Party | None = None,
    release_to_all_members: bool = True, releasable_to: Iterable[Party] = (),
    legal_basis: str = "", latitude: float | None = None, longitude: float | None = None,
    radius_km: float | None = None, area: dict[str, Any] | None = None,
    opened_from: str = Case.Source.HAND, sources: Iterable[LabelledModel] = (),
    at: datetime | None = None, public_id: uuid.UUID | None = None,
) -> Case:
    """Opens a case in the monitoring phase. `sources` are the records it is opened from (an
    alert, incidents, a request): they are linked to it, and its label is no wider than
    theirs."""
    require_permission(actor, OPEN_CASE)
    sources = [source for source in sources if source is not None]
    states = list(affected_states)
    parties = list(releasable_to)
    originator = originator or getattr(actor, "party", None)
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Required.")]
    if type not in Case.Type.values:
        errors["type"] = [_("Unknown type: %(value)s.") % {"value": type}]
    if severity not in Case.Severity.values:
        errors["severity"] = [_("Unknown severity: %(value)s.") % {"value": severity}]
    if not states:
        errors["affected_states"] = [_("Name at least one affected state.")]
    if originator is None:
        errors["originator"] = [_("Required.")]
    errors.update(_area_errors(latitude, longitude, radius_km, area))
    errors.update(label_errors(actor=actor, classification=classification, originator=originator,
                               release_to_all_members=release_to_all_members,
                               releasable_to=parties, sources=sources))
    if errors:
        raise ValidationError(_("The case was not opened."), errors=errors)
    case = Case(title=title.strip(), type=type, severity=severity, legal_basis=legal_basis,
                latitude=latitude, longitude=longitude, radius_km=radius_km, area=area,
                opened_from=opened_from, opened_at=at or clock.now(), opened_by_id=user_id(actor),
                classification=classification, originator=originator,
                release_to_all_members=release_to_all_members)
    if public_id is not None:
        case.public_id = public_id
    case.save()
    case.releasable_to.set(parties)
    case.affected_states.set(states)
    _link(case, *_name_of(case))
    for source in sources:
        _link(case, *_name_of(source))
    audit_record(actor=actor, action="crisis.case.open", target=case,
                 detail={"text": case.title, "from": opened_from,
                         "event_at": case.opened_at.isoformat(),
                         "sources": [_name_of(source)[1] for source in sources]})
    return case


def _states_of_alert(actor: Actor, alert: Alert) -> list[Party]:
    """The member states of the alert's region; for an indicator watching everywhere, the
    states where the incidents it counted happened."""
    known = REGION_BY_CODE.get(alert.indicator.region)
    if known is not None:
        codes = set(known.countries)
    else:
        counted = alert_incidents(viewer=person(actor), alert=alert)
        codes = set(counted.values_list("country", flat=True))
    return list(Party.objects.filter(code__in=codes, kind=PartyKind.STATE))


@transaction.atomic
def case_open_from_alert(*, actor: Actor, alert: Alert, title: str = "",
                         affected_states: Iterable[Party] = (), latitude: float | None = None,
                         longitude: float | None = None, radius_km: float | None = None,
                         public_id: uuid.UUID | None = None) -> Case:
    """A case opened from an alert: labelled as the alert, of the kind its indicator watches,
    in the member states of its region unless others are named."""
    indicator = alert.indicator
    states = list(affected_states) or _states_of_alert(actor, alert)
    return case_open(
        actor=actor, title=title or str(indicator.name),
        type=TYPE_OF_CATEGORY.get(indicator.category, Case.Type.AGGRESSION),
        severity=SEVERITY_OF_LEVEL.get(alert.level, Case.Severity.MINOR), affected_states=states,
        classification=alert.classification, originator=alert.originator,
        release_to_all_members=alert.release_to_all_members,
        releasable_to=list(alert.releasable_to.all()), opened_from=Case.Source.ALERT,
        sources=[alert], latitude=latitude, longitude=longitude, radius_km=radius_km,
        public_id=public_id)


@transaction.atomic
def case_open_from_request(*, actor: Actor, request: AssistanceRequest, title: str = "",
                           type: str = Case.Type.NATURAL,
                           severity: str = Case.Severity.SEVERE) -> Case:
    """A case opened from a request for assistance: labelled as the request, for its
    requesting state; the request's pledges are then written to the case's log."""
    return case_open(
        actor=actor, title=title or str(request.title), type=type, severity=severity,
        affected_states=[request.requesting_state.party], classification=request.classification,
        originator=request.originator, release_to_all_members=request.release_to_all_members,
        releasable_to=list(request.releasable_to.all()), opened_from=Case.Source.REQUEST,
        sources=[request])


@transaction.atomic
def case_link(*, actor: Actor, case: Case, target: models.Model) -> Case:
    """Makes `target` (an incident, a request, a document...) belong to the case: from now on
    every audited change of it is written to the case's log."""
    require_permission(actor, RUN_CASE)
    if not case.is_open:
        raise InvalidState(_("The case is closed."))
    if (isinstance(target, LabelledModel) and not isinstance(actor, SystemActor)
            and not can_read(actor, target)):
        raise ValidationError(_("The record was not linked."),
                              errors={"target": [_("You may not read this record.")]})
    target_type, target_id = _name_of(target)
    if _link(case, target_type, target_id):
        # Audited on the record linked, so that the log entry naming it carries its label, not
        # the case's: a reader of the case who may not read the record learns nothing of it.
        audit_record(actor=actor, action="crisis.case.link", target=target,
                     detail={"text": str(target), "case": str(case.public_id)})
    return case


@transaction.atomic
def case_advance(*, actor: Actor, case: Case, to_phase: str, note: str = "",
                 at: datetime | None = None) -> Case:
    """Moves the case to its next phase, or closes it where the phase rules allow."""
    require_permission(actor, RUN_CASE)
    mover = person(actor)
    problem = phases.refusal(case.phase, to_phase)
    if problem:
        raise InvalidState(problem)
    moment = at or clock.now()
    moved = Case.objects.visible_to(mover).filter(pk=case.pk, phase=case.phase).update(
        phase=to_phase, closed_at=moment if to_phase == Case.Phase.CLOSED else None)
    if not moved:
        raise InvalidState(_("The case has moved on meanwhile: reload the page."))
    PhaseChange.objects.create(case=case, from_phase=case.phase, to_phase=to_phase, at=moment,
                               by_id=user_id(actor), note=note)
    previous, case.phase = case.phase, to_phase
    case.closed_at = moment if to_phase == Case.Phase.CLOSED else None
    audit_record(actor=actor, action="crisis.case.advance", target=case,
                 detail={"from": previous, "to": to_phase, "text": f"{to_phase}\n{note}".strip(),
                         "event_at": moment.isoformat()})
    transaction.on_commit(lambda: case_notify(case=case, previous=previous))
    return case


def case_notify(*, case: Case, previous: str) -> int:
    """Mails the duty team and the delegations of the affected states who may read the case."""
    team = User.objects.filter(pk__in=DutyPosition.objects.filter(case=case)
                               .values("person_id"))
    delegations = User.objects.filter(party__in=case.affected_states.all(),
                                      groups__name="delegate")
    people = (team | delegations).filter(is_active=True).exclude(email="").distinct()
    recipients = sorted({user.email for user in people.select_related("party")
                         if can_read(user, case)})
    if not recipients:
        return 0
    subject = _("Crisis case “%(case)s”: %(phase)s") % {
        "case": case.title, "phase": Case.Phase(case.phase).label}
    body = _("The case moved from the phase “%(previous)s” to “%(phase)s”.") % {
        "previous": Case.Phase(previous).label, "phase": Case.Phase(case.phase).label}
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


@transaction.atomic
def fact_record(*, actor: Actor, case: Case, kind: str, at: datetime, note: str = "") -> ClockFact:
    """Records (or corrects) one of the case's clock facts."""
    require_permission(actor, RUN_CASE)
    if kind not in ClockFact.Kind.values:
        raise ValidationError(_("The fact was not recorded."),
                              errors={"kind": [_("Unknown fact: %(value)s.") % {"value": kind}]})
    if at < case.opened_at and kind != ClockFact.Kind.REQUEST:
        raise ValidationError(_("The fact was not recorded."), errors={"at": [
            _("Before the case was opened (%(opened)s).") % {
                "opened": case.opened_at.isoformat(timespec="minutes")}]})
    fact, _made = ClockFact.objects.update_or_create(case=case, kind=kind,
                                                     defaults={"at": at, "note": note})
    audit_record(actor=actor, action="crisis.fact.record", target=case,
                 detail={"text": f"{ClockFact.Kind(kind).label}: {at.isoformat()}",
                         "kind": kind, "at": at.isoformat(), "event_at": at.isoformat()})
    return fact


@transaction.atomic
def duty_assign(*, actor: Actor, case: Case, person: User, position: str,
                shift_start: datetime, shift_end: datetime | None = None) -> DutyPosition:
    require_permission(actor, RUN_CASE)
    errors: dict[str, list[str]] = {}
    if not position.strip():
        errors["position"] = [_("Required.")]
    if shift_end is not None and shift_end <= shift_start:
        errors["shift_end"] = [_("The shift must end after it starts.")]
    if not can_read(person, case):
        errors["person"] = [_("%(user)s may not read this case.") % {"user": person.get_username()}]
    if errors:
        raise ValidationError(_("The duty position was not assigned."), errors=errors)
    duty = DutyPosition.objects.create(case=case, person=person, position=position.strip(),
                                       shift_start=shift_start, shift_end=shift_end)
    audit_record(actor=actor, action="crisis.duty.assign", target=case,
                 detail={"text": f"{position.strip()}: {person.get_username()}",
                         "event_at": shift_start.isoformat()})
    return duty


@transaction.atomic
def case_convene(*, actor: Actor, case: Case, body: Body, starts_on: date,
                 kind: str = Session.Kind.EXTRAORDINARY, title_ru: str = "",
                 title_en: str = "", place_ru: str = "", place_en: str = "") -> Session:
    """Convenes a session of `body` on the case, through the Council's own service. The
    session is linked under its id before it is created, so that its creation is logged."""
    require_permission(actor, RUN_CASE)
    if not case.is_open:
        raise InvalidState(_("The case is closed."))
    public_id = uuid.uuid4()
    _link(case, Session._meta.label_lower, str(public_id))
    session = session_create(
        actor=actor, body=body, kind=kind, title_ru=title_ru or case.title,
        title_en=title_en or case.title, place_ru=place_ru or "Москва",
        place_en=place_en or "Moscow", starts_on=starts_on,
        classification=case.classification, originator=case.originator,
        release_to_all_members=case.release_to_all_members,
        releasable_to=list(case.releasable_to.all()), public_id=public_id)
    if case.phase == Case.Phase.MONITORING:
        case_advance(actor=actor, case=case, to_phase=Case.Phase.CONSULTATION)
    return session
