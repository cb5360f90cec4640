"""Every write to the registry: validated, atomic, audited."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor, user_id
from concord.core.audit import audit_record
from concord.core.changes import audited_update
from concord.core.errors import Conflict, ValidationError, require_permission
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.registry.models import (
    Body,
    Chairmanship,
    ContactPoint,
    MemberState,
    MemberStatus,
    MemberStatusChange,
    Official,
    Position,
    Term,
)


def _validated(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    """Model validation turned into the domain's ValidationError, field by field."""
    try:
        instance.full_clean(exclude=exclude)
    except DjangoValidationError as exc:
        errors = {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
        raise ValidationError(_("Please correct the marked fields."), errors=errors) from exc


M = TypeVar("M", bound=models.Model)


def _reject_unknown(fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValidationError(_("Unknown fields."), errors={f: [_("Unknown field.")] for f in unknown})


def _update(*, actor: Actor, record: M, fields: dict[str, Any], allowed: tuple[str, ...],
            action: str) -> dict[str, Any]:
    """Applies the allowed fields, validates, saves and audits only what changed."""
    _reject_unknown(fields, allowed)
    return audited_update(actor=actor, record=record, values=fields, action=action,
                          prepare=_validated)


STATE_FIELDS = (
    "name_ru", "name_en", "name_native", "native_language", "official_name_ru",
    "official_name_en", "official_name_accusative_ru", "official_name_in_text_en",
    "capital_time_zone", "joined_on",
)


@transaction.atomic
def member_state_register(*, actor: Actor, iso_alpha2: str, iso_alpha3: str, iso_numeric: str,
                          **fields: Any) -> MemberState:
    require_permission(actor, "registry.add_memberstate")
    iso_alpha2, iso_alpha3 = iso_alpha2.upper(), iso_alpha3.upper()
    if MemberState.objects.filter(iso_alpha2=iso_alpha2).exists():
        raise Conflict(_("%(code)s is already a member state.") % {"code": iso_alpha2})
    _reject_unknown(fields, STATE_FIELDS)
    # The table's check constraints hold these formats too, but a violated constraint is reported
    # for the record as a whole; a person needs to be told which code is wrong.
    codes = {"iso_alpha2": (iso_alpha2, r"[A-Z]{2}", _("Two Latin letters, as in ISO 3166-1.")),
             "iso_alpha3": (iso_alpha3, r"[A-Z]{3}", _("Three Latin letters, as in ISO 3166-1.")),
             "iso_numeric": (iso_numeric, r"[0-9]{3}", _("Three digits, as in ISO 3166-1."))}
    wrong = {name: [message] for name, (value, pattern, message) in codes.items()
             if not re.fullmatch(pattern, value)}
    if wrong:
        raise ValidationError(_("Please correct the marked fields."), errors=wrong)
    party = Party(code=iso_alpha2, kind=PartyKind.STATE,
                  name_ru=fields.get("name_ru", ""), name_en=fields.get("name_en", ""))
    state = MemberState(iso_alpha2=iso_alpha2, iso_alpha3=iso_alpha3, iso_numeric=iso_numeric,
                        status=MemberStatus.ACTIVE, **fields)
    _validated(party)
    _validated(state, exclude=["party"])
    party.save()
    state.party = party
    state.save()
    MemberStatusChange.objects.create(state=state, status=MemberStatus.ACTIVE,
                                      effective_on=state.joined_on, note="",
                                      recorded_by_id=user_id(actor))
    audit_record(actor=actor, action="registry.member_state.register", target=state,
                 detail={"iso_alpha2": iso_alpha2})
    return state


@transaction.atomic
def member_state_update(*, actor: Actor, state: MemberState, **fields: Any) -> MemberState:
    require_permission(actor, "registry.change_memberstate")
    changes = _update(actor=actor, record=state, fields=fields, allowed=STATE_FIELDS,
                      action="registry.member_state.update")
    if changes:
        party_names = {"name_ru": state.name_ru, "name_en": state.name_en}
        Party.objects.filter(pk=state.party_id).update(**party_names)
    return state


@transaction.atomic
def member_state_status_change(*, actor: Actor, state: MemberState, status: str,
                               effective_on: date, note: str) -> MemberStatusChange:
    require_permission(actor, "registry.change_memberstate")
    errors: dict[str, list[str]] = {}
    if status not in MemberStatus.values:
        errors["status"] = [_("Unknown status %(value)s.") % {"value": status}]
    if effective_on < state.joined_on:
        errors["effective_on"] = [_("The state joined on %(day)s; a change cannot precede it.")
                                  % {"day": state.joined_on.isoformat()}]
    if status != MemberStatus.ACTIVE and not note.strip():
        errors["note"] = [_("Give the ground for suspending or ending participation.")]
    if errors:
        raise ValidationError(_("The status was not changed."), errors=errors)
    if MemberStatusChange.objects.filter(state=state, effective_on=effective_on).exists():
        raise Conflict(_("A status change is already recorded for %(day)s.")
                       % {"day": effective_on.isoformat()})
    change = MemberStatusChange.objects.create(state=state, status=status,
                                               effective_on=effective_on, note=note.strip(),
                                               recorded_by_id=user_id(actor))
    member_state_refresh_status(state=state)
    audit_record(actor=actor, action="registry.member_state.status_change", target=state,
                 detail={"status": status, "effective_on": effective_on.isoformat()})
    return change


def member_state_refresh_status(*, state: MemberState) -> None:
    """The current status is the latest change that has taken effect by today."""
    latest = (MemberStatusChange.objects.filter(state=state, effective_on__lte=clock.today())
              .order_by("-effective_on", "-id").first())
    current = latest.status if latest else MemberStatus.ACTIVE
    if current != state.status:
        state.status = current
        MemberState.objects.filter(pk=state.pk).update(status=current)


BODY_FIELDS = ("kind", "name_ru", "name_en", "abbreviation_ru", "abbreviation_en", "parent",
               "description_ru", "description_en", "takes_decisions", "established_on", "order")


def _check_hierarchy(body: Body, parent: Body | None) -> None:
    seen = {body.pk}
    while parent is not None:
        if parent.pk in seen:
            raise ValidationError(_("A body cannot report to itself or to a body below it."),
                                  errors={"parent": [_("This would make a cycle.")]})
        seen.add(parent.pk)
        parent = parent.parent


@transaction.atomic
def body_create(*, actor: Actor, code: str, **fields: Any) -> Body:
    require_permission(actor, "registry.add_body")
    if Body.objects.filter(code=code).exists():
        raise Conflict(_("A body with code %(code)s exists.") % {"code": code})
    body = Body(code=code, **fields)
    _validated(body)
    body.save()
    audit_record(actor=actor, action="registry.body.create", target=body)
    return body


@transaction.atomic
def body_update(*, actor: Actor, body: Body, **fields: Any) -> Body:
    require_permission(actor, "registry.change_body")
    if "parent" in fields:
        _check_hierarchy(body, fields["parent"])
    _update(actor=actor, record=body, fields=fields, allowed=BODY_FIELDS,
            action="registry.body.update")
    return body


@transaction.atomic
def position_create(*, actor: Actor, body: Body, code: str, title_ru: str, title_en: str,
                    order: int = 0, contacts: list[tuple[str, str]] | None = None) -> Position:
    require_permission(actor, "registry.add_position")
    if Position.objects.filter(code=code).exists():
        raise Conflict(_("A position with code %(code)s exists.") % {"code": code})
    position = Position(body=body, code=code, title_ru=title_ru, title_en=title_en, order=order)
    _validated(position)
    position.save()
    for index, (kind, value) in enumerate(contacts or []):
        contact = ContactPoint(position=position, kind=kind, value=value, order=index)
        _validated(contact)
        contact.save()
    audit_record(actor=actor, action="registry.position.create", target=position)
    return position


OFFICIAL_FIELDS = ("name_ru", "name_en", "rank_ru", "rank_en", "state")


@transaction.atomic
def official_create(*, actor: Actor, **fields: Any) -> Official:
    require_permission(actor, "registry.add_official")
    official = Official(**fields)
    _validated(official)
    official.save()
    audit_record(actor=actor, action="registry.official.create", target=official)
    return official


@transaction.atomic
def official_update(*, actor: Actor, official: Official, **fields: Any) -> Official:
    require_permission(actor, "registry.change_official")
    _update(actor=actor, record=official, fields=fields, allowed=OFFICIAL_FIELDS,
            action="registry.official.update")
    return official


@transaction.atomic
def term_add(*, actor: Actor, official: Official, position: Position,
             started_on: date | None = None, ended_on: date | None = None,
             attested_on: date | None = None, source: str = "") -> Term:
    require_permission(actor, "registry.change_official")
    term = Term(official=official, position=position, started_on=started_on, ended_on=ended_on,
                attested_on=attested_on, source=source)
    errors: dict[str, list[str]] = {}
    if started_on is None and attested_on is None:
        errors["started_on"] = [_("Give the start of the term or a day it is attested.")]
    if started_on and ended_on and ended_on < started_on:
        errors["ended_on"] = [_("A term cannot end before it starts.")]
    if errors:
        raise ValidationError(_("The term was not recorded."), errors=errors)
    _validated(term)
    try:
        with transaction.atomic():
            term.save()
    except IntegrityError as exc:
        raise Conflict(_("This term is already recorded.")) from exc
    audit_record(actor=actor, action="registry.term.add", target=official,
                 detail={"position": position.code,
                         "started_on": started_on.isoformat() if started_on else None,
                         "ended_on": ended_on.isoformat() if ended_on else None})
    return term


@transaction.atomic
def chairmanship_record(*, actor: Actor, year: int, state: MemberState, note_ru: str = "",
                        note_en: str = "", handed_over_on: date | None = None) -> Chairmanship:
    """Records who chairs in a year, overriding the rotation rule for that year, and the day
    the state took the chairmanship over (none: on 1 January)."""
    require_permission(actor, "registry.change_chairmanship")
    if year < state.joined_on.year:
        raise ValidationError(_("The state was not a member in %(year)s.") % {"year": year},
                              errors={"year": [_("Before the state joined.")]})
    # The chairmanship passes at a session in the year before at the earliest, and a term that
    # began after its own year would never have run.
    if handed_over_on is not None and not year - 1 <= handed_over_on.year <= year:
        raise ValidationError(
            _("A chairmanship for %(year)s is handed over in %(before)s or %(year)s.")
            % {"year": year, "before": year - 1},
            errors={"handed_over_on": [_("Not in %(before)s or %(year)s.")
                                       % {"year": year, "before": year - 1}]})
    existing = Chairmanship.objects.select_for_update().filter(year=year).first()
    if existing is None:
        chair = Chairmanship(year=year, state=state, note_ru=note_ru, note_en=note_en,
                             handed_over_on=handed_over_on)
        _validated(chair)
        chair.save()
        audit_record(actor=actor, action="registry.chairmanship.record", target=chair,
                     target_id=str(year),
                     detail={"state": state.iso_alpha2,
                             "handed_over_on": handed_over_on.isoformat() if handed_over_on
                             else None})
        return chair
    audited_update(actor=actor, record=existing, action="registry.chairmanship.update",
                   values={"state": state, "note_ru": note_ru, "note_en": note_en,
                           "handed_over_on": handed_over_on},
                   prepare=_validated, target_id=str(year))
    return existing
