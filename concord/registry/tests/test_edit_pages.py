"""The edit pages: signed-out visitors are sent to sign in, delegates are refused, officers change
the registry; a wrong value comes back on the form with status 400 and nothing saved."""

from __future__ import annotations

from typing import Any

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from concord.core.models import AuditEntry
from concord.registry.models import Body, Chairmanship, MemberState, Official, Term
from concord.registry.services import STATE_FIELDS

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _state_form(code: str, **changes: Any) -> dict[str, Any]:
    data = model_to_dict(MemberState.objects.get(iso_alpha2=code), fields=STATE_FIELDS)
    return {**data, "joined_on": data["joined_on"].isoformat(), **changes}


def _audited(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


EDIT_PAGES = [
    ("registry:state-edit", lambda org: ["KG"]),
    ("registry:state-status", lambda org: ["KG"]),
    ("registry:body-edit", lambda org: ["SEC"]),
    ("registry:official-create", lambda org: []),
    ("registry:official-edit", lambda org: [org.studenikin.public_id]),
    ("registry:term-add", lambda org: [org.studenikin.public_id]),
    ("registry:chairmanship-record", lambda org: []),
]


@pytest.mark.parametrize("name, args", EDIT_PAGES)
def test_it_sends_a_signed_out_visitor_to_sign_in(client, org, name, args):
    url = reverse(name, args=args(org))

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


@pytest.mark.parametrize("name, args", EDIT_PAGES)
def test_it_refuses_a_delegate(client, org, personas, name, args):
    client.force_login(personas.delegate_a)

    response = client.get(reverse(name, args=args(org)), **EN)

    assert response.status_code == 403
    assert "Access denied" in response.content.decode()


@pytest.mark.parametrize("name, args", EDIT_PAGES)
def test_it_shows_the_form_to_an_officer(client, org, personas, name, args):
    client.force_login(personas.officer)

    response = client.get(reverse(name, args=args(org)))

    assert response.status_code == 200
    assert "<form" in response.content.decode()


def test_it_refuses_a_delegates_post_and_changes_nothing(client, org, personas):
    client.force_login(personas.delegate_a)

    response = client.post(reverse("registry:state-edit", args=["KG"]),
                           _state_form("KG", name_en="Kirghizia"))

    assert response.status_code == 403
    assert MemberState.objects.get(iso_alpha2="KG").name_en == "Kyrgyzstan"
    assert _audited("registry.member_state.update") == 0
    refusal = AuditEntry.objects.get(action="registry:state-edit.post")
    assert refusal.outcome == AuditEntry.Outcome.DENIED
    assert refusal.actor_id == personas.delegate_a.pk
    assert refusal.target_id == reverse("registry:state-edit", args=["KG"])


def test_it_lets_an_officer_rename_a_state_in_english(client, org, personas):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:state-edit", args=["KG"]),
                           _state_form("KG", name_en="Kyrgyz Republic"), follow=True, **EN)

    assert response.redirect_chain == [(reverse("registry:state-detail", args=["KG"]), 302)]
    page = response.content.decode()
    assert '<dd class="col-sm-7" lang="en">Kyrgyz Republic</dd>' in page
    assert "The member state was saved." in page
    assert _audited("registry.member_state.update") == 1


def test_it_shows_the_new_english_name_in_the_list(client, org, personas):
    client.force_login(personas.officer)
    client.post(reverse("registry:state-edit", args=["KG"]),
                _state_form("KG", name_en="Kyrgyz Republic"))

    page = client.get(reverse("registry:state-list"), **EN).content.decode()

    assert ">Kyrgyz Republic</a>" in page


def test_it_returns_a_bad_date_to_the_form_and_saves_nothing(client, org, personas):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:state-edit", args=["KG"]),
                           _state_form("KG", name_en="Kyrgyz Republic", joined_on="31.02.1992"),
                           **EN)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["joined_on"]
    assert 'id="id_joined_on_error"' in response.content.decode()
    assert "Enter a valid date." in response.content.decode()
    assert MemberState.objects.get(iso_alpha2="KG").name_en == "Kyrgyzstan"
    assert _audited("registry.member_state.update") == 0


def test_it_offers_the_capitals_time_zone_as_a_choice_and_names_one_that_is_not(
        client, org, personas):
    client.force_login(personas.officer)
    url = reverse("registry:state-edit", args=["KG"])
    zone = MemberState.objects.get(iso_alpha2="KG").capital_time_zone

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    response = client.post(url, _state_form("KG", capital_time_zone="Asia/Frunze-Atlantis"),
                           HTTP_ACCEPT_LANGUAGE="ru")

    assert '<select name="capital_time_zone"' in page
    assert f'<option value="{zone}" selected>' in page
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["capital_time_zone"]
    body = response.content.decode()
    assert 'href="#id_capital_time_zone"' in body  # the summary at the top leads to the field
    assert "Asia/Frunze-Atlantis — не часовой пояс. Выберите пояс из списка." in body
    assert MemberState.objects.get(iso_alpha2="KG").capital_time_zone == zone


def test_it_returns_an_empty_required_name_to_the_form(client, org, personas):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:state-edit", args=["KG"]),
                           _state_form("KG", name_ru=""), **EN)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["name_ru"]
    assert MemberState.objects.get(iso_alpha2="KG").name_ru == "Кыргызстан"


def test_it_shows_the_services_refusal_on_the_field_it_names(client, org, personas):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:state-status", args=["KG"]),
                           {"status": "suspended", "effective_on": "2024-03-01", "note": ""},
                           **EN)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["note"]
    assert "Give the ground for suspending or ending participation." in \
        response.content.decode()
    assert MemberState.objects.get(iso_alpha2="KG").status == "active"


def test_it_records_a_status_change_from_the_page(client, org, personas):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:state-status", args=["KG"]),
                           {"status": "suspended", "effective_on": "2024-03-01",
                            "note": "Participation frozen."}, **EN)

    assert response["Location"] == reverse("registry:state-detail", args=["KG"])
    assert MemberState.objects.get(iso_alpha2="KG").status == "suspended"
    assert _audited("registry.member_state.status_change") == 1


def test_it_refuses_to_make_a_body_report_to_one_below_it(client, org, personas):
    client.force_login(personas.officer)
    data = model_to_dict(org.csc, exclude=["id", "code"])
    data = {k: ("" if v is None else v) for k, v in data.items()}

    response = client.post(reverse("registry:body-edit", args=["CSC"]),
                           {**data, "parent": org.secretariat.pk}, **EN)

    assert response.status_code == 400
    assert "This would make a cycle." in response.content.decode()
    assert Body.objects.get(code="CSC").parent is None


def test_it_adds_an_official_and_shows_them(client, org, personas):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:official-create"), {
        "name_ru": "Андрей Сердюков", "name_en": "Andrey Serdyukov", "rank_ru": "",
        "rank_en": "Colonel General", "state": org.states["RU"].pk}, follow=True)

    official = Official.objects.get(name_en="Andrey Serdyukov")
    assert response.redirect_chain == [(official.get_absolute_url(), 302)]
    assert "Андрей Сердюков" in response.content.decode()
    assert _audited("registry.official.create") == 1


def test_it_refuses_a_term_that_ends_before_it_starts(client, org, personas):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:term-add", args=[org.studenikin.public_id]), {
        "position": org.secretary_general.pk, "started_on": "2020-01-01",
        "ended_on": "2019-01-01"}, **EN)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["ended_on"]
    assert Term.objects.filter(official=org.studenikin).count() == 1


def test_it_records_a_chairmanship_from_the_page(client, org, personas):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:chairmanship-record"),
                           {"year": "2024", "state": "KZ", "note_ru": "", "note_en": ""})

    assert response["Location"] == reverse("registry:chairmanship")
    assert Chairmanship.objects.get(year=2024).state.iso_alpha2 == "KZ"


def test_it_refuses_a_chairmanship_year_out_of_range(client, org, personas):
    client.force_login(personas.officer)

    response = client.post(reverse("registry:chairmanship-record"),
                           {"year": "1800", "state": "KZ"}, **EN)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["year"]
    assert not Chairmanship.objects.filter(year=1800).exists()
