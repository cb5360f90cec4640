"""The secretariat officer's walk through the Sochi session in Russian: the signed decision taken
away as PDF and DOCX, signed for each state as an official document writes it, on A4; and the
2014 priorities, proclaimed by the incoming chair, read as numbered points."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as Docx
from pypdf import PdfReader

from concord.demo.council import load_council
from concord.demo.organization import load
from tests.browsing import PASSWORD, english_on_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The signed-in person's name as the demo holds it, the formats offered per language, and
# the parts of a document's symbol (CSC/PRI/2013/01).
NAMES = frozenset({"Secretariat", "Officer", "AKN", "RU", "EN", "CSC", "PRI"})
SOCHI = "Сессия Совета коллективной безопасности ОДКБ"


def _download(page, link_text: str) -> bytes:
    # The files are in the document's «Скачать» menu, grouped by the language of the text.
    fmt, language = link_text.split()
    page.get_by_role("button", name="Скачать").click()
    item = page.locator(f'.export-menu a.dropdown-item[hreflang="{language.lower()}"]',
                        has_text=fmt)
    with page.expect_download() as started:
        item.click()
    return Path(started.value.path()).read_bytes()


def _open_sochi(page, live_server) -> None:
    page.goto(f"{live_server.url}/council/sessions/")
    page.get_by_role("link", name=SOCHI, exact=True).first.click()
    page.wait_for_load_state()
    assert SOCHI in page.locator("h1").inner_text()


def test_it_takes_the_signed_decision_away_as_an_official_document(live_server, browser_page):
    load(password=PASSWORD)
    load_council()
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)
    _open_sochi(page, live_server)

    page.get_by_role("link", name="CSC/2013/01", exact=True).first.click()
    page.wait_for_load_state()
    assert "Об оказании военно-технической помощи" in page.locator("h1").inner_text()
    pdf = _download(page, "PDF RU")
    docx = _download(page, "DOCX RU")

    reader = PdfReader(io.BytesIO(pdf))
    pdf_text = "\n".join(p.extract_text() for p in reader.pages)
    assert "За Республику Таджикистан" in pdf_text
    assert "г. Сочи, 23 сентября 2013 года" in pdf_text
    assert f"стр. 1 из {len(reader.pages)}" in pdf_text
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842
               for p in reader.pages)
    word = Docx(io.BytesIO(docx))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "За Республику Таджикистан" in cells
    assert "За Российскую Федерацию" in cells
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert english_on_page(page, NAMES) == []
    assert page.concord_errors == []


def test_it_reads_the_2014_priorities_as_points_the_chair_proclaimed(live_server, browser_page):
    load(password=PASSWORD)
    load_council()
    page = browser_page
    sign_in(page, live_server, "officer", enrol=True)
    _open_sochi(page, live_server)

    row = page.locator("tr", has_text="Приоритеты председательства Российской Федерации")
    assert "Оглашён" in row.inner_text()
    row.get_by_role("link").first.click()
    page.wait_for_load_state()

    details = page.locator("dl").first.inner_text()
    assert "Оглашён" in details and "Огласил" in details and "Владимир Путин" in details
    assert page.locator("#position-board table").count() == 0
    points = page.locator("article[lang=ru] ol.document-points > li")
    assert points.count() == 6
    assert points.nth(2).inner_text().startswith("Подготовка миротворческих сил ОДКБ")
    screenshot(page, "docs-priorities")
    assert english_on_page(page, NAMES) == []
    assert page.concord_errors == []
