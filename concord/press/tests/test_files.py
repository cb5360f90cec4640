from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image

from concord.core.errors import ValidationError
from concord.press.models import PublicationFile
from concord.press.services import files
from concord.press.services import publications as services
from concord.press.tests.factories import draft

pytestmark = pytest.mark.django_db


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (31, 78, 121)).save(out, format="PNG")
    return out.getvalue()


def test_it_resizes_a_photo_and_serves_it_once_published(client, press, personas):
    publication = draft(press)
    photo = files.publication_file_add(
        actor=press, publication=publication, kind=PublicationFile.Kind.PHOTO,
        name="sochi.png", content=_png(3200, 2000), caption_ru="Участники сессии",
        caption_en="The participants", credit="Пресс-служба ОДКБ")
    assert (photo.width, photo.height) == (1600, 1000)
    assert photo.name == "sochi.jpg"
    address = reverse("press:file", args=[photo.public_id])
    assert client.get(address).status_code == 404
    services.publication_submit(actor=press, publication=publication)
    services.publication_approve(actor=personas.officer, publication=publication)
    served = client.get(address)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(served.content)).size == (1600, 1000)
    assert client.get(address, HTTP_IF_NONE_MATCH=served["ETag"]).status_code == 304
    page = client.get(reverse("press:public-item", args=[publication.number]),
                      HTTP_ACCEPT_LANGUAGE="ru", follow=True).content.decode()
    assert "Участники сессии" in page and "Фото: Пресс-служба ОДКБ" in page


def test_it_refuses_a_photo_that_is_not_an_image(press):
    with pytest.raises(ValidationError) as refused:
        files.publication_file_add(actor=press, publication=draft(press),
                                   kind=PublicationFile.Kind.PHOTO, name="notes.png",
                                   content=b"not an image", caption_ru="Подпись")
    assert list(refused.value.errors) == ["content"]


def test_it_refuses_a_photo_without_a_caption(press):
    with pytest.raises(ValidationError) as refused:
        files.publication_file_add(actor=press, publication=draft(press),
                                   kind=PublicationFile.Kind.PHOTO, name="a.png",
                                   content=_png(10, 10))
    assert list(refused.value.errors) == ["caption_ru"]
