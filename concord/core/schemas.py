"""The shape of what every part of the API answers alike: its problem documents."""

from __future__ import annotations

from ninja import Schema


class ProblemField(Schema):
    field: str
    message: str


class Problem(Schema):
    """An RFC 9457 problem document: the answer to every refused request. `errors` names the
    fields at fault, when there are any."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[ProblemField] = []
