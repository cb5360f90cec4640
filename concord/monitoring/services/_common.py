"""What every write to the incident store checks and derives alike."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.errors import ValidationError
from concord.core.models import Party
from concord.core.policy import require_clearance
from concord.monitoring.models import severity_of


def _validated(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    try:
        instance.full_clean(exclude=exclude)
    except DjangoValidationError as exc:
        errors = {name: [str(m) for m in messages] for name, messages in exc.message_dict.items()}
        raise ValidationError(_("Please correct the marked fields."), errors=errors) from exc


def _check_label(actor: Actor, classification: int) -> None:
    require_clearance(actor, classification)


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _derived(values: dict[str, Any]) -> dict[str, Any]:
    values["week"] = week_of(values["occurred_on"])
    values["severity"] = severity_of(category=values["category"],
                                     fatalities=values.get("fatalities") or 0,
                                     injured=values.get("injured") or 0)
    return values


def _label_parties(originator: Party | None, actor: Actor) -> Party:
    party = originator or getattr(actor, "party", None)
    if party is None:
        raise ValidationError(_("An incident needs an originating party."),
                              errors={"originator": [_("Choose the originating party.")]})
    return party
