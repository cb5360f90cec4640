from __future__ import annotations

import copy
from typing import Any
from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.errors import ValidationError
from concord.core.exports import FORMATS, table_response
from concord.core.forms import form_page, posted, submit_to_service
from concord.core.htmx import render_page
from concord.registry import filters as registry_filters
from concord.registry import rotation, selectors, services
from concord.registry.forms import (
    BodyForm,
    ChairmanshipForm,
    ChairOnDayForm,
    MemberStateForm,
    OfficialForm,
    StatusChangeForm,
    TermForm,
)
from concord.registry.models import MemberStatus

PAGE_SIZE = 25


def _map_states(states: Any) -> list[dict[str, str]]:
    return [{"numeric": s.iso_numeric, "name": s.name, "status": s.status,
             "status_label": str(s.get_status_display()), "url": s.get_absolute_url()}
            for s in states]


def state_list(request: HttpRequest) -> HttpResponse:
    filters = registry_filters.state_filters_from(request.GET).or_warn(request)
    states = selectors.member_state_list(viewer=request.user, status=filters.status,
                                         q=filters.q, sort=filters.sort)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("ISO code"), _("Name (Russian)"), _("Name (English)"),
                  _("Name (own language)"), _("Member since"), _("Status")]
        rows = ([s.iso_alpha2, s.name_ru, s.name_en, s.name_native, s.joined_on.isoformat(),
                 s.get_status_display()] for s in states)
        return table_response(filename="member-states", fmt=fmt, header=header, rows=rows)
    page = Paginator(states, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page, "status": filters.status, "q": filters.q,
        "sort": filters.sort or "name",
        "statuses": MemberStatus.choices,
        "map_states": _map_states(selectors.member_state_list(viewer=request.user)),
    }
    return render_page(request, "registry/state_list.html", context, partial="table")


def state_detail(request: HttpRequest, code: str) -> HttpResponse:
    state = selectors.member_state_get(viewer=request.user, code=code)
    officials = selectors.official_list(viewer=request.user, states=[state.iso_alpha2])
    year = clock.current_year()
    schedule = selectors.chairmanship_schedule(
        viewer=request.user, first_year=max(year - 15, selectors.FIRST_CHAIR_YEAR),
        last_year=min(year + 10, selectors.LAST_CHAIR_YEAR))
    chairs = [entry for entry in schedule if entry.state and entry.state.pk == state.pk]
    context = {"state": state, "officials": officials, "chairmanships": chairs,
               "map_states": _map_states([state])}
    return render(request, "registry/state_detail.html", context)


@form_page("registry.change_memberstate")
def state_edit(request: HttpRequest, code: str) -> HttpResponse:
    state = selectors.member_state_get(viewer=request.user, code=code)
    form = MemberStateForm(posted(request), instance=copy.copy(state))
    return submit_to_service(
        request, form,
        call=lambda data: services.member_state_update(actor=request.user, state=state, **data),
        success_url=state.get_absolute_url(), success_message=_("The member state was saved."),
        template="registry/form.html",
        context={"title": _("Edit %(name)s") % {"name": state.name}, "back": state.get_absolute_url()},
    )


@form_page("registry.change_memberstate")
def state_status(request: HttpRequest, code: str) -> HttpResponse:
    state = selectors.member_state_get(viewer=request.user, code=code)
    form = StatusChangeForm(posted(request), initial={"status": state.status,
                                                           "effective_on": clock.today()})
    return submit_to_service(
        request, form,
        call=lambda data: services.member_state_status_change(actor=request.user, state=state,
                                                              **data),
        success_url=state.get_absolute_url(), success_message=_("The status change was recorded."),
        template="registry/form.html",
        context={"title": _("Membership status of %(name)s") % {"name": state.name},
                 "back": state.get_absolute_url()},
    )


def body_list(request: HttpRequest) -> HttpResponse:
    return render(request, "registry/body_list.html",
                  {"nodes": selectors.body_tree(viewer=request.user)})


def body_detail(request: HttpRequest, code: str) -> HttpResponse:
    body = selectors.body_get(viewer=request.user, code=code)
    today = clock.today()
    positions = [{"position": p, "current": selectors.holders_on(position=p, day=today),
                  "terms": list(p.terms.all())} for p in body.positions.all()]
    return render(request, "registry/body_detail.html", {"body": body, "positions": positions})


@form_page("registry.change_body")
def body_edit(request: HttpRequest, code: str) -> HttpResponse:
    body = selectors.body_get(viewer=request.user, code=code)
    form = BodyForm(posted(request), instance=copy.copy(body))
    return submit_to_service(
        request, form,
        call=lambda data: services.body_update(actor=request.user, body=body, **data),
        success_url=body.get_absolute_url(), success_message=_("The body was saved."),
        template="registry/form.html",
        context={"title": _("Edit %(name)s") % {"name": body.name}, "back": body.get_absolute_url()},
    )


def official_list(request: HttpRequest) -> HttpResponse:
    filters = registry_filters.official_filters_from(request.GET).or_warn(request)
    officials = selectors.official_list(viewer=request.user, q=filters.q,
                                        positions=filters.position, states=filters.state,
                                        sort=filters.sort)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Name (Russian)"), _("Name (English)"), _("State"), _("Positions")]
        rows = ([o.name_ru, o.name_en, o.state.iso_alpha2 if o.state else "",
                 "; ".join(f"{t.position.title_en} ({t.started_on or t.attested_on}"
                           f"–{t.ended_on or ''})" for t in o.terms.all())] for o in officials)
        return table_response(filename="officials", fmt=fmt, header=header, rows=rows)
    page = Paginator(officials, PAGE_SIZE).get_page(request.GET.get("page"))
    key, descending = filters.sort or ("name", False)
    context = {"page_obj": page, "q": filters.q, "position": filters.position,
               "state": filters.state, "sort": f"-{key}" if descending else key,
               "position_choices": [(p.code, p.title)
                                    for p in selectors.position_list(viewer=request.user)],
               "state_choices": [(s.iso_alpha2, s.name)
                                 for s in selectors.member_state_list(viewer=request.user)]}
    return render_page(request, "registry/official_list.html", context, partial="table")


def official_detail(request: HttpRequest, official_id: UUID) -> HttpResponse:
    official = selectors.official_get(viewer=request.user, public_id=official_id)
    return render(request, "registry/official_detail.html", {"official": official})


@form_page("registry.add_official")
def official_create(request: HttpRequest) -> HttpResponse:
    form = OfficialForm(posted(request))
    return submit_to_service(
        request, form,
        call=lambda data: services.official_create(actor=request.user, **data),
        success_url=lambda official: official.get_absolute_url(),
        success_message=_("The official was added."), template="registry/form.html",
        context={"title": _("New official"), "back": reverse("registry:official-list")},
    )


@form_page("registry.change_official")
def official_edit(request: HttpRequest, official_id: UUID) -> HttpResponse:
    official = selectors.official_get(viewer=request.user, public_id=official_id)
    form = OfficialForm(posted(request), instance=copy.copy(official))
    return submit_to_service(
        request, form,
        call=lambda data: services.official_update(actor=request.user, official=official, **data),
        success_url=official.get_absolute_url(), success_message=_("The official was saved."),
        template="registry/form.html",
        context={"title": _("Edit %(name)s") % {"name": official.name},
                 "back": official.get_absolute_url()},
    )


@form_page("registry.change_official")
def term_add(request: HttpRequest, official_id: UUID) -> HttpResponse:
    official = selectors.official_get(viewer=request.user, public_id=official_id)
    form = TermForm(posted(request))
    return submit_to_service(
        request, form,
        call=lambda data: services.term_add(actor=request.user, official=official, **data),
        success_url=official.get_absolute_url(), success_message=_("The term was recorded."),
        template="registry/form.html",
        context={"title": _("New term of office for %(name)s") % {"name": official.name},
                 "back": official.get_absolute_url()},
    )


def chairmanship(request: HttpRequest) -> HttpResponse:
    year = clock.current_year()
    last_year = min(year + 8, selectors.LAST_CHAIR_YEAR)
    first_year = max(year - 12, selectors.FIRST_CHAIR_YEAR)
    # Every recorded term is listed, however old: a state's page links here for each of them.
    earliest = selectors.earliest_recorded_chair_year(viewer=request.user)
    if earliest is not None:
        first_year = max(min(first_year, earliest), last_year - selectors.LONGEST_SCHEDULE)
    schedule = selectors.chairmanship_schedule(
        viewer=request.user, first_year=first_year, last_year=last_year)
    # The schedule holds the years either side of today, so the term running today is in it.
    current = rotation.in_office(schedule, clock.today())
    context: dict[str, Any] = {"schedule": list(reversed(schedule)), "current": current,
                               "year": year}
    form = ChairOnDayForm(request.GET if "day" in request.GET else None)
    status = 200
    if form.is_bound:
        if form.is_valid():
            try:
                context["on_day"] = selectors.chair_on(viewer=request.user,
                                                       day=form.cleaned_data["day"])
            except ValidationError as error:
                form.add_error("day", error.detail)
        if form.errors:
            status = 400
    context["day_form"] = form
    return render(request, "registry/chairmanship.html", context, status=status)


@form_page("registry.change_chairmanship")
def chairmanship_record(request: HttpRequest) -> HttpResponse:
    form = ChairmanshipForm(posted(request),
                            initial={"year": request.GET.get("year", clock.current_year())})
    return submit_to_service(
        request, form,
        call=lambda data: services.chairmanship_record(actor=request.user, **data),
        success_url=reverse("registry:chairmanship"),
        success_message=_("The chairmanship was recorded."), template="registry/form.html",
        context={"title": _("Record a chairmanship"), "back": reverse("registry:chairmanship")},
    )
