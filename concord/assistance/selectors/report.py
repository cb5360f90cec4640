"""The operator's report on every request, each read as its requesting state reads it (every
pledge to it, withheld or not), for the command line."""

from __future__ import annotations

from dataclasses import dataclass

from concord.assistance.models import AssistanceRequest, PledgeLine
from concord.assistance.selectors.figures import RequestFigures, line_figures, request_figures
from concord.assistance.selectors.requests import overdue_pledge_lines
from concord.core.policy import system_viewer, system_viewers


@dataclass(frozen=True)
class ReportRow:
    request: AssistanceRequest
    totals: RequestFigures
    overdue: list[PledgeLine]


def operator_report(*, overdue_only: bool = False) -> list[ReportRow]:
    rows: list[ReportRow] = []
    for viewer in system_viewers(reason="the operator's assistance report"):
        mine = (AssistanceRequest.objects.visible_to(viewer)
                .filter(originator_id=viewer.party_id).select_related("requesting_state")
                .order_by("reference"))
        for request in mine:
            reader = system_viewer(request.originator, reason="the operator's assistance report")
            totals = request_figures(line_figures(viewer=reader, request=request))
            late = [line for line in overdue_pledge_lines(viewer=reader)
                    if line.pledge.request_id == request.pk]
            if overdue_only and not late and not totals.days_overdue:
                continue
            rows.append(ReportRow(request, totals, late))
    return sorted(rows, key=lambda row: row.request.reference)
