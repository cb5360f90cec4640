"""The demo gives each persona work to do: a session ahead with a draft awaiting positions, and
the past sessions recorded as held."""

from __future__ import annotations

import pytest
from django.test import Client

from concord.accounts.models import User
from concord.core import clock
from concord.council import selectors
from concord.council.models import Document, Session
from concord.demo.steps import load_all

PASSWORD = "demo password for the test suite"
DRAFT_TITLE = "О плане мероприятий по укреплению таджикско-афганской границы"


@pytest.fixture
def demo(db: None) -> None:
    load_all(password=PASSWORD)


def test_it_shows_delegate_tj_the_draft_awaiting_tajikistans_position(demo):
    client = Client()
    client.post("/accounts/login/", {"username": "delegate.tj", "password": PASSWORD})

    page = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert DRAFT_TITLE in page


def test_it_has_the_draft_on_the_agenda_of_a_session_ahead(demo):
    officer = User.objects.get(username="officer")
    draft = selectors.drafts_missing_positions(viewer=officer).get(title_ru=DRAFT_TITLE)

    assert draft.status == Document.Status.DRAFT
    assert draft.session is not None and draft.session.starts_on > clock.today()
    assert draft.session.status == Session.Status.PLANNED
    assert draft.session in selectors.sessions_ahead(viewer=officer)
    assert draft.agenda_items.filter(session=draft.session).exists()
    assert sorted(draft.positions.values_list("state__iso_alpha2", flat=True)) == [
        "BY", "KZ", "RU"]


def test_it_leaves_the_draft_out_of_a_queue_of_a_state_that_answered(demo):
    russia = User.objects.get(username="delegate.ru")

    awaiting = selectors.drafts_awaiting_state(viewer=russia, party=russia.party)

    assert not awaiting.filter(title_ru=DRAFT_TITLE).exists()


def test_it_records_the_2014_session_as_held(demo):
    session = Session.objects.unscoped(reason="test").get(starts_on__year=2014)

    assert session.ends_on < clock.today()
    assert session.status == Session.Status.HELD
