"""Instructions of decisions and the reports on their implementation, as the viewer may read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from concord.core import clock
from concord.core.actors import Viewer
from concord.core.filters import order_by
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.core.scoping import labelled_get, public_id_of
from concord.council.filters import (
    DUE_SOON_DAYS,
    INSTRUCTION_SORTS,
    REPORT_SORTS,
    InstructionFilters,
    ReportFilters,
)
from concord.council.models import (
    Document,
    ImplementationEntry,
    ImplementationReport,
    Instruction,
    ProgressReport,
    Session,
)


def addressed_to(party: Party | None) -> Q:
    """The instructions a party is to carry out: a state's own and those to all states; for the
    secretariat, its own and the bodies' (which it serves). Nobody's without a party."""
    if party is None:
        return Q(pk__in=[])
    if party.kind == PartyKind.STATE:
        return (Q(addressee_kind=Instruction.Addressee.STATE, addressee_state__party=party)
                | Q(addressee_kind=Instruction.Addressee.ALL_STATES))
    return Q(addressee_kind__in=(Instruction.Addressee.SECRETARIAT, Instruction.Addressee.BODY))


def overdue() -> Q:
    """Open and past its date, whether or not the daily check has marked it yet."""
    return (Q(status=Instruction.Status.OVERDUE)
            | Q(status__in=Instruction.OPEN, due_on__lt=clock.today()))


def due_soon() -> Q:
    today = clock.today()
    return Q(status__in=(Instruction.Status.ASSIGNED, Instruction.Status.IN_PROGRESS),
             due_on__gte=today, due_on__lte=today + timedelta(days=DUE_SOON_DAYS))


def instruction_list(*, viewer: Viewer, filters: InstructionFilters | None = None,
                     document: Document | None = None) -> QuerySet[Instruction]:
    filters = filters or InstructionFilters()
    instructions = (Instruction.objects.visible_to(viewer)
                    .select_related("document", "addressee_body", "addressee_state"))
    if filters.q:
        instructions = instructions.filter(Q(text_ru__icontains=filters.q)
                                           | Q(text_en__icontains=filters.q)
                                           | Q(document__symbol__icontains=filters.q))
    if filters.status:
        instructions = instructions.filter(status__in=filters.status)
    if filters.addressee:
        instructions = instructions.filter(addressee_kind__in=filters.addressee)
    if filters.state:
        instructions = instructions.filter(
            Q(addressee_state__iso_alpha2=filters.state)
            | Q(addressee_kind=Instruction.Addressee.ALL_STATES))
    if filters.mine:
        party = getattr(viewer, "party", None)
        instructions = instructions.filter(
            addressed_to(party if isinstance(party, Party) else None))
    if filters.due:
        when = Q(pk__in=[])
        if "overdue" in filters.due:
            when |= overdue()
        if "soon" in filters.due:
            when |= due_soon()
        instructions = instructions.filter(when)
    if document is not None:
        instructions = instructions.filter(document=document)
    return instructions.order_by(*order_by(filters.sort, INSTRUCTION_SORTS))


def instruction_get(*, viewer: Viewer, public_id: Any) -> Instruction:
    key = public_id_of(Instruction, public_id)
    queryset = Instruction.objects.select_related(
        "document", "addressee_body", "addressee_state").prefetch_related("reports__party")
    instruction: Instruction = labelled_get(queryset, viewer=viewer, public_id=key)
    return instruction


def implementation_report_list(*, viewer: Viewer, session: Session | None = None,
                               filters: ReportFilters | None = None
                               ) -> QuerySet[ImplementationReport]:
    filters = filters or ReportFilters()
    reports = ImplementationReport.objects.visible_to(viewer).select_related("session", "covers")
    if session is not None:
        reports = reports.filter(session=session)
    if filters.q:
        reports = reports.filter(Q(title_ru__icontains=filters.q) | Q(title_en__icontains=filters.q))
    return reports.order_by(*order_by(filters.sort, REPORT_SORTS))


def implementation_report_get(*, viewer: Viewer, public_id: Any) -> ImplementationReport:
    key = public_id_of(ImplementationReport, public_id)
    # An entry is about its instruction: the entries shown are those on instructions the viewer
    # may read, as if the others were not in the report.
    entries = (ImplementationEntry.objects
               .filter(instruction__in=Instruction.objects.visible_to(viewer))
               .select_related("instruction", "instruction__document",
                               "instruction__addressee_state", "instruction__addressee_body"))
    queryset = ImplementationReport.objects.select_related("session", "covers").prefetch_related(
        Prefetch("entries", queryset=entries))
    report: ImplementationReport = labelled_get(queryset, viewer=viewer, public_id=key)
    return report


@dataclass(frozen=True)
class ImplementationSummary:
    instructions: int
    done: int
    in_progress: int
    overdue: int


@dataclass(frozen=True)
class ImplementationProgress:
    """A report as prepared beside what has happened since: the entries' statuses when it was
    drafted, the instructions' statuses today, and the progress reports recorded after it."""

    as_prepared: ImplementationSummary
    now: ImplementationSummary
    later_reports: list[ProgressReport]


def _overdue_now(instruction: Instruction, today: date) -> bool:
    return instruction.status_on(today) == Instruction.Status.OVERDUE


def implementation_progress(*, report: ImplementationReport) -> ImplementationProgress:
    """Read from a report obtained through `implementation_report_get`: its entries are those the
    viewer may read, and so are the progress reports on them."""
    entries = list(report.entries.all())
    instructions = [entry.instruction for entry in entries]
    today = clock.today()
    statuses = Instruction.Status
    as_prepared = ImplementationSummary(
        instructions=len(entries), done=sum(1 for e in entries if e.status == statuses.DONE),
        in_progress=sum(1 for e in entries if e.status == statuses.IN_PROGRESS),
        overdue=sum(1 for e in entries if e.status == statuses.OVERDUE))
    now = ImplementationSummary(
        instructions=len(instructions), done=sum(1 for i in instructions if i.status == statuses.DONE),
        in_progress=sum(1 for i in instructions
                        if i.status == statuses.IN_PROGRESS and not _overdue_now(i, today)),
        overdue=sum(1 for i in instructions if _overdue_now(i, today)))
    later = list(ProgressReport.objects
                 .filter(instruction__in=[i.pk for i in instructions],
                         reported_at__gt=report.generated_at)
                 .select_related("party", "instruction", "instruction__document")
                 .order_by("reported_at", "pk"))
    return ImplementationProgress(as_prepared=as_prepared, now=now, later_reports=later)
