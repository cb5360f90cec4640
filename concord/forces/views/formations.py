"""Formations: the list, a formation's page with its readiness at a glance and its
contributions, and a contribution's lifecycle and transfers of authority."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.errors import ValidationError
from concord.core.exports import FORMATS, labelled_table_response
from concord.core.forms import form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.core.labels import Classification
from concord.forces.filters import contribution_filters, formation_filters
from concord.forces.forms import (
    AdvanceForm,
    FormationForm,
    NewFormationForm,
    ReturnForm,
    TransferForm,
)
from concord.forces.models import ContributionStatus, FormationKind, Level
from concord.forces.selectors import formations as reads
from concord.forces.selectors import readiness as readiness_reads
from concord.forces.selectors import units as unit_reads
from concord.forces.services import contributions, formations

PAGE_SIZE = 25


def _labelled(records: Any) -> Any:
    return records.select_related("originator").prefetch_related("releasable_to")


def _level(value: int | None) -> str:
    return str(Level(value).label) if value is not None else ""


def formation_list(request: HttpRequest) -> HttpResponse:
    filters = formation_filters(request.GET).or_warn(request)
    found = reads.formation_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Formation"), _("Abbreviation"), _("Kind"), _("Established"),
                  _("Governing decision"), _("Command"), _("Headquarters"), _("Target personnel")]
        return labelled_table_response(
            filename="formations", fmt=fmt, header=header, records=_labelled(found),
            row=lambda f: [f.name, f.abbreviation, f.get_kind_display(),
                           f.established_on.isoformat() if f.established_on else "",
                           f.governing_decision.symbol if f.governing_decision else "",
                           f.command, f.headquarters, f.target_personnel])
    day = clock.today()
    glances = {g.formation.pk: g.glance for g in
               readiness_reads.readiness_overview(viewer=request.user, day=day)}
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(formation, glances.get(formation.pk)) for formation in page]
    return render_page(request, "forces/formations/list.html", {
        "page_obj": page, "rows": rows, "q": filters.q, "kind": filters.kind,
        "sort": filters.sort.param, "kinds": FormationKind.choices}, partial="table")


def formation_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    formation = reads.formation_get(viewer=request.user, public_id=public_id)
    filters = contribution_filters(request.GET).or_warn(request)
    day = clock.today()
    found = readiness_reads.formation_contributions(viewer=request.user, formation=formation,
                                                    day=day, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Unit"), _("State"), _("Status"), _("Earmarked from"), _("Earmarked until"),
                  _("Under the organization's command"), _("Overall readiness"),
                  _("Reported on"), _("Notice to move, days"), _("Personnel, on hand")]
        return labelled_table_response(
            filename=f"formation-{formation.code}", fmt=fmt, header=header,
            records=_labelled(found),
            row=lambda c: [c.unit.name if c.unit else "", c.state.name, c.get_status_display(),
                           c.period_from.isoformat(),
                           c.period_to.isoformat() if c.period_to else "",
                           c.under_organization_command, _level(c.latest_overall),
                           c.latest_reported_on.isoformat() if c.latest_reported_on else "",
                           c.latest_notice, c.latest_personnel])
    glance = readiness_reads.readiness_glance(viewer=request.user, formation=formation, day=day)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    limit = readiness_reads.stale_limit(day=day, period_days=formation.readiness_period_days)
    return render_page(request, "forces/formations/detail.html", {
        "formation": formation, "glance": glance, "chart": glance.chart(), "page_obj": page,
        "stale_before": limit, "q": filters.q, "state": filters.state,
        "status": filters.status, "overall": filters.overall, "stale": filters.stale,
        "sort": filters.sort.param, "statuses": ContributionStatus.choices,
        "levels": [(str(v), label) for v, label in reversed(Level.choices)],
        "states": unit_reads.state_choices(),
    }, partial="table")


def contribution_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    contribution = reads.contribution_get(viewer=request.user, public_id=public_id)
    unit = contribution.unit
    strengths = ({s.step_id: s for s in unit_reads.strength_history(viewer=request.user,
                                                                    unit=unit)}
                 if unit is not None else {})
    steps = [(step, strengths.get(step.pk)) for step in
             reads.contribution_steps(contribution=contribution)]
    transfers = reads.contribution_transfers(contribution=contribution)
    return render(request, "forces/formations/contribution.html", {
        "contribution": contribution, "steps": steps, "transfers": transfers,
        "in_force": any(t.returned_on is None for t in transfers),
    })


def _decision(request: HttpRequest, data: dict[str, Any]) -> Any:
    return reads.decision_by_id(viewer=request.user, public_id=data.pop("decision", "") or "")


@form_page("forces.change_contribution")
def contribution_advance(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    contribution = reads.contribution_get(viewer=request.user, public_id=public_id)
    form = AdvanceForm(posted(request), decisions=reads.decision_choices(viewer=request.user),
                       initial={"on": clock.today()})
    # The Joint Staff records the step; the strength at it is the contributing state's report.
    reports_strength = contributions.may_report_strength(request.user)
    if not reports_strength:
        for name in ("personnel_on_hand", "equipment_on_hand", "strength_withheld"):
            del form.fields[name]

    def advance(data: dict[str, Any]) -> Any:
        decision = _decision(request, data)
        withheld = data.pop("strength_withheld", False)
        extra: dict[str, Any] = {}
        if withheld:
            # Only the contributing state (and whom it names later) reads these figures.
            extra = {"strength_release_to_all_members": False, "strength_releasable_to": [],
                     "strength_classification": max(contribution.classification,
                                                    Classification.OFFICIAL_USE)}
        return contributions.contribution_advance(actor=request.user, contribution=contribution,
                                                  decision=decision, **data, **extra)

    return submit_to_service(
        request, form, call=advance, success_url=contribution.get_absolute_url(),
        success_message=lambda step: _("The contribution is now “%(status)s”.")
        % {"status": step.get_status_display()},
        template="forces/units/form.html",
        context={"title": _("Deployment step of %(record)s") % {"record": str(contribution)},
                 "back": contribution.get_absolute_url(),
                 "lead": _("You record the step and, as the contributing state, the strength "
                           "of the unit at it.") if reports_strength else
                 _("You record the step; the strength of the unit at it is reported by the "
                   "contributing state's delegation.")})


@form_page("forces.add_authoritytransfer")
def authority_transfer(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    contribution = reads.contribution_get(viewer=request.user, public_id=public_id)
    form = TransferForm(posted(request), decisions=reads.decision_choices(viewer=request.user),
                        initial={"effective_on": clock.today()})

    def transfer(data: dict[str, Any]) -> Any:
        decision = _decision(request, data)
        if decision is None:
            raise ValidationError(_("Choose the council decision."),
                                  errors={"decision": [_("Choose the council decision.")]})
        return contributions.authority_transfer(actor=request.user, contribution=contribution,
                                                decision=decision, **data)

    return submit_to_service(
        request, form, call=transfer, success_url=contribution.get_absolute_url(),
        success_message=_("Command passes to the organization."),
        template="forces/units/form.html",
        context={"title": _("Transfer of authority over %(record)s")
                 % {"record": str(contribution)}, "back": contribution.get_absolute_url()})


@form_page("forces.add_authoritytransfer")
def authority_return(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    contribution = reads.contribution_get(viewer=request.user, public_id=public_id)
    form = ReturnForm(posted(request), initial={"returned_on": clock.today()})
    return submit_to_service(
        request, form,
        call=lambda data: contributions.authority_return(actor=request.user,
                                                         contribution=contribution, **data),
        success_url=contribution.get_absolute_url(),
        success_message=_("Command returns to the state."), template="forces/units/form.html",
        context={"title": _("Return of %(record)s to national command")
                 % {"record": str(contribution)}, "back": contribution.get_absolute_url()})


def _formation_values(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    values = dict(data)
    decision = values.pop("governing_decision", "") or ""
    values["governing_decision"] = reads.decision_by_id(viewer=request.user, public_id=decision)
    return values


@form_page("forces.add_formation")
def formation_create(request: HttpRequest) -> HttpResponse:
    form = NewFormationForm(posted(request), decisions=reads.decision_choices(viewer=request.user))

    def create(data: dict[str, Any]) -> Any:
        values = _formation_values(request, data)
        secretariat = getattr(request.user, "party", None)
        return formations.formation_create(
            actor=request.user, code=values.pop("code"),
            releasable_to=[secretariat] if secretariat is not None else [], **values)

    return submit_to_service(
        request, form, call=create, success_url=lambda formation: formation.get_absolute_url(),
        success_message=_("The formation was registered."), template="forces/units/form.html",
        context={"title": _("New formation"), "back": reverse("forces:formation-list")})


@form_page("forces.change_formation")
def formation_edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    formation = reads.formation_get(viewer=request.user, public_id=public_id)
    decision = formation.governing_decision
    initial = {name: getattr(formation, name) for name in formations.EDITABLE
               if name not in ("governing_decision", "command_body", "order",
                               "headquarters_latitude", "headquarters_longitude")}
    initial["governing_decision"] = str(decision.public_id) if decision is not None else ""
    form = FormationForm(posted(request), decisions=reads.decision_choices(viewer=request.user),
                         initial=initial)
    return submit_to_service(
        request, form,
        call=lambda data: formations.formation_update(
            actor=request.user, formation=formation, **_formation_values(request, data)),
        success_url=formation.get_absolute_url(), success_message=_("The formation was saved."),
        template="forces/units/form.html",
        context={"title": _("Formation %(name)s") % {"name": formation.name},
                 "back": formation.get_absolute_url()})
