"""Reading an incident file: its rows, the label each is written with, and which of them are
recorded already."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from django.db import DatabaseError
from django.utils.translation import gettext as _

from concord.core import policy
from concord.core.errors import DomainError
from concord.core.marking import classification_code
from concord.core.models import Party
from concord.core.policy import system_viewer
from concord.core.release import refresh_masks
from concord.monitoring import formats
from concord.monitoring.models import Incident
from concord.monitoring.services.imports.outcome import (
    STAGED_SHARE,
    ImportFailed,
    ImportOutcome,
    Progress,
)

if TYPE_CHECKING:
    from concord.monitoring.services.imports.staging import _StageWriter

logger = logging.getLogger(__name__)


def _existing_keys(originator: Party, keys: list[str]) -> set[str]:
    # The keys are compared within the originating party's own records, read as that party at
    # full clearance: a re-import must find them whoever of the party imported them first.
    party = system_viewer(originator, reason="finding the rows of an import already imported")
    return set(Incident.objects.visible_to(party).filter(originator=originator,
                                                         external_id__in=keys)
               .values_list("external_id", flat=True))


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
        problems = row.problems if values is None else labels.apply(row)
        if values is None or problems:
            outcome.problems += [(row.line, problem) for problem in problems]
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

    def apply(self, row: formats.Row) -> list[str]:
        """Writes the row's label into its values; returns every reason it cannot be imported,
        if any."""
        values, label = row.values, row.label
        if values is None:
            return list(row.problems)
        named: list[Party] = []
        if label is None:
            classification, originator, to_all = self.default
        else:
            classification, to_all = label.classification, label.release_to_all_members
            originator, named, problems = self._checked(label)
            if problems:
                return problems
            self.labelled_rows += 1
            self.highest = max(self.highest, classification)
        values["classification"], values["originator"] = classification, originator.pk
        values["release_to_all_members"] = to_all
        if named:
            self.named[(originator.pk, values["external_id"])] = named
        return []

    def _checked(self, label: formats.RowLabel) -> tuple[Party, list[Party], list[str]]:
        """The originator and the named parties of a row's label, and every problem of it."""
        problems: list[str] = []
        originator = self.party
        if label.originator:
            found = self._party(label.originator)
            if found is None:
                problems.append(_("%(column)s has an unknown party code %(value)r.") % {
                    "column": "originator", "value": label.originator})
            elif found.pk != self.party.pk and not self.system:
                problems.append(_("%(column)s %(value)r: you import for %(party)s; records of "
                                  "another party are imported by that party.") % {
                    "column": "originator", "value": label.originator, "party": self.party.code})
            else:
                originator = found
        errors = policy.clearance_errors(self.actor, label.classification, field="classification")
        if errors:
            problems.append(_("%(column)s %(value)r: %(reason)s") % {
                "column": "classification", "value": classification_code(label.classification),
                "reason": " ".join(errors["classification"])})
        named: list[Party] = []
        for code in label.releasable_to:
            party = self._party(code)
            if party is None:
                problems.append(_("%(column)s has an unknown party code %(value)r.") % {
                    "column": "releasable_to", "value": code})
            else:
                named.append(party)
        return originator, named, problems

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
    (`acled:<public id>`, `id:<public id>`), so that an export imported again adds nothing. An
    identifier a file gave is one whichever layout gave it: `acled:X` finds a row recorded as
    `id:X`, and the other way round.
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
        spellings = {key: formats.key_spellings(key) for key in keys}
        stored = set(mine.filter(external_id__in=[spelling for variants in spellings.values()
                                                  for spelling in variants])
                     .values_list("external_id", flat=True))
        found = {key for key, variants in spellings.items() if stored.intersection(variants)}
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
