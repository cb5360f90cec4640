# No `from __future__ import annotations` here: django-ninja 1.7 resolves the annotations of a
# @paginate'd endpoint in the pagination module's namespace, so a deferred `Query[StateFilters]`
# fails at request time ("QueryParams is not fully defined", vitalik/django-ninja#1717).


from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth

from concord.core import clock
from concord.core.errors import referenced
from concord.core.pagination import LazyPage, lazily
from concord.core.schemas import Problem
from concord.registry import filters as registry_filters
from concord.registry import selectors, services
from concord.registry.models import Body, MemberState, Official
from concord.registry.rotation import ChairYear
from concord.registry.schemas import (
    BodyDetailOut,
    BodyOut,
    ChairmanshipOut,
    MemberStateDetailOut,
    MemberStateOut,
    MemberStateUpdateIn,
    OfficialOut,
)

router = Router(tags=["registry"])


class StateFilters(Schema):
    status: str = ""
    q: str = ""
    sort: str = ""


class ChairmanshipIn(Schema):
    year: int = Field(..., ge=1, le=9999)
    state: str
    note_ru: str = ""
    note_en: str = ""
    handed_over_on: date | None = Field(
        None, description="The day the state took the chairmanship over (none: 1 January)")


# A filter takes several values (`?state=RU&state=TJ`); `sort` is name or state, `-` before it
# for the descending order. A value the list cannot take is refused, named (422).
class OfficialFilters(Schema):
    q: str = Field("", description="Words of the name, in either language")
    position: list[str] = Field([], description="Codes of positions held")
    state: list[str] = Field([], description="ISO codes of the officials' states")
    sort: str = Field("", description="name or state (default name)")


@router.get("/member-states", response=list[MemberStateOut], summary="List member states")
@paginate(LimitOffsetPagination)
def member_states(request: HttpRequest, filters: Query[StateFilters]) -> LazyPage[MemberState]:
    states = selectors.member_state_list(viewer=request.user, status=filters.status,
                                         q=filters.q, sort=filters.sort)
    return lazily(states)


@router.get("/member-states/{code}", response={200: MemberStateDetailOut, 404: Problem},
            summary="One member state with its membership history")
def member_state(request: HttpRequest, code: str) -> MemberState:
    return selectors.member_state_get(viewer=request.user, code=code)


@router.patch("/member-states/{code}", response={200: MemberStateDetailOut, 404: Problem},
              auth=django_auth,
              summary="Change a member state's names, among them the forms documents write")
def member_state_update(request: HttpRequest, code: str,
                        payload: MemberStateUpdateIn) -> MemberState:
    state = selectors.member_state_get(viewer=request.user, code=code)
    return services.member_state_update(actor=request.user, state=state,
                                        **payload.dict(exclude_unset=True))


@router.get("/bodies", response=list[BodyOut], summary="Bodies of the organization")
def bodies(request: HttpRequest) -> list[Body]:
    return [node.body for node in selectors.body_tree(viewer=request.user)]


@router.get("/bodies/{code}", response={200: BodyDetailOut, 404: Problem},
            summary="One body with its positions")
def body(request: HttpRequest, code: str) -> Body:
    return selectors.body_get(viewer=request.user, code=code)


@router.get("/officials", response=list[OfficialOut], summary="Officials and their terms")
@paginate(LimitOffsetPagination)
def officials(request: HttpRequest, filters: Query[OfficialFilters]) -> LazyPage[Official]:
    parsed = registry_filters.official_filters_from(filters.dict()).or_refuse()
    found = selectors.official_list(viewer=request.user, q=parsed.q, positions=parsed.position,
                                    states=parsed.state, sort=parsed.sort)
    return lazily(found)


@router.get("/officials/{official_id}", response={200: OfficialOut, 404: Problem},
            summary="One official")
def official(request: HttpRequest, official_id: str) -> Official:
    return selectors.official_get(viewer=request.user, public_id=official_id)


@router.get("/chairmanship", response=ChairmanshipOut,
            summary="Who chairs in a year (recorded, or by the rotation rule)")
def chairmanship(request: HttpRequest, year: int | None = None) -> ChairYear:
    return selectors.chairmanship_for_year(viewer=request.user,
                                           year=year or clock.current_year())


@router.post("/chairmanship", response={201: ChairmanshipOut}, auth=django_auth,
             summary="Record who chairs in a year, overriding the rotation rule for that year")
def chairmanship_record(request: HttpRequest, payload: ChairmanshipIn) -> Status[ChairYear]:
    state = referenced("body.state", selectors.member_state_get, viewer=request.user,
                       code=payload.state)
    services.chairmanship_record(actor=request.user, year=payload.year, state=state,
                                 note_ru=payload.note_ru, note_en=payload.note_en,
                                 handed_over_on=payload.handed_over_on)
    return Status(201, selectors.chairmanship_for_year(viewer=request.user, year=payload.year))


@router.get("/chairmanship/on", response=ChairmanshipOut,
            summary="Who chairs on a day, from the days the chairmanship was handed over")
def chairmanship_on(request: HttpRequest, day: date) -> ChairYear:
    return selectors.chair_on(viewer=request.user, day=day)


@router.get("/chairmanship/schedule", response=list[ChairmanshipOut],
            summary="Chairmanships over a range of years")
def chairmanship_schedule(request: HttpRequest, first: int, last: int) -> list[ChairYear]:
    return selectors.chairmanship_schedule(viewer=request.user, first_year=first,
                                           last_year=last)
