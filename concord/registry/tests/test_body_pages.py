"""The bodies of the organization: their hierarchy, and each with its positions and holders."""

from __future__ import annotations

from django.urls import reverse

from concord.registry.tests.factories import more_officials


def test_it_lists_the_bodies_in_their_hierarchy(client, org):
    response = client.get(reverse("registry:body-list"))

    assert response.status_code == 200
    assert [(node.body.code, node.depth) for node in response.context["nodes"]] == [
        ("CSC", 0), ("SEC", 1), ("JS", 1)]
    assert "Совет коллективной безопасности" in response.content.decode()


def test_it_shows_a_body_with_its_contacts_and_holders(client, org):
    response = client.get(reverse("registry:body-detail", args=["SEC"]))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="mailto:odkb-pressa@gov.ru"' in page
    assert "Имангали Тасмагамбетов" in page
    assert "Николай Бордюжа" in page


def test_it_marks_only_the_current_holder_of_a_position(client, org):
    response = client.get(reverse("registry:body-detail", args=["SEC"]))

    [secretary_general] = [p for p in response.context["positions"]
                           if p["position"].code == "secretary-general"]
    assert [t.official.name_en for t in secretary_general["current"]] == [
        "Imangali Tasmagambetov"]


def test_it_answers_an_unknown_body_with_not_found(client, org):
    assert client.get(reverse("registry:body-detail", args=["NATO"])).status_code == 404


def test_it_lists_the_bodies_in_a_fixed_number_of_queries(client, org, personas,
                                                          django_assert_max_num_queries):
    client.force_login(personas.officer)

    # The bodies, the session, the user and the party, and the user's and groups' permissions
    # that the menu entries needing one are shown by.
    with django_assert_max_num_queries(6):
        client.get(reverse("registry:body-list"))


def test_it_shows_a_body_in_a_fixed_number_of_queries(client, org, personas,
                                                      django_assert_max_num_queries):
    more_officials(org, 30)
    client.force_login(personas.officer)

    with django_assert_max_num_queries(10):
        client.get(reverse("registry:body-detail", args=["SEC"]))
