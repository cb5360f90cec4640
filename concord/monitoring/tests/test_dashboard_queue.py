"""The analyst's work queue on the dashboard: the active alerts they may read, and the imports
they started, each linked to its page."""

from __future__ import annotations

import html
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from concord.core.actors import SYSTEM
from concord.core.clock import today
from concord.core.labels import Classification
from concord.monitoring import services
from concord.monitoring.models import IncidentImport
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row, incident


def _dashboard(user, language: str = "en") -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return html.unescape(client.get("/dashboard/").content.decode())


def _alert(personas, name: str, actor=None, originator=None, **label):
    day = today()
    for n in range(4):
        incident(personas.secretariat, occurred_on=day - timedelta(days=n),
                 external_id=f"{name}{n}", **label)
    indicator = services.indicator_define(
        actor=actor or personas.analyst, name_ru=name, name_en=name,
        category="drug_trafficking", window_days=7, orange=2, red=10, originator=originator, **label)
    return services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=day)


def test_it_gives_the_analyst_the_active_alerts_and_their_imports(
        personas, django_capture_on_commit_callbacks):
    alert = _alert(personas, "Drugs at the Tajik-Afghan border")
    client = Client()
    client.force_login(personas.analyst)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/monitoring/imports/new/", {
            "file": SimpleUploadedFile("june.csv", f"{ACLED_HEADER}\n{acled_row()}\n".encode()),
            "fmt": "", "classification": "1"})
    run = IncidentImport.objects.get()

    page = _dashboard(personas.analyst, "ru")

    assert "Действующие оповещения" in page and "Ваши текущие задачи" in page
    assert alert is not None and alert.get_absolute_url() in page
    assert "Drugs at the Tajik-Afghan border" in page
    assert f"/monitoring/imports/{run.public_id}/" in page and "june.csv" in page
    assert "добавлен 1 инцидент" in page


def test_it_leaves_out_an_alert_the_analyst_may_not_read_and_others_imports(personas):
    hidden = _alert(personas, "Secret watch", actor=SYSTEM, originator=personas.secretariat,
                    classification=Classification.SECRET)

    page = _dashboard(personas.analyst)

    assert hidden is not None and hidden.ended_at is None
    assert "Secret watch" not in page
    assert "No alert is active." in page and "You have imported no file yet." in page
    assert "Active alerts" not in _dashboard(personas.delegate_a)
