"""Reading cases, their work and their clock facts, scoped to the viewer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from concord.accounts.models import User
from concord.core.actors import Viewer
from concord.core.errors import NotFound, ValidationError
from concord.core.filters import order_by
from concord.core.models import LabelledModel, Party
from concord.core.scoping import labelled_get, public_id_of
from concord.council.models import Document, Session
from concord.crisis.filters import CASE_SORTS, CaseFilters
from concord.crisis.models import Case, CaseLink, ClockFact, DutyPosition, Facility, Task

SECONDS_PER_HOUR = 3600


def case_list(*, viewer: Viewer, filters: CaseFilters | None = None) -> QuerySet[Case]:
    filters = filters or CaseFilters()
    cases = Case.objects.visible_to(viewer).prefetch_related("affected_states")
    if filters.q:
        cases = cases.filter(Q(title__icontains=filters.q) | Q(legal_basis__icontains=filters.q))
    if filters.type:
        cases = cases.filter(type__in=filters.type)
    if filters.phase:
        cases = cases.filter(phase__in=filters.phase)
    if filters.severity:
        cases = cases.filter(severity__in=filters.severity)
    if filters.state:
        cases = cases.filter(affected_states__code=filters.state)
    return cases.order_by(*order_by(filters.sort, CASE_SORTS)).distinct()


def case_get(*, viewer: Viewer, public_id: Any) -> Case:
    case: Case = labelled_get(Case.objects.all(), viewer=viewer,
                              public_id=public_id_of(Case, public_id))
    return case


def case_tasks(*, case: Case) -> QuerySet[Task]:
    return Task.objects.filter(case=case).select_related("owner", "contingent")


def case_facilities(*, case: Case) -> QuerySet[Facility]:
    return Facility.objects.filter(case=case).select_related("contingent")


def case_duty_team(*, case: Case) -> QuerySet[DutyPosition]:
    return DutyPosition.objects.filter(case=case).select_related("person")


def case_links(*, case: Case) -> QuerySet[CaseLink]:
    return CaseLink.objects.filter(case=case).exclude(target_type=Case._meta.label_lower)


@dataclass(frozen=True)
class Fact:
    kind: str
    label: str
    at: datetime | None
    # Hours from the request received (or, without one, from the case's opening).
    hours: float | None


def case_facts(*, case: Case) -> list[Fact]:
    """The clock facts in their fixed order, each with the hours since the request (or the
    opening), so that cases compare fact by fact."""
    recorded = {fact.kind: fact.at for fact in ClockFact.objects.filter(case=case)}
    start = recorded.get(ClockFact.Kind.REQUEST, case.opened_at)
    facts = []
    for kind in ClockFact.Kind:
        at = recorded.get(kind.value)
        hours = (None if at is None
                 else round((at - start).total_seconds() / SECONDS_PER_HOUR, 1))
        facts.append(Fact(kind=kind.value, label=str(kind.label), at=at, hours=hours))
    return facts


def facts_compared(*, viewer: Viewer) -> list[tuple[Case, list[Fact]]]:
    """Every case the viewer may read with its clock facts, oldest first."""
    cases = list(Case.objects.visible_to(viewer).order_by("opened_at"))
    recorded: dict[int, dict[str, datetime]] = {}
    for case_id, kind, at in ClockFact.objects.filter(case__in=[c.pk for c in cases]).values_list(
            "case_id", "kind", "at"):
        recorded.setdefault(case_id, {})[kind] = at
    compared = []
    for case in cases:
        mine = recorded.get(case.pk, {})
        start = mine.get(ClockFact.Kind.REQUEST, case.opened_at)
        compared.append((case, [
            Fact(kind=kind.value, label=str(kind.label), at=mine.get(kind.value),
                 hours=None if kind.value not in mine else round(
                     (mine[kind.value] - start).total_seconds() / SECONDS_PER_HOUR, 1))
            for kind in ClockFact.Kind]))
    return compared


def parties_named(*, codes: list[str], field: str) -> list[Party]:
    """The parties named by their codes in `field`; an unknown code is named."""
    found = list(Party.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {party.code for party in found})
    if unknown:
        raise ValidationError(_("Please correct the marked fields."), errors={field: [
            _("Unknown party: %(codes)s.") % {"codes": ", ".join(unknown)}]})
    return found


def case_task_get(*, case: Case, pk: int) -> Task:
    """A task of a case the viewer already reads; another case's task is missing here."""
    return get_object_or_404(Task, case=case, pk=pk)


def case_facility_get(*, case: Case, pk: int) -> Facility:
    return get_object_or_404(Facility, case=case, pk=pk)


def case_linked_ids(*, case: Case) -> dict[str, list[str]]:
    """The ids of the records linked to the case by their type, read once for a page."""
    linked: dict[str, list[str]] = {}
    for target_type, target_id in case_links(case=case).values_list("target_type", "target_id"):
        linked.setdefault(target_type, []).append(target_id)
    return linked


def case_council_records(*, viewer: Viewer, linked: dict[str, list[str]]
                         ) -> list[Session | Document]:
    """The sessions and decisions sought from the case that the viewer may read."""
    records: list[Session | Document] = []
    session_ids = linked.get(Session._meta.label_lower)
    if session_ids:
        records.extend(Session.objects.visible_to(viewer).filter(public_id__in=session_ids)
                       .order_by("starts_on"))
    document_ids = linked.get(Document._meta.label_lower)
    if document_ids:
        records.extend(Document.objects.visible_to(viewer).filter(public_id__in=document_ids)
                       .order_by("pk"))
    return records


def case_links_readable(*, viewer: Viewer, linked: dict[str, list[str]]) -> int:
    """How many of the records linked to the case the viewer may read: a record they may not
    read is not counted, as if it were not linked."""
    count = 0
    for target_type, ids in linked.items():
        model = apps.get_model(target_type)
        if not issubclass(model, LabelledModel):
            count += len(ids)
            continue
        key = "public_id" if any(f.name == "public_id" for f in model._meta.fields) else "pk"
        count += model.objects.visible_to(viewer).filter(**{f"{key}__in": ids}).count()
    return count


def person_get(*, username: str) -> User:
    """An active user named by their username, as the duty and task forms offer them; whether
    they may read the case is the service's to say."""
    found = User.objects.filter(username=username, is_active=True).first()
    if found is None:
        raise NotFound(_("No active user is named “%(value)s”.") % {"value": username})
    return found
