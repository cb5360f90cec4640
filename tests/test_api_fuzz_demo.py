"""The bounded run of generated requests on the demo organization, where every id or code in a
path names a record that the list endpoints gave: the read paths then return real rows, which
the document must describe as faithfully as it describes the refusals."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.db import transaction
from django.test import Client, override_settings
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from schemathesis.checks import positive_data_acceptance

from concord.accounts.models import User
from concord.accounts.services import token_create
from concord.core.actors import SYSTEM
from concord.demo.steps import load_all
from concord.monitoring.services import import_run, import_start
from concord.monitoring.tests.factories import ACLED_HEADER, acled_row
from config.wsgi import application

pytestmark = pytest.mark.slow

EXAMPLES = 6
# The demo's own users: a secretariat officer, the delegate of a state cleared for OFFICIAL USE,
# a crisis centre analyst, and the public.
PERSONAS = ("officer", "delegate.tj", "analyst", "anonymous")
API = "/api/v1"
# Where the records a path names are listed, by the path's parameter; a `code` is listed by the
# collection it follows in the path.
LISTS = {"alert_id": "/alerts", "document_id": "/documents", "import_id": "/imports",
         "incident_id": "/incidents",
         "indicator_id": "/indicators", "instruction_id": "/instructions",
         "official_id": "/officials", "report_id": "/implementation-reports",
         "session_id": "/sessions",
         # Participants and agenda items are listed in the answers on their sessions.
         "participant_id": "/sessions#participants", "item_id": "/sessions#agenda"}
# Joint operations: their results are listed across operations; a stage is named by its number
# in the answer on its operation.
LISTS.update({"operation_id": "/forces/operations", "result_id": "/forces/operations/results",
              "stage_number": "/forces/operations#stages"})
# Assistance: requests are listed; their pledges and deliveries at the request's own addresses,
# and pledge lines inside the pledges.
LISTS.update({"request_id": "/assistance/requests",
              "pledge_id": "/assistance/requests#/pledges",
              "pledge_line_id": "/assistance/requests#/pledges#lines",
              "delivery_id": "/assistance/requests#/deliveries"})
# Crisis cases are listed by their own list, under the ids their paths take.
LISTS.update({"case_id": "/crisis/cases"})
# A case's tasks and facilities are listed at the case's own addresses (to the signed-in).
LISTS.update({"task_id": "/crisis/cases#/tasks", "facility_id": "/crisis/cases#/facilities"})
CODES = ("/bodies", "/member-states")
# The fields of a query or a body that name a record, and where such records are listed.
REFERENCES = {"session": "/sessions", "document": "/documents", "body": "/bodies",
              "addressee_body": "/bodies", "state": "/member-states", "chair": "/member-states",
              "addressee_state": "/member-states", "rapporteur": "/officials"}

# The press's ninjs documents are addressed by an item's number and a language, which the list
# gives only inside each document's URI; they are run on generated values by test_api_fuzz.py,
# and every public route is read with a hidden record planted by the press's own tests.
NOT_YET_ON_THE_DEMO = r"^/api/v1/press/"
# The forces' formations, units and exercises: each listed by its own collection.
LISTS.update({"formation_id": "/forces/formations", "unit_id": "/forces/units",
              "exercise_id": "/forces/exercises"})
schema = schemathesis.openapi.from_path(Path(__file__).resolve().parent.parent / "docs" /
                                        "openapi.json").exclude(path_regex=NOT_YET_ON_THE_DEMO)
schema.app = application


def list_of(path: str, name: str) -> str:
    if name in LISTS:
        return LISTS[name]
    collection = path.removeprefix(API).split("/{")[0]
    assert collection in CODES, f"{path}: no list names the records of {{{name}}}"
    return collection


@dataclass
class Records:
    """The keys each persona's lists give, and those the current test draws its paths from."""

    listed: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    drawing: dict[str, list[str]] = field(default_factory=dict)

    def draw_for(self, persona: str) -> None:
        # The persona's own records first, then those only others may read: a hidden record must
        # answer as a missing one does, and the document must hold for both.
        self.drawing = {}
        for source, keys in self.listed[persona].items():
            others = [key for listed in self.listed.values() for key in listed[source]]
            self.drawing[source] = list(dict.fromkeys(keys + others))


RECORDS = Records()


@schema.hook
def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any] | None) -> Any:
    if not path_parameters:
        return st.just(path_parameters)
    path = context.operation.path
    return st.fixed_dictionaries({
        name: st.sampled_from(RECORDS.drawing[list_of(path, name)]) for name in path_parameters})


@schema.hook
def flatmap_case(context: Any, case: Any) -> Any:
    # Only a field given as a string is replaced: one the generator left out, or gave a value
    # of another type, stays as it is, and the case is still the refusal it was meant to be.
    containers = [case.query, *([case.body] if isinstance(case.body, dict) else [])]
    slots = [(container, name, source) for container in containers
             for name, source in REFERENCES.items() if isinstance(container.get(name), str)]
    if not slots:
        return st.just(case)

    def named(keys: tuple[str, ...]) -> Any:
        for (container, name, _source), key in zip(slots, keys, strict=True):
            container[name] = key
        return case

    return st.tuples(*(st.sampled_from(RECORDS.drawing[source])
                       for _container, _name, source in slots)).map(named)


def _keys(client: Client, source: str, headers: dict[str, str]) -> list[str]:
    if "#/" in source:
        # Listed at an address of each record of another list; `#field` then names the rows
        # nested in each of those.
        collection, rest = source.split("#/", 1)
        address, _sep, nested = rest.partition("#")
        rows = []
        for key in _keys(client, collection, headers):
            answer = client.get(f"{API}{collection}/{key}/{address}", headers=headers)
            if not headers and answer.status_code == HTTPStatus.UNAUTHORIZED:
                continue  # rows only the signed-in are shown (a case's tasks)
            found = answer.json()
            rows.extend(found["items"] if isinstance(found, dict) else found)
        if nested:
            rows = [inner for row in rows for inner in row[nested]]
        return [str(row["id"]) for row in rows]
    if "#" in source:
        sessions, part = source.split("#")
        # A part's rows are named by their id, or by their number where they have none.
        return [str(row["id"] if "id" in row else row["number"])
                for key in _keys(client, sessions, headers)
                for row in client.get(f"{API}{sessions}/{key}", headers=headers).json()[part]]
    response = client.get(f"{API}{source}", {"limit": 500}, headers=headers)
    if not headers and response.status_code == HTTPStatus.UNAUTHORIZED:
        return []  # a list only the signed-in have (their own imports)
    assert response.status_code == 200, (source, response.content)
    found = response.json()
    rows = found["items"] if isinstance(found, dict) else found
    return [str(row["code"] if source in CODES else row["id"]) for row in rows]


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Records]:
    # Loaded once for the module, inside a transaction that each test's own nests in and that
    # is rolled back at the end: no test sees another's writes, and nothing outlives the module.
    audit = tmp_path_factory.mktemp("demo-audit")
    with django_db_blocker.unblock(), override_settings(
            CONCORD_AUDIT_KEY_FILE=audit / "checkpoint-ed25519.pem",
            CONCORD_AUDIT_CHAIN_KEY_FILE=audit / "audit-chain.key",
            CONCORD_AUDIT_CHECKPOINT_DIR=audit / "checkpoints"), transaction.atomic():
        load_all(password="demo password for the fuzz run")
        # The demo keeps no import; the analyst makes one, so that an import's address names a
        # real record.
        started = import_start(actor=User.objects.get(username="analyst"), fmt="acled",
                               file_name="june.csv",
                               upload=io.BytesIO(f"{ACLED_HEADER}\n{acled_row()}\n".encode()))
        import_run(public_id=str(started.public_id))
        RECORDS.tokens = {
            name: token_create(actor=SYSTEM, user=User.objects.get(username=name),
                               name="fuzz").plaintext
            for name in PERSONAS if name != "anonymous"}
        client = Client()
        for persona in PERSONAS:
            headers = ({"Authorization": f"Bearer {RECORDS.tokens[persona]}"}
                       if persona in RECORDS.tokens else {})
            RECORDS.listed[persona] = {source: _keys(client, source, headers)
                                       for source in (*LISTS.values(), *CODES)}
        yield RECORDS
        transaction.set_rollback(True)


def test_it_finds_records_for_every_path_to_name(demo):
    # A list the demo leaves empty would let the run fall back on ids that name nothing.
    empty = [source for source in (*LISTS.values(), *CODES)
             if not any(listed[source] for listed in demo.listed.values())]

    assert empty == []


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_it_reads_a_listed_record_at_every_address_that_names_one(demo, persona,
                                                                   connection_kept):
    # What the run draws from is real: the first record each list gives the persona is there to
    # read at every address that names such a record (where the persona's list gives one).
    headers = ({"Authorization": f"Bearer {demo.tokens[persona]}"}
               if persona in demo.tokens else {})
    client = Client()
    answers = {}
    for path, operations in schema.raw_schema["paths"].items():
        if re.match(NOT_YET_ON_THE_DEMO, path):
            continue
        parameters = operations.get("get", {}).get("parameters", [])
        names = [p["name"] for p in parameters if p["in"] == "path"]
        keys = {name: demo.listed[persona][list_of(path, name)] for name in names}
        # An address that also needs a query (the statement a key signs on a day) names more
        # than a record; the generated requests cover it.
        asks_more = any(p["in"] == "query" and p.get("required") for p in parameters)
        # What only the signed-in may read answers a signed-out caller 401, whatever it names.
        signed_in_only = not headers and bool(operations.get("get", {}).get("security"))
        if not names or not all(keys.values()) or asks_more or signed_in_only:
            continue
        address = path
        for name in names:
            address = address.replace(f"{{{name}}}", keys[name][0])
        answers[path] = client.get(address, headers=headers).status_code
        # A record there but in a state the address does not serve (a draft has no Akoma Ntoso)
        # answers as the operation declares.
        if answers[path] == 409 and "409" in operations["get"].get("responses", {}):
            answers[path] = 200

    assert {path: status for path, status in answers.items() if status != 200} == {}
    assert len(answers) >= 13  # of 17; some of the public's lists are empty


@pytest.fixture
def drawn(demo: Records, persona: str, connection_kept: None) -> Records:
    demo.draw_for(persona)
    return demo


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
def test_it_answers_requests_on_real_records_as_declared(case, persona, drawn):
    headers = ({"Authorization": f"Bearer {drawn.tokens[persona]}"}
               if persona in drawn.tokens else {})
    # The rest of the body and the query is generated, and may be refused.
    if headers:
        # The token is the persona's credential; a session cookie the generator made up beside
        # it would be a second one, of nobody, that the token overrides.
        case.cookies.pop("sessionid", None)
        # Set on the case, not only on the call, so that a header generated as invalid and
        # replaced by the token no longer counts as the invalid part of a negative case.
        case.headers = {**(case.headers or {}), **headers}
    # The ids in the path, the query and the body were replaced by listed ones (the hooks
    # above): said so, they are checked again, and a replaced one counts as valid.
    case.path_parameters = dict(case.path_parameters or {})
    case.query = dict(case.query or {})
    if isinstance(case.body, dict):
        case.body = dict(case.body)
    case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

# The federation's received copies are listed at their own address.
LISTS["copy_id"] = "/federation/copies"
# Assistance's end-use certificates are listed at each request's address.
LISTS["certificate_id"] = "/assistance/requests#/end-use-certificates"
