"""Where the states stand on a draft."""

from __future__ import annotations

from dataclasses import dataclass

from concord.council.models import (
    Document,
    StatePosition,
)
from concord.council.services.documents import Outlook, decision_outlook
from concord.registry.models import Body, MemberState


@dataclass(frozen=True)
class PositionRow:
    state: MemberState
    position: StatePosition | None
    takes_part: bool
    # The body before which the state takes the position.
    body: Body


def position_board(*, document: Document, body: Body) -> list[PositionRow]:
    positions = {p.state_id: p for p in StatePosition.objects.filter(document=document, body=body)
                 .select_related("recorded_by")}
    return [PositionRow(state, positions.get(state.pk), state.status == "active", body)
            for state in MemberState.objects.exclude(status="withdrawn").order_by("name_ru")]


def decision_preview(*, document: Document, body: Body | None = None) -> Outlook:
    """What applying the consensus rule now would record, read without writing anything."""
    return decision_outlook(document=document, body=body)
