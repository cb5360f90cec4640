"""What every council service shares: today's date, model validation as domain errors, and the
label rule for derived records."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext as _

from concord.core.errors import ValidationError
from concord.core.labels import Classification, PartyKind, Viewer
from concord.core.models import LabelledModel, Party


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().date()


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


def party_of(actor: Any) -> Party | None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    party = getattr(actor, "party", None)
    return party if isinstance(party, Party) else None


def acts_for_a_state(actor: Any) -> bool:
    party = party_of(actor)
    return party is not None and party.kind == PartyKind.STATE


def released_parties(record: LabelledModel) -> tuple[bool, set[int]]:
    return record.release_to_all_members, set(record.releasable_to.values_list("pk", flat=True))


def label_at_least(sources: Iterable[LabelledModel]) -> tuple[int, bool, set[int]]:
    """The label no lower than any of the sources: the highest classification, released to all
    member states only if every source is, otherwise to the parties every source is released to
    (a source released to all member states admits every state's party)."""
    sources = list(sources)
    classification = max((s.classification for s in sources), default=0)
    all_members = all(s.release_to_all_members for s in sources)
    state_parties = set(Party.objects.filter(kind=PartyKind.STATE).values_list("pk", flat=True))
    common: set[int] | None = None
    for source in sources:
        to_all, parties = released_parties(source)
        reach = parties | (state_parties if to_all else set())
        common = reach if common is None else common & reach
    return classification, all_members, (common or set())


def originator_viewer(party: Party) -> Viewer:
    """How the system reads a party's own records when it acts for that party (the daily task,
    numbering, adoption): as the originator with the highest clearance."""
    return Viewer.for_party(party, Classification.SECRET)


def originator_viewers() -> list[Viewer]:
    """Every party as the originator of its own records: between them they see each record once
    when each query is also filtered on `originator_id=viewer.party_id`."""
    return [originator_viewer(party) for party in Party.objects.all()]


def clearance_errors(actor: Any, classification: int) -> dict[str, list[str]]:
    """A user may not label a record above their own clearance: they could not read it back."""
    clearance = getattr(actor, "clearance", None) if getattr(actor, "is_authenticated", False) \
        else None
    if clearance is not None and classification > clearance:
        return {"classification": [_("You may not classify above your own clearance.")]}
    return {}
