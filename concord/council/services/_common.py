"""What every council service shares: month arithmetic, model validation as domain errors, and who
the actor acts for. The label policy (clearance, system reads, derived labels) is in core."""

from __future__ import annotations

import calendar
from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.errors import ValidationError
from concord.core.labels import PartyKind
from concord.core.models import LabelledModel, Party


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day where it is shorter (31 Jan + 1 = 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def validated(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    # Uniqueness checks would query a labelled table without a viewer; the database's own
    # constraints hold those rows, and the services turn a violation into a Conflict.
    labelled = isinstance(instance, LabelledModel)
    try:
        instance.full_clean(exclude=exclude, validate_unique=not labelled,
                            validate_constraints=not labelled)
    except DjangoValidationError as exc:
        errors = {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
        raise ValidationError(_("Please correct the marked fields."), errors=errors) from exc


def party_of(actor: Actor) -> Party | None:
    if not actor.is_authenticated:
        return None
    party = getattr(actor, "party", None)
    return party if isinstance(party, Party) else None


def acts_for_a_state(actor: Actor) -> bool:
    party = party_of(actor)
    return party is not None and party.kind == PartyKind.STATE
