"""While another writer holds the database past the busy limit, Concord answers `503` with
`Retry-After` (problem JSON on the API, a page in the browser), keeps nothing of the request, and
still answers reads, even those that would stamp a token's last use."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from django.db import connection
from django.test import Client

from concord.accounts.models import ApiToken
from concord.accounts.services import token_create
from concord.core.actors import SYSTEM
from concord.core.tests.processes import database_url
from concord.monitoring.models import Incident

pytestmark = pytest.mark.django_db(transaction=True)

BUSY_SECONDS = 1
INCIDENT = {"date": "2024-05-01", "country": "TJ", "sub_category": "armed_clash",
            "classification": "public", "latitude": 38.5, "longitude": 68.8}


@pytest.fixture(autouse=True)
def _short_busy_limit(settings):
    settings.DATABASE_BUSY_SECONDS = BUSY_SECONDS
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
        else:
            cursor.execute(f"SET lock_timeout = {BUSY_SECONDS * 1000}")


@contextmanager
def another_writer() -> Iterator[None]:
    """Another process's long write: it holds what every audited write needs."""
    if connection.vendor == "sqlite":
        other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
    else:
        with psycopg.connect(database_url()) as holder:
            holder.execute("LOCK TABLE core_auditentry, accounts_apitoken IN EXCLUSIVE MODE")
            yield
            holder.rollback()


def _bearer(user: Any) -> dict[str, Any]:
    issued = token_create(actor=SYSTEM, user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {issued.plaintext}"}


def test_it_answers_an_api_write_503_with_retry_after_and_keeps_nothing(personas):
    client = Client(raise_request_exception=False)
    headers = _bearer(personas.analyst)
    client.get("/api/v1/incidents", **headers)  # the token's first use is stamped now
    before = Incident.objects.unscoped(reason="test").count()

    with another_writer():
        answer = client.post("/api/v1/incidents", INCIDENT, content_type="application/json",
                             HTTP_ACCEPT_LANGUAGE="ru", **headers)

    assert answer.status_code == 503
    assert answer["Retry-After"] == str(BUSY_SECONDS)
    assert answer["Content-Type"] == "application/problem+json"
    problem = answer.json()
    assert problem["type"] == "urn:concord:problem:busy"
    assert "ничего из этого запроса не сохранено" in problem["detail"].lower()
    assert Incident.objects.unscoped(reason="test").count() == before
    # Once the other writer is done, the same request goes through.
    again = client.post("/api/v1/incidents", INCIDENT, content_type="application/json", **headers)
    assert again.status_code == 201


def test_it_answers_a_page_that_writes_with_a_503_page(personas):
    client = Client(raise_request_exception=False)
    client.force_login(personas.analyst)
    with another_writer():
        answer = client.post("/monitoring/incidents/new/", {
            "occurred_on": "2024-06-06", "time_precision": "1", "country": "TJ",
            "location": "Panj", "latitude": "37.24", "longitude": "69.1", "geo_precision": "1",
            "sub_category": "border_clash", "fatalities": "0", "injured": "0",
            "source_scale": "national", "reliability": "B", "credibility": "2",
            "classification": "1"},
            HTTP_ACCEPT_LANGUAGE="ru")
    assert answer.status_code == 503
    assert answer["Retry-After"] == str(BUSY_SECONDS)
    page = answer.content.decode()
    assert "Concord занят" in page
    assert f"через {BUSY_SECONDS}" in page
    assert not Incident.objects.visible_to(personas.analyst).exists()


def test_it_still_answers_reads_whose_token_stamp_cannot_be_written(personas):
    client = Client(raise_request_exception=False)
    headers = _bearer(personas.analyst)
    token = ApiToken.objects.get(user=personas.analyst)
    assert token.last_used_at is None

    with another_writer():
        answer = client.get("/api/v1/incidents", **headers)

    assert answer.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is None  # skipped, not waited for
    client.get("/api/v1/incidents", **headers)
    token.refresh_from_db()
    assert token.last_used_at is not None
