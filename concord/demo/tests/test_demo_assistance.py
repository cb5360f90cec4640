"""The demo's Sochi 2013 request: its military items shipped under Tajikistan's signed end-use
certificates, and each accepted consignment closed by a handover act both sides signed."""

from __future__ import annotations

import pytest

from concord.assistance.models import EndUseCertificate, HandoverAct
from concord.assistance.services import handover
from concord.demo.steps import load_all

pytestmark = pytest.mark.django_db


def test_it_ships_the_sochi_aid_under_certificates_and_closes_it_with_signed_acts():
    load_all(password="demo-password-0123456789")
    certificates = {c.number: c for c in EndUseCertificate.objects.select_related("key")}

    assert set(certificates) == {"СКП-RU-2013", "СКП-KZ-2014"}
    assert all(handover.end_use_certificate_verify(certificate=c).valid
               for c in certificates.values())
    assert {c.recipient.iso_alpha2 for c in certificates.values()} == {"TJ"}
    acts = {a.number: a for a in HandoverAct.objects.all()}

    assert set(acts) == {"АКТ-RU-2013-01", "АКТ-RU-2014-01"}
    for act in acts.values():
        assert [(check.side, check.valid) for check in handover.handover_verify(act=act)] == [
            ("provider", True), ("recipient", True)]
