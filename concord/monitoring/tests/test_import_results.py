"""An import's result leads on: to the incidents it added, and, when bad rows stopped it, to a run
over the same file that imports the good rows and skips the bad ones, the first run staying as it
ended."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from concord.core.errors import InvalidState
from concord.core.models import AuditEntry
from concord.monitoring import services
from concord.monitoring.models import Incident, IncidentImport
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row, incident

GOOD_AND_BAD = "\n".join([ACLED_HEADER, acled_row("A1", location="Panj"),
                          acled_row("A2", day="someday"), acled_row("A3", location="Farkhor")])


def _upload(client: Any, capture: Any, text: str, **fields: str) -> IncidentImport:
    with capture(execute=True):
        client.post(reverse("monitoring:import-start"), {
            "file": SimpleUploadedFile("june.csv", text.encode()), "fmt": "",
            "classification": "1", **fields})
    return IncidentImport.objects.order_by("-started_at", "-id")[0]


def _retry(client: Any, capture: Any, run: IncidentImport) -> Any:
    with capture(execute=True):
        return client.post(reverse("monitoring:import-retry", args=[run.public_id]),
                           follow=True)


def test_it_runs_a_refused_import_again_skipping_its_bad_rows(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)
    refused = _upload(client, django_capture_on_commit_callbacks, GOOD_AND_BAD)
    first_page = client.get(reverse("monitoring:import-detail",
                                    args=[refused.public_id])).content.decode()

    response = _retry(client, django_capture_on_commit_callbacks, refused)

    retry = IncidentImport.objects.get(retry_of=refused)
    refused.refresh_from_db()
    assert (refused.status, refused.created) == ("failed", 0)
    assert "Повторить, пропустив ошибочные строки" in first_page
    assert (retry.status, retry.created, retry.skip_bad_rows) == ("done", 2, True)
    assert [line for line, _reason in retry.problems] == [3]
    assert response.redirect_chain[-1][0] == reverse("monitoring:import-detail",
                                                     args=[retry.public_id])
    assert "Файл импортируется повторно, без ошибочных строк." in response.content.decode()
    result = client.get(reverse("monitoring:import-detail", args=[retry.public_id]))
    assert "Открыть 2 добавленных инцидента" in result.content.decode()
    entry = AuditEntry.objects.get(action="monitoring.import.retry")
    assert json.loads(entry.detail)["retry_of"] == str(refused.public_id)
    # The refused run now leads to its retry instead of offering another.
    again = client.get(reverse("monitoring:import-detail",
                               args=[refused.public_id])).content.decode()
    assert "Открыть повторный импорт без ошибочных строк" in again
    assert "Повторить, пропустив ошибочные строки" not in again


def test_it_refuses_to_retry_an_import_that_did_not_stop_on_bad_rows(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)
    done = _upload(client, django_capture_on_commit_callbacks,
                   "\n".join([ACLED_HEADER, acled_row("A1")]))

    response = _retry(client, django_capture_on_commit_callbacks, done)

    assert "Повторить без ошибочных строк можно только импорт" in response.content.decode()
    assert not IncidentImport.objects.filter(retry_of=done).exists()
    with pytest.raises(InvalidState):
        services.import_retry_skipping(actor=personas.analyst, run=done)


def test_the_incidents_an_import_added_are_listed_by_its_link(
        client, personas, django_capture_on_commit_callbacks):
    incident(personas.secretariat, external_id="by-hand", location="Typed by hand")
    client.force_login(personas.analyst)
    run = _upload(client, django_capture_on_commit_callbacks, GOOD_AND_BAD,
                  skip_bad_rows="on")
    result = client.get(reverse("monitoring:import-detail", args=[run.public_id]))

    listed = client.get(reverse("monitoring:incident-list"), {"import": str(run.public_id)})

    link = f'{reverse("monitoring:incident-list")}?import={run.public_id}'
    assert link in result.content.decode()
    page = listed.content.decode()
    assert "2 инцидента добавлены импортом файла june.csv." in page
    assert "Panj" in page and "Farkhor" in page and "Typed by hand" not in page
    assert set(Incident.objects.visible_to(personas.analyst).filter(import_run=run)
               .values_list("external_id", flat=True)) == {"acled:A1", "acled:A3"}
    # Its export holds what the list shows.
    exported = client.get(reverse("monitoring:incident-list"),
                          {"import": str(run.public_id), "format": "geojson"})
    places = sorted(feature["properties"]["location"]
                    for feature in json.loads(exported.content)["features"])
    assert places == ["Farkhor", "Panj"]


def test_no_one_else_lists_by_someone_elses_import(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)
    run = _upload(client, django_capture_on_commit_callbacks, GOOD_AND_BAD,
                  skip_bad_rows="on")
    client.force_login(personas.officer)

    response = client.get(reverse("monitoring:incident-list"), {"import": str(run.public_id)})
    api = client.get("/api/v1/incidents", {"import_id": str(run.public_id)})

    # The page's `import` names what the page is; the API's `import_id` is a filter whose value
    # names nothing the officer may read.
    assert response.status_code == 404
    assert api.status_code == 422
    assert [e["field"] for e in api.json()["errors"]] == ["query.import_id"]


def test_the_api_retries_an_import_and_lists_what_it_added(
        client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.analyst)
    refused = _upload(client, django_capture_on_commit_callbacks, GOOD_AND_BAD)

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(f"/api/v1/imports/{refused.public_id}/retry")
    retry = client.get(started.json()["url"].replace("/monitoring/imports/", "/api/v1/imports/")
                       .rstrip("/")).json()
    added = client.get(retry["incidents_url"]).json()

    assert started.status_code == 202
    assert (retry["status"], retry["created"], retry["retry_of"]) == (
        "done", 2, str(refused.public_id))
    assert sorted(i["location"] for i in added["items"]) == ["Farkhor", "Panj"]
