"""The staging of an import's rows: written in short transactions, moved into the incidents in
one, deleted in batches, and cleared when their import stopped."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, connections, models, transaction
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.audit import audit_record
from concord.core.checkpoint import checkpoint_soon
from concord.monitoring import tally_staged
from concord.monitoring.models import Incident, IncidentStage
from concord.monitoring.services._common import _derived
from concord.monitoring.services.imports.outcome import ImportFailed, ImportOutcome, Progress
from concord.monitoring.services.imports.reading import _ImportLabels

logger = logging.getLogger(__name__)


# A run of the staging table whose last batch is older than this has stopped (its process
# crashed): batches follow each other within seconds while a file is read.
STAGE_ABANDONED = timedelta(minutes=30)


# Staged rows are deleted this many at a time, each batch in a transaction of its own: on SQLite
# deleting a whole run at once would hold the write lock as long as writing it.
STAGE_DELETE_BATCH = 20000


def _stage_delete(run: str) -> int:
    db = IncidentStage.objects.db
    deleted = 0
    while True:
        with transaction.atomic(using=db):
            rows = IncidentStage.objects.filter(run=run)
            last = rows.order_by("id").values_list("id", flat=True)[
                STAGE_DELETE_BATCH - 1:STAGE_DELETE_BATCH].first()
            batch = rows if last is None else rows.filter(id__lte=last)
            deleted += int(batch._raw_delete(db))
        if last is None:
            return deleted


def stage_clear_abandoned(*, now: datetime | None = None) -> int:
    """Deletes the staged rows of runs that stopped without cleaning up; returns how many."""
    cutoff = (now or clock.now()) - STAGE_ABANDONED
    stopped = (IncidentStage.objects.values("run").annotate(last=models.Max("staged_at"))
               .filter(last__lt=cutoff).values_list("run", flat=True))
    runs = list(stopped)
    deleted = sum(_stage_delete(run) for run in runs)
    if runs:
        logger.warning("Cleared %s rows staged by %s stopped imports", deleted, len(runs))
    return deleted


@transaction.atomic
def _import_move(*, actor: Any, run: str, outcome: ImportOutcome, labels: _ImportLabels,
                 named: list[tuple[int, str, list[int]]], progress: Progress | None,
                 audit_detail: dict[str, Any], file_name: str) -> None:
    """The import's one write to the incident table: its staged rows, all or none."""
    try:
        moved = tally_staged.move_staged(run)
        labels.release(named)
    except IntegrityError as error:
        # Another import or a form recorded some of the same rows since they were looked up.
        raise ImportFailed(_("Nothing was imported: some rows were recorded by someone else "
                             "while the file was being read (%(error)s). Importing the file "
                             "again adds only what is missing.") % {"error": error}) from error
    if moved != outcome.created:
        # Only a run's own end or the clearing of abandoned runs deletes staged rows.
        raise ImportFailed(_("Nothing was imported: of the rows staged (%(staged)s), not all "
                             "were found at the end (%(moved)s). Import the file again.")
                           % {"staged": outcome.created, "moved": moved})
    if progress is not None:
        progress(outcome.rows, 1.0)
    audit_record(actor=actor, action="monitoring.incident.import",
                 target_type="monitoring.incident", target_id=file_name[:100],
                 detail={**audit_detail, "rows": outcome.rows,
                         "created": outcome.created, "unchanged": outcome.unchanged,
                         "skipped": outcome.bad_rows,
                         "labelled_by_file": labels.labelled_rows,
                         "highest_classification": labels.highest})
    checkpoint_soon()


class _StageWriter:
    """Stages validated rows of one import run, one statement per batch, each batch in a short
    transaction of its own. An import of millions of rows is bound by the per-row cost of
    building model instances and compiling `bulk_create`'s SQL, so rows go from the checked
    values straight to the database's own value types. SQLite takes each batch with
    `executemany`, PostgreSQL with COPY."""

    def __init__(self, *, recorded_by: Any, import_run: Any = None) -> None:
        self.run = uuid.uuid4().hex
        self.connection = connections[IncidentStage.objects.db]
        ops = self.connection.ops
        self.ops = ops
        self.fields = [f for f in Incident._meta.concrete_fields if not f.primary_key]
        # Each row brings its label (classification, originator, release to all members); a
        # named release list is written once the row is moved, and its mask with it.
        constants: dict[str, Any] = {
            "release_mask": 0,
            "recorded_by": getattr(recorded_by, "pk", None), "merged_into": None,
            "import_run": getattr(import_run, "pk", None),
            "recorded_at": ops.adapt_datetimefield_value(clock.now()),
        }
        native_uuid = self.connection.features.has_native_uuid_field
        converters: dict[str, Callable[[Any], Any]] = {
            "UUIDField": (lambda v: v) if native_uuid else (lambda v: v.hex),
            "DateField": ops.adapt_datefield_value,
            "TimeField": ops.adapt_timefield_value,
            "JSONField": lambda v: ops.adapt_json_value(v, None),
        }
        self.steps = [(f.name, constants.get(f.name), None if f.name in constants
                       else converters.get(f.get_internal_type()), f.name in constants)
                      for f in self.fields]
        columns = ", ".join(ops.quote_name(c)
                            for c in ("run", "staged_at", *(f.column for f in self.fields)))
        marks = ", ".join(["%s"] * (len(self.fields) + 2))
        table = ops.quote_name(IncidentStage._meta.db_table)
        self.sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
        self.copy = (f"COPY {table} ({columns}) FROM STDIN"
                     if self.connection.vendor == "postgresql" else None)

    def row(self, values: dict[str, Any]) -> list[Any]:
        values = _derived(values)
        values["public_id"] = uuid.uuid4()
        return [constant if is_constant else (convert(values[name]) if convert else values[name])
                for name, constant, convert, is_constant in self.steps]

    def prepare(self, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        staged_at = self.ops.adapt_datetimefield_value(clock.now())
        return [(self.run, staged_at, *self.row(values)) for values in rows]

    def write(self, prepared: list[tuple[Any, ...]]) -> None:
        if not prepared:
            return
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            if self.copy is None:
                cursor.executemany(self.sql, prepared)
                return
            # COPY goes to psycopg's own cursor: its errors are made Django's here, as
            # `executemany` makes them.
            with self.connection.wrap_database_errors, cursor.copy(self.copy) as copy:
                for values in prepared:
                    copy.write_row(values)
