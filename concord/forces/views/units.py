"""A state's units: the list and its tree, a unit's page, its strength and readiness forms, the
map of home stations and its GeoJSON."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.errors import Forbidden
from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.core.labels import PartyKind
from concord.forces.filters import unit_filters
from concord.forces.forms import (
    EarmarkForm,
    ReadinessForm,
    StrengthForm,
    UnitEditForm,
    UnitForm,
)
from concord.forces.models import Echelon, Level, Unit, UnitType
from concord.forces.outputs.geojson import MEDIA_TYPE, units_collection
from concord.forces.selectors import formations as formation_reads
from concord.forces.selectors import readiness as readiness_reads
from concord.forces.selectors import units as reads
from concord.forces.services import contributions, readiness, units
from concord.forces.symbols import symbol_code

PAGE_SIZE = 25


def _labelled(records: Any) -> Any:
    return records.select_related("originator").prefetch_related("releasable_to")


def unit_list(request: HttpRequest) -> HttpResponse:
    filters = unit_filters(request.GET).or_warn(request)
    found = reads.unit_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Unit"), _("State"), _("Type"), _("Echelon"), _("Higher unit"),
                  _("Home station"), _("Latitude"), _("Longitude"), _("Symbol code")]
        return labelled_table_response(
            filename="units", fmt=fmt, header=header, records=_labelled(found),
            row=lambda u: [u.name, u.state.name, u.get_unit_type_display(),
                           u.get_echelon_display(), u.parent.name if u.parent else "",
                           u.home_station, u.latitude, u.longitude, u.symbol_code])
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page_obj": page, "q": filters.q, "state": filters.state,
               "unit_type": filters.unit_type, "echelon": filters.echelon,
               "formation": filters.formation, "sort": filters.sort.param,
               "states": _state_choices(), "types": UnitType.choices,
               "echelons": [(str(v), label) for v, label in Echelon.choices],
               "formations": formation_reads.formation_choices(viewer=request.user)}
    return render_page(request, "forces/units/list.html", context, partial="table")


def _state_choices() -> list[tuple[str, str]]:
    return reads.state_choices()


def unit_tree(request: HttpRequest) -> HttpResponse:
    filters = unit_filters(request.GET).or_warn(request)
    rows = reads.unit_tree(viewer=request.user, state_codes=filters.state)
    return render(request, "forces/units/tree.html",
                  {"rows": rows, "state": filters.state, "states": _state_choices()})


def unit_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    unit = reads.unit_get(viewer=request.user, public_id=public_id)
    return render(request, "forces/units/detail.html", {
        "unit": unit, "tree": reads.unit_tree(viewer=request.user, root=unit),
        "strengths": reads.strength_history(viewer=request.user, unit=unit)[:20],
        "reports": readiness_reads.unit_readiness_history(viewer=request.user, unit=unit)[:20],
        "contributions": formation_reads.contributions_of_unit(viewer=request.user, unit=unit),
        "may_report": _may_report(request.user, unit),
    })


def _may_report(user: Any, unit: Unit) -> bool:
    party = getattr(user, "party", None)
    own = party is None or party.kind != PartyKind.STATE or party.pk == unit.state.party_id
    return bool(own and user.has_perm("forces.add_readinessreport"))


def _own(user: Any, unit: Unit) -> None:
    party = getattr(user, "party", None)
    if party is not None and party.kind == PartyKind.STATE and party.pk != unit.state.party_id:
        raise Forbidden(_("A delegation reports only on its own state's units."))


@form_page("forces.add_readinessreport")
def readiness_report(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    unit = reads.unit_get(viewer=request.user, public_id=public_id)
    _own(request.user, unit)
    form = ReadinessForm(posted(request), initial={"reported_on": clock.today()})
    return submit_to_service(
        request, form,
        call=lambda data: readiness.readiness_record(actor=request.user, unit=unit, **data),
        success_url=unit.get_absolute_url(),
        success_message=lambda report: _("Readiness reported: %(level)s.")
        % {"level": report.get_overall_display()},
        template="forces/units/form.html",
        context={"title": _("Readiness of %(unit)s") % {"unit": unit.name},
                 "back": unit.get_absolute_url(), "levels": Level.choices})


@form_page("forces.add_strength")
def strength_record(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    unit = reads.unit_get(viewer=request.user, public_id=public_id)
    _own(request.user, unit)
    form = StrengthForm(posted(request), initial={
        "as_of": clock.today(), "classification": unit.classification,
        "release_to_all_members": unit.release_to_all_members,
        "releasable_to": list(unit.releasable_to.all())})
    return submit_to_service(
        request, form,
        call=lambda data: units.strength_record(actor=request.user, unit=unit, **data),
        success_url=unit.get_absolute_url(), success_message=_("The strength was recorded."),
        template="forces/units/form.html",
        context={"title": _("Strength of %(unit)s") % {"unit": unit.name},
                 "back": unit.get_absolute_url()})


def _unit_values(data: dict[str, Any]) -> dict[str, Any]:
    values = dict(data)
    if not values.get("symbol_code"):
        values["symbol_code"] = symbol_code(values["unit_type"], values["echelon"])
    return values


@form_page("forces.add_unit")
def unit_create(request: HttpRequest) -> HttpResponse:
    state = reads.state_of(getattr(request.user, "party", None))
    if state is None:
        raise Forbidden(_("Units are registered by their state's delegation."))
    parents = [(str(row.unit.public_id), "— " * row.depth + row.unit.name)
               for row in reads.unit_tree(viewer=request.user, state_codes=(state.iso_alpha2,))]
    form = UnitForm(posted(request), parents=parents)

    def create(data: dict[str, Any]) -> Unit:
        parent_id = data.pop("parent", "")
        parent = reads.unit_get(viewer=request.user, public_id=parent_id) if parent_id else None
        return units.unit_create(actor=request.user, state=state, parent=parent,
                                 **_unit_values(data))

    return submit_to_service(
        request, form, call=create, success_url=lambda unit: unit.get_absolute_url(),
        success_message=_("The unit was registered."), template="forces/units/form.html",
        context={"title": _("New unit of %(state)s") % {"state": state.name},
                 "back": reverse("forces:unit-list")})


@form_page("forces.add_contribution")
def unit_earmark(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    unit = reads.unit_get(viewer=request.user, public_id=public_id)
    _own(request.user, unit)
    form = EarmarkForm(posted(request), formations=formation_reads.formation_choices(
        viewer=request.user), initial={
        "period_from": clock.today(), "classification": unit.classification,
        "release_to_all_members": unit.release_to_all_members,
        "releasable_to": list(unit.releasable_to.all())})

    def earmark(data: dict[str, Any]) -> Any:
        formation = formation_reads.formation_by_code(viewer=request.user,
                                                      code=data.pop("formation"))
        if formation is None:
            raise Forbidden(_("No such formation."))
        return contributions.contribution_earmark(actor=request.user, formation=formation,
                                                  unit=unit, **data)

    return submit_to_service(
        request, form, call=earmark, success_url=lambda c: c.get_absolute_url(),
        success_message=_("The unit was earmarked."), template="forces/units/form.html",
        context={"title": _("Earmark %(unit)s to a formation") % {"unit": unit.name},
                 "back": unit.get_absolute_url()})


def unit_map(request: HttpRequest) -> HttpResponse:
    filters = unit_filters(request.GET).or_warn(request)
    return render(request, "forces/units/map.html", {
        "state": filters.state, "states": _state_choices(), "formation": filters.formation,
        "formations": formation_reads.formation_choices(viewer=request.user),
        "query": request.GET.urlencode()})


def units_geojson(request: HttpRequest) -> HttpResponse:
    filters = unit_filters(request.GET).or_refuse()
    found = _labelled(reads.map_units(viewer=request.user, filters=filters))
    response = HttpResponse(json.dumps(units_collection(found), cls=DjangoJSONEncoder,
                                       ensure_ascii=False), content_type=MEDIA_TYPE)
    if request.GET.get("download"):
        response["Content-Disposition"] = 'attachment; filename="units.geojson"'
    return response


@form_page("forces.change_unit")
def unit_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    unit = reads.unit_get(viewer=request.user, public_id=public_id)
    _own(request.user, unit)
    form = UnitEditForm(posted(request), initial={
        name: getattr(unit, name) for name in UnitEditForm.base_fields})
    return submit_to_service(
        request, form,
        call=lambda data: units.unit_update(actor=request.user, unit=unit, **data),
        success_url=unit.get_absolute_url(), success_message=_("The unit was saved."),
        template="forces/units/form.html",
        context={"title": _("Unit %(name)s") % {"name": unit.name},
                 "back": unit.get_absolute_url()})
