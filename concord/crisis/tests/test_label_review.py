"""The case read as another state's delegation: a record linked to a case it reads, but that it
may not read itself, leaves no trace on the page, in the log, the API or the exports beyond
"n entries withheld"."""

from __future__ import annotations

import pytest

from concord.core.labels import Classification
from concord.council.tests.factories import draft
from concord.crisis.models import LogEntry
from concord.crisis.services import cases as case_services
from concord.crisis.tests import factories
from concord.registry.tests.factories import organization

pytestmark = pytest.mark.django_db

SECRET_TITLE = "План прикрытия аэропорта"


@pytest.fixture(autouse=True)
def _english_pages(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def case(personas):
    org = organization()
    opened = factories.case(personas)
    plan = draft(org, personas.officer, classification=Classification.SECRET,
                 title_en=SECRET_TITLE, title_ru=SECRET_TITLE)
    case_services.case_link(actor=personas.officer, case=opened, target=plan)
    return opened


def test_it_labels_the_entry_of_a_linked_record_as_the_record_not_as_the_case(personas, case):
    entry = LogEntry.objects.unscoped(reason="test").get(case=case,
                                                         action="crisis.case.link")

    assert entry.classification == Classification.SECRET
    assert SECRET_TITLE in entry.what
    assert SECRET_TITLE in " ".join(
        e.what for e in LogEntry.objects.visible_to(personas.officer).filter(case=case))


@pytest.mark.parametrize("part", ["", "timeline/", "log.csv", "sitrep.xml"])
def test_it_keeps_the_linked_records_title_from_another_states_delegate(client, personas,
                                                                       case, part):
    client.force_login(personas.delegate_b)

    answer = client.get(f"{case.get_absolute_url()}{part}")

    assert answer.status_code == 200
    assert SECRET_TITLE not in answer.content.decode()


def test_it_counts_neither_the_linked_record_nor_its_entry_for_the_delegate(client, personas,
                                                                           case):
    client.force_login(personas.delegate_b)

    page = client.get(case.get_absolute_url()).content.decode()
    log = client.get(f"/api/v1/crisis/cases/{case.public_id}/log").json()

    assert "1 entry withheld" in page
    assert "0 linked records" in page
    assert log["withheld"] == 1
    assert SECRET_TITLE not in str(log)
    client.force_login(personas.officer)
    assert "1 linked record" in client.get(case.get_absolute_url()).content.decode()
