"""The situation report's PDF as a Russian reader gets it: on A4 with its pages numbered, no
English left in it, no word broken inside a table cell, and a chart legend that is not cut."""

from __future__ import annotations

import io
from datetime import date

from django.utils import translation
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from concord.core.pdf import pdf_font
from concord.monitoring import services
from concord.monitoring.outputs import documents
from concord.monitoring.tests.factories import incident

START, END = date(2024, 6, 1), date(2024, 6, 30)


def _report(personas):
    incident(personas.secretariat, occurred_on=date(2024, 6, 5), fatalities=7,
             category="border", sub_category="border_clash", location="Khorugh",
             verification="confirmed", narrative="Exchange of fire at the Pyanj")
    incident(personas.secretariat, occurred_on=date(2024, 6, 12), location="Panj",
             verification="confirmed")
    incident(personas.secretariat, occurred_on=date(2024, 5, 20), location="Panj")
    incident(personas.secretariat, occurred_on=date(2024, 6, 20), country="RU",
             location="Moscow", category="terrorism", sub_category="attack_prevented")
    return services.report_generate(actor=personas.analyst, start=START, end=END)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_it_writes_the_russian_report_on_a4_in_russian_with_numbered_pages(personas):
    report = _report(personas)

    with translation.override("ru"):
        pdf = documents.report_pdf(report)

    reader = PdfReader(io.BytesIO(pdf))
    pages = _pages(pdf)
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842
               for p in reader.pages)
    assert all(f"стр. {n} из {len(pages)}" in page for n, page in enumerate(pages, start=1))
    whole = " ".join(pages)
    assert "previous period" not in whole
    assert "3 (в предыдущем периоде: 1)" in whole


def test_it_breaks_no_word_inside_a_table_cell(personas):
    report = _report(personas)

    with translation.override("ru"):
        pdf = documents.report_pdf(report)
        rows = documents.report_rows(report)
        headers = documents.report_headers()

    text = " ".join(_pages(pdf))
    words = {word for key in ("categories", "countries", "serious") for row in
             [headers[key], *rows[key]] for cell in row for word in str(cell).split()
             if len(word) > 3}
    assert "Подтверждено" in words
    assert sorted(word for word in words if word not in text) == []


def test_it_gives_each_column_room_for_its_longest_word():
    font = pdf_font()
    cells = [["Дата", "Достоверность", "Описание"],
             ["2024-06-05", "Подтверждено", "Перестрелка на участке границы " * 6]]

    widths = documents.column_widths(cells, font=font, size=7.5, total=480)

    assert round(sum(widths)) == 480
    for column, width in enumerate(widths):
        longest = max(stringWidth(word, font, 7.5) for row in cells
                      for word in row[column].split())
        assert width >= longest + 2 * documents.CELL_PADDING


def test_it_keeps_the_russian_chart_legend_inside_the_picture(personas):
    report = _report(personas)

    with translation.override("ru"):
        picture = Image.open(io.BytesIO(documents.timeline_png(report))).convert("RGB")

    width, height = picture.size
    edge = [picture.getpixel((x, y)) for x in range(width - 8, width) for y in range(height)]
    assert set(edge) == {(255, 255, 255)}
