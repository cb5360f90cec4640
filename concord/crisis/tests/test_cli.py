"""`concord crisis open --from-alert ID --user NAME` opens a case from an alert, and names what
it refuses."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from concord.crisis.models import Case
from concord.crisis.tests import factories

pytestmark = pytest.mark.django_db


def test_it_opens_a_case_from_an_alert_on_the_command_line(personas):
    alert = factories.alert(personas)
    out = StringIO()

    call_command("crisis", "open", "--from-alert", str(alert.public_id), "--user", "analyst",
                 stdout=out)

    case = Case.objects.visible_to(personas.analyst).get()
    assert out.getvalue().split("\t")[0] == str(case.public_id)
    assert (case.opened_from, case.title) == ("alert", "Incidents at Panj")


def test_it_names_an_alert_it_cannot_find(personas):
    with pytest.raises(CommandError, match="--from-alert 00000000-0000-4000-8000-000000000000"):
        call_command("crisis", "open", "--from-alert", "00000000-0000-4000-8000-000000000000",
                     "--user", "analyst")


def test_it_names_an_unknown_user(personas):
    with pytest.raises(CommandError, match="--user: no active user 'nobody'"):
        call_command("crisis", "open", "--from-alert", "x", "--user", "nobody")
