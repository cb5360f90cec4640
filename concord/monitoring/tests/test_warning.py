"""Indicators, their evaluation, alerts and CAP."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from concord.core.actors import SYSTEM
from concord.core.clock import today
from concord.core.errors import Forbidden, ValidationError
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.monitoring import services
from concord.monitoring.models import Alert
from concord.monitoring.outputs import cap
from concord.monitoring.tests.factories import incident

DAY = date(2024, 6, 30)
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"


def _seizures(personas, count: int, *, on: date = DAY, **label) -> None:
    for n in range(count):
        incident(personas.secretariat, occurred_on=on - timedelta(days=n % 7),
                 external_id=f"s{on}{n}{label}", **label)


def _drug_indicator(personas, **overrides):
    values: dict[str, Any] = dict(name_ru="Наркотики на таджикско-афганской границе",
                                  name_en="Drugs at the Tajik-Afghan border",
                                  category="drug_trafficking", region="tajik-afghan-border",
                                  window_days=7, orange=3, red=6)
    values.update(overrides)
    return services.indicator_define(actor=personas.analyst, **values)


def _alerts(viewer):
    return list(Alert.objects.visible_to(viewer))


def test_it_raises_a_red_alert_when_the_count_passes_the_red_threshold(personas):
    _seizures(personas, 7)
    indicator = _drug_indicator(personas)

    alert = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)

    assert alert is not None
    assert (alert.level, alert.value) == ("red", 7)
    assert (alert.window_start, alert.window_end) == (date(2024, 6, 24), DAY)


def test_it_raises_nothing_while_the_count_is_below_orange(personas):
    _seizures(personas, 3)

    assert services.indicator_evaluate(actor=SYSTEM, indicator=_drug_indicator(personas),
                                       on=DAY) is None


def test_it_keeps_one_alert_open_and_ends_it_when_the_level_falls_to_green(personas):
    _seizures(personas, 5)
    indicator = _drug_indicator(personas)
    first = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)
    again = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)

    later = services.indicator_evaluate(actor=SYSTEM, indicator=indicator,
                                        on=DAY + timedelta(days=30))

    assert first == again == later
    assert later is not None and later.level == "green" and later.ended_at is not None
    assert len(_alerts(personas.analyst)) == 1


def test_it_measures_a_rise_over_the_90_day_baseline(personas):
    # 9 seizures in the 90 days before the window: 0.7 a week; 7 in the window: a rise of 900%.
    for n in range(9):
        incident(personas.secretariat, occurred_on=DAY - timedelta(days=10 + n * 9))
    _seizures(personas, 7)
    indicator = _drug_indicator(personas, kind="rise", orange=100, red=500)

    alert = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)

    assert alert is not None and alert.level == "red"
    assert alert.baseline == pytest.approx(0.7)
    assert alert.value == pytest.approx(900.0)


def test_it_counts_only_incidents_every_reader_of_the_indicator_may_read(personas):
    _seizures(personas, 4)
    _seizures(personas, 4, classification=Classification.CONFIDENTIAL,
              release_to_all_members=False)
    indicator = _drug_indicator(personas)  # OFFICIAL USE, released to all members

    alert = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)

    assert alert is not None and (alert.level, alert.value) == ("orange", 4)
    assert alert.classification == Classification.OFFICIAL_USE
    assert _alerts(personas.delegate_b) == [alert]


def test_it_labels_the_alert_as_its_indicator(personas):
    _seizures(personas, 8, classification=Classification.CONFIDENTIAL,
              release_to_all_members=False)
    indicator = _drug_indicator(personas, classification=Classification.CONFIDENTIAL,
                                release_to_all_members=False)

    alert = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)

    assert alert is not None and alert.level == "red"
    assert _alerts(personas.delegate_a) == []
    assert _alerts(personas.analyst) == [alert]


def test_it_mails_the_analysts_who_may_read_the_alert(personas, django_capture_on_commit_callbacks):
    personas.analyst.email = "analyst@example.org"
    personas.analyst.save()
    _seizures(personas, 7)

    with django_capture_on_commit_callbacks(execute=True):
        services.indicator_evaluate(actor=SYSTEM, indicator=_drug_indicator(personas), on=DAY)

    assert [m.to for m in mail.outbox] == [["analyst@example.org"]]
    assert "Drugs at the Tajik-Afghan border" in mail.outbox[0].subject


def test_it_refuses_thresholds_out_of_order_and_delegates_defining(personas):
    with pytest.raises(ValidationError) as refused:
        _drug_indicator(personas, orange=10, red=5)
    assert "red" in refused.value.errors
    with pytest.raises(Forbidden):
        services.indicator_define(actor=personas.delegate_a, name_ru="x", name_en="x", orange=1,
                                  red=2)


def test_it_renders_an_alert_as_cap_1_2(personas):
    _seizures(personas, 7)
    alert = services.indicator_evaluate(actor=SYSTEM, indicator=_drug_indicator(personas), on=DAY)
    assert alert is not None

    root = ET.fromstring(cap.alert_cap(alert))  # noqa: S314 - our own output

    assert root.tag == f"{CAP}alert"
    assert root.findtext(f"{CAP}identifier") == f"urn:uuid:{alert.public_id}"
    assert root.findtext(f"{CAP}status") == "Actual"
    assert root.findtext(f"{CAP}msgType") == "Alert"
    assert root.findtext(f"{CAP}scope") == "Restricted"
    assert root.findtext(f"{CAP}restriction") == "OFFICIAL USE"
    info = root.find(f"{CAP}info")
    assert info is not None
    assert info.findtext(f"{CAP}severity") == "Severe"
    assert info.findtext(f"{CAP}urgency") == "Immediate"
    assert info.findtext(f"{CAP}area/{CAP}areaDesc") == "Tajik-Afghan border"
    # CAP's dateTime has an explicit offset and no fractions of a second.
    assert root.findtext(f"{CAP}sent", "").endswith("+00:00")
    assert "." not in root.findtext(f"{CAP}sent", "")


def test_it_serves_alerts_and_their_cap_on_the_api(client, personas):
    _seizures(personas, 7)
    alert = services.indicator_evaluate(actor=SYSTEM, indicator=_drug_indicator(personas), on=DAY)
    assert alert is not None
    client.force_login(personas.delegate_b)

    listed = client.get("/api/v1/alerts?active=true").json()
    cap = client.get(listed["items"][0]["cap_url"])

    assert listed["count"] == 1 and listed["items"][0]["level"] == "red"
    assert cap["Content-Type"] == "application/cap+xml"
    assert b"urn:oasis:names:tc:emergency:cap:1.2" in cap.content
    assert client.get("/api/v1/indicators").json()["count"] == 1
    client.logout()
    assert client.get(f"/api/v1/alerts/{alert.public_id}/cap").status_code == 404


def test_it_lets_an_analyst_define_an_indicator_and_evaluate_from_the_pages(client, personas):
    _seizures(personas, 7, on=today())
    client.force_login(personas.analyst)

    client.post("/monitoring/indicators/", {
        "name_ru": "Наркотики", "name_en": "Drugs", "category": "drug_trafficking",
        "region": "tajik-afghan-border",
        "window_days": 7, "kind": "count", "orange": 3, "red": 6, "classification": 1,
        "release_to_all_members": "on"})
    client.post("/monitoring/indicators/evaluate/")

    page = client.get("/monitoring/alerts/").content.decode()
    # The page speaks Russian: the indicator goes by its Russian name.
    assert "Наркотики" in page and "Drugs" not in page and "alert-level-red" in page
    assert "alert-level-red" in client.get("/monitoring/").content.decode()


def test_it_evaluates_the_indicators_from_the_command_line(personas, capsys):
    _seizures(personas, 7, on=today())
    _drug_indicator(personas)

    call_command("situation", "evaluate")

    assert "1 alerts raised" in capsys.readouterr().out
    assert [a.level for a in _alerts(personas.analyst)] == ["red"]


def _edit(client, indicator, **changes):
    form = {"name_ru": indicator.name_ru, "name_en": indicator.name_en,
            "category": indicator.category, "region": indicator.region,
            "window_days": indicator.window_days, "kind": indicator.kind,
            "orange": indicator.orange, "red": indicator.red, "active": "on", **changes}
    return client.post(reverse("monitoring:indicator-edit", args=[indicator.public_id]),
                       {k: v for k, v in form.items() if v is not None},
                       HTTP_ACCEPT_LANGUAGE="en")


def test_it_changes_an_indicators_thresholds_from_its_page(client, personas):
    _seizures(personas, 5)
    indicator = _drug_indicator(personas)
    client.force_login(personas.analyst)

    response = _edit(client, indicator, orange=2, red=4)
    alert = services.indicator_evaluate(actor=SYSTEM, indicator=indicator_reloaded(indicator),
                                        on=DAY)

    assert response.status_code == 302
    assert alert is not None and alert.level == "red"  # 5 seizures pass the lowered red
    assert AuditEntry.objects.filter(action="monitoring.indicator.update").exists()


def indicator_reloaded(indicator):
    indicator.refresh_from_db()
    return indicator


def test_a_stopped_indicator_is_not_evaluated(client, personas):
    _seizures(personas, 7)
    indicator = _drug_indicator(personas)
    client.force_login(personas.analyst)

    _edit(client, indicator, active=None)
    evaluated = services.indicators_evaluate_all(actor=SYSTEM, on=DAY)

    assert indicator_reloaded(indicator).active is False
    assert evaluated == 0
    assert not _alerts(personas.analyst)


def test_it_names_thresholds_out_of_order_on_the_edit_page(client, personas):
    indicator = _drug_indicator(personas)
    client.force_login(personas.analyst)

    response = _edit(client, indicator, orange=9, red=4)

    assert response.status_code == 400
    assert "Red must be at or above orange" in response.content.decode()
    assert indicator_reloaded(indicator).red == 6


def test_the_api_defines_changes_and_stops_an_indicator(client, personas):
    client.force_login(personas.analyst)

    created = client.post("/api/v1/indicators", {
        "name_ru": "Наркотики на границе", "name_en": "Drugs at the border",
        "category": "drug_trafficking", "region": "tajik-afghan-border", "orange": 3, "red": 6,
        "classification": "confidential"}, content_type="application/json")
    indicator_id = created.json()["id"]
    changed = client.put(f"/api/v1/indicators/{indicator_id}", {
        "name_ru": "Наркотики на границе", "name_en": "Drugs at the border",
        "category": "drug_trafficking", "region": "tajik-afghan-border", "orange": 2, "red": 4,
        "active": False},
        content_type="application/json")

    assert created.status_code == 201
    assert created.json()["classification"] == "confidential"
    assert (changed.status_code, changed.json()["red"], changed.json()["active"]) == (
        200, 4, False)


def test_the_api_names_a_bad_threshold_and_refuses_a_delegate(client, personas):
    client.force_login(personas.analyst)
    bad = client.post("/api/v1/indicators", {"name_ru": "x", "name_en": "x", "kind": "guess", "orange": 5,
                                             "red": 1}, content_type="application/json")
    client.force_login(personas.delegate_a)
    refused = client.post("/api/v1/indicators", {"name_ru": "x", "name_en": "x", "orange": 1, "red": 2},
                          content_type="application/json")

    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"kind", "red"}
    assert refused.status_code == 403


def test_it_audits_each_changed_threshold_with_its_old_and_new_value(personas):
    indicator = _drug_indicator(personas)
    before = (indicator.orange, indicator.red)

    services.indicator_update(actor=personas.analyst, indicator=indicator,
                              name_ru=indicator.name_ru, name_en=indicator.name_en,
                              category=indicator.category, region=indicator.region,
                              window_days=indicator.window_days, kind=indicator.kind,
                              orange=before[0], red=before[1] + 5, active=True)
    services.indicator_update(actor=personas.analyst, indicator=indicator,
                              name_ru=indicator.name_ru, name_en=indicator.name_en,
                              category=indicator.category, region=indicator.region,
                              window_days=indicator.window_days, kind=indicator.kind,
                              orange=before[0], red=before[1] + 5, active=True)

    entries = AuditEntry.objects.filter(action="monitoring.indicator.update")
    changes = [json.loads(entry.detail)["changed"] for entry in entries]
    assert changes == [{"red": [before[1], before[1] + 5]}]
