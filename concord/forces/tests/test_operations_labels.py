"""A state's detail never reaches another state: not in a list, a total, a chart, a count, an
export or the API; totals count only what the viewer may read."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation

from concord.core.errors import NotFound
from concord.core.labels import Classification
from concord.forces.models import OperationResult
from concord.forces.selectors import operations as selectors
from concord.forces.tests.operations_factories import two_states, world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _russian():
    # The names of states and substances are read in the working language.
    with translation.override("ru"):
        yield


@pytest.fixture
def reported(personas):
    w = world(personas)
    two_states(personas, w)
    return w


def _states(rows):
    return sorted({row.originator.code for row in rows})


def test_it_lists_to_each_state_its_own_results_and_the_published_ones(personas, reported):
    assert _states(selectors.result_list(viewer=personas.delegate_a)) == ["RU", "TJ"]
    russia_sees = selectors.result_list(viewer=personas.delegate_a)
    assert [r.substance and r.substance.code for r in russia_sees if r.originator.code == "TJ"] == ["opium"]
    tajik_sees = selectors.result_list(viewer=personas.delegate_b)
    assert _states(tajik_sees) == ["TJ"]
    assert selectors.result_list(viewer=personas.officer).count() == 4


def test_it_sums_totals_over_what_the_viewer_reads(personas, reported):
    officer = selectors.result_totals(viewer=personas.officer, by="state")
    assert officer.overall.values == {"seizure": Decimal("660.000"), "detained": Decimal(60)}
    assert str(officer.overall.values["detained"]) == "60"
    tajik = selectors.result_totals(viewer=personas.delegate_b, by="state")
    # Russia's 400 kg and 60 detained are not Tajikistan's to see, in a row or in the total.
    assert tajik.overall.values == {"seizure": Decimal("260.000")}
    assert [row.label for row in tajik.rows] == ["Таджикистан"]
    by_year = selectors.result_totals(viewer=personas.delegate_b, by="year")
    assert [(row.label, row.values) for row in by_year.rows] == [
        ("2014", {"seizure": Decimal("260.000")})]


def test_it_charts_only_what_the_viewer_reads(personas, reported):
    chart = selectors.seizure_chart(viewer=personas.delegate_b).data()
    assert chart["labels"] == [2014]
    assert {series["label"]: series["data"] for series in chart["datasets"]} == {
        "Героин": [250.0], "Опий": [10.0]}
    anonymous = selectors.seizure_chart(viewer=personas.anonymous).data()
    assert {series["label"]: series["data"] for series in anonymous["datasets"]} == {
        "Опий": [10.0]}


def test_it_exports_to_a_state_none_of_another_states_detail(personas, reported):
    client = Client()
    client.force_login(personas.delegate_b)
    response = client.get("/forces/operations/results/?format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["state"] for row in rows} == {"TJ"}
    assert len(rows) == 2
    totals = client.get("/forces/operations/totals/?format=csv&by=state").content.decode()
    assert "Russia" not in totals and "400" not in totals


def test_it_answers_the_api_with_the_viewers_results_and_totals(personas, reported):
    client = Client()
    client.force_login(personas.delegate_b)
    url = f"/api/v1/forces/operations/{reported.operation.public_id}/results"
    body = client.get(url).json()
    assert body["count"] == 2
    assert {item["state"] for item in body["items"]} == {"TJ"}
    totals = client.get("/api/v1/forces/operations/totals?by=state").json()
    assert totals["total"] == {"seizure": "260.000"}


def test_it_reads_a_hidden_result_as_missing(personas, reported):
    hidden = (OperationResult.objects.visible_to(personas.officer)
              .filter(originator=personas.state_a, measure="detained").get())
    assert hidden.classification == Classification.OFFICIAL_USE
    with pytest.raises(NotFound):
        selectors.result_get(viewer=personas.delegate_b, public_id=hidden.public_id)
