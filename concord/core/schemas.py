"""The shapes every part of the API shares: its problem documents and its vocabulary for labels."""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from concord.core.labels import Classification
from concord.core.marking import classification_code, classification_of_code

CLASSIFICATION_CODES = [classification_code(level) for level in Classification]


def _classification(value: Any) -> Classification:
    # Codes only: the numbers behind them are the database's, not the API's.
    if isinstance(value, Classification):
        return value
    found = classification_of_code(value) if isinstance(value, str) else None
    if found is None:
        raise ValueError("Give one of: " + ", ".join(CLASSIFICATION_CODES) + ".")
    return Classification(found)


# A record's classification as the API takes and gives it, by its code (`official_use`), read
# into the model's level. An output schema resolves it from the record as
# `Classification(record.classification)`.
ClassificationCode = Annotated[
    Classification,
    BeforeValidator(_classification),
    PlainSerializer(classification_code, return_type=str),
    WithJsonSchema({"type": "string", "enum": CLASSIFICATION_CODES}),
]


def classification_default(level: Classification) -> Any:
    """An input's classification when none is given, documented by its code."""
    return Field(level, json_schema_extra={"default": classification_code(level)})


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
