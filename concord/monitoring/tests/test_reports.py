"""Situation reports: generated from what the analyst may read, labelled no lower than what they
aggregate, edited, exported to DOCX and PDF, from the pages and the command line."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from docx import Document

from concord.core.actors import SYSTEM
from concord.core.errors import ValidationError
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.monitoring import services
from concord.monitoring.models import SituationReport
from concord.monitoring.outputs import documents
from concord.monitoring.tests.factories import incident

START, END = date(2024, 6, 1), date(2024, 6, 30)


def _june(personas):
    incident(personas.secretariat, occurred_on=date(2024, 6, 5), fatalities=7,
             category="border", sub_category="border_clash", location="Khorugh",
             admin1="Gorno-Badakhshan", narrative="Exchange of fire at the Pyanj")
    incident(personas.secretariat, occurred_on=date(2024, 6, 12), location="Panj")
    incident(personas.secretariat, occurred_on=date(2024, 5, 20), location="Panj")  # before
    incident(personas.secretariat, occurred_on=date(2024, 6, 20), country="RU",
             admin1="Moscow", location="Moscow", category="terrorism",
             sub_category="attack_prevented")


def test_it_generates_counts_trends_and_the_most_serious_incidents(personas):
    _june(personas)

    report = services.report_generate(actor=personas.analyst, start=START, end=END,
                                      region="tajik-afghan-border")

    totals = report.content["totals"]
    assert (totals["incidents"], totals["fatalities"], totals["incidents_before"]) == (2, 7, 1)
    assert report.content["serious"][0]["narrative"] == "Exchange of fire at the Pyanj"
    assert {r["category"] for r in report.content["by_category"]} == {"border",
                                                                       "drug_trafficking"}
    assert report.classification == Classification.OFFICIAL_USE
    assert report.release_to_all_members


def test_it_labels_the_report_at_least_as_high_as_what_it_aggregates(personas):
    _june(personas)
    incident(personas.secretariat, occurred_on=date(2024, 6, 7),
             classification=Classification.CONFIDENTIAL, release_to_all_members=False)

    report = services.report_generate(actor=personas.analyst, start=START, end=END)

    assert report.classification == Classification.CONFIDENTIAL
    assert not report.release_to_all_members
    assert not SituationReport.objects.visible_to(personas.delegate_a).exists()
    with pytest.raises(ValidationError) as refused:
        services.report_update(actor=personas.analyst, report=report, title="x", assessment="",
                               conclusions="", classification=Classification.OFFICIAL_USE,
                               release_to_all_members=True)
    assert set(refused.value.errors) == {"classification", "release_to_all_members"}


def test_it_includes_the_active_alerts(personas):
    for n in range(5):
        incident(personas.secretariat, occurred_on=date(2024, 6, 28 - n))
    indicator = services.indicator_define(actor=personas.analyst, name_ru="Наркотики",
                                          name_en="Drugs", orange=2, red=9,
                                          category="drug_trafficking")
    services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=END)

    report = services.report_generate(actor=personas.analyst, start=START, end=END)

    assert [(a["indicator"], a["level"]) for a in report.content["alerts"]] == [
        ("Drugs", "orange")]


def test_it_exports_the_edited_report_to_docx_and_pdf_with_its_label(personas):
    _june(personas)
    report = services.report_generate(actor=personas.analyst, start=START, end=END)
    services.report_update(actor=personas.analyst, report=report, title="Обстановка в июне",
                           assessment="Обстановка на таджикско-афганской границе осложнилась.",
                           conclusions="Усилить охрану.",
                           classification=Classification.CONFIDENTIAL,
                           release_to_all_members=False)

    docx = Document(io.BytesIO(documents.report_docx(report)))
    pdf = documents.report_pdf(report)

    text = "\n".join(p.text for p in docx.paragraphs)
    assert "Обстановка в июне" in text and "осложнилась" in text
    assert docx.sections[0].header.paragraphs[0].text == str(
        Classification.CONFIDENTIAL.label).upper()
    assert len(docx.inline_shapes) == 2  # the timeline and the map
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_it_writes_a_report_from_the_command_line(personas, tmp_path, capsys):
    _june(personas)
    output = tmp_path / "june.pdf"

    call_command("situation", "report", "--from", "2024-06-01", "--to", "2024-06-30",
                 "--region", "tajik-afghan-border", "-o", str(output))

    assert output.read_bytes().startswith(b"%PDF")
    assert "2 incidents" in capsys.readouterr().out


def test_it_generates_edits_and_downloads_a_report_from_the_pages(client, personas):
    _june(personas)
    client.force_login(personas.analyst)

    response = client.post("/monitoring/reports/", {"start": "2024-06-01", "end": "2024-06-30",
                                                     "region": ""})
    report = SituationReport.objects.visible_to(personas.analyst).get()
    assert response.url == report.get_absolute_url()
    client.post(f"{report.get_absolute_url()}edit/", {
        "title": "June", "assessment": "Tense.", "conclusions": "", "classification": "1",
        "release_to_all_members": "on"})

    page = client.get(report.get_absolute_url()).content.decode()
    docx = client.get(f"{report.get_absolute_url()}?format=docx")
    assert "Tense." in page and "data:image/png;base64," in page
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    client.force_login(personas.delegate_b)
    assert client.get(report.get_absolute_url()).status_code == 200  # released to all


def test_it_releases_a_report_to_the_parties_able_to_read_all_it_aggregates(personas):
    _june(personas)
    # Tajikistan's own record, shared with the secretariat only.
    incident(personas.state_b, occurred_on=date(2024, 6, 8), location="Shuroabad",
             releasable_to=[personas.secretariat], release_to_all_members=False)

    report = services.report_generate(actor=personas.analyst, start=START, end=END)

    assert not report.release_to_all_members
    assert [p.code for p in report.releasable_to.all()] == ["TJ"]
    assert SituationReport.objects.visible_to(personas.delegate_b).filter(pk=report.pk).exists()
    assert not SituationReport.objects.visible_to(personas.delegate_a).exists()
    with pytest.raises(ValidationError) as refused:
        services.report_update(actor=personas.analyst, report=report, title=report.title,
                               assessment="", conclusions="",
                               classification=report.classification,
                               release_to_all_members=False,
                               releasable_to=[personas.state_a, personas.state_b])
    assert refused.value.errors["releasable_to"] == [
        "Russia may not read everything this record is made of."]
    services.report_update(actor=personas.analyst, report=report, title=report.title,
                           assessment="", conclusions="", classification=report.classification,
                           release_to_all_members=False, releasable_to=[])
    assert not SituationReport.objects.visible_to(personas.delegate_b).exists()


def test_it_audits_what_an_edit_changed_and_stamps_the_edit(personas):
    _june(personas)
    report = services.report_generate(actor=personas.analyst, start=START, end=END)
    title = report.title

    for _ in range(2):
        services.report_update(actor=personas.analyst, report=report, title=title,
                               assessment="Calm.", conclusions="",
                               classification=report.classification,
                               release_to_all_members=report.release_to_all_members)

    entries = AuditEntry.objects.filter(action="monitoring.report.edit")
    assert [json.loads(entry.detail)["changed"] for entry in entries] == [{"assessment": ["", "Calm."]}]
    report.refresh_from_db()
    assert report.edited_at is not None and report.assessment == "Calm."
