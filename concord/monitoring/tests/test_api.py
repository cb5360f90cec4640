"""The incidents API and the situation summary: filters, pagination, labels."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from concord.core.labels import Classification
from concord.monitoring import services
from concord.monitoring.schemas import SummaryOut
from concord.monitoring.tests.factories import incident

API = "/api/v1"


def _data(personas):
    incident(personas.secretariat, classification=Classification.PUBLIC, location="Panj",
             occurred_on=date(2024, 6, 3))
    incident(personas.secretariat, location="Khorugh", occurred_on=date(2024, 6, 4),
             admin1="Gorno-Badakhshan", latitude=37.49, longitude=71.55,
             category="border", sub_category="border_clash", fatalities=4)
    incident(personas.secretariat, classification=Classification.CONFIDENTIAL,
             release_to_all_members=False, location="Osh", country="KG", admin1="Osh",
             latitude=40.53, longitude=72.8, occurred_on=date(2024, 6, 12))


def test_it_lists_incidents_the_caller_may_read(client, personas):
    _data(personas)

    public = client.get(f"{API}/incidents").json()
    client.force_login(personas.delegate_b)
    delegate = client.get(f"{API}/incidents").json()
    client.force_login(personas.analyst)
    analyst = client.get(f"{API}/incidents").json()

    assert [i["location"] for i in public["items"]] == ["Panj"]
    assert delegate["count"] == 2
    assert [i["location"] for i in analyst["items"]] == ["Osh", "Khorugh", "Panj"]


def test_it_filters_incidents_by_the_page_filters(client, personas):
    _data(personas)
    client.force_login(personas.analyst)

    def locations(query: str) -> list[str]:
        return [i["location"] for i in client.get(f"{API}/incidents?{query}").json()["items"]]

    assert locations("country=KG") == ["Osh"]
    assert locations("category=border") == ["Khorugh"]
    assert locations("from=2024-06-04&to=2024-06-10") == ["Khorugh"]
    assert locations("region=tajik-afghan-border") == ["Khorugh", "Panj"]
    assert locations("severity=3") == ["Khorugh"]
    assert locations("limit=1&offset=1") == ["Khorugh"]


def test_it_answers_a_wrong_filter_with_a_problem_naming_it(client, personas):
    response = client.get(f"{API}/incidents?category=picnic")

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "category"


def test_it_filters_by_several_categories_and_countries(client, personas):
    _data(personas)
    client.force_login(personas.analyst)

    def locations(query: str) -> list[str]:
        return [i["location"] for i in client.get(f"{API}/incidents?{query}").json()["items"]]

    def total(query: str) -> int:
        return int(client.get(f"{API}/situation/summary?from=2024-06-01&to=2024-06-30&{query}")
                   .json()["total"])

    assert locations("country=KG&country=TJ&category=border") == ["Khorugh"]
    assert locations("category=border&category=drug_trafficking&country=TJ") == [
        "Khorugh", "Panj"]
    assert locations("country=kg,tj") == ["Osh", "Khorugh", "Panj"]
    assert total("country=KG&country=TJ") == 3
    assert total("category=border&category=drug_trafficking&country=TJ&zoom=8") == 2
    assert total("category=border&country=KG&country=TJ") == 1


def test_it_names_the_unknown_value_of_a_list_filter(client, personas):
    client.force_login(personas.analyst)

    for url in (f"{API}/situation/summary?category=border&category=picnic",
                f"{API}/incidents?country=TJ&country=ZZ"):
        response = client.get(url)

        assert response.status_code == 422
        error = response.json()["errors"][0]
        assert error["field"] in {"category", "country"}
        assert ("picnic" if error["field"] == "category" else "ZZ") in error["message"]


def test_it_answers_an_invisible_incident_as_missing(client, personas):
    hidden = incident(personas.secretariat, classification=Classification.CONFIDENTIAL,
                      release_to_all_members=False)
    client.force_login(personas.delegate_a)

    response = client.get(f"{API}/incidents/{hidden.public_id}")

    assert response.status_code == 404
    client.force_login(personas.analyst)
    assert client.get(f"{API}/incidents/{hidden.public_id}").json()["classification"] == \
        "confidential"


_INDICATOR = {"name_ru": "Столкновения на границе", "name_en": "Border clashes", "orange": 2, "red": 4}


@pytest.mark.parametrize("endpoint", [
    ("get", "/incidents/{}", None),
    ("patch", "/incidents/{}", {"narrative": "Corrected."}),
    ("put", "/indicators/{}", _INDICATOR),
    ("get", "/alerts/{}", None),
    ("get", "/alerts/{}/cap", None),
], ids=lambda endpoint: f"{endpoint[0]} {endpoint[1]}")
@pytest.mark.parametrize("malformed", ["0", "not-an-id", "1" * 33])
def test_it_answers_a_malformed_id_exactly_as_a_missing_one(client, personas, endpoint, malformed):
    method, path, payload = endpoint
    client.force_login(personas.analyst)

    def ask(public_id: str):
        call = getattr(client, method)
        if payload is None:
            return call(f"{API}{path.format(public_id)}")
        return call(f"{API}{path.format(public_id)}", payload, content_type="application/json")

    bad = ask(malformed)
    missing = ask(str(uuid.uuid4()))

    assert (bad.status_code, bad["Content-Type"]) == (404, "application/problem+json")
    assert {k: v for k, v in bad.json().items() if k != "instance"} == \
        {k: v for k, v in missing.json().items() if k != "instance"}


def test_it_summarises_counts_by_category_country_and_week_within_labels(client, personas):
    _data(personas)
    client.force_login(personas.delegate_b)

    summary = client.get(f"{API}/situation/summary?zoom=3").json()

    assert summary["total"] == 2
    assert sorted((c["category"], c["country"], c["week"], c["count"])
                  for c in summary["counts"]) == [
        ("border", "TJ", "2024-06-03", 1), ("drug_trafficking", "TJ", "2024-06-03", 1)]
    assert summary["by_country"] == [{"country": "TJ", "count": 2}]
    assert sum(c["count"] for c in summary["clusters"]) == 2
    # Regions overlap: both Tajik incidents lie in the border provinces, in Central Asia and in
    # the CSTO; the Kyrgyz one in Osh is not the delegate's to see.
    assert {r["region"]: r["count"] for r in summary["by_region"]} == {
        "central-asia": 2, "tajik-afghan-border": 2, "csto": 2}


def test_the_summary_is_the_document_its_schema_describes(client, personas):
    _data(personas)
    client.force_login(personas.analyst)

    response = client.get(f"{API}/situation/summary?from=2024-01-01&to=2024-12-31&zoom=3")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    # Every field the schema names and nothing else, each of its type, down to the rows.
    assert SummaryOut.model_validate(body, strict=False).model_dump(mode="json") == body
    assert body["weeks"] == ["2024-06-03", "2024-06-10"]
    assert body["total"] == 3 and body["zoom"] == 3


def test_it_clusters_more_coarsely_at_a_lower_zoom(client, personas):
    _data(personas)
    client.force_login(personas.analyst)

    near = client.get(f"{API}/situation/summary?zoom=8").json()["clusters"]
    far = client.get(f"{API}/situation/summary?zoom=1").json()["clusters"]

    assert len(near) == 3
    assert len(far) == 1
    assert far[0]["count"] == 3 and far[0]["severity"] == 3


def test_it_shows_an_incident_with_its_sources_figures_and_the_record_it_joined(client, personas):
    kept = incident(personas.secretariat, fatalities=2, sources="RIA")
    duplicate = incident(personas.secretariat, fatalities=4, sources="TASS")
    services.incident_merge(actor=personas.analyst, survivor=kept, duplicate=duplicate)
    client.force_login(personas.analyst)

    survivor = client.get(f"{API}/incidents/{kept.public_id}").json()
    joined = client.get(f"{API}/incidents/{duplicate.public_id}").json()

    assert [(f["source_kind"], f["source_name"], f["fatalities"])
            for f in survivor["figures"]] == [("merged_record", "TASS", 4)]
    assert survivor["merged_into"] is None
    assert joined["merged_into"] == str(kept.public_id)
    assert (joined["id"], joined["classification"]) == (str(duplicate.public_id), "official_use")
