"""Where the states stand on a draft."""

from __future__ import annotations

from dataclasses import dataclass

from concord.council.models import (
    Document,
    StatePosition,
)
from concord.registry.models import Body, MemberState


@dataclass(frozen=True)
class PositionRow:
    state: MemberState
    position: StatePosition | None
    takes_part: bool
    # The body before which the state takes the position.
    body: Body


def position_board(*, document: Document, body: Body) -> list[PositionRow]:
    positions = {p.state_id: p for p in StatePosition.objects.filter(document=document, body=body)}
    return [PositionRow(state, positions.get(state.pk), state.status == "active", body)
            for state in MemberState.objects.exclude(status="withdrawn").order_by("name_ru")]
