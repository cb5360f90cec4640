"""An alert is followed up: its page lists the incidents it counted (no more than its readers may
all read), an analyst acknowledges it and assigns it, and the list shows alerts by state and by
who handles them."""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from concord.accounts.models import Role
from concord.core.actors import SYSTEM
from concord.core.errors import Forbidden, InvalidState, ValidationError
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.monitoring import services
from concord.monitoring.models import Alert
from concord.monitoring.tests.factories import incident
from conftest import make_user

DAY = date(2024, 6, 30)


def _alert(personas: Any, *, seizures: int = 7, **label: Any) -> Alert:
    for n in range(seizures):
        incident(personas.secretariat, occurred_on=DAY - timedelta(days=n % 7),
                 external_id=f"seizure-{n}", location=f"Post {n}")
    indicator = services.indicator_define(
        actor=personas.analyst, name_ru="Наркотики на границе", name_en="Drugs at the border",
        category="drug_trafficking", window_days=7, orange=3, red=6, **label)
    alert = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)
    assert alert is not None
    return alert


def _page(client: Any, alert: Alert) -> str:
    return str(client.get(reverse("monitoring:alert-detail",
                              args=[alert.public_id])).content.decode())


def test_it_lists_on_the_alert_page_the_incidents_it_counted(client, personas):
    alert = _alert(personas)
    # Outside the window, of another category, and one only the secretariat may read: none of
    # them was counted.
    incident(personas.secretariat, occurred_on=DAY - timedelta(days=20), external_id="old",
             location="Old post")
    incident(personas.secretariat, occurred_on=DAY, external_id="flood", location="Flooded",
             category="natural_emergency", sub_category="flood")
    incident(personas.secretariat, occurred_on=DAY, external_id="kept", location="Kept post",
             release_to_all_members=False)
    client.force_login(personas.analyst)

    page = _page(client, alert)

    assert alert.value == 7
    assert "Учтённые инциденты: 7" in page
    assert all(f"Post {n}" in page for n in range(7))
    assert "Old post" not in page and "Flooded" not in page
    # The analyst may read it, but the alert's other readers may not: it was not counted.
    assert "Kept post" not in page


def test_a_delegate_sees_the_same_counted_incidents_as_the_analyst(client, personas):
    alert = _alert(personas)
    client.force_login(personas.delegate_b)

    page = _page(client, alert)

    assert "Учтённые инциденты: 7" in page
    assert "Принять к сведению" not in page  # a delegate does not handle alerts


def test_it_lists_no_incident_hidden_from_the_viewer_as_if_it_were_missing(client, personas):
    """An incident whose label was raised since the alert was counted is absent from the page of
    a reader it is now hidden from, exactly as a deleted one would be."""
    alert = _alert(personas)
    hidden = incident(personas.secretariat, occurred_on=DAY, external_id="raised",
                      location="Raised post")
    client.force_login(personas.delegate_b)
    before = _page(client, alert)
    type(hidden)._base_manager.filter(pk=hidden.pk).update(
        classification=Classification.CONFIDENTIAL)

    after = _page(client, alert)

    assert "Raised post" in before and "Учтённые инциденты: 8" in before
    assert "Raised post" not in after and "Учтённые инциденты: 7" in after


def test_an_analyst_acknowledges_an_alert_once_and_it_is_audited(client, personas):
    alert = _alert(personas)
    client.force_login(personas.analyst)

    response = client.post(reverse("monitoring:alert-acknowledge", args=[alert.public_id]),
                           follow=True)
    again = client.post(reverse("monitoring:alert-acknowledge", args=[alert.public_id]),
                        follow=True)

    alert.refresh_from_db()
    assert alert.acknowledged_by == personas.analyst and alert.state == "acknowledged"
    assert "Оповещение принято к сведению." in response.content.decode()
    assert "Оповещение уже принято к сведению." in again.content.decode()
    assert AuditEntry.objects.filter(action="monitoring.alert.acknowledge").count() == 1


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_it_says_once_who_acknowledged_an_alert_and_when(client, personas):
    alert = _alert(personas)
    personas.analyst.first_name, personas.analyst.last_name = "Марина", "Белова"
    personas.analyst.save()
    client.force_login(personas.analyst)
    client.post(reverse("monitoring:alert-acknowledge", args=[alert.public_id]))

    page = _page(client, alert)

    state = _text(page.split("data-alert-state>")[1].split("</dd>")[0])
    assert state.startswith("Принято к сведению: Марина Белова, ")
    assert state.lower().count("принято к сведению") == 1


def test_it_shows_an_alert_still_in_force_without_calling_it_ended(client, personas):
    alert = _alert(personas)
    client.force_login(personas.analyst)

    page = _page(client, alert)

    row = page.split("data-alert-ending>")[0].rsplit("<dt", 1)[1]
    ending = _text(page.split("data-alert-ending>")[1].split("</dd>")[0])
    assert "Окончание" in row and "Завершено" not in row
    assert ending == "— оповещение ещё действует"


def test_it_assigns_an_alert_to_an_analyst_who_may_read_it(client, personas):
    alert = _alert(personas)
    colleague = make_user("colleague", personas.state_a, Classification.CONFIDENTIAL,
                          Role.CRISIS_ANALYST)
    colleague.first_name, colleague.last_name = "Ирина", "Петрова"
    colleague.save()
    client.force_login(personas.analyst)

    response = client.post(reverse("monitoring:alert-assign", args=[alert.public_id]),
                           {"assignee": "colleague"}, follow=True)

    alert.refresh_from_db()
    assert alert.assignee == colleague
    page = response.content.decode()
    # Said without a participle that would guess the person's gender.
    assert "Ответственный за оповещение: Ирина Петрова." in page
    assert "назначен(а)" not in page
    assigned = page.split("data-alert-assignee>")[1].split("</dd>")[0]
    assert assigned == "Ирина Петрова"
    entry = AuditEntry.objects.get(action="monitoring.alert.assign")
    assert json.loads(entry.detail) == {"from": "", "to": "colleague"}


def test_it_refuses_to_assign_an_alert_to_someone_who_may_not_read_or_handle_it(personas):
    alert = _alert(personas, release_to_all_members=False, releasable_to=[personas.state_b])
    # Cleared and an analyst, but of a party the alert is not released to.
    outsider = make_user("outsider", personas.state_a, Classification.CONFIDENTIAL,
                         Role.CRISIS_ANALYST)

    with pytest.raises(ValidationError) as unreadable:
        services.alert_assign(actor=personas.analyst, alert=alert, assignee=outsider)
    with pytest.raises(ValidationError) as not_an_analyst:
        services.alert_assign(actor=personas.analyst, alert=alert, assignee=personas.delegate_b)
    with pytest.raises(Forbidden):
        services.alert_assign(actor=personas.delegate_b, alert=alert, assignee=None)

    assert "outsider may not handle this alert." in unreadable.value.errors["assignee"]
    assert "assignee" in not_an_analyst.value.errors
    alert.refresh_from_db()
    assert alert.assignee is None


def test_an_ended_alert_is_handled_no_more(personas):
    alert = _alert(personas)
    Alert._base_manager.filter(pk=alert.pk).update(ended_at=alert.raised_at)
    alert.refresh_from_db()

    with pytest.raises(InvalidState):
        services.alert_acknowledge(actor=personas.analyst, alert=alert)
    with pytest.raises(InvalidState):
        services.alert_assign(actor=personas.analyst, alert=alert, assignee=personas.analyst)


def test_the_alert_list_filters_by_state_and_assignee(client, personas):
    first = _alert(personas)
    indicator = services.indicator_define(
        actor=personas.analyst, name_ru="Все наркотики", name_en="All drugs",
        category="drug_trafficking", window_days=7, orange=1, red=100)
    second = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)
    assert second is not None
    services.alert_acknowledge(actor=personas.analyst, alert=first)
    services.alert_assign(actor=personas.analyst, alert=first, assignee=personas.analyst)
    client.force_login(personas.analyst)

    def listed(**query: str) -> tuple[bool, bool]:
        page = client.get(reverse("monitoring:alert-list"), query).content.decode()
        return "Наркотики на границе" in page, "Все наркотики" in page

    assert listed() == (True, True)
    assert listed(state="new") == (False, True)
    assert listed(state="acknowledged") == (True, False)
    assert listed(assignee="me") == (True, False)
    assert listed(assignee="none") == (False, True)
    assert listed(state="ended") == (False, False)


def test_the_api_acknowledges_assigns_and_filters_alerts(client, personas):
    alert = _alert(personas)
    client.force_login(personas.analyst)
    url = f"/api/v1/alerts/{alert.public_id}"

    acknowledged = client.post(f"{url}/acknowledge")
    twice = client.post(f"{url}/acknowledge")
    assigned = client.put(f"{url}/assignee", {"assignee": "analyst"},
                          content_type="application/json")
    refused = client.put(f"{url}/assignee", {"assignee": "delegate_b"},
                         content_type="application/json")
    mine = client.get("/api/v1/alerts", {"assignee": "me", "state": "acknowledged"}).json()
    new = client.get("/api/v1/alerts", {"state": "new"}).json()

    assert acknowledged.status_code == 200 and acknowledged.json()["state"] == "acknowledged"
    assert acknowledged.json()["acknowledged_by"] == "analyst"
    assert twice.status_code == 409
    assert assigned.status_code == 200 and assigned.json()["assignee"] == "analyst"
    assert refused.status_code == 422
    assert [a["id"] for a in mine["items"]] == [str(alert.public_id)]
    assert new["items"] == []


def test_the_indicator_list_says_its_thresholds_with_their_figures(client, personas):
    services.indicator_define(actor=personas.analyst, name_ru="Наркотики", name_en="Drugs",
                              category="drug_trafficking", window_days=7, orange=1, red=21)
    services.indicator_define(actor=personas.analyst, name_ru="Терроризм", name_en="Terrorism",
                              category="terrorism", window_days=30, kind="rise", orange=150,
                              red=300)
    client.force_login(personas.analyst)

    page = client.get(reverse("monitoring:indicator-list")).content.decode()

    assert "более 1 инцидента за 7 дней" in page
    assert "более 21 инцидента за 7 дней" in page
    assert "рост более чем на 300% за 30 дней" in page
    assert "Более N" not in page


def test_an_indicator_shows_its_name_in_the_language_of_the_page(client, personas):
    services.indicator_define(actor=personas.analyst, name_ru="Наркотики на границе",
                              name_en="Drugs at the border", orange=1, red=2)
    client.force_login(personas.analyst)

    russian = client.get(reverse("monitoring:indicator-list")).content.decode()
    english = client.get(reverse("monitoring:indicator-list"),
                         HTTP_ACCEPT_LANGUAGE="en").content.decode()
    api = client.get("/api/v1/indicators", HTTP_ACCEPT_LANGUAGE="en").json()["items"][0]

    assert "Наркотики на границе" in russian and "Drugs at the border" not in russian
    assert "Наименование на русском языке" in russian and "Имя" not in russian
    assert "Drugs at the border" in english
    assert (api["name"], api["name_ru"], api["name_en"]) == (
        "Drugs at the border", "Наркотики на границе", "Drugs at the border")


def test_it_asks_for_both_names_of_an_indicator(personas):
    with pytest.raises(ValidationError) as refused:
        services.indicator_define(actor=personas.analyst, name_ru="Наркотики", name_en=" ",
                                  orange=1, red=2)

    assert set(refused.value.errors) == {"name_en"}


def test_the_alert_list_reads_the_same_number_of_queries_for_more_alerts(
        client, personas, django_assert_num_queries):
    client.force_login(personas.analyst)
    first = _alert(personas)
    services.alert_assign(actor=personas.analyst, alert=first, assignee=personas.analyst)
    client.get(reverse("monitoring:alert-list"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("monitoring:alert-list"))
    for number in range(3):
        indicator = services.indicator_define(
            actor=personas.analyst, name_ru=f"Индикатор {number}", name_en=f"Indicator {number}",
            category="drug_trafficking", window_days=7, orange=0, red=100)
        alert = services.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=DAY)
        assert alert is not None
        services.alert_acknowledge(actor=personas.analyst, alert=alert)
        services.alert_assign(actor=personas.analyst, alert=alert, assignee=personas.analyst)

    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(reverse("monitoring:alert-list")).content.decode()

    assert page.count("alert-level-") == 4


def test_it_tells_the_analyst_on_the_dashboard_what_they_did_with_an_alert(client, personas):
    alert = _alert(personas, classification=Classification.CONFIDENTIAL)
    services.alert_acknowledge(actor=personas.analyst, alert=alert)
    services.alert_assign(actor=personas.analyst, alert=alert, assignee=personas.analyst)
    client.force_login(personas.analyst)
    _page(client, alert)

    dashboard = client.get(reverse("portal:dashboard"), HTTP_ACCEPT_LANGUAGE="ru")
    shown = re.sub(r"<[^>]+>", " ", html.unescape(dashboard.content.decode()))

    for sentence in ("Вы открыли оповещение по индикатору «Наркотики на границе».",
                     "Вы назначили ответственного за оповещение по индикатору "
                     "«Наркотики на границе».",
                     "Вы приняли к сведению оповещение по индикатору «Наркотики на границе»."):
        assert sentence in shown
    assert "Вы выполнили действие в системе." not in shown
    assert "monitoring.alert" not in shown and str(alert.public_id) not in shown
