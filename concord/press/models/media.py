"""Photos and attachments of a publication, kept in the database so that every node serves its
own copy with nothing else to configure or to back up."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.models import Translated
from concord.press.models.publications import Publication


class PublicationFile(models.Model):
    """A photo (resized on upload, served as JPEG) or an attachment (served as given), with its
    caption in both languages and its credit."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        ATTACHMENT = "attachment", _("Attachment")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE,
                                    related_name="files")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(max_length=64)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    caption_ru = models.CharField(_("caption (Russian)"), max_length=500, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("publication file")
        verbose_name_plural = _("publication files")
        ordering: ClassVar = ["publication", "order", "id"]

    def __str__(self) -> str:
        return self.name

    caption = Translated("caption")
