"""A case opened from a request for assistance: the pledges made on the request, audited by the
assistance app's own service, are written to the case's log in the same transaction."""

from __future__ import annotations

import pytest

from concord.assistance.tests import factories as assistance
from concord.core.models import AuditEntry
from concord.crisis.models import LogEntry
from concord.crisis.services import cases as services
from concord.registry.tests.factories import organization

pytestmark = pytest.mark.django_db


def test_it_writes_a_pledge_on_the_cases_request_to_the_case_log(personas):
    org = organization()
    request = assistance.opened(org, personas)
    case = services.case_open_from_request(actor=personas.analyst, request=request)

    pledge = assistance.pledge(request, personas.delegate_a, {1: 40})

    entries = list(LogEntry.objects.visible_to(personas.officer).filter(case=case)
                   .order_by("at", "pk"))
    assert case.opened_from == "request"
    assert [e.stream for e in entries] == ["crisis", "assistance"]
    assert entries[-1].what == f"Pledge made: {pledge}"
    audit = AuditEntry.objects.get(seq=entries[-1].audit_seq or 0)
    assert (audit.action, audit.target_id) == ("assistance.pledge.make", str(pledge.public_id))


def test_it_logs_nothing_of_a_pledge_on_a_request_no_case_holds(personas):
    org = organization()
    request = assistance.opened(org, personas)
    other = assistance.opened(org, personas, title_ru="Другая заявка")
    case = services.case_open_from_request(actor=personas.analyst, request=request)

    assistance.pledge(other, personas.delegate_a, {1: 10})

    assert LogEntry.objects.visible_to(personas.officer).filter(case=case).count() == 1
