"""A situation report as DOCX and PDF on A4, with its timeline chart and map drawn here (Pillow),
so that nothing is fetched from outside: deployments are air-gapped. Both carry the report's
marking (concord.core.marking) at the top and bottom of every page, and number their pages."""

from __future__ import annotations

import io
import json
from datetime import date
from functools import cache
from typing import Any

from django.contrib.staticfiles import finders
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from docx.shared import Cm
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Image as PdfImage
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from concord.core.marking import mark_docx, marking_of, pdf_marker
from concord.core.paper import a4_docx, number_docx_pages, numbered_canvas
from concord.core.pdf import font_file, pdf_font
from concord.monitoring.geography import REGION_BY_CODE, country_name
from concord.monitoring.models import AlertLevel, SituationReport, Verification
from concord.monitoring.taxonomy import Category

PALETTE = ["#1f4e79", "#d9622b", "#2f7d4f", "#b3261e", "#c99a06", "#6f42c1", "#0d8aa8",
           "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#843c39"]
SEVERITY_COLOURS = {1: "#2f7d4f", 2: "#c99a06", 3: "#d9622b", 4: "#b3261e"}
# The frame of the report's map: the area of responsibility from Belarus to Kazakhstan's east.
MAP_BOUNDS = (20.0, 30.0, 90.0, 60.0)  # west, south, east, north
# Up to a quarter's worth of weeks every bar of the timeline is dated; a longer period would
# make the dates overlap, so about eight of them are kept.
WEEKS_ALL_LABELLED = 14
# The legend takes what its longest label needs, up to this share of the chart's width; a longer
# label goes on to a second line rather than being cut.
LEGEND_SHARE = 0.4
# A table cell's padding on each side in the PDF (reportlab's default), in points.
CELL_PADDING = 6


def font_path() -> str | None:
    path = font_file()
    return str(path) if path else None


def _font(size: int) -> Any:
    path = font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default()


def _category_label(code: str) -> str:
    return str(dict(Category.choices).get(code, code))


def _wrapped(draw: Any, text: str, font: Any, width: float) -> list[str]:
    """A label cut between words into lines no wider than `width`."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def timeline_png(report: SituationReport, *, width: int = 1200, height: int = 480) -> bytes:
    weeks = report.content.get("weekly", [])
    categories = [row["category"] for row in report.content.get("by_category", [])]
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    small = _font(14)
    labels = [_category_label(category) for category in categories[:15]]
    widest = max([draw.textlength(label, font=small) for label in labels] or [0])
    legend_text = min(widest, width * LEGEND_SHARE - 50)
    left, right, top, bottom = 60, int(width - legend_text - 60), 20, height - 50
    highest = max([sum(w["counts"].values()) for w in weeks] or [1])
    draw.line([(left, bottom), (right, bottom)], fill="#555")
    draw.line([(left, top), (left, bottom)], fill="#555")
    for step in range(5):
        value = highest * step / 4
        y = bottom - (bottom - top) * step / 4
        draw.text((8, y - 8), f"{value:.0f}", fill="#333", font=small)
    slot = (right - left) / max(1, len(weeks))
    for index, week in enumerate(weeks):
        x0 = left + index * slot + slot * 0.15
        x1 = left + (index + 1) * slot - slot * 0.15
        y = float(bottom)
        for number, category in enumerate(categories):
            count = week["counts"].get(category, 0)
            if not count:
                continue
            h = (bottom - top) * count / highest
            draw.rectangle([x0, y - h, x1, y], fill=PALETTE[number % len(PALETTE)])
            y -= h
        if len(weeks) <= WEEKS_ALL_LABELLED or index % max(1, len(weeks) // 8) == 0:
            draw.text((x0, bottom + 8), week["week"][5:], fill="#333", font=small)
    y = top
    for number, label in enumerate(labels):
        draw.rectangle([right + 20, y + 3, right + 34, y + 17], fill=PALETTE[number % len(PALETTE)])
        for line in _wrapped(draw, label, small, legend_text):
            draw.text((right + 42, y), line, fill="#222", font=small)
            y += 18
        y += 6
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@cache
def _countries() -> list[list[list[tuple[float, float]]]]:
    """Country outlines from world-atlas (Natural Earth, 1:110m) as rings of (lon, lat)."""
    path = finders.find("vendor/world-atlas/countries-110m.json")
    if not path:
        return []
    with open(str(path), encoding="utf-8") as handle:
        topology = json.load(handle)
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indexes:
            part = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            points.extend(part[1:] if points else part)
        return points

    def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
        # A Polygon's arcs are one polygon's rings; a MultiPolygon's are a list of polygons.
        arcs_of = geometry.get("arcs") or []
        return [arcs_of] if geometry.get("type") == "Polygon" else arcs_of

    return [[ring(indexes) for indexes in polygon]
            for geometry in topology["objects"]["countries"]["geometries"]
            for polygon in polygons(geometry)]


def map_png(report: SituationReport, *, width: int = 1200, height: int = 560) -> bytes:
    west, south, east, north = MAP_BOUNDS
    image = Image.new("RGB", (width, height), "#dbe7f1")
    draw = ImageDraw.Draw(image)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return ((lon - west) / (east - west) * width, (north - lat) / (north - south) * height)

    for shape in _countries():
        for ring in shape[:1]:
            if any(west - 30 < lon < east + 30 and south - 20 < lat < north + 20
                   for lon, lat in ring):
                draw.polygon([xy(lon, lat) for lon, lat in ring], fill="#f4f1ea", outline="#a9a399")
    clusters = report.content.get("clusters", [])
    biggest = max([c["count"] for c in clusters] or [1])
    for cluster in clusters:
        x, y = xy(cluster["lon"], cluster["lat"])
        radius = 4 + 22 * (cluster["count"] / biggest) ** 0.5
        draw.ellipse([x - radius, y - radius, x + radius, y + radius],
                     fill=SEVERITY_COLOURS.get(cluster["severity"], "#555"), outline="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _place(row: dict[str, Any]) -> str:
    # Reports generated before places were kept in parts hold them in English only.
    if "country" not in row:
        return str(row["place"])
    return ", ".join(p for p in (row["locality"], country_name(row["country"])) if p)


def _serious_category(row: dict[str, Any]) -> str:
    code = row.get("category_code")
    return _category_label(code) if code else str(row["category"])


def _indicator_name(alert: dict[str, Any]) -> str:
    # Reports generated before indicators had a name per language hold the one name only.
    language = (get_language() or "ru")[:2]
    return str(alert.get(f"indicator_{language}") or alert["indicator"])


def _country_name(row: dict[str, Any]) -> str:
    language = (get_language() or "ru")[:2]
    return str(row.get(f"name_{language}") or row.get("name_en") or row["country"])


def _day(day: date | str) -> str:
    # The report's content keeps its days in ISO for machines; people read them as their
    # language writes dates.
    return date_format(date.fromisoformat(day) if isinstance(day, str) else day,
                       "SHORT_DATE_FORMAT")


def _compared(count: int, before: int) -> str:
    return _("%(count)s (previous period: %(before)s)") % {"count": count, "before": before}


def report_rows(report: SituationReport) -> dict[str, Any]:
    content = report.content
    totals = content.get("totals", {})
    region = REGION_BY_CODE.get(report.region)
    levels = dict(AlertLevel.choices)
    verifications = dict(Verification.choices)
    return {
        "meta": [
            (_("Period"), f"{_day(report.period_start)} – {_day(report.period_end)}"),
            (_("Region"), str(region.label) if region else _("The whole area of responsibility")),
            (_("Incidents"), _compared(totals.get("incidents", 0),
                                       totals.get("incidents_before", 0))),
            (_("Fatalities"), _compared(totals.get("fatalities", 0),
                                        totals.get("fatalities_before", 0))),
            (_("Injured"), str(totals.get("injured", 0))),
        ],
        "categories": [[_category_label(r["category"]), str(r["count"]), str(r["before"]),
                        "—" if r["trend"] is None else f"{r['trend']:+.0f}%",
                        str(r["fatalities"])] for r in content.get("by_category", [])],
        "countries": [[_country_name(r), str(r["count"]), str(r["fatalities"])]
                      for r in content.get("by_country", [])],
        "serious": [[_day(r["date"]), _place(r), _serious_category(r), str(r["fatalities"]),
                     str(verifications.get(r["verification"], r["verification"])),
                     r["narrative"]] for r in content.get("serious", [])],
        "alerts": [[str(levels.get(a["level"], a["level"])), _indicator_name(a),
                    f"{a['value']:g}",
                    f"{_day(a['window_start'])} – {_day(a['window_end'])}",
                    _("active") if a["active"] else _("ended")]
                   for a in content.get("alerts", [])],
    }


def report_headers() -> dict[str, list[str]]:
    return {
        "categories": [_("Category"), _("Incidents"), _("Previous period"), _("Trend"),
                       _("Fatalities")],
        "countries": [_("Country"), _("Incidents"), _("Fatalities")],
        "serious": [_("Date"), pgettext("where an incident occurred", "Place"), _("Category"),
                    _("Fatalities"), _("Verification"), _("Narrative")],
        "alerts": [_("Level"), _("Indicator"), _("Observed"), _("Window"), _("Status")],
    }


def _docx_paragraphs(document: Any, heading: str, text: str) -> None:
    document.add_heading(heading, level=1)
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)


def _docx_grid(document: Any, header: list[str], rows: list[list[str]]) -> None:
    if not rows:
        document.add_paragraph(_("None."))
        return
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text


def report_docx(report: SituationReport) -> bytes:
    document = a4_docx()
    mark_docx(document, marking_of(report))
    number_docx_pages(document)
    document.add_heading(report.title, level=0)
    rows, headers = report_rows(report), report_headers()
    table = document.add_table(rows=0, cols=2)
    for name, value in rows["meta"]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(name), value
    if report.assessment:
        _docx_paragraphs(document, _("Assessment"), report.assessment)
    document.add_heading(_("Incidents by week and category"), level=1)
    document.add_picture(io.BytesIO(timeline_png(report)), width=Cm(16))
    document.add_heading(_("Map of incidents"), level=1)
    document.add_picture(io.BytesIO(map_png(report)), width=Cm(16))
    for key, title in (("categories", _("By category")), ("countries", _("By country")),
                       ("serious", _("The most serious incidents")),
                       ("alerts", _("Alerts"))):
        document.add_heading(title, level=1)
        _docx_grid(document, headers[key], rows[key])
    if report.conclusions:
        _docx_paragraphs(document, _("Conclusions and proposals"), report.conclusions)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


WIDTH = A4[0] - 4 * cm  # between the PDF's margins


def column_widths(cells: list[list[str]], *, font: str, size: float, total: float) -> list[float]:
    """Widths that give every column room for its longest word, so that no word is broken
    inside a cell, and share what is left in proportion to how much more each column's text
    would take on one line."""
    def width(text: str) -> float:
        return float(stringWidth(text, font, size)) + 2 * CELL_PADDING

    columns = list(zip(*cells, strict=True))
    least = [max(width(word) for cell in column for word in (str(cell).split() or [""]))
             for column in columns]
    wanted = [max(width(str(cell)) for cell in column) for column in columns]
    spare = total - sum(least)
    if spare <= 0:
        return [total * w / sum(least) for w in least]
    extra = [w - m for w, m in zip(wanted, least, strict=True)]
    if sum(extra) <= spare:
        # Everything fits on one line: the widest texts take what is over.
        return [w + (spare - sum(extra)) * w / sum(wanted) for w in wanted]
    return [m + spare * e / sum(extra) for m, e in zip(least, extra, strict=True)]


def _pdf_fonts() -> tuple[str, str]:
    name = pdf_font()
    return name, name


def report_pdf(report: SituationReport) -> bytes:
    regular, bold = _pdf_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    # A heading goes over to the next page with what it heads, never alone at a page's foot.
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12.5, leading=16,
                             spaceBefore=10, spaceAfter=4, keepWithNext=True)
    title = ParagraphStyle("title", parent=heading, fontSize=16, leading=20)
    rows, headers = report_rows(report), report_headers()

    def text(value: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(value.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br/>"),
                         style)

    def grid(header: list[str] | None, data: list[list[str]]) -> Table:
        cells = ([header] if header else []) + data
        widths = column_widths(cells, font=regular, size=small.fontSize, total=WIDTH)
        table = Table([[text(c, small) for c in row] for row in cells], colWidths=widths,
                      repeatRows=1 if header else 0)
        style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")))
        table.setStyle(TableStyle(style))
        return table

    story: list[Flowable] = [text(report.title, title), Spacer(1, 4)]
    story.append(grid(None, [[str(k), v] for k, v in rows["meta"]]))
    if report.assessment:
        story += [text(_("Assessment"), heading), text(report.assessment)]
    story += [text(_("Incidents by week and category"), heading),
              PdfImage(io.BytesIO(timeline_png(report)), width=17 * cm, height=6.8 * cm),
              text(_("Map of incidents"), heading),
              PdfImage(io.BytesIO(map_png(report)), width=17 * cm, height=7.9 * cm)]
    for key, caption in (("categories", _("By category")), ("countries", _("By country")),
                         ("serious", _("The most serious incidents")), ("alerts", _("Alerts"))):
        story.append(text(caption, heading))
        story.append(grid(headers[key], rows[key]) if rows[key] else text(_("None.")))
    if report.conclusions:
        story += [text(_("Conclusions and proposals"), heading), text(report.conclusions)]

    page = pdf_marker(marking_of(report), font=bold, top=A4[1] - 1.0 * cm, bottom=0.7 * cm)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=report.title, leftMargin=2 * cm,
                      rightMargin=2 * cm, topMargin=1.8 * cm, bottomMargin=1.6 * cm).build(
        story, onFirstPage=page, onLaterPages=page,
        canvasmaker=numbered_canvas(font=regular, right_mm=20, bottom_mm=7))
    return out.getvalue()

