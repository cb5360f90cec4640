"""The log read at every label: each persona sees the entries they may read and only a count of
the others, on the page, in the timeline, through the API and in every export."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree as ET

import pytest
from django.urls import reverse

from concord.core.labels import Classification
from concord.crisis.models import LogEntry
from concord.crisis.services import log as log_services
from concord.crisis.tests import factories

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Маршрут колонны через перевал Шахристан"


@pytest.fixture
def case(personas):
    opened = factories.case(personas, actor=personas.officer)
    log_services.log_add(actor=personas.officer, case=opened, text="Получено обращение",
                         significant=True)
    log_services.log_add(actor=personas.officer, case=opened, text=SECRET_TEXT,
                         classification=Classification.SECRET)
    return opened


def _page(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_it_shows_the_officer_every_entry_and_withholds_none(client, personas, case):
    page = _page(client, personas.officer, case.get_absolute_url()).content.decode()

    assert SECRET_TEXT in page
    assert "log-withheld" not in page


def test_it_tells_a_delegate_how_many_entries_are_withheld_and_nothing_of_them(
        client, personas, case):
    secret = LogEntry.objects.visible_to(personas.officer).get(text=SECRET_TEXT)

    page = _page(client, personas.delegate_b, case.get_absolute_url()).content.decode()

    assert "Получено обращение" in page
    assert "1 запись скрыта" in page
    assert SECRET_TEXT not in page
    assert f"/log/{secret.pk}/" not in page


def test_it_withholds_in_the_timeline_as_in_the_log(client, personas, case):
    url = reverse("crisis:case-timeline", args=[case.public_id])

    page = _page(client, personas.delegate_b, url).content.decode()

    assert "Кризисный центр" in page and "Получено обращение" in page
    assert "1 запись скрыта" in page and SECRET_TEXT not in page


def test_it_answers_the_api_with_readable_entries_and_the_count_withheld(client, personas, case):
    client.force_login(personas.delegate_b)

    answer = client.get(f"/api/v1/crisis/cases/{case.public_id}/log").json()

    assert answer["withheld"] == 1
    assert [e["what"] for e in answer["entries"]][-1] == "Получено обращение"
    assert SECRET_TEXT not in str(answer)


def test_it_answers_404_for_a_case_above_the_readers_clearance(client, personas):
    hidden = factories.case(personas, actor=personas.officer,
                            classification=Classification.SECRET)
    client.force_login(personas.delegate_b)

    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/crisis/cases/{hidden.public_id}/log").status_code == 404


def test_it_exports_the_log_as_csv_with_labels_and_without_what_is_withheld(
        client, personas, case):
    url = reverse("crisis:case-log-export", args=[case.public_id, "csv"])

    text = _page(client, personas.delegate_b, url).content.decode("utf-8-sig")

    assert "Получено обращение" in text and SECRET_TEXT not in text
    assert text.splitlines()[0].startswith("Дата и время (UTC),Кто,Должность,Сторона,Направление,Что")


def test_it_exports_the_log_in_the_ics214_layout_as_docx_and_pdf(client, personas, case):
    docx = _page(client, personas.delegate_b,
                 reverse("crisis:case-log-export", args=[case.public_id, "docx"]))
    pdf = client.get(reverse("crisis:case-log-export", args=[case.public_id, "pdf"]))

    body = zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    assert "Журнал действий (ICS-214)" in body and "Получено обращение" in body
    assert "1 запись скрыта." in body
    assert SECRET_TEXT not in body
    assert pdf.content.startswith(b"%PDF") and pdf["Content-Type"] == "application/pdf"


def test_it_sends_a_situation_report_in_an_edxl_envelope_with_its_header_fields(
        client, personas, case):
    url = reverse("crisis:case-envelope", args=[case.public_id])

    answer = _page(client, personas.officer, url + "?number=3&version=2").content
    root = ET.fromstring(answer)  # noqa: S314  (the envelope this test asked for)

    de = "{urn:oasis:names:tc:emergency:EDXL:DE:2.0}"
    sr = "{urn:oasis:names:tc:emergency:EDXL:SitRep:1.0}"
    report = f"{de}contentObject/{de}xmlContent/{de}embeddedXMLContent/{sr}SituationReport/"
    assert root.findtext(f"{de}explicitAddress/{de}explicitAddressValue") == "TJ"
    assert root.findtext(f"{report}{sr}ReportNumber") == "3"
    assert root.findtext(f"{report}{sr}ReportVersion") == "Update"
    assert root.findtext(f"{report}{sr}PreparedBy/{sr}PersonName") == "officer"
    assert root.findtext(f"{report}{sr}ReportConfidence") == "HighlyConfident"
    events = [str(e.text) for e in root.iter(f"{sr}SignificantEvent")]
    assert len(events) == 1 and events[0].endswith("Получено обращение")


def test_it_names_a_bad_report_number(client, personas, case):
    url = reverse("crisis:case-sitrep", args=[case.public_id])

    answer = _page(client, personas.officer, url + "?number=zero")

    assert answer.status_code in {400, 422}


def test_it_adds_an_entry_and_marks_it_significant_from_the_page(client, personas, case):
    client.force_login(personas.officer)
    client.post(reverse("crisis:case-log-add", args=[case.public_id]),
                {"text": "Борт приземлился в Алматы"})
    entry = LogEntry.objects.visible_to(personas.officer).get(text="Борт приземлился в Алматы")

    client.post(reverse("crisis:case-log-promote", args=[case.public_id, entry.pk]),
                {"significant": "1"})

    entry.refresh_from_db()
    assert entry.significant and entry.actor_name == "officer"


def test_it_lists_cases_with_filters_and_exports_them(client, personas, case):
    factories.case(personas, title="Теракт в Душанбе", type="terrorism")
    client.force_login(personas.officer)

    page = client.get(reverse("crisis:case-list") + "?type=terrorism").content.decode()
    csv = client.get(reverse("crisis:case-list") + "?format=csv").content.decode("utf-8-sig")

    assert "Теракт в Душанбе" in page and "Паводок в Хатлоне" not in page
    assert "Теракт в Душанбе" in csv and "Паводок в Хатлоне" in csv


def test_it_opens_a_case_through_the_api_naming_a_bad_state(client, personas):
    client.force_login(personas.analyst)

    refused = client.post("/api/v1/crisis/cases", {"title": "Землетрясение", "type": "natural",
                          "severity": "severe", "affected_states": ["XX"]},
                          content_type="application/json")
    opened = client.post("/api/v1/crisis/cases", {"title": "Землетрясение", "type": "natural",
                         "severity": "severe", "affected_states": ["TJ"]},
                         content_type="application/json")

    assert refused.status_code == 422 and "body.affected_states" in refused.content.decode()
    assert opened.status_code == 201 and opened.json()["phase"] == "monitoring"
