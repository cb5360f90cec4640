"""Formations and their contributions, as the viewer may read them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from concord.core.actors import Viewer
from concord.core.filters import order_by
from concord.core.scoping import labelled_get, public_id_of
from concord.council.models import Document
from concord.forces.filters import (
    CONTRIBUTION_SORTS,
    FORMATION_SORTS,
    ContributionFilters,
    FormationFilters,
)
from concord.forces.models import AuthorityTransfer, Contribution, DeploymentStep, Formation


def formation_list(*, viewer: Viewer, filters: FormationFilters | None = None
                   ) -> QuerySet[Formation]:
    filters = filters or FormationFilters()
    formations = Formation.objects.visible_to(viewer).select_related("governing_decision",
                                                                     "command_body")
    if filters.q:
        formations = formations.filter(
            Q(name_ru__icontains=filters.q) | Q(name_en__icontains=filters.q)
            | Q(abbreviation_ru__icontains=filters.q) | Q(abbreviation_en__icontains=filters.q)
            | Q(code__icontains=filters.q))
    if filters.kind:
        formations = formations.filter(kind__in=filters.kind)
    return formations.order_by(*order_by(filters.sort, FORMATION_SORTS))


def formation_get(*, viewer: Viewer, public_id: Any) -> Formation:
    formation: Formation = labelled_get(
        Formation.objects.select_related("governing_decision", "command_body"),
        viewer=viewer, public_id=public_id_of(Formation, public_id))
    return formation


def formation_by_code(*, viewer: Viewer, code: str) -> Formation | None:
    return Formation.objects.visible_to(viewer).filter(code=code).first()


def contribution_get(*, viewer: Viewer, public_id: Any) -> Contribution:
    contribution: Contribution = labelled_get(
        Contribution.objects.select_related("formation", "unit", "state"),
        viewer=viewer, public_id=public_id_of(Contribution, public_id))
    return contribution


def contribution_steps(*, contribution: Contribution) -> list[DeploymentStep]:
    """The lifecycle of a contribution the viewer has read, with the decisions (each hidden
    where the viewer may not read it)."""
    return list(contribution.steps.select_related("decision").order_by("on", "id"))


def contribution_transfers(*, contribution: Contribution) -> list[AuthorityTransfer]:
    return list(contribution.transfers.select_related("decision").order_by("effective_on", "id"))


def contributions_of_unit(*, viewer: Viewer, unit: Any) -> QuerySet[Contribution]:
    return (Contribution.objects.visible_to(viewer).filter(unit=unit)
            .select_related("formation").order_by("-period_from", "pk"))


def contribution_search(contributions: QuerySet[Contribution],
                        filters: ContributionFilters) -> QuerySet[Contribution]:
    if filters.q:
        contributions = contributions.filter(
            Q(unit__name_ru__icontains=filters.q) | Q(unit__name_en__icontains=filters.q)
            | Q(unit__designation__icontains=filters.q))
    if filters.state:
        contributions = contributions.filter(state__iso_alpha2__in=filters.state)
    if filters.status:
        contributions = contributions.filter(status__in=filters.status)
    return contributions.order_by(*order_by(filters.sort, CONTRIBUTION_SORTS))


def decision_choices(*, viewer: Viewer) -> list[tuple[str, str]]:
    """The adopted council decisions the viewer may read, to name behind a deployment or a
    transfer of authority, newest first."""
    decisions = (Document.objects.visible_to(viewer)
                 .filter(status=Document.Status.ADOPTED, doc_type=Document.Type.DECISION)
                 .order_by("-adopted_on", "-pk")[:200])
    return [(str(d.public_id), f"{d.symbol} {d.title}") for d in decisions]


def decision_by_id(*, viewer: Viewer, public_id: str) -> Document | None:
    if not public_id:
        return None
    return (Document.objects.visible_to(viewer)
            .filter(public_id=public_id_of(Document, public_id)).first())


def formation_choices(*, viewer: Viewer) -> list[tuple[str, str]]:
    return [(f.code, f.name) for f in Formation.objects.visible_to(viewer).order_by("order",
                                                                                    "code")]
