"""The monitoring pages: the situation picture, the incident list and detail, imports."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from concord.core.clock import today
from concord.core.labels import Classification
from concord.monitoring.models import Incident, IncidentImport
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row, incident


def _recent(personas):
    day = today() - timedelta(days=3)
    incident(personas.secretariat, occurred_on=day, location="Panj")
    incident(personas.secretariat, occurred_on=day, location="Hidden Osh", country="KG",
             admin1="Osh", latitude=40.5, longitude=72.8,
             classification=Classification.CONFIDENTIAL, release_to_all_members=False)


def test_it_shows_the_situation_counted_within_the_viewers_labels(client, personas):
    _recent(personas)
    client.force_login(personas.delegate_b)

    page = client.get("/monitoring/").content.decode()

    assert "Panj" in page
    assert "Hidden Osh" not in page
    assert "situation-timeline" in page
    client.force_login(personas.analyst)
    assert "Hidden Osh" in client.get("/monitoring/").content.decode()


def test_it_keeps_the_filters_in_the_url(client, personas):
    _recent(personas)
    client.force_login(personas.analyst)

    page = client.get("/monitoring/?country=KG").content.decode()

    assert "Hidden Osh" in page
    assert "Panj" not in page
    assert 'data-query="from=' in page and "country=KG" in page


def test_it_sends_the_public_to_sign_in(client, personas):
    assert client.get("/monitoring/").status_code == 302


def test_it_lists_incidents_and_exports_the_same_selection(client, personas):
    _recent(personas)
    client.force_login(personas.delegate_b)

    page = client.get("/monitoring/incidents/").content.decode()
    export = client.get("/monitoring/incidents/?format=acled").content.decode("utf-8-sig")

    assert "Panj" in page and "Hidden Osh" not in page
    assert "Panj" in export and "Hidden Osh" not in export


def test_it_says_the_list_holds_every_date_while_the_picture_shows_ninety_days(client,
                                                                              personas):
    _recent(personas)
    client.force_login(personas.delegate_b)

    unfiltered = client.get("/monitoring/incidents/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    dated = client.get("/monitoring/incidents/?from=2013-01-01",
                       HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert ("В этом списке — инциденты за все даты; обстановка показывается за последние 90 "
            "дней, если не выбран другой период.") in unfiltered
    assert "data-period-note" not in dated


def test_it_answers_an_invisible_incident_page_as_missing(client, personas):
    hidden = incident(personas.secretariat, classification=Classification.CONFIDENTIAL,
                      release_to_all_members=False)
    client.force_login(personas.delegate_a)

    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_it_lets_an_analyst_verify_and_merge_from_the_page(client, personas):
    first = incident(personas.secretariat, sources="Asia-Plus")
    second = incident(personas.secretariat, sources="TASS")
    client.force_login(personas.analyst)
    page = client.get(first.get_absolute_url()).content.decode()
    assert "Possible duplicates" in page or "Возможные дубликаты" in page

    client.post(f"{first.get_absolute_url()}verify/", {"verification": "confirmed"})
    client.post(f"{first.get_absolute_url()}merge/", {"duplicate": str(second.public_id)})

    incidents = Incident.objects.visible_to(personas.analyst)
    assert incidents.get(pk=first.pk).verification == "confirmed"
    assert incidents.get(pk=second.pk).merged_into_id == first.pk


def test_it_refuses_a_delegate_verifying(client, personas):
    seizure = incident(personas.secretariat)
    client.force_login(personas.delegate_a)

    response = client.post(f"{seizure.get_absolute_url()}verify/", {"verification": "confirmed"})

    assert response.status_code == 403


def test_it_imports_an_uploaded_file_in_the_background_and_shows_the_outcome(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)
    upload = SimpleUploadedFile("june.csv", "\n".join(
        [ACLED_HEADER, acled_row("A1"), acled_row("A2", day="someday")]).encode())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/monitoring/imports/new/", {
            "file": upload, "fmt": "", "classification": "1", "skip_bad_rows": "on"})

    run = IncidentImport.objects.get()
    assert response.url == f"/monitoring/imports/{run.public_id}/"
    page = client.get(response.url).content.decode()
    run.refresh_from_db()
    assert (run.status, run.created) == ("done", 1)
    assert "someday" in page
    assert Incident.objects.visible_to(personas.analyst).count() == 1


def test_it_polls_a_running_import_with_htmx(client, personas):
    client.force_login(personas.analyst)
    run = IncidentImport.objects.create(file_name="big.csv", fmt="acled",
                                        originator=personas.secretariat,
                                        started_by=personas.analyst, path="/nonexistent")

    response = client.get(f"/monitoring/imports/{run.public_id}/", HTTP_HX_REQUEST="true")

    body = response.content.decode()
    assert 'hx-trigger="every 1s"' in body
    assert "<html" not in body


def test_it_lets_an_analyst_record_an_incident_from_the_page(client, personas):
    client.force_login(personas.analyst)

    response = client.post("/monitoring/incidents/new/", {
        "occurred_on": "2024-06-06", "time_precision": "1", "country": "TJ",
        "admin1": "Khatlon", "location": "Panj", "latitude": "37.24", "longitude": "69.1",
        "geo_precision": "1", "sub_category": "border_clash", "fatalities": "2",
        "injured": "1", "source_scale": "national", "reliability": "B", "credibility": "2",
        "classification": "1", "release_to_all_members": "on"})

    recorded = Incident.objects.visible_to(personas.analyst).get()
    assert response.url == recorded.get_absolute_url()
    assert (recorded.category, recorded.sub_category, recorded.fatalities) == (
        "border", "border_clash", 2)
    assert recorded.originator == personas.secretariat


def test_it_shows_the_refusal_of_a_bad_range_on_the_form(client, personas):
    client.force_login(personas.analyst)

    response = client.post("/monitoring/incidents/new/", {
        "occurred_on": "2024-06-06", "time_precision": "1", "country": "TJ",
        "geo_precision": "1", "sub_category": "border_clash", "fatalities": "2",
        "fatalities_low": "5", "injured": "0", "source_scale": "national",
        "reliability": "B", "credibility": "2", "classification": "1"})

    assert response.status_code == 400
    assert not Incident.objects.visible_to(personas.analyst).exists()


@pytest.mark.parametrize("count", [3, 30])
def test_it_lists_incidents_in_a_fixed_number_of_queries(client, personas,
                                                          django_assert_num_queries, count):
    for n in range(count):
        incident(personas.secretariat, external_id=f"q{n}")
    client.force_login(personas.delegate_b)

    # session, user with its party; the viewer's permissions (two); the page's count and rows
    with django_assert_num_queries(6):
        response = client.get("/monitoring/incidents/")

    assert response.status_code == 200


def test_it_lists_possible_duplicates_and_merges_one_from_the_list(client, personas):
    day = today() - timedelta(days=5)
    first = incident(personas.secretariat, occurred_on=day, location="Panj", sources="TASS")
    second = incident(personas.secretariat, occurred_on=day + timedelta(days=1),
                      location="Panj river", latitude=37.27, longitude=69.05,
                      sources="Asia-Plus")
    incident(personas.secretariat, occurred_on=day, location="Far away", latitude=39.0,
             longitude=71.0)  # same day and category, another place
    incident(personas.secretariat, occurred_on=day, category="terrorism",
             sub_category="attack")  # same place and day, another category
    client.force_login(personas.analyst)
    url = "/monitoring/incidents/duplicates/"

    listed = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    merged = client.post(f"/monitoring/incidents/{first.public_id}/merge/",
                         {"duplicate": second.public_id, "next": url}, follow=True,
                         HTTP_ACCEPT_LANGUAGE="en")

    assert [(p.first, p.second) for p in listed.context["pairs"]] == [(first, second)]
    assert merged.redirect_chain[-1][0] == url
    assert merged.context["pairs"] == []
    second.refresh_from_db()
    assert second.merged_into == first


def test_it_finds_no_duplicate_the_analyst_may_not_read(client, personas):
    day = today() - timedelta(days=5)
    incident(personas.secretariat, occurred_on=day)
    incident(personas.state_a, occurred_on=day, classification=Classification.CONFIDENTIAL,
             release_to_all_members=False)  # Russia's own record, not released
    client.force_login(personas.analyst)

    listed = client.get("/monitoring/incidents/duplicates/")

    assert listed.context["pairs"] == []


def test_it_names_a_filter_it_cannot_read_and_keeps_the_others(personas):
    _recent(personas)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(personas.analyst)

    page = client.get("/monitoring/incidents/", {"country": "KG", "category": "picnic"})

    text = page.content.decode()
    assert page.status_code == 200
    assert "The filter “category” was left out: picnic is not one of: " in text
    assert "Hidden Osh" in text and "Panj" not in text


def test_it_opens_the_picture_on_the_last_90_days_when_the_period_cannot_be_read(personas):
    incident(personas.secretariat, occurred_on=today() - timedelta(days=200), location="Old Panj")
    _recent(personas)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(personas.analyst)

    page = client.get("/monitoring/", {"from": "yesterday", "country": "TJ"}).content.decode()

    assert "The filter “from” was left out: Give a date as YYYY-MM-DD." in page
    assert "Panj" in page and "Old Panj" not in page and "Hidden Osh" not in page


def test_the_incident_buttons_record_refuse_and_say_so_on_the_page_they_came_from(client,
                                                                                 personas):
    record = incident(personas.secretariat)
    page = record.get_absolute_url()
    verify = f"/monitoring/incidents/{record.public_id}/verify/"
    client.force_login(personas.delegate_a)
    assert client.post(verify, {"verification": "confirmed"}).status_code == 403

    client.force_login(personas.analyst)
    refused = client.post(verify, {"verification": "believed"}, follow=True,
                          HTTP_ACCEPT_LANGUAGE="en")
    recorded = client.post(verify, {"verification": "confirmed"}, follow=True,
                           HTTP_ACCEPT_LANGUAGE="en")

    assert refused.redirect_chain[-1][0] == page
    assert [m.level_tag for m in refused.context["messages"]] == ["error"]
    assert recorded.redirect_chain[-1][0] == page
    assert [str(m) for m in recorded.context["messages"]] == [
        "The verification status was recorded."]
    record.refresh_from_db()
    assert record.verification == "confirmed"


def test_it_labels_the_button_that_records_an_incident_with_a_verb_in_russian(client, personas):
    client.force_login(personas.analyst)

    page = client.get("/monitoring/incidents/new/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert '<button class="btn btn-primary" type="submit">Зарегистрировать</button>' in page
    assert '<li class="breadcrumb-item active">Регистрация</li>' in page
    assert "Объект" not in page


def test_it_labels_the_button_that_starts_an_import_with_a_verb_in_russian(client, personas):
    client.force_login(personas.analyst)

    page = client.get("/monitoring/imports/new/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert re.search(r'type="submit"><i class="bi bi-upload" aria-hidden="true"></i> '
                     r"Импортировать</button>", page)
