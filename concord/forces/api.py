# No `from __future__ import annotations` here: django-ninja 1.7 resolves the annotations of a
# @paginate'd endpoint in the pagination module's namespace (vitalik/django-ninja#1717).

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth

from concord.core import clock
from concord.core.errors import ValidationError, referenced
from concord.core.pagination import lazily
from concord.core.schemas import Problem
from concord.forces.filters import (
    contribution_filters,
    formation_filters,
    readiness_filters,
    unit_filters,
)
from concord.forces.models import Formation, ReadinessReport, Unit
from concord.forces.schemas import (
    LEVEL_OF_NAME,
    ContributionOut,
    FormationOut,
    ReadinessIn,
    ReadinessOut,
    UnitOut,
)
from concord.forces.selectors import formations as formation_reads
from concord.forces.selectors import readiness as readiness_reads
from concord.forces.selectors import units as unit_reads
from concord.forces.services import readiness as readiness_writes

router = Router(tags=["forces"])

# --- Formations, units and readiness -----------------------------------------------------------


class FormationQuery(Schema):
    q: str = ""
    kind: list[str] = []
    sort: str = ""


class UnitQuery(Schema):
    q: str = ""
    state: list[str] = []
    type: list[str] = []
    echelon: list[str] = []
    formation: str = ""
    sort: str = ""


class ContributionQuery(Schema):
    q: str = ""
    state: list[str] = []
    status: list[str] = []
    overall: list[str] = []
    stale: str = ""
    sort: str = ""


class ReadinessQuery(Schema):
    q: str = ""
    state: list[str] = []
    overall: list[str] = []
    formation: str = ""
    history: str = ""
    sort: str = ""


def _levels(values: list[str]) -> list[str]:
    # The API names levels (`fully`); the filters read their numbers.
    return [str(LEVEL_OF_NAME.get(value, value)) for value in values]


@router.get("/formations", response=list[FormationOut],
            summary="Formations of the collective forces the caller may read")
@paginate(LimitOffsetPagination)
def formations(request: HttpRequest, filters: Query[FormationQuery]) -> Any:
    parsed = formation_filters(filters.dict()).or_refuse()
    return lazily(formation_reads.formation_list(viewer=request.user, filters=parsed))


@router.get("/formations/{formation_id}", response={200: FormationOut, 404: Problem},
            summary="One formation")
def formation(request: HttpRequest, formation_id: str) -> Formation:
    return formation_reads.formation_get(viewer=request.user, public_id=formation_id)


@router.get("/formations/{formation_id}/contributions", response=list[ContributionOut],
            summary="The formation's contributions in force today, with each unit's latest "
                    "readiness and personnel the caller may read")
@paginate(LimitOffsetPagination)
def formation_contributions(request: HttpRequest, formation_id: str,
                            filters: Query[ContributionQuery]) -> Any:
    found = formation_reads.formation_get(viewer=request.user, public_id=formation_id)
    params = {**filters.dict(), "overall": _levels(filters.overall)}
    parsed = contribution_filters(params).or_refuse()
    return lazily(readiness_reads.formation_contributions(viewer=request.user, formation=found,
                                                         day=clock.today(), filters=parsed))


@router.get("/units", response=list[UnitOut], summary="Units the caller may read")
@paginate(LimitOffsetPagination)
def units(request: HttpRequest, filters: Query[UnitQuery]) -> Any:
    parsed = unit_filters(filters.dict()).or_refuse()
    return lazily(unit_reads.unit_list(viewer=request.user, filters=parsed))


@router.get("/units/{unit_id}", response={200: UnitOut, 404: Problem}, summary="One unit")
def unit(request: HttpRequest, unit_id: str) -> Unit:
    return unit_reads.unit_get(viewer=request.user, public_id=unit_id)


@router.get("/readiness", response=list[ReadinessOut],
            summary="Readiness reports the caller may read: each unit's latest, or with "
                    "`history=true` all of them")
@paginate(LimitOffsetPagination)
def readiness(request: HttpRequest, filters: Query[ReadinessQuery]) -> Any:
    params = {**filters.dict(), "overall": _levels(filters.overall)}
    parsed = readiness_filters(params).or_refuse()
    return lazily(readiness_reads.readiness_list(viewer=request.user, filters=parsed))


def _level(value: str | None, field: str) -> int | None:
    if value is None or value == "":
        return None
    if value not in LEVEL_OF_NAME:
        raise ValidationError(_("Please correct the marked fields."), errors={
            f"body.{field}": [_("%(value)s is not one of: %(choices)s.")
                              % {"value": value, "choices": ", ".join(LEVEL_OF_NAME)}]})
    return LEVEL_OF_NAME[value]


@router.post("/readiness", response={201: ReadinessOut}, auth=django_auth,
             summary="Report a unit's readiness (a delegation, for its own state's units)")
def readiness_report(request: HttpRequest, payload: ReadinessIn) -> Status[ReadinessReport]:
    found = referenced("body.unit", unit_reads.unit_get, viewer=request.user,
                       public_id=payload.unit)
    report = readiness_writes.readiness_record(
        actor=request.user, unit=found, reported_on=payload.reported_on,
        personnel=_level(payload.personnel, "personnel"),
        equipment=_level(payload.equipment, "equipment"),
        training=_level(payload.training, "training"),
        sustainment=_level(payload.sustainment, "sustainment"),
        override=_level(payload.override, "override"), override_reason=payload.override_reason,
        notice_to_move_days=payload.notice_to_move_days, caveats=payload.caveats,
        forecast_on=payload.forecast_on, forecast_level=_level(payload.forecast_level,
                                                               "forecast_level"),
        source_text=payload.source_text)
    return Status(201, report)
