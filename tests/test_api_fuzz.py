"""A bounded run of generated requests against every API operation, as each persona: no answer
is a server error, and every answer (status, content type, headers, body) is one the OpenAPI
document declares for that operation."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import positive_data_acceptance

from concord.accounts.services import token_create
from concord.core.actors import SYSTEM
from config.wsgi import application

pytestmark = pytest.mark.slow

# Few examples per operation and persona, always the same ones: a fixed, bounded run.
EXAMPLES = 6
PERSONAS = ("officer", "delegate_b", "analyst", "anonymous")

# The committed document, which tests/test_openapi.py holds equal to the one served.
schema = schemathesis.openapi.from_path(Path(__file__).resolve().parent.parent / "docs" /
                                        "openapi.json")
schema.app = application


@pytest.fixture
def tokens(personas, connection_kept):
    return {name: token_create(actor=SYSTEM, user=user, name="fuzz").plaintext
            for name, user in personas.all().items() if name != "anonymous"}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
def test_it_answers_every_generated_request_as_declared(case, persona, tokens):
    headers = {"Authorization": f"Bearer {tokens[persona]}"} if persona in tokens else {}
    # Every check but the one that expects a schema-valid request to succeed: generated ids name
    # no record, and a refusal for that is the declared answer.
    if headers:
        # The token is the persona's credential; a session cookie the generator made up beside
        # it would be a second one, of nobody, that the token overrides.
        case.cookies.pop("sessionid", None)
    case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])
