"""Imports of incident files, from the command line and from the page (a task that reads the
uploaded file): read and checked whole first, then written in one transaction.

The package's modules: `reading` (rows, their labels, the keys recorded already), `staging`
(the staging writer, the final move, deleting staged rows), `runs` (imports from the page)."""

from __future__ import annotations

import logging
import time
from typing import IO, Any

from django.db import DatabaseError
from django.utils.translation import gettext as _

from concord.core.errors import ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.models import Party
from concord.monitoring import formats, tally_staged
from concord.monitoring.models import IncidentImport
from concord.monitoring.services._common import _check_label, _label_parties
from concord.monitoring.services.imports.outcome import (
    STAGED_SHARE,
    ImportFailed,
    ImportOutcome,
    ImportRejected,
    Progress,
)
from concord.monitoring.services.imports.reading import (
    _existing_keys,
    _import_read,
    _ImportLabels,
    _KeyFinder,
)
from concord.monitoring.services.imports.runs import (
    import_retry_skipping,
    import_run,
    import_start,
    progress_path,
)
from concord.monitoring.services.imports.staging import (
    STAGE_ABANDONED,
    STAGE_DELETE_BATCH,
    _import_move,
    _stage_delete,
    _StageWriter,
    stage_clear_abandoned,
)

logger = logging.getLogger(__name__)

IMPORT_BATCH = 2000
# On PostgreSQL a batch is one COPY, after which the tally triggers rewrite each tally row the
# batch touches; every rewrite within the import's transaction leaves a version behind until it
# ends, so fewer, larger batches mean shorter chains to walk (300,000 rows: 42.6 s in batches of
# 2,000, 23.4 s in batches of 20,000).
COPY_BATCH = 20000


def incident_import(*, actor: Any, stream: IO[bytes], fmt: str, originator: Party | None = None,
                    classification: int = Classification.OFFICIAL_USE,
                    release_to_all_members: bool = True, skip_bad_rows: bool = False,
                    file_name: str = "", progress: Progress | None = None,
                    batch_size: int | None = None,
                    run_record: IncidentImport | None = None) -> ImportOutcome:
    """Import a whole file, all or nothing: bad rows reject it all, unless the user asked to
    skip them; rows already imported (same key from the same originator) are left alone. A row
    that fills the label columns is labelled as it says (see `_ImportLabels`); the others take the
    label given here.

    The file is read, checked and looked up against the rows already recorded outside any
    transaction; its new rows are staged as they come (`IncidentStage`), a batch per short
    transaction, so that other writers get the write lock between batches. Then one short
    transaction moves the staged rows into the incident table with one statement and adds them
    to the tallies (`_import_move`). A file that cannot be read (`formats.FileRefused`, or any
    error of a reader) raises ImportFailed; whatever stops the import, its staged rows are
    deleted and nothing is written. The incidents of an import from the page (`run_record`)
    keep a link to it."""
    require_permission(actor, "monitoring.add_incident")
    if fmt not in formats.FORMATS:
        raise ValidationError(_("Unknown format."), errors={"format": [_("Unknown format.")]})
    _check_label(actor, classification)
    party = _label_parties(originator, actor)
    labels = _ImportLabels(actor=actor, party=party, classification=int(classification),
                           release_to_all_members=release_to_all_members)
    stage_clear_abandoned()
    insert = _StageWriter(recorded_by=actor if getattr(actor, "pk", None) else None,
                          import_run=run_record)
    if batch_size is None:
        batch_size = IMPORT_BATCH if insert.copy is None else COPY_BATCH
    try:
        outcome, named = _import_read(
            stream=stream, fmt=fmt, labels=labels, insert=insert,
            skip_bad_rows=skip_bad_rows, batch_size=batch_size, progress=progress)
        if outcome.problems and not skip_bad_rows:
            raise ImportRejected(outcome)
        if progress is not None:
            progress(outcome.rows, STAGED_SHARE)
        with tally_staged.staged_sums(insert.run):
            moving = time.monotonic()
            _import_move(actor=actor, run=insert.run, outcome=outcome, labels=labels,
                         named=named, progress=progress,
                         audit_detail={"file": file_name, "format": fmt,
                                       "classification": int(classification),
                                       "originator": party.code},
                         file_name=file_name)
            # What other writers waited for at most: the final transaction, commit included.
            logger.info("Import of %s moved %s staged rows in %.2f s", file_name or "a file",
                        outcome.created, time.monotonic() - moving)
    finally:
        # Moved, rejected or failed, the run's staged rows go (rows never visible were never
        # shared: deleting them breaks no rule). If even this fails, the next import clears
        # them as abandoned.
        try:
            _stage_delete(insert.run)
        except DatabaseError:
            logger.exception("The staged rows of import run %s could not be deleted", insert.run)
    return outcome


__all__ = [
    "COPY_BATCH",
    "IMPORT_BATCH",
    "STAGED_SHARE",
    "STAGE_ABANDONED",
    "STAGE_DELETE_BATCH",
    "ImportFailed",
    "ImportOutcome",
    "ImportRejected",
    "Progress",
    "_ImportLabels",
    "_KeyFinder",
    "_StageWriter",
    "_existing_keys",
    "_import_move",
    "_import_read",
    "_stage_delete",
    "import_retry_skipping",
    "import_run",
    "import_start",
    "incident_import",
    "progress_path",
    "stage_clear_abandoned",
]
