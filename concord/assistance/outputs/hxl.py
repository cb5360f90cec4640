"""A request's lines and pledges as HXL-tagged tables (the Humanitarian Exchange Language): the
header row, then the row of hashtags that HXL tools read, then the data, each row ending with
its label columns as every Concord table does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse

from concord.assistance.models import AssistanceRequest, Pledge, PledgeLine, RequestLine
from concord.core import policy
from concord.core.exports import counted_label_cells, table_response
from concord.core.marking import LABEL_COLUMNS, label_cells

LABEL_TAGS = ("#meta+classification", "#org+originator+code", "#meta+release+all",
              "#meta+releasable+code")

LINE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("request", "#activity+code"), ("line", "#meta+id"), ("category", "#item+type+code"),
    ("description", "#item+name"), ("unit", "#item+unit"),
    ("requested", "#indicator+requested+num"), ("pledged", "#indicator+pledged+num"),
    ("committed", "#indicator+committed+num"), ("delivered", "#indicator+delivered+num"),
    ("gap", "#indicator+gap+num"), ("needed_by", "#date+due"), ("place", "#loc+name"),
    ("restriction", "#description+restriction"), ("retransfer_banned", "#meta+retransfer+ban"),
    # Of the pledged quantity, what the states that pledged it withheld from the other states.
    ("withheld", "#indicator+pledged+withheld+num"),
)
PLEDGE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("request", "#activity+code"), ("line", "#meta+id"), ("category", "#item+type+code"),
    ("state", "#org+provider+code"), ("stage", "#status+code"),
    ("pledged", "#indicator+pledged+num"), ("committed", "#indicator+committed+num"),
    ("shipped", "#indicator+shipped+num"), ("delivered", "#indicator+delivered+num"),
    ("accepted", "#indicator+accepted+num"), ("value", "#value"), ("currency", "#currency"),
    ("condition", "#meta+condition"), ("due_on", "#date+due"),
    ("agreement", "#meta+agreement"), ("export_licence", "#status+licence"),
    ("requester_answer", "#status+response"),
)


def _response(*, filename: str, fmt: str, columns: Sequence[tuple[str, str]],
              rows: list[list[Any]]) -> HttpResponse:
    header = [name for name, _tag in columns] + list(LABEL_COLUMNS)
    tags = [tag for _name, tag in columns] + list(LABEL_TAGS)
    return table_response(filename=filename, fmt=fmt, header=header, rows=[tags, *rows])


def _shared_with_all_readers(request: AssistanceRequest) -> set[int]:
    """The pledges to `request` that everyone who reads the request may read as well."""
    readable = policy.readable_by(Pledge.objects.filter(request=request),
                                  policy.audience_of_record(request))
    return set(readable.values_list("pk", flat=True))


def lines_table(*, request: AssistanceRequest, lines: Sequence[RequestLine],
                pledge_lines: Sequence[PledgeLine], fmt: str) -> HttpResponse:
    """Each line with what the pledges the reader may see pledge, commit and deliver against
    it, and how much of it is withheld from the other states; the line carries its request's
    label, narrowed where a withheld pledge is counted in it."""
    shared = _shared_with_all_readers(request)
    totals: dict[int, list[int]] = {}
    withheld_by: dict[int, dict[int, Pledge]] = {}
    for item in pledge_lines:
        if item.stage == PledgeLine.Stage.CANCELLED:
            continue
        sums = totals.setdefault(item.line_id, [0, 0, 0, 0])
        sums[0] += item.quantity
        sums[1] += item.committed
        sums[2] += item.delivered
        if item.pledge_id not in shared:
            sums[3] += item.quantity
            withheld_by.setdefault(item.line_id, {})[item.pledge_id] = item.pledge
    rows = []
    for line in lines:
        pledged, committed, delivered, withheld = totals.get(line.pk, [0, 0, 0, 0])
        rows.append([request.reference, line.number, line.category, line.description,
                     line.unit, line.quantity, pledged, committed, delivered,
                     max(line.quantity - pledged, 0),
                     line.needed_by.isoformat() if line.needed_by else "",
                     line.delivery_place, line.end_use_restriction, line.retransfer_banned,
                     withheld,
                     *counted_label_cells(request, list(withheld_by.get(line.pk, {}).values()))])
    return _response(filename=f"{request.reference}-lines",
                     fmt=fmt, columns=LINE_COLUMNS, rows=rows)


def pledges_table(*, request: AssistanceRequest, pledge_lines: Sequence[PledgeLine],
                  fmt: str) -> HttpResponse:
    """Each pledge line the reader may see, with its pledge's label."""
    rows = [[request.reference, item.line.number, item.line.category,
             item.pledge.state.iso_alpha2, item.stage, item.quantity, item.committed,
             item.shipped, item.delivered, item.accepted,
             str(item.value) if item.value is not None else "", item.currency, item.condition,
             item.due_on.isoformat() if item.due_on else "", item.agreement_reference,
             item.export_licence, item.response, *label_cells(item.pledge)]
            for item in pledge_lines]
    return _response(filename=f"{request.reference}-pledges",
                     fmt=fmt, columns=PLEDGE_COLUMNS, rows=rows)
