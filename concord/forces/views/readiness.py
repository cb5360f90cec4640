"""Readiness at a glance: every formation by level, each unit's latest report (or the whole
history), and the units whose report is stale."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.exports import FORMATS, labelled_table_response
from concord.core.htmx import render_page
from concord.forces.filters import readiness_filters
from concord.forces.models import DEFAULT_READINESS_PERIOD_DAYS, Level
from concord.forces.selectors import formations as formation_reads
from concord.forces.selectors import readiness as reads
from concord.forces.selectors import units as unit_reads
from concord.forces.selectors.readiness import LEVELS_DOWN

PAGE_SIZE = 25


def _level(value: int | None) -> str:
    return str(Level(value).label) if value is not None else ""


def _overview_chart(overview: list[reads.FormationGlance]) -> dict[str, Any]:
    return {"labels": [str(g.formation.abbreviation or g.formation.name) for g in overview],
            "series": [{"level": level, "label": str(Level(level).label),
                        "values": [g.glance.total.by_level[level] for g in overview]}
                       for level in LEVELS_DOWN],
            "unknown": [g.glance.total.unknown for g in overview],
            "stale": [g.glance.total.stale for g in overview]}


def _state_chart(by_state: list[reads.StateReadiness]) -> dict[str, Any]:
    return {"labels": [row.name for row in by_state],
            "series": [{"level": level, "label": str(Level(level).label),
                        "values": [row.by_level[level] for row in by_state]}
                       for level in LEVELS_DOWN],
            "unknown": [row.unknown for row in by_state],
            "stale": [row.stale for row in by_state]}


def readiness_list(request: HttpRequest) -> HttpResponse:
    filters = readiness_filters(request.GET).or_warn(request)
    found = reads.readiness_list(viewer=request.user, filters=filters)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        header = [_("Unit"), _("State"), _("Reported on"), _("Personnel"),
                  _("Equipment on hand and condition"), _("Training"), _("Sustainment"),
                  _("Overall readiness"), _("Overridden"), _("Reason for the override"),
                  _("Notice to move, days"), _("Caveats"), _("Forecast date of the next change"),
                  _("Source")]
        return labelled_table_response(
            filename="readiness", fmt=fmt, header=header,
            records=found.select_related("originator").prefetch_related("releasable_to"),
            row=lambda r: [r.unit.name if r.unit else "", r.unit.state.name if r.unit else "",
                           r.reported_on.isoformat(), _level(r.personnel),
                           _level(r.equipment), _level(r.training), _level(r.sustainment),
                           _level(r.overall), r.overridden, r.override_reason,
                           r.notice_to_move_days, r.caveats,
                           r.forecast_on.isoformat() if r.forecast_on else "",
                           r.get_source_kind_display()])
    day = clock.today()
    overview = reads.readiness_overview(viewer=request.user, day=day)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    stale = reads.stale_units(viewer=request.user, day=day)
    by_state = reads.readiness_by_state(viewer=request.user, day=day)
    return render_page(request, "forces/readiness/list.html", {
        "overview": overview, "chart": _overview_chart(overview), "page_obj": page,
        "by_state": by_state, "state_chart": _state_chart(by_state),
        "stale_count": stale.count(), "stale_units": stale[:10],
        "period_days": DEFAULT_READINESS_PERIOD_DAYS, "q": filters.q, "state": filters.state,
        "overall": filters.overall, "formation": filters.formation,
        "history": filters.history, "sort": filters.sort.param,
        "levels": [(str(v), label) for v, label in reversed(Level.choices)],
        "level_values": LEVELS_DOWN,
        "states": unit_reads.state_choices(),
        "formations": formation_reads.formation_choices(viewer=request.user),
    }, partial="table")
