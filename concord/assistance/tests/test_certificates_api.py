"""End-use certificates through the API: the recipient issues one for a pledge's
military-technical lines and signs it with a signature made elsewhere, checked on arrival; bad
input is refused naming the field and writes nothing; a withheld pledge's certificate is
missing to the other states."""

from __future__ import annotations

import json
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.test import Client

from concord.assistance.models import EndUseCertificate
from concord.assistance.services import handover
from concord.assistance.tests import fixtures_alloc
from concord.assistance.tests.factories import certified, delegate, opened, pledge
from concord.core.actors import SYSTEM
from concord.council import signing
from concord.council.services import signatures
from concord.registry.tests.factories import official

pytestmark = pytest.mark.django_db
keys_in_a_temporary_var_dir = fixtures_alloc.keys_in_a_temporary_var_dir
API = "/api/v1/assistance"


@pytest.fixture
def pledged(org, personas):
    """Russia's pledge of 60 rifles, 10 night-vision devices and 2 outposts to Tajikistan."""
    record = opened(org, personas)
    return record, pledge(record, personas.delegate_a, {1: 60, 2: 10, 3: 2})


@pytest.fixture
def kept_elsewhere(org):
    """A Tajik official's key whose private half this installation never holds."""
    signer = official("Rajabali Rahmonali", "Раджабали Рахмонали", state=org.states["TJ"])
    private = Ed25519PrivateKey.generate()
    key = signatures.signer_key_register(actor=SYSTEM, official=signer,
                                         public_key=signing.public_key_b64(private))
    return key, private


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


TERMS = {"number": "EUC-2020-1", "issued_on": "2020-01-02",
         "end_user_ru": "Пограничные войска ГКНБ",
         "restriction_ru": "Исключительно для охраны границы"}


def test_it_issues_signs_and_downloads_a_certificate_through_the_api(
        pledged, kept_elsewhere, personas):
    record, made = pledged
    key, private = kept_elsewhere
    tajik = _as(personas.delegate_b)

    issued = tajik.post(f"{API}/pledges/{made.public_id}/end-use-certificates", TERMS,
                        content_type="application/json")
    assert issued.status_code == 201, issued.content
    body = issued.json()
    # The outposts are engineering works: no certificate is asked for them.
    assert body["lines"] == [1, 2] and body["signed"] is False and body["valid"] is False
    url = f"{API}/end-use-certificates/{body['id']}"
    assert tajik.get(f"{url}/download").status_code == 404

    certificate = EndUseCertificate.objects.get(public_id=body["id"])
    statement = handover.certificate_statement(certificate=certificate, key=key,
                                               signed_on=date(2020, 1, 3))
    signed = tajik.post(f"{url}/signature", {"key_fingerprint": key.fingerprint,
                                             "signed_on": "2020-01-03",
                                             "signature": signing.sign(private, statement)},
                        content_type="application/json")

    assert signed.status_code == 201, signed.content
    assert signed.json()["valid"] is True and signed.json()["official"] == "Раджабали Рахмонали"
    listed = tajik.get(f"{API}/requests/{record.public_id}/end-use-certificates").json()
    assert [(row["number"], row["signed"]) for row in listed] == [("EUC-2020-1", True)]
    download = tajik.get(f"{url}/download")
    assert download["Content-Disposition"].endswith(f'-{body["id"]}.json"')
    saved = json.loads(download.content)
    assert saved["valid_when_downloaded"] is True
    assert signing.signature_valid(saved["signer"]["public_key"], saved["statement"],
                                   saved["signature"])


def test_it_refuses_a_forged_signature_naming_it_and_leaves_the_certificate_unsigned(
        pledged, kept_elsewhere, personas):
    _record, made = pledged
    key, _private = kept_elsewhere
    tajik = _as(personas.delegate_b)
    body = tajik.post(f"{API}/pledges/{made.public_id}/end-use-certificates", TERMS,
                      content_type="application/json").json()
    url = f"{API}/end-use-certificates/{body['id']}/signature"
    forged = signing.sign(Ed25519PrivateKey.generate(), {"certificate": body["id"]})

    refused = {
        "forged": tajik.post(url, {"key_fingerprint": key.fingerprint, "signature": forged},
                             content_type="application/json"),
        "not base64": tajik.post(url, {"key_fingerprint": key.fingerprint,
                                       "signature": "not base64!"},
                                 content_type="application/json"),
        "no such key": tajik.post(url, {"key_fingerprint": "0" * 64, "signature": forged},
                                  content_type="application/json"),
    }

    assert {name: (answer.status_code, [e["field"] for e in answer.json()["errors"]])
            for name, answer in refused.items()} == {
        "forged": (422, ["body.signature"]), "not base64": (422, ["body.signature"]),
        "no such key": (422, ["body.key_fingerprint"])}
    assert not EndUseCertificate.objects.get(public_id=body["id"]).is_signed


def test_it_refuses_bad_terms_naming_the_field_and_issues_nothing(pledged, personas):
    _record, made = pledged
    url = f"{API}/pledges/{made.public_id}/end-use-certificates"
    tajik = _as(personas.delegate_b)
    assert tajik.post(url, TERMS, content_type="application/json").status_code == 201

    answers = {
        "again": tajik.post(url, TERMS, content_type="application/json"),
        "stray line": tajik.post(url, {**TERMS, "number": "EUC-2", "lines": [1, 7]},
                                 content_type="application/json"),
        "no end user": tajik.post(url, {**TERMS, "number": "EUC-3", "end_user_ru": " "},
                                  content_type="application/json"),
        "too long": tajik.post(url, {**TERMS, "number": "E" * 61},
                               content_type="application/json"),
    }

    assert {name: (answer.status_code, [e["field"] for e in answer.json()["errors"]])
            for name, answer in answers.items()} == {
        "again": (422, ["body.number"]), "stray line": (422, ["body.lines[2]"]),
        "no end user": (422, ["body.end_user_ru"]), "too long": (422, ["body.number"])}
    assert EndUseCertificate.objects.filter(pledge=made).count() == 1


def test_it_lets_only_the_recipient_issue_and_sign(pledged, personas, org):
    _record, made = pledged
    russian = _as(personas.delegate_a)

    issued = russian.post(f"{API}/pledges/{made.public_id}/end-use-certificates", TERMS,
                          content_type="application/json")
    signed_out = Client().post(f"{API}/pledges/{made.public_id}/end-use-certificates", TERMS,
                               content_type="application/json")

    assert (issued.status_code, signed_out.status_code) == (403, 401)
    assert not EndUseCertificate.objects.exists()


def test_it_hides_a_withheld_pledges_certificate_from_another_state(org, personas):
    record = opened(org, personas)
    hidden = pledge(record, delegate(org, "BY"), {1: 5}, release_to_all_members=False)
    certificate = certified(record, hidden, personas.delegate_b)
    kazakh = _as(delegate(org, "KZ"))
    url = f"{API}/end-use-certificates/{certificate.public_id}"

    assert kazakh.get(url).status_code == 404
    assert kazakh.get(f"{url}/download").status_code == 404
    assert kazakh.get(f"{API}/requests/{record.public_id}/end-use-certificates").json() == []
    assert kazakh.post(f"{API}/pledges/{hidden.public_id}/end-use-certificates",
                       {**TERMS, "number": "EUC-KZ"},
                       content_type="application/json").status_code == 404
    assert _as(personas.delegate_b).get(url).json()["number"] == certificate.number
