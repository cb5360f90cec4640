"""The index behind the incidents' text filter: a search finds exactly what it found reading
every incident, follows every write, and is read by the list and the picture alike."""

from __future__ import annotations

import importlib
import io
from datetime import date

import pytest
from django.core import checks
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from concord.core.tests.schema_change import alter_field_and_back
from concord.monitoring import selectors, services, text_index
from concord.monitoring.models import Incident
from concord.monitoring.selectors import incident_list
from concord.monitoring.tests.factories import incident

pytestmark = pytest.mark.django_db(transaction=False)


def _found(personas, text: str) -> set[str]:
    return set(incident_list(viewer=personas.officer, filters=selectors.IncidentFilters(q=text))
               .values_list("location", flat=True))


def _read_in_full(text: str) -> set[str]:
    """What the filter finds reading every incident, without the index."""
    return set(Incident.objects.unscoped(reason="test").filter(
        Q(location__icontains=text) | Q(narrative__icontains=text))
        .values_list("location", flat=True))


@pytest.fixture
def places(personas):
    for location, narrative in (
            ("Khorugh", "Heroin seized on the road to Ishkashim"),
            ("Panj", "A patrol fired on near KHORUGH"),
            ("Хорог", "Задержан груз на дороге в Ишкашим"),
            ("Osh", 'The "Red Star" market was closed'),
            ("Bishkek", "")):
        incident(personas.secretariat, location=location, narrative=narrative)


@pytest.mark.parametrize(("text", "expected"), [
    ("khorugh", {"Khorugh", "Panj"}),
    ("ishkash", {"Khorugh"}),
    ("Ишкашим", {"Хорог"}),
    ('"Red Star"', {"Osh"}),
    ("kh", {"Khorugh", "Panj"}),  # too short for the index: read in full
    ("nowhere at all", set()),
])
def test_a_text_search_finds_what_reading_every_incident_finds(personas, places, text, expected):
    assert _found(personas, text) == expected == _read_in_full(text)


def test_a_search_in_another_case_of_cyrillic_finds_what_the_engine_found_before(personas,
                                                                                 places):
    # SQLite's LIKE folds only ASCII, PostgreSQL's UPPER every alphabet: the index changes
    # neither.
    assert _found(personas, "хорог") == _read_in_full("хорог")
    assert _found(personas, "Хорог") == {"Хорог"}


def test_a_corrected_or_removed_narrative_is_found_by_its_new_words_only(personas, places):
    seized = Incident.objects.unscoped(reason="test").get(location="Osh")

    services.incident_update(actor=personas.analyst, incident=seized,
                             narrative="Opium found in a lorry at Dostuk")
    assert _found(personas, "Red Star") == set()
    assert _found(personas, "dostuk") == {"Osh"}

    # Incidents are withdrawn, never deleted, but a wipe of the whole database deletes rows.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM monitoring_incident WHERE location = %s", ["Khorugh"])
    assert _found(personas, "khorugh") == {"Panj"}


def test_the_picture_narrowed_by_text_reads_the_index_and_counts_what_the_list_finds(personas,
                                                                                       places):
    wanted = selectors.IncidentFilters(q="Khorugh")

    with CaptureQueriesContext(connection) as queries:
        summary = selectors.situation_summary(viewer=personas.officer, filters=wanted, zoom=8)

    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert summary.total == 2 == incident_list(viewer=personas.officer, filters=wanted).count()
    if connection.vendor == "sqlite":
        assert f"{text_index.TABLE} MATCH" in sql


def test_the_index_is_the_sql_of_its_migration():
    migration = importlib.import_module("concord.monitoring.migrations.0013_incident_text_index")
    assert text_index.install_statements("sqlite") == migration.SQLITE_TEXT_INSTALL
    assert text_index.remove_statements("sqlite") == migration.SQLITE_TEXT_REMOVE
    assert text_index.install_statements("postgresql") == []


@pytest.mark.django_db(transaction=True)
def test_the_lost_index_triggers_are_named_and_repair_finds_what_was_written_meanwhile(personas):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's indexes are kept by the database itself")
    incident(personas.secretariat, location="Khorugh", occurred_on=date(2024, 6, 6))
    alter_field_and_back("monitoring", "Incident", "admin1")  # SQLite rebuilds the table
    incident(personas.secretariat, location="Ishkashim", occurred_on=date(2024, 6, 7))

    errors = checks.run_checks(tags=["guards"])
    assert any("monitoring_text_insert" in error.msg and "monitoring.text_index" in error.msg
               for error in errors)
    out = io.StringIO()
    call_command("guards", "repair", stdout=out)

    assert "monitoring.text_index: recreated" in out.getvalue()
    assert checks.run_checks(tags=["guards"]) == []
    assert _found(personas, "ishkashim") == {"Ishkashim"}
    assert _found(personas, "khorugh") == {"Khorugh"}
