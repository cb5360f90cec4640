"""Editing a request's particulars while it is a draft or waits for the secretariat: its
titles, beneficiary, kind, terms, urgency, summary, letter, offer window and the states it is
addressed to. Once opened for offers, the states answer what was asked: it stays as it was."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.assistance.models import AssistanceRequest, Kind, Terms, Urgency
from concord.assistance.services._common import speaks_for, validated
from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import Forbidden, InvalidState, ValidationError, require_permission
from concord.core.policy import system_viewer
from concord.registry.models import MemberState

EDITABLE = (AssistanceRequest.Status.DRAFT, AssistanceRequest.Status.SUBMITTED)
TEXT_FIELDS = ("title_ru", "title_en", "beneficiary_ru", "beneficiary_en", "summary_ru",
               "summary_en", "letter_reference")


def may_edit(actor: Actor, request: AssistanceRequest) -> bool:
    """The requesting state's delegation, and the secretariat, edit a request not yet open."""
    if request.status not in EDITABLE:
        return False
    try:
        require_permission(actor, "assistance.add_assistancerequest")
        speaks_for(actor, request.requesting_state)
    except Forbidden:
        return False
    return True


@transaction.atomic
def request_update(*, actor: Actor, request: AssistanceRequest, title_ru: str,
                   beneficiary_ru: str, kind: str, terms: str, urgency: str,
                   title_en: str = "", beneficiary_en: str = "", summary_ru: str = "",
                   summary_en: str = "", letter_reference: str = "",
                   letter_dated: date | None = None, closes_on: date | None = None,
                   addressed_states: Iterable[MemberState] = ()) -> AssistanceRequest:
    """Changes a draft or submitted request; the audit entry names each changed field with
    its value before and after."""
    require_permission(actor, "assistance.add_assistancerequest")
    speaks_for(actor, request.requesting_state)
    # Locked as its requesting state holds it: the view has read it for the actor already.
    reader = system_viewer(request.originator, reason="editing an assistance request")
    current: AssistanceRequest | None = (
        AssistanceRequest.objects.visible_to(reader).select_for_update()
        .filter(pk=request.pk).first())
    if current is None or current.status not in EDITABLE:
        raise InvalidState(_("Only a draft or a submitted request is edited; once open for "
                             "offers, what was asked stays as it was."))
    addressed = list(addressed_states)
    given: dict[str, Any] = {
        "title_ru": title_ru.strip(), "title_en": title_en.strip(),
        "beneficiary_ru": beneficiary_ru.strip(), "beneficiary_en": beneficiary_en.strip(),
        "summary_ru": summary_ru.strip(), "summary_en": summary_en.strip(),
        "letter_reference": letter_reference.strip(), "letter_dated": letter_dated,
        "closes_on": closes_on, "kind": kind, "terms": terms, "urgency": urgency}
    errors = _errors(current, given, addressed)
    if errors:
        raise ValidationError(_("The request was not changed."), errors=errors)
    changes: dict[str, list[Any]] = {}
    for field, value in given.items():
        before = getattr(current, field)
        if before != value:
            changes[field] = [_plain(before), _plain(value)]
            setattr(current, field, value)
    before_states = sorted(s.iso_alpha2 for s in current.addressed_states.all())
    after_states = sorted(s.iso_alpha2 for s in addressed)
    if before_states != after_states:
        changes["addressed_states"] = [before_states or "all", after_states or "all"]
    if not changes:
        return current
    current.addressed_to_all = not addressed
    validated(current)
    current.save()
    current.addressed_states.set(addressed)
    audit_record(actor=actor, action="assistance.request.update", target=current,
                 detail={"changed": changes})
    return current


def _errors(current: AssistanceRequest, given: dict[str, Any],
            addressed: list[MemberState]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not given["title_ru"]:
        errors["title_ru"] = [_("Give the title in Russian.")]
    if not given["beneficiary_ru"]:
        errors["beneficiary_ru"] = [_("Name the beneficiary.")]
    for field, allowed, message in (("kind", Kind.values, _("Unknown kind of assistance.")),
                                    ("terms", Terms.values, _("Unknown terms.")),
                                    ("urgency", Urgency.values, _("Unknown urgency."))):
        if given[field] not in allowed:
            errors[field] = [message]
    if any(state.pk == current.requesting_state_id for state in addressed):
        errors["addressed_states"] = [_("A state does not address a request to itself.")]
    closes_on = given["closes_on"]
    if closes_on is not None and current.opens_on is not None and closes_on < current.opens_on:
        errors["closes_on"] = [_("On or after the day offers open, %(day)s.")
                               % {"day": current.opens_on.isoformat()}]
    return errors


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
