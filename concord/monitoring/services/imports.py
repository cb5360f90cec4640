"""Imports of incident files, from the command line and from the page (a task that reads the
uploaded file): read and checked whole first, then written in one transaction."""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connections, models, transaction
from django.utils.translation import gettext as _

from concord.core import clock, policy
from concord.core.audit import audit_record
from concord.core.busy import database_busy
from concord.core.checkpoint import checkpoint_soon
from concord.core.errors import DomainError, ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.marking import classification_code
from concord.core.models import Party
from concord.core.policy import system_viewer
from concord.core.release import refresh_masks
from concord.monitoring import formats, tally
from concord.monitoring.models import ImportStatus, Incident, IncidentImport, IncidentStage
from concord.monitoring.services._common import _check_label, _derived, _label_parties

logger = logging.getLogger(__name__)

IMPORT_BATCH = 2000
# On PostgreSQL a batch is one COPY, after which the tally triggers rewrite each tally row the
# batch touches; every rewrite within the import's transaction leaves a version behind until it
# ends, so fewer, larger batches mean shorter chains to walk (300,000 rows: 42.6 s in batches of
# 2,000, 23.4 s in batches of 20,000).
COPY_BATCH = 20000


# --- Imports ----------------------------------------------------------------------------------

@dataclass
class ImportOutcome:
    rows: int = 0
    created: int = 0
    unchanged: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)


class ImportRejected(ValidationError):
    """The file has bad rows and the user did not ask to skip them: nothing was applied, and the
    outcome says so (nothing created)."""

    def __init__(self, outcome: ImportOutcome) -> None:
        outcome.created = 0
        self.outcome = outcome
        super().__init__(
            _("%(count)s rows cannot be imported; nothing was imported.")
            % {"count": len(outcome.problems)},
            errors={_("line %(line)s") % {"line": line}: [reason]
                    for line, reason in outcome.problems[:200]})


class ImportFailed(ValidationError):
    """The file as a whole could not be imported (above a limit, unreadable, or its rows refused
    by the database): nothing of it was."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail, errors={"file": [detail]})


Progress = Callable[[int, float], None]

# Reading, checking and staging a file take nearly all of an import's time; the final move, one
# statement, the rest. The progress shown moves at about that pace through both.
STAGED_SHARE = 0.9


def _existing_keys(originator: Party, keys: list[str]) -> set[str]:
    # The keys are compared within the originating party's own records, read as that party at
    # full clearance: a re-import must find them whoever of the party imported them first.
    party = system_viewer(originator, reason="finding the rows of an import already imported")
    return set(Incident.objects.visible_to(party).filter(originator=originator,
                                                         external_id__in=keys)
               .values_list("external_id", flat=True))


def incident_import(*, actor: Any, stream: IO[bytes], fmt: str, originator: Party | None = None,
                    classification: int = Classification.OFFICIAL_USE,
                    release_to_all_members: bool = True, skip_bad_rows: bool = False,
                    file_name: str = "", progress: Progress | None = None,
                    batch_size: int | None = None) -> ImportOutcome:
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
    deleted and nothing is written."""
    require_permission(actor, "monitoring.add_incident")
    if fmt not in formats.FORMATS:
        raise ValidationError(_("Unknown format."), errors={"format": [_("Unknown format.")]})
    _check_label(actor, classification)
    party = _label_parties(originator, actor)
    labels = _ImportLabels(actor=actor, party=party, classification=int(classification),
                           release_to_all_members=release_to_all_members)
    stage_clear_abandoned()
    insert = _StageWriter(recorded_by=actor if getattr(actor, "pk", None) else None)
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
        with tally.staged_sums(insert.run):
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


def _rows_of(stream: IO[bytes], fmt: str) -> Iterator[formats.Row]:
    """The file's rows; a reader that fails on the file ends the import with what it said."""
    try:
        yield from formats.read(stream, fmt)
    except formats.FileRefused as refused:
        raise ImportFailed(str(refused)) from refused
    except (DomainError, DatabaseError):
        raise
    except Exception as error:  # a reader's library may raise anything on a hostile file
        logger.exception("Reading an incident file failed")
        raise ImportFailed(_("The file cannot be read as %(format)s: %(error)s")
                           % {"format": fmt, "error": f"{type(error).__name__}: {error}"}) \
            from error


def _import_read(*, stream: IO[bytes], fmt: str, labels: _ImportLabels, insert: _StageWriter,
                 skip_bad_rows: bool, batch_size: int,
                 progress: Progress | None) -> tuple[ImportOutcome, list[tuple[int, str, list[int]]]]:
    """Reads and checks every row, staging the new ones in batches; returns the outcome so far
    and the named release lists of the staged rows (written once the rows are moved)."""
    outcome = ImportOutcome()
    size = _size(stream)
    seen: set[tuple[int, str]] = set()
    batch: list[dict[str, Any]] = []
    named: list[tuple[int, str, list[int]]] = []
    keys = _KeyFinder(labels)

    def stage() -> None:
        fresh = keys.fresh(batch)
        outcome.unchanged += len(batch) - len(fresh)
        outcome.created += len(fresh)
        if fresh:
            insert.write(insert.prepare(fresh))
            named.extend(labels.named_keys(fresh))
        batch.clear()

    for row in _rows_of(stream, fmt):
        outcome.rows += 1
        values = row.values
        problem = row.error if values is None else labels.apply(row)
        if values is None or problem:
            outcome.problems.append((row.line, problem))
        elif outcome.problems and not skip_bad_rows:
            pass  # the import is lost already; go on only to report every bad row
        elif (key := (values["originator"], values["external_id"])) in seen:
            outcome.unchanged += 1
        else:
            seen.add(key)
            batch.append(values)
            if len(batch) >= batch_size:
                stage()
        if progress is not None and outcome.rows % 1000 == 0:
            progress(outcome.rows, STAGED_SHARE * _position(stream, size))
    if batch and not (outcome.problems and not skip_bad_rows):
        stage()
    return outcome, named


@transaction.atomic
def _import_move(*, actor: Any, run: str, outcome: ImportOutcome, labels: _ImportLabels,
                 named: list[tuple[int, str, list[int]]], progress: Progress | None,
                 audit_detail: dict[str, Any], file_name: str) -> None:
    """The import's one write to the incident table: its staged rows, all or none."""
    try:
        moved = tally.move_staged(run)
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
                         "skipped": len(outcome.problems),
                         "labelled_by_file": labels.labelled_rows,
                         "highest_classification": labels.highest})
    checkpoint_soon()


class _ImportLabels:
    """The label each row of an import is written with.

    A row that leaves the label columns empty (every row of a file without them) takes the
    import's label. A row that fills them is labelled exactly as it says, never lower, or is
    refused, naming the column and the value: a classification above the importer's clearance
    (they could not read back what they wrote), an unknown party code, or an originator other
    than the party the file is imported for. Only the system itself (an import without a user,
    such as the operator's command line) writes rows of several originators: a user never
    records in another party's name."""

    def __init__(self, *, actor: Any, party: Party, classification: int,
                 release_to_all_members: bool) -> None:
        self.actor, self.party = actor, party
        self.default = (int(classification), party, bool(release_to_all_members))
        self.system = not getattr(actor, "is_authenticated", False)
        self.parties: dict[str, Party] | None = None
        # The named release list of each row that has one, by (originator, external id).
        self.named: dict[tuple[int, str], list[Party]] = {}
        self.labelled_rows = 0
        self.highest = int(classification)

    def _party(self, code: str) -> Party | None:
        if self.parties is None:
            self.parties = {p.code.casefold(): p for p in Party.objects.all()}
        return self.parties.get(code.casefold())

    def party_of(self, pk: int) -> Party:
        if pk == self.party.pk:
            return self.party
        return next(p for p in (self.parties or {}).values() if p.pk == pk)

    def apply(self, row: formats.Row) -> str:
        """Writes the row's label into its values; returns why it cannot be imported, if so."""
        values, label = row.values, row.label
        if values is None:
            return row.error
        if label is None:
            classification, originator, to_all = self.default
            named: list[Party] = []
        else:
            classification, to_all = label.classification, label.release_to_all_members
            originator = self.party
            if label.originator:
                found = self._party(label.originator)
                if found is None:
                    return _("%(column)s has an unknown party code %(value)r.") % {
                        "column": "originator", "value": label.originator}
                originator = found
            if originator.pk != self.party.pk and not self.system:
                return _("%(column)s %(value)r: you import for %(party)s; records of another "
                         "party are imported by that party.") % {
                    "column": "originator", "value": label.originator, "party": self.party.code}
            errors = policy.clearance_errors(self.actor, classification, field="classification")
            if errors:
                return _("%(column)s %(value)r: %(reason)s") % {
                    "column": "classification", "value": classification_code(classification),
                    "reason": " ".join(errors["classification"])}
            named = []
            for code in label.releasable_to:
                party = self._party(code)
                if party is None:
                    return _("%(column)s has an unknown party code %(value)r.") % {
                        "column": "releasable_to", "value": code}
                named.append(party)
            self.labelled_rows += 1
            self.highest = max(self.highest, classification)
        values["classification"], values["originator"] = classification, originator.pk
        values["release_to_all_members"] = to_all
        if named:
            self.named[(originator.pk, values["external_id"])] = named
        return ""

    def named_keys(self, rows: list[dict[str, Any]]) -> list[tuple[int, str, list[int]]]:
        """The named release lists of `rows`, as (originator, external id, parties), to write
        once the rows are inserted (the insert writes rows, not lists)."""
        return [(values["originator"], values["external_id"], [party.pk for party in named])
                for values in rows
                if (named := self.named.pop((values["originator"], values["external_id"]),
                                            None))]

    def release(self, named: list[tuple[int, str, list[int]]]) -> None:
        """Writes the release lists of rows just inserted, then their release masks through the
        kernel, which keeps masks equal to lists."""
        keys: dict[int, list[tuple[str, list[int]]]] = {}
        for originator_pk, external_id, parties in named:
            keys.setdefault(originator_pk, []).append((external_id, parties))
        through: Any = Incident.releasable_to.through
        for originator_pk, lists in keys.items():
            originator = self.party_of(originator_pk)
            viewer = policy.system_viewer(originator, reason="writing the release lists of an "
                                                             "import")
            ids = dict(Incident.objects.visible_to(viewer)
                       .filter(originator=originator,
                               external_id__in=[external_id for external_id, _ in lists])
                       .values_list("external_id", "pk"))
            through.objects.bulk_create(
                [through(incident_id=ids[external_id], party_id=party_pk)
                 for external_id, parties in lists for party_pk in parties])
            refresh_masks(Incident, ids.values())


class _KeyFinder:
    """Which rows of an import their originator has recorded already: by the external id, or,
    for a file Concord exported, by the public id it wrote for an incident recorded by hand
    (`acled:<public id>`, `id:<public id>`), so that an export imported again adds nothing.
    Each originator is read through one audited system read for the whole import."""

    def __init__(self, labels: _ImportLabels) -> None:
        self.labels = labels
        self.viewers: dict[int, Any] = {}

    def _viewer(self, originator: Party) -> Any:
        if originator.pk not in self.viewers:
            self.viewers[originator.pk] = policy.system_viewer(
                originator, reason="finding the rows of an import already imported")
        return self.viewers[originator.pk]

    def fresh(self, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
        groups: dict[int, list[dict[str, Any]]] = {}
        for values in batch:
            groups.setdefault(values["originator"], []).append(values)
        fresh: list[dict[str, Any]] = []
        for originator_pk, rows in groups.items():
            recorded = self.recorded(self.labels.party_of(originator_pk),
                                     [values["external_id"] for values in rows])
            fresh += [values for values in rows if values["external_id"] not in recorded]
        return fresh

    def recorded(self, originator: Party, keys: list[str]) -> set[str]:
        mine = Incident.objects.visible_to(self._viewer(originator)).filter(originator=originator)
        found = set(mine.filter(external_id__in=keys).values_list("external_id", flat=True))
        by_public_id: dict[uuid.UUID, str] = {}
        for key in keys:
            if key in found:
                continue
            try:
                by_public_id[uuid.UUID(key.partition(":")[2])] = key
            except ValueError:
                continue
        if by_public_id:
            found |= {by_public_id[public_id] for public_id in
                      mine.filter(public_id__in=list(by_public_id))
                      .values_list("public_id", flat=True)}
        return found


class _StageWriter:
    """Stages validated rows of one import run, one statement per batch, each batch in a short
    transaction of its own. An import of millions of rows is bound by the per-row cost of
    building model instances and compiling `bulk_create`'s SQL, so rows go from the checked
    values straight to the database's own value types. SQLite takes each batch with
    `executemany`, PostgreSQL with COPY."""

    def __init__(self, *, recorded_by: Any) -> None:
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


def _size(stream: IO[bytes]) -> int:
    try:
        return os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        return 0


def _position(stream: IO[bytes], size: int) -> float:
    try:
        return min(1.0, stream.tell() / size) if size else 0.0
    except (OSError, ValueError):
        return 0.0


# --- Imports from the page: a file kept in the var directory, a task, a progress file ---------

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
    # The tasks module calls these services: importing it at the top would be a cycle.
    from concord.monitoring.tasks import import_incidents  # noqa: PLC0415

    public_id = str(run.public_id)
    transaction.on_commit(lambda: import_incidents.enqueue(public_id))
    return run


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

    status, outcome = ImportStatus.DONE, ImportOutcome()
    try:
        with open(run.path, "rb") as stream:
            outcome = incident_import(
                actor=run.started_by, stream=stream, fmt=run.fmt, originator=run.originator,
                classification=run.classification, skip_bad_rows=run.skip_bad_rows,
                file_name=run.file_name, progress=progress)
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
