"""Imports from the page: a file kept in the var directory, a task, a progress file."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.audit import audit_record
from concord.core.busy import database_busy
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.core.labels import Classification
from concord.monitoring import formats
from concord.monitoring.models import ImportStatus, IncidentImport
from concord.monitoring.services._common import _check_label, _label_parties
from concord.monitoring.services.imports.outcome import (
    STAGED_SHARE,
    ImportOutcome,
    ImportRejected,
)

logger = logging.getLogger(__name__)


def _import_dir() -> Path:
    path = Path(settings.VAR_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


@transaction.atomic
def import_start(*, actor: Any, upload: IO[bytes], file_name: str, fmt: str = "",
                 skip_bad_rows: bool = False,
                 classification: int = Classification.OFFICIAL_USE) -> IncidentImport:
    require_permission(actor, "monitoring.add_incident")
    _check_label(actor, classification)
    party = _label_parties(None, actor)
    head = upload.read(4096)
    upload.seek(0)
    fmt = fmt or formats.guess_format(file_name, head)
    if fmt not in formats.FORMATS:
        raise ValidationError(_("Unknown format."), errors={"fmt": [_("Unknown format.")]})
    # A file above the limits, or plainly not of its format, is refused at once, on the
    # page, not later by the task.
    try:
        formats.check_size(upload, fmt, formats.configured_limits())
        formats.check_start(upload, fmt)
    except formats.FileRefused as refused:
        raise ValidationError(str(refused), errors={"file": [str(refused)]}) from refused
    upload.seek(0)
    run = IncidentImport.objects.create(
        file_name=Path(file_name).name[:255], fmt=fmt, skip_bad_rows=skip_bad_rows,
        classification=classification, originator=party, started_by=actor, path="")
    target = _import_dir() / f"{run.public_id}.upload"
    with target.open("wb") as out:
        while chunk := upload.read(1 << 20):
            out.write(chunk)
    run.path = str(target)
    run.save(update_fields=["path"])
    audit_record(actor=actor, action="monitoring.import.start", target=run,
                 detail={"file": run.file_name, "format": fmt})
    _enqueue_after_commit(run)
    return run


def _enqueue_after_commit(run: IncidentImport) -> None:
    # The tasks module calls these services: importing it at the top would be a cycle.
    from concord.monitoring.tasks import import_incidents  # noqa: PLC0415

    public_id = str(run.public_id)
    transaction.on_commit(lambda: import_incidents.enqueue(public_id))


@transaction.atomic
def import_retry_skipping(*, actor: Any, run: IncidentImport) -> IncidentImport:
    """A new run over the file of `run`, which stopped on bad rows, that imports its good rows
    and skips the bad ones. `run` stays as it ended: its result still says what was wrong."""
    require_permission(actor, "monitoring.add_incident")
    if not run.may_retry_skipping:
        raise InvalidState(_("Only an import refused for bad rows can be run again skipping "
                             "them."))
    source = Path(run.path)
    if not source.is_file():
        raise InvalidState(_("The file of this import is no longer kept; upload it again."))
    _check_label(actor, run.classification)
    retry = IncidentImport.objects.create(
        file_name=run.file_name, fmt=run.fmt, skip_bad_rows=True,
        classification=run.classification, originator=run.originator, started_by=actor,
        path="", retry_of=run)
    # Each run keeps a file of its own: the two runs' files are removed independently.
    target = _import_dir() / f"{retry.public_id}.upload"
    shutil.copyfile(source, target)
    retry.path = str(target)
    retry.save(update_fields=["path"])
    audit_record(actor=actor, action="monitoring.import.retry", target=retry,
                 detail={"file": retry.file_name, "format": retry.fmt,
                         "retry_of": str(run.public_id),
                         "skipped_lines": [line for line, _reason in run.problems]})
    _enqueue_after_commit(retry)
    return retry


def progress_path(run: IncidentImport) -> Path:
    return _import_dir() / f"{run.public_id}.progress"


def import_run(*, public_id: str) -> IncidentImport:
    """Carry out a queued import. Its progress goes to a small file beside the upload, which
    the page reads without touching the import's rows."""
    run = IncidentImport.objects.select_related("originator", "started_by").get(
        public_id=public_id)
    IncidentImport.objects.filter(pk=run.pk).update(status=ImportStatus.RUNNING)
    marker = progress_path(run)

    def progress(rows: int, fraction: float) -> None:
        # Rows are read, checked and staged together; the final move is the last step.
        step = "final" if fraction >= STAGED_SHARE else "staging"
        marker.write_text(json.dumps({"rows": rows, "fraction": fraction, "step": step}),
                          encoding="utf-8")

    # The package imports this module to re-export it: importing the package at the top would
    # be a cycle.
    from concord.monitoring.services.imports import incident_import  # noqa: PLC0415

    status, outcome = ImportStatus.DONE, ImportOutcome()
    try:
        with open(run.path, "rb") as stream:
            outcome = incident_import(
                actor=run.started_by, stream=stream, fmt=run.fmt, originator=run.originator,
                classification=run.classification, skip_bad_rows=run.skip_bad_rows,
                file_name=run.file_name, progress=progress, run_record=run)
    except ImportRejected as rejected:
        status, outcome = ImportStatus.FAILED, rejected.outcome
    except ValidationError as error:
        status = ImportStatus.FAILED
        outcome.problems = [(0, error.detail)]
    except Exception as error:
        if database_busy(error):
            raise  # the worker waits for the lock and runs the import again
        # An import that stopped must say so: left "running", its page would poll for ever.
        logger.exception("Incident import %s failed", public_id)
        status, outcome = ImportStatus.FAILED, ImportOutcome()
        outcome.problems = [(0, _("The import stopped on an unexpected error; nothing was "
                                  "imported: %(error)s")
                             % {"error": f"{type(error).__name__}: {error}"})]
    IncidentImport.objects.filter(pk=run.pk).update(
        status=status, rows_total=outcome.rows, rows_done=outcome.rows, created=outcome.created,
        unchanged=outcome.unchanged, finished_at=clock.now(),
        problems=[[line, reason] for line, reason in outcome.problems[:500]])
    marker.unlink(missing_ok=True)
    if outcome.created:
        # New incidents may breach a threshold: the indicators are read again.
        from concord.monitoring.tasks import evaluate_indicators  # noqa: PLC0415  (a cycle, as above)

        evaluate_indicators.enqueue()
    run.refresh_from_db()
    return run
