"""The API contract: the committed docs/openapi.json is the schema the code serves, and the
interactive documentation works on an air-gapped network."""

from __future__ import annotations

import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders
from ninja import Schema
from ninja.responses import NinjaJSONEncoder

from config.api import api

SNAPSHOT = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def _normalised(value: object) -> object:
    return json.loads(json.dumps(value, cls=NinjaJSONEncoder, sort_keys=True))


def test_it_serves_the_committed_api_contract():
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    live = _normalised(api.get_openapi_schema())

    assert live == committed, (
        "The API schema differs from docs/openapi.json. If the change is intended, run "
        "`make openapi` and commit docs/openapi.json with it; if not, the change breaks the "
        "API's published contract.")


def _subclasses(cls: type) -> list[type]:
    return [sub for direct in cls.__subclasses__() for sub in (direct, *_subclasses(direct))]


def test_it_gives_each_shape_of_the_document_its_own_name():
    # The document keys its schemas by class name: two classes of one name would be described
    # as one, and the answers of one of them would not match what the document says of them.
    names: dict[str, set[str]] = {}
    for schema in _subclasses(Schema):
        if schema.__module__.startswith(("concord.", "config.")):
            names.setdefault(schema.__name__, set()).add(schema.__module__)

    assert {name: modules for name, modules in names.items() if len(modules) > 1} == {}


def test_it_declares_404_only_where_the_path_names_a_record():
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))

    misdeclared = [
        f"{method.upper()} {path}" for path, operations in committed["paths"].items()
        for method, operation in operations.items()
        if ("404" in operation["responses"])
        != any(p["in"] == "path" for p in operation.get("parameters", []))]

    assert misdeclared == []
    # A record that the body names is a field's value: refused with 422.
    assert "422" in committed["paths"]["/api/v1/documents"]["post"]["responses"]


def test_it_publishes_the_schema_at_its_address(client, db):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Concord API"
    assert "/api/v1/member-states" in response.json()["paths"]


def _assets(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', page)


def test_it_serves_the_api_docs_with_assets_from_its_own_static_files(client, db):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    assets = _assets(response.content.decode())
    assert any(url.endswith("swagger-ui-bundle.js") for url in assets)
    assert all(url.startswith("/static/") for url in assets), assets  # no CDN host


def test_it_ships_every_asset_the_api_docs_load(client, db):
    page = client.get("/api/v1/docs").content.decode()

    for url in _assets(page):
        assert finders.find(url.removeprefix("/static/")), f"{url} is not among the static files"
