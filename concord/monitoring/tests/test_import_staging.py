"""Imports stage their rows in batches, each in a short transaction, and move them into the
incident table in one short transaction at the end: other writers get in between batches, the
staged rows count nowhere before the move, and nothing of them is left behind after it, after a
failure, or after a crash."""

from __future__ import annotations

import io
import threading
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.urls import reverse
from django.utils import translation

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.monitoring import selectors, services, tally
from concord.monitoring.models import (
    Incident,
    IncidentImport,
    IncidentStage,
    TallyCell,
    TallyCellByCategory,
    TallyCellByVerification,
    TallyCellFine,
    TallyCellTown,
    TallyCount,
    TallyCountByVerification,
    TallyPlaceByVerification,
    TallySevere,
    TallyUnit,
    TallyUnitByCategory,
    TallyUnitByVerification,
)
from concord.monitoring.services import imports
from concord.monitoring.services.imports import staging
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row, incident


def _acled(rows: int, prefix: str = "S") -> bytes:
    lines = [ACLED_HEADER, *(acled_row(f"{prefix}{number}") for number in range(rows))]
    return "\n".join(lines).encode()


def _import(party, data: bytes, **options):
    return services.incident_import(actor=SYSTEM, stream=io.BytesIO(data), fmt="acled",
                                    originator=party, **options)


def _incidents() -> int:
    return Incident.objects.unscoped(reason="test").count()


def _tallies() -> dict[str, list[tuple[object, ...]]]:
    return {model.__name__: sorted(model.objects.unscoped(reason="test").values_list(),
                                   key=repr)
            for model in (TallyCount, TallyUnit, TallyCell, TallyUnitByCategory,
                          TallyCellByCategory, TallyUnitByVerification, TallyCellByVerification,
                          TallyCellFine, TallySevere, TallyCountByVerification,
                          TallyPlaceByVerification, TallyCellTown)}


def test_it_leaves_no_staged_rows_no_incidents_and_the_same_tallies_when_the_move_fails(
        personas, monkeypatch):
    # A row recorded by someone else after the file was checked: the database refuses the
    # second copy at the move, after every batch was staged.
    incident(personas.secretariat, external_id="acled:S3")
    monkeypatch.setattr(imports._KeyFinder, "recorded", lambda self, originator, keys: set())
    # The staged rows are deleted a few at a time, each batch in a transaction of its own.
    monkeypatch.setattr(staging, "STAGE_DELETE_BATCH", 3)
    before = _tallies()

    with pytest.raises(imports.ImportFailed, match="Nothing was imported"):
        _import(personas.secretariat, _acled(7), batch_size=2)

    assert IncidentStage.objects.count() == 0
    assert _incidents() == 1
    assert _tallies() == before
    assert tally.check() == []


def test_it_leaves_no_staged_rows_when_a_late_bad_row_rejects_the_file(personas):
    text = _acled(6) + b"\n" + acled_row("LATE", day="someday").encode()
    before = _tallies()

    with pytest.raises(imports.ImportRejected):
        _import(personas.secretariat, text, batch_size=2)

    assert IncidentStage.objects.count() == 0
    assert _incidents() == 0
    assert _tallies() == before


@pytest.mark.django_db(transaction=True)
def test_it_lands_both_an_import_and_an_incident_another_writer_records_between_batches(
        personas, monkeypatch):
    write = imports._StageWriter.write
    other: list[Incident] = []
    errors: list[BaseException] = []

    def another_writer() -> None:
        try:
            other.append(incident(personas.secretariat, external_id="by-hand-1",
                                  occurred_on=date(2024, 5, 1), country="TJ"))
        except BaseException as error:  # reported by the assertion on `errors`
            errors.append(error)
        finally:
            connections.close_all()

    def interleaved(self, prepared):
        write(self, prepared)
        if not other and not errors:
            # The batch is committed and the import holds no lock: a writer in another
            # thread, on its own connection, records an incident before the next batch.
            assert not connection.in_atomic_block
            writer = threading.Thread(target=another_writer)
            writer.start()
            writer.join(timeout=30)

    monkeypatch.setattr(imports._StageWriter, "write", interleaved)

    outcome = _import(personas.secretariat, _acled(6), batch_size=2)

    assert errors == []
    assert outcome.created == 6
    keys = set(Incident.objects.unscoped(reason="test").values_list("external_id", flat=True))
    assert keys == {"by-hand-1", *(f"acled:S{number}" for number in range(6))}
    assert IncidentStage.objects.count() == 0
    assert tally.check() == []


def _crash_before_the_move(party, data: bytes, monkeypatch) -> str:
    """Stage a file as an import does, then stop as a killed process stops: no move, no
    cleaning up. Returns the run."""
    runs: list[str] = []

    def killed(**options):
        runs.append(options["run"])
        raise SystemExit(9)

    with monkeypatch.context() as patched:
        patched.setattr(imports, "_import_move", killed)
        patched.setattr(imports, "_stage_delete", lambda run: None)
        with pytest.raises(SystemExit):
            _import(party, data, batch_size=2)
    return runs[0]


def test_it_clears_the_staged_rows_of_a_crashed_import_at_the_next_import(
        personas, monkeypatch):
    crashed = _crash_before_the_move(personas.secretariat, _acled(3, "OLD"), monkeypatch)
    # Another import staging right now (its last batch is recent) keeps its rows.
    running = _crash_before_the_move(personas.secretariat, _acled(1, "NOW"), monkeypatch)
    IncidentStage.objects.filter(run=crashed).update(
        staged_at=clock.now() - imports.STAGE_ABANDONED - timedelta(minutes=1))
    assert IncidentStage.objects.filter(run=crashed).count() == 3

    outcome = _import(personas.secretariat, _acled(2))

    assert outcome.created == 2
    assert set(IncidentStage.objects.values_list("run", flat=True)) == {running}
    assert _incidents() == 2
    assert tally.check() == []


def test_it_counts_staged_rows_in_no_tally_list_or_picture_until_they_are_moved(
        personas, monkeypatch):
    # The officer may read what the secretariat imports, once it is imported.
    viewer = personas.officer
    filters = selectors.filters_from({})
    before = (_tallies(), selectors.situation_summary(viewer=viewer, filters=filters).total)
    move = imports._import_move
    seen: dict[str, object] = {}

    def looked_at_first(**options):
        seen["staged"] = IncidentStage.objects.filter(run=options["run"]).count()
        seen["tallies"] = _tallies()
        seen["total"] = selectors.situation_summary(viewer=viewer, filters=filters).total
        seen["listed"] = selectors.incident_list(viewer=viewer).count()
        move(**options)

    monkeypatch.setattr(imports, "_import_move", looked_at_first)

    _import(personas.secretariat, _acled(5), batch_size=2)

    assert seen["staged"] == 5
    assert (seen["tallies"], seen["total"]) == before
    assert seen["listed"] == 0
    assert selectors.situation_summary(viewer=viewer, filters=filters).total == 5
    assert selectors.incident_list(viewer=viewer).count() == 5
    assert tally.check() == []


def test_it_shows_on_the_page_that_the_staged_rows_are_being_added_at_the_final_step(
        client, personas, monkeypatch, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)
    move = imports._import_move
    pages: list[str] = []

    def watched(**options):
        run = IncidentImport.objects.get()
        pages.append(client.get(reverse("monitoring:import-detail",
                                        args=[run.public_id])).content.decode())
        move(**options)

    monkeypatch.setattr(imports, "_import_move", watched)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/monitoring/imports/new/", {
            "file": SimpleUploadedFile("june.csv", _acled(3)), "fmt": "",
            "classification": "1"})

    with translation.override("ru"):
        adding = translation.gettext("%(rows)s rows read and checked; the new ones are being "
                                     "added to the incidents.") % {"rows": 3}
    assert adding in pages[0]
    assert IncidentImport.objects.get().created == 3
