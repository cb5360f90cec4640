"""The second person's decision on a lower label, from the page of changes waiting."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

NOBODYS = "00000000-0000-4000-8000-000000000000"


def test_a_label_change_nobody_may_decide_answers_as_a_missing_one(client, personas):
    client.force_login(personas.officer)

    answer = client.post(reverse("portal:label-change-decide", args=[NOBODYS]),
                         {"decision": "approve"})

    assert answer.status_code == 404


def test_a_decision_that_is_neither_approve_nor_refuse_is_said_on_the_page(client, personas):
    client.force_login(personas.officer)

    answer = client.post(reverse("portal:label-change-decide", args=[NOBODYS]),
                         {"decision": "maybe"}, follow=True)

    assert answer.redirect_chain[-1][0] == reverse("portal:label-changes")
    assert [m.level_tag for m in answer.context["messages"]] == ["error"]


def test_only_a_signed_in_post_decides(client, personas):
    url = reverse("portal:label-change-decide", args=[NOBODYS])

    assert client.get(url).status_code == 405
    assert client.post(url, {"decision": "approve"})["Location"].startswith(
        reverse("accounts:login"))


def test_the_first_column_names_the_record_a_noun_in_russian(personas):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_login(personas.officer)

    page = client.get(reverse("portal:label-changes")).content.decode()

    assert "<thead><tr><th>Запись</th>" in page
    assert "Объект" not in page
