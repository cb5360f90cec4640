"""A request and its commitments as EDXL-RM 1.0 and as HXL-tagged tables: labels carried, and
a pledge withheld from the reader never written."""

from __future__ import annotations

import csv
import io
from xml.etree import ElementTree as ET

import pytest
from django.test import Client
from openpyxl import load_workbook

from concord.assistance.outputs.edxl import LABEL, MSG, RM
from concord.assistance.tests import fixtures_alloc
from concord.assistance.tests.factories_alloc import border_request, pledge

pytestmark = pytest.mark.django_db
org = fixtures_alloc.org
english = fixtures_alloc.english
keys_in_a_temporary_var_dir = fixtures_alloc.keys_in_a_temporary_var_dir


@pytest.fixture
def pledged(org):
    """Russia commits openly; Kazakhstan commits to the requester and the secretariat only."""
    request = border_request(org)
    pledge(org, request, "RU", {1: 60, 2: 40}, through="committed", agreement_reference="AG-1")
    pledge(org, request, "KZ", {1: 25}, withheld=True, through="committed")
    return request


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _xml(client, request, message) -> ET.Element:
    answer = client.get(f"/api/v1/assistance/requests/{request.public_id}/edxl",
                        {"message": message})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("application/xml")
    return ET.fromstring(answer.content)  # noqa: S314  (our own answer)


def test_it_writes_the_request_as_an_edxl_rm_request_with_its_label(pledged, personas):
    root = _xml(_client(personas.delegate_a), pledged, "request")

    assert root.tag == f"{{{MSG}}}RequestResource"
    assert root.findtext(f"{{{MSG}}}MessageContentType") == "RequestResource"
    amounts = [element.text for element in root.iter(f"{{{RM}}}Amount")]
    assert amounts == ["100", "40", "4"]
    label = root.find(f"{{{LABEL}}}Label")
    assert label is not None and label.get("classification") == "official_use"
    assert label.get("originator") == "TJ" and label.get("releaseToAllMembers") == "true"


def test_it_writes_only_the_commitments_the_reader_may_see(pledged, personas):
    seen_by_russia = _xml(_client(personas.delegate_a), pledged, "commitments")
    seen_by_tajikistan = _xml(_client(personas.delegate_b), pledged, "commitments")

    def providers(root):
        return sorted(element.text for element in root.iter(f"{{{RM}}}OwningJurisdiction"))

    assert providers(seen_by_russia) == ["RU", "RU"]
    assert providers(seen_by_tajikistan) == ["KZ", "RU", "RU"]
    withheld = next(info for info in seen_by_tajikistan.iter(f"{{{MSG}}}ResourceInformation")
                    if info.findtext(f".//{{{RM}}}OwningJurisdiction") == "KZ")
    label = withheld.find(f"{{{LABEL}}}Label")
    assert label is not None
    assert label.get("releaseToAllMembers") == "false"
    assert label.get("releasableTo") == "SEC TJ"
    assert b"KZ" not in ET.tostring(seen_by_russia)


def test_it_refuses_an_unknown_message_naming_the_parameter(pledged, personas):
    answer = _client(personas.delegate_a).get(
        f"/api/v1/assistance/requests/{pledged.public_id}/edxl", {"message": "offer"})

    assert answer.status_code == 422 and "query.message" in str(answer.json())


def _csv(client, request, table) -> list[list[str]]:
    answer = client.get(f"/api/v1/assistance/requests/{request.public_id}/hxl/{table}",
                        {"format": "csv"})
    assert answer.status_code == 200
    return list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))


def test_it_tags_the_lines_for_hxl_and_counts_only_visible_pledges(pledged, personas):
    for_russia = _csv(_client(personas.delegate_a), pledged, "lines")
    for_tajikistan = _csv(_client(personas.delegate_b), pledged, "lines")

    header, tags = for_russia[0], for_russia[1]
    assert tags[header.index("pledged")] == "#indicator+pledged+num"
    assert tags[-4:] == ["#meta+classification", "#org+originator+code", "#meta+release+all",
                         "#meta+releasable+code"]
    first = dict(zip(header, for_russia[2], strict=True))
    assert first["pledged"] == "60" and first["gap"] == "40"
    assert first["classification"] == "official_use" and first["originator"] == "TJ"
    assert dict(zip(header, for_tajikistan[2], strict=True))["pledged"] == "85"


def test_it_exports_the_pledges_the_reader_may_see_with_their_labels(pledged, personas):
    for_russia = _csv(_client(personas.delegate_a), pledged, "pledges")
    answer = _client(personas.delegate_b).get(
        f"/api/v1/assistance/requests/{pledged.public_id}/hxl/pledges", {"format": "xlsx"})

    states = [row[for_russia[0].index("state")] for row in for_russia[2:]]
    assert states == ["RU", "RU"]
    sheet = load_workbook(io.BytesIO(answer.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "#activity+code"
    kazakh = [row for row in rows[2:] if row[3] == "KZ"]
    assert len(kazakh) == 1
    assert kazakh[0][-2:] == ("false", "SEC;TJ")
