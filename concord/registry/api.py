# No `from __future__ import annotations` here: django-ninja 1.7 resolves the annotations of a
# @paginate'd endpoint in the pagination module's namespace, so a deferred `Query[StateFilters]`
# fails at request time ("QueryParams is not fully defined", vitalik/django-ninja#1717).

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from concord.core import clock
from concord.core.pagination import LazyPage, lazily
from concord.core.schemas import Problem
from concord.registry import selectors
from concord.registry.models import Body, MemberState, Official, Position
from concord.registry.rotation import ChairYear
from concord.registry.schemas import (
    BodyDetailOut,
    BodyOut,
    ChairmanshipOut,
    MemberStateDetailOut,
    MemberStateOut,
    OfficialOut,
)

router = Router(tags=["registry"])


class StateFilters(Schema):
    status: str = ""
    q: str = ""
    sort: str = ""


class OfficialFilters(Schema):
    q: str = ""
    position: str = ""
    state: str = ""


def _state(state: MemberState) -> dict[str, Any]:
    return {
        "code": state.iso_alpha2, "iso_alpha3": state.iso_alpha3,
        "iso_numeric": state.iso_numeric, "name_ru": state.name_ru, "name_en": state.name_en,
        "name_native": state.name_native, "native_language": state.native_language,
        "official_name_ru": state.official_name_ru, "official_name_en": state.official_name_en,
        "capital_time_zone": state.capital_time_zone, "joined_on": state.joined_on,
        "status": state.status, "url": state.get_absolute_url(),
    }


def _body(body: Body) -> dict[str, Any]:
    return {
        "code": body.code, "kind": body.kind, "name_ru": body.name_ru, "name_en": body.name_en,
        "abbreviation_ru": body.abbreviation_ru, "abbreviation_en": body.abbreviation_en,
        "parent": body.parent.code if body.parent else None,
        "takes_decisions": body.takes_decisions, "established_on": body.established_on,
        "url": body.get_absolute_url(),
    }


def _position(position: Position) -> dict[str, Any]:
    return {
        "code": position.code, "title_ru": position.title_ru, "title_en": position.title_en,
        "contacts": [{"kind": c.kind, "value": c.value} for c in position.contacts.all()],
        "holders": [{"official": t.official.public_id, "name_ru": t.official.name_ru,
                     "name_en": t.official.name_en, "started_on": t.started_on,
                     "ended_on": t.ended_on, "attested_on": t.attested_on}
                    for t in position.terms.all()],
    }


def _official(official: Official) -> dict[str, Any]:
    return {
        "id": official.public_id, "name_ru": official.name_ru, "name_en": official.name_en,
        "rank_ru": official.rank_ru, "rank_en": official.rank_en,
        "state": official.state.iso_alpha2 if official.state else None,
        "terms": [{"position": t.position.code, "body": t.position.body.code,
                   "title_ru": t.position.title_ru, "title_en": t.position.title_en,
                   "started_on": t.started_on, "ended_on": t.ended_on,
                   "attested_on": t.attested_on} for t in official.terms.all()],
        "url": official.get_absolute_url(),
    }


def _chair(entry: ChairYear) -> dict[str, Any]:
    return {"year": entry.year, "state": entry.state.iso_alpha2 if entry.state else None,
            "state_name_ru": entry.state.name_ru if entry.state else None,
            "state_name_en": entry.state.name_en if entry.state else None,
            "recorded": entry.recorded}


@router.get("/member-states", response=list[MemberStateOut], summary="List member states")
@paginate(LimitOffsetPagination)
def member_states(request: HttpRequest, filters: Query[StateFilters]) -> LazyPage[MemberState]:
    states = selectors.member_state_list(viewer=request.user, status=filters.status,
                                         q=filters.q, sort=filters.sort)
    return lazily(states, answer=_state)


@router.get("/member-states/{code}", response={200: MemberStateDetailOut, 404: Problem},
            summary="One member state with its membership history")
def member_state(request: HttpRequest, code: str) -> dict[str, Any]:
    state = selectors.member_state_get(viewer=request.user, code=code)
    history = [{"status": c.status, "effective_on": c.effective_on, "note": c.note}
               for c in state.status_history.all()]
    return {**_state(state), "status_history": history}


@router.get("/bodies", response=list[BodyOut], summary="Bodies of the organization")
def bodies(request: HttpRequest) -> list[dict[str, Any]]:
    return [_body(node.body) for node in selectors.body_tree(viewer=request.user)]


@router.get("/bodies/{code}", response={200: BodyDetailOut, 404: Problem},
            summary="One body with its positions")
def body(request: HttpRequest, code: str) -> dict[str, Any]:
    found = selectors.body_get(viewer=request.user, code=code)
    return {**_body(found), "description_ru": found.description_ru,
            "description_en": found.description_en,
            "positions": [_position(p) for p in found.positions.all()]}


@router.get("/officials", response=list[OfficialOut], summary="Officials and their terms")
@paginate(LimitOffsetPagination)
def officials(request: HttpRequest, filters: Query[OfficialFilters]) -> LazyPage[Official]:
    found = selectors.official_list(viewer=request.user, q=filters.q,
                                    position=filters.position, state=filters.state)
    return lazily(found, answer=_official)


@router.get("/officials/{official_id}", response={200: OfficialOut, 404: Problem},
            summary="One official")
def official(request: HttpRequest, official_id: str) -> dict[str, Any]:
    return _official(selectors.official_get(viewer=request.user, public_id=official_id))


@router.get("/chairmanship", response=ChairmanshipOut,
            summary="Who chairs in a year (recorded, or by the rotation rule)")
def chairmanship(request: HttpRequest, year: int | None = None) -> dict[str, Any]:
    return _chair(selectors.chairmanship_for_year(
        viewer=request.user, year=year or clock.current_year()))


@router.get("/chairmanship/schedule", response=list[ChairmanshipOut],
            summary="Chairmanships over a range of years")
def chairmanship_schedule(request: HttpRequest, first: int, last: int) -> list[dict[str, Any]]:
    entries = selectors.chairmanship_schedule(viewer=request.user, first_year=first,
                                              last_year=last)
    return [_chair(e) for e in entries]
