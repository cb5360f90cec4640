"""What the API says of a fair-share proposal: its rows as states answered them, and its inputs
and result as they were stored, every reason also put into words."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Schema


class AllocationIn(Schema):
    key: str  # the burden-sharing key's code


class AllocationRowOut(Schema):
    line: int
    state: str
    quantity: int
    response: str
    amended_quantity: int | None


class AllocationOut(Schema):
    id: UUID
    request: UUID
    key: str
    status: str
    created_at: datetime
    solver_status: str
    largest_deviation: float
    requested_items: int
    covered_items: int
    rows: list[AllocationRowOut]
    inputs: dict[str, Any]
    result: dict[str, Any]
    explanations: dict[str, list[str]]
    notes: list[str]
