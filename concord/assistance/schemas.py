"""What the API says of assistance requests, their lines with their figures, pledges and
consignments, and what it takes to file, pledge, commit, ship and accept."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from concord.assistance.models import (
    AssistanceRequest,
    Delivery,
    DeliveryItem,
    Pledge,
    PledgeLine,
    RequestPhase,
)
from concord.assistance.selectors.figures import LineFigures, RequestFigures
from concord.core import policy
from concord.core.labels import Classification
from concord.core.schemas import ClassificationCode


class PhaseOut(Schema):
    number: int
    title_ru: str
    title_en: str
    due_on: date | None

    @staticmethod
    def resolve_number(phase: RequestPhase) -> int:
        return phase.number


class RequestOut(Schema):
    id: UUID = Field(alias="public_id")
    reference: str
    title_ru: str
    title_en: str
    requesting_state: str
    beneficiary_ru: str
    beneficiary_en: str
    kind: str
    terms: str
    urgency: str
    status: str
    opens_on: date | None
    closes_on: date | None
    classification: ClassificationCode
    # Counted in lines, since each line has its own unit: wholly, and partly, covered.
    lines: int = Field(0, alias="lines_total")
    lines_pledged: int = 0
    lines_partly_pledged: int = 0
    lines_delivered: int = 0
    lines_partly_delivered: int = 0
    overdue_since: date | None = None

    @staticmethod
    def resolve_requesting_state(request: AssistanceRequest) -> str:
        return request.requesting_state.iso_alpha2

    @staticmethod
    def resolve_classification(request: AssistanceRequest) -> Classification:
        return Classification(request.classification)


class GapOut(Schema):
    unpledged: int
    uncommitted: int
    undelivered: int


class LineOut(Schema):
    number: int
    phase: int | None
    category: str
    description_ru: str
    description_en: str
    unit: str
    illustrative: bool
    needed_by: date | None
    end_use_restriction_ru: str
    retransfer_banned: bool
    requested: int
    pledged: int
    committed: int
    delivered: int
    accepted: int
    withheld: int
    gap: GapOut
    due_on: date | None
    days_overdue: int

    @staticmethod
    def resolve_number(figures: LineFigures) -> int:
        return figures.line.number

    @staticmethod
    def resolve_phase(figures: LineFigures) -> int | None:
        return figures.line.phase.number if figures.line.phase else None

    @staticmethod
    def resolve_category(figures: LineFigures) -> str:
        return figures.line.category

    @staticmethod
    def resolve_description_ru(figures: LineFigures) -> str:
        return figures.line.description_ru

    @staticmethod
    def resolve_description_en(figures: LineFigures) -> str:
        return figures.line.description_en

    @staticmethod
    def resolve_unit(figures: LineFigures) -> str:
        return figures.line.unit

    @staticmethod
    def resolve_illustrative(figures: LineFigures) -> bool:
        return figures.line.illustrative

    @staticmethod
    def resolve_needed_by(figures: LineFigures) -> date | None:
        return figures.line.needed_by

    @staticmethod
    def resolve_end_use_restriction_ru(figures: LineFigures) -> str:
        return figures.line.end_use_restriction_ru

    @staticmethod
    def resolve_retransfer_banned(figures: LineFigures) -> bool:
        return figures.line.retransfer_banned


class TotalsOut(Schema):
    """A request's figures in lines, each line counting in its own unit."""
    lines: int
    lines_pledged: int
    lines_partly_pledged: int
    lines_committed: int
    lines_partly_committed: int
    lines_delivered: int
    lines_partly_delivered: int
    lines_accepted: int
    lines_withheld: int
    days_overdue: int


class RequestDetailOut(Schema):
    request: RequestOut
    phases: list[PhaseOut]
    addressed_to: list[str] | None
    lines: list[LineOut]
    totals: TotalsOut


def request_detail(request: AssistanceRequest, lines: list[LineFigures],
                   totals: RequestFigures) -> dict[str, Any]:
    addressed = None if request.addressed_to_all else sorted(
        state.iso_alpha2 for state in request.addressed_states.all())
    return {"request": request, "phases": list(request.phases.all()), "addressed_to": addressed,
            "lines": lines, "totals": totals}


class PledgeLineOut(Schema):
    id: UUID = Field(alias="public_id")
    line: int
    stage: str
    quantity: int
    committed: int
    shipped: int
    delivered: int
    accepted: int
    value: Decimal | None
    currency: str
    condition: str
    caveats: str
    due_on: date | None
    agreement_reference: str
    agreement_signed_on: date | None
    export_licence: str
    response: str
    cancellation_reason: str
    revision: int

    @staticmethod
    def resolve_line(pledge_line: PledgeLine) -> int:
        return pledge_line.line.number


class PledgeOut(Schema):
    id: UUID = Field(alias="public_id")
    state: str
    pledged_on: date
    note: str
    classification: ClassificationCode
    withheld: bool
    lines: list[PledgeLineOut]

    @staticmethod
    def resolve_state(pledge: Pledge) -> str:
        return pledge.state.iso_alpha2

    @staticmethod
    def resolve_classification(pledge: Pledge) -> Classification:
        return Classification(pledge.classification)

    @staticmethod
    def resolve_withheld(pledge: Pledge) -> bool:
        return policy.kept_from_states(pledge)

    @staticmethod
    def resolve_lines(pledge: Pledge) -> list[PledgeLine]:
        return list(pledge.lines.all())


class DeliveryItemOut(Schema):
    pledge_line: UUID
    line: int
    quantity: int
    accepted: int

    @staticmethod
    def resolve_pledge_line(item: DeliveryItem) -> UUID:
        return item.pledge_line.public_id

    @staticmethod
    def resolve_line(item: DeliveryItem) -> int:
        return item.pledge_line.line.number


class DeliveryOut(Schema):
    id: UUID = Field(alias="public_id")
    reference: str
    state: str
    status: str
    shipped_on: date
    delivered_on: date | None
    accepted_on: date | None
    items: list[DeliveryItemOut]

    @staticmethod
    def resolve_state(delivery: Delivery) -> str:
        return delivery.pledge.state.iso_alpha2

    @staticmethod
    def resolve_items(delivery: Delivery) -> list[DeliveryItem]:
        return list(delivery.items.all())


class PhaseIn(Schema):
    title_ru: str
    title_en: str = ""
    due_on: date | None = None


class LineIn(Schema):
    category: str
    description_ru: str
    description_en: str = ""
    quantity: int
    unit: str = "pieces"
    priority: int = 2
    phase: int | None = None
    needed_by: date | None = None
    delivery_place_ru: str = ""
    end_use_restriction_ru: str = ""
    retransfer_banned: bool = True
    illustrative: bool = False


class RequestIn(Schema):
    requesting_state: str
    title_ru: str
    title_en: str = ""
    beneficiary_ru: str
    beneficiary_en: str = ""
    kind: str
    terms: str = "free"
    urgency: str = "routine"
    summary_ru: str = ""
    letter_reference: str = ""
    letter_dated: date | None = None
    # A council instruction the request answers: its window and label follow.
    instruction: UUID | None = None
    addressed_states: list[str] = []
    opens_on: date | None = None
    closes_on: date | None = None
    phases: list[PhaseIn] = []
    lines: list[LineIn] = []
    # None: the instruction's when made from one, otherwise official use.
    classification: ClassificationCode | None = None
    release_to_all_members: bool = True


class OpenIn(Schema):
    opens_on: date | None = None
    closes_on: date | None = None


class ReasonIn(Schema):
    reason: str


class PledgeLineIn(Schema):
    line: int
    quantity: int
    value: Decimal | None = None
    currency: str = ""
    condition: str = "new"
    caveats: str = ""
    due_on: date | None = None


class PledgeIn(Schema):
    lines: list[PledgeLineIn]
    # The pledging state, for the secretariat recording a state's pledge; a delegation pledges
    # for its own state.
    state: str | None = None
    note: str = ""
    # False: the pledge is released to the requester and the secretariat only.
    release_to_all_members: bool = True
    # None: the request's own.
    classification: ClassificationCode | None = None


class CommitIn(Schema):
    quantity: int
    agreement_reference: str
    agreement_signed_on: date | None = None
    export_licence: str = "not_required"
    note: str = ""


class ReviseIn(Schema):
    quantity: int | None = None
    value: Decimal | None = None
    currency: str | None = None
    due_on: date | None = None
    note: str = ""


class RespondIn(Schema):
    response: str
    note: str = ""


class ShipItemIn(Schema):
    pledge_line: UUID
    quantity: int


class ShipIn(Schema):
    reference: str
    shipped_on: date | None = None
    place_ru: str = ""
    items: list[ShipItemIn]


class DayIn(Schema):
    day: date | None = None


class AcceptIn(Schema):
    day: date | None = None
    # Per line number, what is taken; absent: everything delivered.
    accepted: dict[int, int] | None = None
