from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ninja import Schema


class FederatedCopyOut(Schema):
    id: UUID
    origin: str
    record_type: str
    record_id: UUID
    title: str
    classification: int
    originator: str
    record: str
    digest: str
    position_seq: int
    received_at: datetime
    exercise: bool

    @staticmethod
    def resolve_id(copy: object) -> UUID:
        return UUID(str(getattr(copy, "public_id")))  # noqa: B009

    @staticmethod
    def resolve_origin(copy: object) -> str:
        return str(getattr(copy, "origin").name)  # noqa: B009

    @staticmethod
    def resolve_originator(copy: object) -> str:
        return str(getattr(copy, "originator").code)  # noqa: B009

    @staticmethod
    def resolve_exercise(copy: object) -> bool:
        return bool(getattr(copy, "is_exercise"))  # noqa: B009
