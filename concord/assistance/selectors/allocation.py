"""Reads behind the fair-share proposal: the request it is for, what its lines still lack as the
viewer sees the pledges, the capacities and keys it is made from, and the latest proposal."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from concord.assistance.models import (
    AllocationProposal,
    AllocationRow,
    AssistanceRequest,
    BurdenKey,
    BurdenShare,
    CapacityDeclaration,
    Delivery,
    HandoverAct,
    Pledge,
    PledgeLine,
    RequestLine,
)
from concord.core import policy
from concord.core.actors import Viewer
from concord.core.errors import NotFound
from concord.core.scoping import labelled_get, public_id_of
from concord.registry.models import MemberState


def request_get(*, viewer: Viewer, public_id: Any) -> AssistanceRequest:
    found: AssistanceRequest = labelled_get(
        AssistanceRequest.objects.select_related("requesting_state"), viewer=viewer,
        public_id=public_id_of(AssistanceRequest, public_id))
    return found


def request_lines(*, request: AssistanceRequest) -> list[RequestLine]:
    return list(RequestLine.objects.filter(request=request).order_by("number"))


def pledged_by_line(*, viewer: Viewer, request: AssistanceRequest) -> dict[int, int]:
    """What is pledged against each line, counting none that were cancelled, and only the
    pledges that every reader of the request may see as well as the viewer: a proposal is
    shown to all of them, and what it leaves uncovered must not tell a withheld pledge."""
    visible = policy.readable_by(
        Pledge.objects.visible_to(viewer).filter(request=request),
        policy.audience_of_record(request)).values("pk")
    rows = (PledgeLine.objects.filter(pledge__in=visible, line__request=request)
            .exclude(stage=PledgeLine.Stage.CANCELLED)
            .values("line_id").annotate(total=Sum("quantity")))
    return {row["line_id"]: int(row["total"] or 0) for row in rows}


def states_addressed(*, request: AssistanceRequest) -> list[MemberState]:
    """The states a proposal may ask to give: those the request is addressed to, never the
    requesting state itself."""
    states = (MemberState.objects.all() if request.addressed_to_all
              else request.addressed_states.all())
    return list(states.exclude(pk=request.requesting_state_id).order_by("name_ru"))


def capacities(*, viewer: Viewer, request: AssistanceRequest) -> dict[int, dict[str, int | None]]:
    """Each state's declared capacity per category, as the viewer may read the declarations:
    one made for this request replaces the state's general one."""
    found: dict[int, dict[str, int | None]] = defaultdict(dict)
    declarations = (CapacityDeclaration.objects.visible_to(viewer)
                    .filter(Q(request=request) | Q(request__isnull=True))
                    .order_by("request_id"))  # general ones first, then this request's
    for declaration in declarations:
        found[declaration.state_id][declaration.category] = (
            None if declaration.no_capacity else declaration.quantity)
    return dict(found)


def burden_keys() -> list[BurdenKey]:
    return list(BurdenKey.objects.order_by("code"))


def burden_key_get(*, code: str) -> BurdenKey:
    key = BurdenKey.objects.filter(code=code).first()
    if key is None:
        raise NotFound(_("No burden-sharing key %(code)s.") % {"code": code})
    return key


def burden_shares(*, key: BurdenKey) -> dict[int, float]:
    return {share.state_id: float(share.share)
            for share in BurdenShare.objects.filter(key=key)}


def allocation_latest(*, viewer: Viewer, request: AssistanceRequest) -> AllocationProposal | None:
    return (AllocationProposal.objects.visible_to(viewer).filter(request=request)
            .select_related("key").order_by("-created_at", "-id").first())


def allocation_rows(*, proposal: AllocationProposal) -> list[AllocationRow]:
    return list(AllocationRow.objects.filter(proposal=proposal)
                .select_related("line", "state").order_by("line__number", "state__name_ru"))


def allocation_row_get(*, proposal: AllocationProposal, row_id: Any) -> AllocationRow:
    try:
        pk = int(row_id)
    except (TypeError, ValueError):
        pk = 0
    row = (AllocationRow.objects.filter(proposal=proposal, pk=pk)
           .select_related("line", "state").first())
    if row is None:
        raise NotFound(_("No such part of the proposal."))
    return row


def pledge_lines_visible(*, viewer: Viewer, request: AssistanceRequest,
                         committed_only: bool = False) -> list[PledgeLine]:
    """The pledge lines of the pledges the viewer may see, with their pledge's label: a pledge
    withheld from the viewer leaves no trace here."""
    visible = Pledge.objects.visible_to(viewer).filter(request=request).values("pk")
    lines = (PledgeLine.objects.filter(pledge__in=visible, line__request=request)
             .select_related("line", "pledge__state", "pledge__originator")
             .prefetch_related("pledge__releasable_to")
             .order_by("line__number", "pledge__state__name_ru", "id"))
    if committed_only:
        lines = lines.filter(committed__gt=0).exclude(stage=PledgeLine.Stage.CANCELLED)
    return list(lines)


def handover_act_of(*, delivery: Delivery) -> HandoverAct:
    """The handover act of a delivery the caller was allowed to read."""
    act = HandoverAct.objects.filter(delivery=delivery).first()
    if act is None:
        raise NotFound(_("This delivery has no handover act yet."))
    return act


def state_names() -> dict[str, str]:
    """Each member state's name in the reader's language, by its ISO code."""
    return {state.iso_alpha2: state.name for state in MemberState.objects.all()}
