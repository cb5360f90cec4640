"""Reading received copies, through the normal read rule: a copy the viewer may not read, or one
its origin withdrew, is missing alike."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q

from concord.core.actors import Viewer
from concord.core.scoping import labelled_get
from concord.federation.models import Node, ReceivedCopy


def copy_list(*, viewer: Viewer, exercise: bool = False, origin: str = "",
              record_type: str = "", search: str = "") -> Any:
    found = (ReceivedCopy.objects.visible_to(viewer)
             .filter(withdrawn_at__isnull=True, is_exercise=exercise)
             .select_related("origin", "originator"))
    if origin:
        found = found.filter(origin__name=origin)
    if record_type:
        found = found.filter(record_type=record_type)
    if search:
        found = found.filter(Q(title__icontains=search))
    return found


def copy_get(*, viewer: Viewer, public_id: uuid.UUID) -> ReceivedCopy:
    copy: ReceivedCopy = labelled_get(
        ReceivedCopy.objects.select_related("origin", "originator").filter(
            withdrawn_at__isnull=True), viewer=viewer, public_id=public_id)
    return copy


def origin_names() -> list[str]:
    return list(Node.objects.filter(is_local=False).values_list("name", flat=True))
