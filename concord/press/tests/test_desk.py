from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image

from concord.core.labels import Classification
from concord.press.models import Publication
from concord.press.selectors import public
from concord.press.tests.factories import EN, RU, draft, published

pytestmark = pytest.mark.django_db


def _detail(publication: Publication) -> str:
    return reverse("press:publication-detail", args=[publication.public_id])


def test_it_drafts_from_the_desk_form(client, press):
    client.force_login(press)
    response = client.post(reverse("press:publication-create"), {
        "pub_type": "news", "translation": "complete", "title_ru": RU.title,
        "body_ru": RU.body, "lead_ru": "", "title_en": EN.title, "body_en": EN.body,
        "lead_en": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The publication was drafted." in page
    assert RU.title in page and EN.title in page


def test_it_names_the_missing_language_on_the_form(client, press):
    client.force_login(press)
    response = client.post(reverse("press:publication-create"), {
        "pub_type": "news", "translation": "complete", "title_ru": RU.title,
        "body_ru": RU.body}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "Write both languages, or mark the translation pending." in response.content.decode()


def test_it_takes_an_item_through_submission_and_approval_by_buttons(client, press, personas):
    publication = draft(press)
    client.force_login(press)
    client.post(reverse("press:publication-submit", args=[publication.public_id]))
    client.force_login(personas.officer)
    page = client.get(_detail(publication), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Approve publication" in page
    response = client.post(reverse("press:publication-approve", args=[publication.public_id]),
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.classification == Classification.PUBLIC


def test_it_tells_the_drafter_they_may_not_approve_their_own_item(client, press):
    publication = draft(press)
    client.force_login(press)
    client.post(reverse("press:publication-submit", args=[publication.public_id]))
    response = client.post(reverse("press:publication-approve", args=[publication.public_id]),
                           HTTP_ACCEPT_LANGUAGE="en", follow=True)
    publication.refresh_from_db()
    assert publication.status == Publication.Status.REVIEW
    assert response.status_code in (200, 403)


def test_it_sends_an_item_back_by_its_button(client, press, personas):
    publication = draft(press)
    client.force_login(press)
    client.post(reverse("press:publication-submit", args=[publication.public_id]))
    client.force_login(personas.officer)
    client.post(reverse("press:publication-return", args=[publication.public_id]))
    publication.refresh_from_db()
    assert publication.status == Publication.Status.DRAFT


def test_it_rewrites_a_draft_and_corrects_a_published_item(client, press, personas):
    publication = draft(press)
    client.force_login(press)
    rewrite = reverse("press:publication-write", args=[publication.public_id, "en"])
    assert EN.title in client.get(rewrite).content.decode()
    client.post(rewrite, {"title": "A new title", "lead": "", "body": EN.body})
    assert "A new title" in client.get(_detail(publication)).content.decode()
    out = published(press, personas.officer)
    correct = reverse("press:publication-correct", args=[out.public_id, "en"])
    response = client.post(correct, {"title": EN.title, "lead": "", "body": "Fixed.",
                                     "note": "A figure was wrong."})
    assert response.status_code == 302
    assert public.item_in(public.publication_by_number(number=out.number), "en").text.body == \
        "Fixed."


def test_it_withdraws_and_adds_files_from_the_desk(client, press, personas):
    out = published(press, personas.officer)
    client.force_login(press)
    image = io.BytesIO()
    Image.new("RGB", (40, 30)).save(image, format="PNG")
    image.name = "photo.png"
    image.seek(0)
    response = client.post(reverse("press:publication-file", args=[out.public_id]),
                           {"kind": "photo", "upload": image, "caption_ru": "Подпись",
                            "caption_en": "", "credit": ""}, follow=True,
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "The file was added." in response.content.decode()
    assert out.files.count() == 1
    client.post(reverse("press:publication-withdraw", args=[out.public_id]),
                {"reason_ru": "Ошибка.", "reason_en": "An error."})
    out.refresh_from_db()
    assert out.status == Publication.Status.WITHDRAWN


def test_it_lists_the_desk_for_the_secretariat_only(client, press, personas):
    draft(press)
    client.force_login(personas.officer)
    page = client.get(reverse("press:publication-list") + "?status=draft").content.decode()
    assert RU.title in page
    client.force_login(personas.delegate_a)
    assert client.get(reverse("press:publication-list")).status_code == 403


def test_it_offers_only_adopted_public_documents_to_issue(client, press):
    client.force_login(press)
    response = client.get(reverse("press:publication-issue"))
    assert response.status_code == 200
    refused = client.post(reverse("press:publication-issue"), {"document": "nothing"})
    assert refused.status_code == 400
