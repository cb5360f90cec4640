"""The case's one log, kept by the audit chain itself.

Every service call that touches the case writes a log entry automatically, in the same
transaction, so the log rests on the audit chain. No app's service is edited for it: every
service already appends its audit entry through `concord.core.audit.audit_record`, and the
kernel hands each entry, inside the appending transaction, to the listeners registered with
`audit_listen`. This app registers `log_from_audit` (in `CrisisConfig.ready`): when the audited
target (`monitoring.alert`, `council.session`, a case itself...) is linked to a case not yet
closed (`CaseLink`), it writes one entry per such case, carrying the audit entry's sequence
number, its actor, party and moment, and the label of the target. The entry therefore commits
with the change and its audit entry, or not at all: a failed write leaves neither, and the
chain's hashes vouch for each entry's moment, actor and target.

A record is linked before the call that touches it is made (the case's services create a
council session under a public id linked in advance), so that even its first audit entry, the
one that creates it, reaches the log.

Duty officers add their own entries (`log_add`) and promote any entry to "significant"
(`log_promote`), as emergency operations centres keep their activity logs. Each entry carries
its own label: a viewer reads the entries they may read and is told how many others are
withheld, and nothing of them (`concord.crisis.selectors.log`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor, person, user_id
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.models import AuditEntry, LabelledModel, Party
from concord.core.policy import label_errors
from concord.crisis.models import Case, CaseLink, DutyPosition, LogEntry, Stream

KEEP_LOG = "crisis.add_logentry"
# A duty officer's own entries are audited under these; they are written by the service itself.
OWN_ACTIONS = frozenset({"crisis.log.add", "crisis.log.promote", "crisis.log.export"})
STREAMS = {stream.value for stream in Stream}


def stream_of(target_type: str) -> str:
    app = target_type.split(".", 1)[0]
    return app if app in STREAMS else Stream.CRISIS


def _position(case_id: int, actor_id: int | None, at: Any) -> str:
    if actor_id is None:
        return ""
    on_shift = (DutyPosition.objects.filter(case_id=case_id, person_id=actor_id,
                                            shift_start__lte=at)
                .filter(models.Q(shift_end__isnull=True) | models.Q(shift_end__gt=at))
                .order_by("-shift_start").values_list("position", flat=True).first())
    return on_shift or ""


def _case_label(case_id: int, row: tuple[Any, ...]) -> tuple[int, int, bool, list[int]]:
    classification, originator_id, to_all = row
    through: Any = Case.releasable_to.through
    parties = list(through.objects.filter(case_id=case_id).values_list("party_id", flat=True))
    return classification, originator_id, to_all, parties


def _target_label(target: LabelledModel) -> tuple[int, int, bool, list[int]]:
    return (int(target.classification), target.originator_id, target.release_to_all_members,
            list(target.releasable_to.values_list("pk", flat=True)))


def _entry_text(target: models.Model | None, detail: str) -> str:
    """What the entry names: the text the service gave, or else the record touched (an alert by
    its indicator)."""
    told = json.loads(detail or "{}").get("text")
    if told:
        return str(told)
    if target is None or isinstance(target, Case):
        return ""
    named = getattr(target, "indicator", None)
    return str(named if named is not None else target)


# The relations by which a record belongs to another: a pledge answers its request, so that the
# pledges made on a request linked to a case are written to the case's log too.
PARENT_FIELDS = ("request",)


def _named(record: models.Model) -> tuple[str, str]:
    return record._meta.label_lower, str(getattr(record, "public_id", None) or record.pk)


def _keys(entry: AuditEntry, target: models.Model | None) -> Q:
    keys = Q(target_type=entry.target_type, target_id=entry.target_id)
    for field in PARENT_FIELDS:
        parent = getattr(target, field, None) if target is not None else None
        if isinstance(parent, models.Model):
            parent_type, parent_id = _named(parent)
            keys |= Q(target_type=parent_type, target_id=parent_id)
    return keys


def log_from_audit(entry: AuditEntry, target: models.Model | None) -> None:
    """The audit listener: one log entry per open case the audited target (or the record it
    answers) is linked to."""
    if entry.outcome != AuditEntry.Outcome.SUCCESS or entry.action in OWN_ACTIONS:
        return
    if not entry.target_type or entry.action.endswith(".read"):
        return
    # A closed case logs nothing more of its records; its own closing is its last entry.
    links = (CaseLink.objects.filter(_keys(entry, target))
             .exclude(Q(case__phase=Case.Phase.CLOSED) & ~Q(target_type=Case._meta.label_lower))
             .values_list("case_id", "case__classification", "case__originator_id",
                          "case__release_to_all_members"))
    # An act of the crisis centre on a record for one case (linking it, deploying it) belongs
    # to that case's log only, not to the other cases the record is linked to.
    for_case = json.loads(entry.detail or "{}").get("case")
    if for_case:
        links = links.filter(case__public_id=for_case)
    written: set[int] = set()
    for case_id, *case_row in links:
        if case_id in written:
            continue
        written.add(case_id)
        label = (_target_label(target) if isinstance(target, LabelledModel)
                 else _case_label(case_id, tuple(case_row)))
        _write(case_id=case_id, entry=entry, label=label,
               text=_entry_text(target, entry.detail))


# The moment of the event being entered after the fact, for the entries of the services of
# other apps called meanwhile, which know nothing of the case's log (see `happened_at`).
_HAPPENED_AT: ContextVar[datetime | None] = ContextVar("crisis_happened_at", default=None)


@contextmanager
def happened_at(moment: datetime | None) -> Iterator[None]:
    """The log entries written inside are dated `moment`: an event entered after the fact (a
    decision adopted, a contingent moved) through another app's service, whose audit entry
    cannot say when it happened. Without a moment, nothing changes."""
    if moment is None:
        yield
        return
    token = _HAPPENED_AT.set(moment)
    try:
        yield
    finally:
        _HAPPENED_AT.reset(token)


def _event_time(entry: AuditEntry) -> datetime:
    """When it happened: a service recording an event after the fact (a phase change dated
    by the duty officer) says so in its detail as `event_at`, or the caller dated the calls
    with `happened_at`; otherwise the audit entry's moment. The audit entry keeps the moment
    it was recorded either way."""
    told = json.loads(entry.detail or "{}").get("event_at")
    if told:
        return datetime.fromisoformat(told)
    return _HAPPENED_AT.get() or entry.at


def _write(*, case_id: int, entry: AuditEntry, label: tuple[int, int, bool, list[int]],
           text: str) -> LogEntry:
    classification, originator_id, to_all, parties = label
    stream = stream_of(entry.target_type)
    at = _event_time(entry)
    log = LogEntry.objects.create(
        case_id=case_id, at=at, actor_id=entry.actor_id, actor_name=entry.actor_name,
        position=_position(case_id, entry.actor_id, at), party_code=entry.party_code,
        stream=stream, action=entry.action, text=text, link_type=entry.target_type,
        link_id=entry.target_id, published=stream == Stream.PRESS, audit_seq=entry.seq,
        classification=classification, originator_id=originator_id,
        release_to_all_members=to_all)
    if parties:
        log.releasable_to.set(parties)
    return log


@transaction.atomic
def log_add(*, actor: Actor, case: Case, text: str, classification: int | None = None,
            originator: Party | None = None, release_to_all_members: bool | None = None,
            releasable_to: Iterable[Party] | None = None, significant: bool = False,
            at: Any = None) -> LogEntry:
    """A duty officer's own entry, labelled as the case unless told otherwise (never wider)."""
    require_permission(actor, KEEP_LOG)
    writer = person(actor)
    if not case.is_open:
        raise InvalidState(_("The case is closed: its log takes no more entries."))
    text = text.strip()
    errors: dict[str, list[str]] = {}
    if not text:
        errors["text"] = [_("Say what happened.")]
    classification = case.classification if classification is None else classification
    originator = originator or case.originator
    to_all = case.release_to_all_members if release_to_all_members is None else release_to_all_members
    parties = list(case.releasable_to.all()) if releasable_to is None else list(releasable_to)
    errors.update(label_errors(actor=actor, classification=classification, originator=originator,
                               release_to_all_members=to_all, releasable_to=parties,
                               sources=[case]))
    if classification not in Classification.values:
        errors["classification"] = [_("Unknown classification.")]
    if errors:
        raise ValidationError(_("The entry was not added to the log."), errors=errors)
    moment = at or clock.now()
    party = getattr(actor, "party", None)
    entry = LogEntry.objects.create(
        case=case, at=moment, actor_id=user_id(actor), actor_name=writer.get_username(),
        position=_position(case.pk, user_id(actor), moment),
        party_code=party.code if party is not None else "", stream=Stream.CRISIS,
        action="crisis.log.add", text=text, significant=significant,
        classification=classification, originator=originator, release_to_all_members=to_all)
    entry.releasable_to.set(parties)
    audited = audit_record(actor=actor, action="crisis.log.add", target=entry,
                           detail={"case": str(case.public_id), "significant": significant})
    entry.audit_seq = audited.seq
    entry.save(update_fields=["audit_seq"])
    return entry


@transaction.atomic
def log_promote(*, actor: Actor, entry: LogEntry, significant: bool = True) -> LogEntry:
    """Marks an entry a significant event (or no longer one)."""
    require_permission(actor, KEEP_LOG)
    if entry.significant == significant:
        return entry
    entry.significant = significant
    entry.save(update_fields=["significant"])
    audit_record(actor=actor, action="crisis.log.promote", target=entry,
                 detail={"significant": significant})
    return entry


@transaction.atomic
def log_exported(*, actor: Actor, case: Case, fmt: str, count: int) -> None:
    """A log taken away is audited (not logged: the log does not record its own readers)."""
    audit_record(actor=actor, action="crisis.log.export", target=case,
                 detail={"format": fmt, "entries": count})
