"""A state's units, their tree and strength, and their home stations on the map, as the viewer
may read them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet, Subquery

from concord.core.actors import Viewer
from concord.core.filters import order_by
from concord.core.scoping import labelled_get, public_id_of
from concord.forces.filters import UNIT_SORTS, UnitFilters
from concord.forces.models import Contribution, ContributionStatus, Strength, Unit
from concord.registry.models import MemberState


def unit_list(*, viewer: Viewer, filters: UnitFilters | None = None) -> QuerySet[Unit]:
    filters = filters or UnitFilters()
    units = Unit.objects.visible_to(viewer).select_related("state", "parent")
    if filters.q:
        units = units.filter(Q(name_ru__icontains=filters.q) | Q(name_en__icontains=filters.q)
                             | Q(designation__icontains=filters.q)
                             | Q(home_station_ru__icontains=filters.q)
                             | Q(home_station_en__icontains=filters.q))
    if filters.state:
        units = units.filter(state__iso_alpha2__in=filters.state)
    if filters.unit_type:
        units = units.filter(unit_type__in=filters.unit_type)
    if filters.echelon:
        units = units.filter(echelon__in=[int(e) for e in filters.echelon])
    if filters.formation:
        earmarked = (Contribution.objects.visible_to(viewer)
                     .filter(formation__code=filters.formation)
                     .exclude(status=ContributionStatus.RELEASED).values("unit_id"))
        units = units.filter(pk__in=Subquery(earmarked))
    return units.order_by(*order_by(filters.sort, UNIT_SORTS))


def unit_get(*, viewer: Viewer, public_id: Any) -> Unit:
    unit: Unit = labelled_get(Unit.objects.select_related("state", "parent"), viewer=viewer,
                        public_id=public_id_of(Unit, public_id))
    return unit


@dataclass(frozen=True)
class TreeRow:
    unit: Unit
    depth: int


def unit_tree(*, viewer: Viewer, root: Unit | None = None, state_codes: tuple[str, ...] = ()
              ) -> list[TreeRow]:
    """The units the viewer may read as a tree, depth first, in one query: under `root`, or
    every state's (or the states named). A unit whose higher unit is hidden starts a tree."""
    units = Unit.objects.visible_to(viewer).select_related("state")
    if state_codes:
        units = units.filter(state__iso_alpha2__in=state_codes)
    if root is not None:
        units = units.filter(state_id=root.state_id)
    found = list(units.order_by("state__name_ru", "name_ru", "pk"))
    ids = {unit.pk for unit in found}
    children: dict[int | None, list[Unit]] = {}
    for unit in found:
        parent = unit.parent_id if unit.parent_id in ids else None
        children.setdefault(parent, []).append(unit)
    rows: list[TreeRow] = []

    def walk(unit: Unit, depth: int) -> None:
        rows.append(TreeRow(unit, depth))
        for child in children.get(unit.pk, []):
            walk(child, depth + 1)

    for top in ([root] if root is not None else children.get(None, [])):
        walk(top, 0)
    return rows


def strength_history(*, viewer: Viewer, unit: Unit) -> QuerySet[Strength]:
    return (Strength.objects.visible_to(viewer).filter(unit=unit)
            .select_related("step").order_by("-as_of", "-id"))


def map_units(*, viewer: Viewer, filters: UnitFilters | None = None) -> QuerySet[Unit]:
    """Units with a home station on the map."""
    return unit_list(viewer=viewer, filters=filters).filter(latitude__isnull=False,
                                                            longitude__isnull=False)


def state_choices() -> list[tuple[str, str]]:
    """The member states a list filters by, by code, named in the page's language."""
    return [(s.iso_alpha2, s.name) for s in MemberState.objects.order_by("name_ru")]


def state_of(party: Any) -> MemberState | None:
    """The member state a delegation speaks for; None for the secretariat."""
    if party is None:
        return None
    found: MemberState | None = MemberState.objects.filter(party=party).first()
    return found
