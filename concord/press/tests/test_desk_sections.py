"""The desk's sections, created and renamed by the press officer, and a translation added to an
item that awaits approval."""

from __future__ import annotations

import pytest
from django.urls import reverse

from concord.core.models import AuditEntry
from concord.press.models import Publication, Section
from concord.press.services import publications as services
from concord.press.tests.factories import EN, RU, draft

pytestmark = pytest.mark.django_db

THEME = {"slug": "peacekeeping", "kind": "theme", "body": "", "name_ru": "Миротворчество",
         "name_en": "Peacekeeping", "order": "3"}


def test_it_creates_and_renames_a_section_from_the_desk(client, press):
    client.force_login(press)
    response = client.post(reverse("press:section-create"), THEME, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Раздел создан." in page and "Миротворчество" in page
    edited = client.post(reverse("press:section-edit", args=["peacekeeping"]),
                         {**THEME, "name_en": "Peacekeeping operations"})
    assert edited.status_code == 302
    assert Section.objects.get(slug="peacekeeping").name_en == "Peacekeeping operations"
    assert list(AuditEntry.objects.filter(action__startswith="press.section.")
                .order_by("seq").values_list("action", flat=True)) == [
        "press.section.create", "press.section.update"]


@pytest.mark.parametrize(("changed", "field", "said"), [
    ({"slug": "Миротворчество"}, "slug", "Enter a valid"),
    ({"kind": "body"}, "body", "A section of a body names the body."),
    ({"name_ru": ""}, "name_ru", "This field is required."),
])
def test_it_names_the_field_of_a_bad_section(client, press, changed, field, said):
    client.force_login(press)
    response = client.post(reverse("press:section-create"), {**THEME, **changed},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    body = response.content.decode()
    assert said in body and f'name="{field}"' in body
    assert not Section.objects.filter(name_en="Peacekeeping").exists()


def test_it_refuses_a_code_another_section_has(client, press):
    Section.objects.create(slug="peacekeeping", kind="theme", name_ru="А", name_en="A")
    client.force_login(press)
    response = client.post(reverse("press:section-create"), THEME, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "The code «peacekeeping» is taken by another section." in response.content.decode()


def test_it_lets_the_secretariat_read_the_sections_but_not_change_them(client, personas):
    client.force_login(personas.officer)
    assert client.get(reverse("press:section-list")).status_code == 200
    assert client.post(reverse("press:section-create"), THEME).status_code == 403


def test_it_adds_a_translation_to_an_item_awaiting_approval(client, press, personas):
    item = draft(press, texts={"ru": RU}, translation=Publication.Translation.PENDING)
    services.publication_submit(actor=press, publication=item)
    client.force_login(press)
    detail = client.get(reverse("press:publication-detail", args=[item.public_id]),
                        HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Add the text (EN)" in detail
    response = client.post(reverse("press:publication-write", args=[item.public_id, "en"]),
                           {"title": EN.title, "lead": "", "body": EN.body})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Publication.Status.REVIEW
    assert item.translation == Publication.Translation.COMPLETE
    services.publication_approve(actor=personas.officer, publication=item)
    page = client.get(reverse("press:public-item", args=[item.number]),
                      HTTP_ACCEPT_LANGUAGE="en", follow=True).content.decode()
    assert EN.title in page


def test_it_keeps_a_submitted_text_as_it_was_while_in_review(client, press):
    item = draft(press)
    services.publication_submit(actor=press, publication=item)
    client.force_login(press)
    response = client.post(reverse("press:publication-write", args=[item.public_id, "ru"]),
                           {"title": "Другое", "lead": "", "body": "Другой текст."},
                           HTTP_ACCEPT_LANGUAGE="en")
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode() \
        if response.status_code == 302 else response.content.decode()
    assert "A text awaiting approval is not rewritten" in page
    assert services.current_texts(item)["ru"].title == RU.title
