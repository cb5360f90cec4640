"""`concord incidents import|export|generate`."""

from __future__ import annotations

import csv

import pytest
from django.core.management import CommandError, call_command

from concord.core.labels import Classification
from concord.monitoring.models import Incident
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row, incident


def _write(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_it_imports_a_file_and_says_how_many(personas, tmp_path, capsys):
    path = _write(tmp_path, "acled.csv", [ACLED_HEADER, acled_row("A1"), acled_row("A2")])

    call_command("incidents", "import", str(path))

    assert "2 incidents imported" in capsys.readouterr().out
    assert Incident.objects.unscoped(reason="test").count() == 2


def test_it_fails_naming_the_bad_lines_when_nothing_was_imported(personas, tmp_path, capsys):
    path = _write(tmp_path, "acled.csv", [ACLED_HEADER, acled_row("A1"),
                                          acled_row("A2", day="32.13.2024")])

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("incidents", "import", str(path), "--format", "acled")

    assert "line 3:" in capsys.readouterr().err
    assert Incident.objects.unscoped(reason="test").count() == 0


def test_it_fails_when_every_row_is_bad_even_skipping_them(personas, tmp_path):
    path = _write(tmp_path, "acled.csv", [ACLED_HEADER, acled_row("A2", day="never")])

    with pytest.raises(CommandError, match="every row was bad"):
        call_command("incidents", "import", str(path), "--skip-bad-rows")


def test_it_exports_as_the_named_user_only_what_they_may_read(personas, tmp_path):
    incident(personas.secretariat, classification=Classification.OFFICIAL_USE, location="Shared")
    incident(personas.secretariat, classification=Classification.CONFIDENTIAL,
             release_to_all_members=False, location="Secret place")
    output = tmp_path / "out.csv"

    call_command("incidents", "export", "--format", "acled", "-o", str(output),
                 "--as", "delegate_b", "--country", "TJ")

    with output.open(encoding="utf-8-sig") as handle:
        assert [row["location"] for row in csv.DictReader(handle)] == ["Shared"]


def test_it_generates_synthetic_incidents_in_the_area(personas, capsys):
    call_command("incidents", "generate", "500", "--seed", "7")

    incidents = Incident.objects.unscoped(reason="test")
    assert incidents.count() == 500
    countries = set(incidents.values_list("country", flat=True))
    assert {"TJ", "AF", "KG", "RU"} <= countries
    border = incidents.filter(admin1__in=["Khatlon", "Gorno-Badakhshan", "Badakhshan",
                                          "Takhar", "Kunduz", "Balkh"]).count()
    assert border > 150  # the Tajik-Afghan border weighs most
    assert "500 synthetic incidents added (seed 7)" in capsys.readouterr().out
