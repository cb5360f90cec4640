"""The case's log as the viewer may read it: the entries of their labels, and in place of the
others only how many are withheld (no title, id or detail of them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from concord.core.actors import Viewer
from concord.core.policy import withheld_count
from concord.core.scoping import labelled_get
from concord.crisis.filters import LogFilters
from concord.crisis.models import Case, LogEntry, Stream


@dataclass(frozen=True)
class Log:
    entries: QuerySet[LogEntry]
    withheld: int


def _filtered(entries: QuerySet[LogEntry], filters: LogFilters) -> QuerySet[LogEntry]:
    if filters.stream:
        entries = entries.filter(stream__in=filters.stream)
    if filters.significant:
        entries = entries.filter(significant=True)
    return entries


def log_read(*, viewer: Viewer, case: Case, filters: LogFilters | None = None) -> Log:
    """The entries the viewer may read, newest last, and the count of the others. A signed-out
    reader gets published entries only."""
    filters = filters or LogFilters()
    entries = _filtered(LogEntry.objects.visible_to(viewer).filter(case=case), filters)
    lookup: dict[str, object] = {"case": case}
    if filters.stream:
        lookup["stream__in"] = filters.stream
    if filters.significant:
        lookup["significant"] = True
    if not getattr(viewer, "is_authenticated", False):
        entries = entries.filter(published=True)
        lookup["published"] = True
    return Log(entries=entries.order_by("at", "pk"),
               withheld=withheld_count(LogEntry, viewer=viewer, **lookup))


def log_entry_get(*, viewer: Viewer, case: Case, pk: int) -> LogEntry:


    entry: LogEntry = labelled_get(LogEntry.objects.filter(case=case), viewer=viewer, pk=pk)
    return entry


@dataclass
class Lane:
    stream: str
    label: str
    entries: list[LogEntry] = field(default_factory=list)


def timeline(*, viewer: Viewer, case: Case, limit: int = 500) -> tuple[list[Lane], int, int]:
    """The readable entries grouped by stream, each lane in time order (the latest `limit`
    entries), the count withheld, and how many older readable entries were left out."""
    log = log_read(viewer=viewer, case=case)
    readable = log.entries.count()
    latest = list(log.entries.order_by("-at", "-pk")[:limit])
    latest.reverse()
    lanes = {stream.value: Lane(stream=stream.value, label=str(stream.label))
             for stream in Stream}
    for entry in latest:
        lanes[entry.stream].entries.append(entry)
    return [lane for lane in lanes.values() if lane.entries], log.withheld, readable - len(latest)
