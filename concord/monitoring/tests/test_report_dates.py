"""A situation report writes its days as the reader's language does, and names its originator;
its content keeps ISO days for machines."""

from __future__ import annotations

import io
from datetime import date

from django.utils import translation
from pypdf import PdfReader

from concord.core.actors import SYSTEM
from concord.monitoring import services
from concord.monitoring.outputs import documents
from concord.monitoring.tests.factories import incident

START, END = date(2024, 6, 1), date(2024, 6, 30)


def _june(personas):
    incident(personas.secretariat, occurred_on=date(2024, 6, 5), fatalities=7,
             category="border", sub_category="border_clash", location="Khorugh",
             verification="confirmed", narrative="Exchange of fire at the Pyanj")
    for n in range(5):
        incident(personas.secretariat, occurred_on=date(2024, 6, 28 - n))
    indicator = services.indicator_define(actor=personas.analyst, name_ru="Наркотики",
                                          name_en="Drugs", orange=2, red=9,
                                          category="drug_trafficking")
    services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=END)
    with translation.override("ru"):
        return services.report_generate(actor=personas.analyst, start=START, end=END)


def test_it_titles_a_russian_report_with_russian_dates(personas):
    report = _june(personas)

    assert report.title.endswith("01.06.2024 – 30.06.2024")
    assert "2024-06" not in report.title


def test_it_shows_the_period_incidents_and_alert_window_in_russian_dates(client, personas):
    report = _june(personas)
    client.force_login(personas.analyst)

    page = client.get(report.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "01.06.2024 – 30.06.2024" in page
    assert "05.06.2024" in page
    assert "2024-06" not in page
    assert report.content["serious"][0]["date"] == "2024-06-05"


def test_it_names_the_originating_party_at_the_top_of_the_pdf(personas):
    report = _june(personas)

    with translation.override("ru"):
        pdf = documents.report_pdf(report)

    first = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Сторона-источник: Секретариат" in first
    assert "Сторона-источник: SEC" not in first
    assert "2024-06" not in first
