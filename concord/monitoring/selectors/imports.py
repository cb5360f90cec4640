"""Imports as the one who started them sees them, and how far a running one is."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.core.actors import Viewer, user_id
from concord.core.errors import NotFound
from concord.monitoring.models import IncidentImport


def import_get(*, viewer: Viewer, public_id: Any) -> IncidentImport:
    """An import is seen by the one who started it (and by no one else: its file may hold what
    only they may read)."""
    try:
        wanted = public_id if isinstance(public_id, uuid.UUID) else uuid.UUID(str(public_id))
    except ValueError:
        raise NotFound(_("No such import.")) from None
    run = IncidentImport.objects.select_related("retry_of").filter(public_id=wanted,
                                        started_by_id=user_id(viewer)).first()
    if run is None:
        raise NotFound(_("No such import."))
    return run


def import_list(*, viewer: Viewer) -> QuerySet[IncidentImport]:
    """The imports the viewer started, the latest first."""
    return (IncidentImport.objects.filter(started_by_id=user_id(viewer)).select_related("retry_of")
            .order_by("-started_at"))


def import_progress(*, run: IncidentImport, marker: Path) -> dict[str, Any]:
    """How far a running import is: its task writes this to `marker`, beside the uploaded file
    (the import's own transaction hides its rows from every other connection until it ends)."""
    try:
        return dict(json.loads(marker.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {"rows": run.rows_done, "fraction": 1.0 if run.finished_at else 0.0}
