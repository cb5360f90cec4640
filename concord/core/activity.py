"""What a user did, as sentences in the page's language: each app tells its own audit actions
(concord.core.shell.Activity); an action no app tells reads as a general sentence. A record is
named only when the viewer may read it now, through the same scope as every list, so a record
hidden since (a raised label) reads as one without a name."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.translation import gettext as _

from concord.core.actors import Viewer
from concord.core.models import AuditEntry, LabelledModel
from concord.core.shell import Activity, ShellRegistry, registry


@dataclass(frozen=True)
class ActivityLine:
    at: datetime
    sentence: str
    url: str
    # The entry's outcome when it is not a success (refused or failed), for the reader.
    outcome: str


def _keys(model: type[models.Model], ids: set[str]) -> tuple[str, list[Any]]:
    """How the audit log names a record of `model`: by its public id where it has one."""
    if any(field.name == "public_id" for field in model._meta.fields):
        keys: list[Any] = []
        for value in ids:
            try:
                keys.append(uuid.UUID(value))
            except ValueError:
                continue
        return "public_id", keys
    return "pk", [value for value in ids if value.isdigit()]


def _readable(viewer: Viewer, wanted: dict[str, set[str]],
              related: dict[str, set[str]]) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    for label, ids in wanted.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        field, keys = _keys(model, ids)
        if not keys:
            continue
        records: Any = (model.objects.visible_to(viewer)
                        if issubclass(model, LabelledModel) else model._default_manager.all())
        if related[label]:
            records = records.select_related(*sorted(related[label]))
        for record in records.filter(**{f"{field}__in": keys}):
            found[(label, str(getattr(record, field)))] = record
    return found


def _told(activity: Activity | None, record: Any) -> str:
    if activity is None:
        return _("You took an action in Concord.")
    if record is not None and activity.sentence:
        return str(activity.sentence) % {"record": activity.name(record)}
    return str(activity.unnamed)


def activity_lines(*, viewer: Viewer, entries: Iterable[AuditEntry],
                   shell: ShellRegistry | None = None) -> list[ActivityLine]:
    """The entries told as sentences, each linked to its record where the viewer may read it."""
    shell = shell or registry
    entries = list(entries)
    told = {entry.action: shell.activity(entry.action) for entry in entries}
    wanted: dict[str, set[str]] = defaultdict(set)
    related: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        activity = told[entry.action]
        if activity is not None and activity.model == entry.target_type and entry.target_id:
            wanted[entry.target_type].add(entry.target_id)
            related[entry.target_type].update(activity.related)
    records = _readable(viewer, wanted, related)
    lines = []
    for entry in entries:
        record = records.get((entry.target_type, entry.target_id))
        url = getattr(record, "get_absolute_url", None)
        lines.append(ActivityLine(
            at=entry.at, sentence=_told(told[entry.action], record),
            url=url() if callable(url) else "",
            outcome="" if entry.outcome == AuditEntry.Outcome.SUCCESS
            else str(entry.get_outcome_display())))
    return lines
