"""Publications of the press service: one item told in Russian and English, its sections, its
workflow from draft to publication, its corrections and its withdrawal."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.models import LabelledModel, Translated
from concord.registry.models import Body, MemberState

LANGUAGES = (("ru", _("Russian")), ("en", _("English")))
LANGUAGE_CODES = ("ru", "en")


class Section(models.Model):
    """Where a publication is filed: under a body of the organization, or under a theme."""

    class Kind(models.TextChoices):
        BODY = "body", _("Body")
        THEME = "theme", _("Theme")

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+", verbose_name=_("body"))
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering: ClassVar = ["kind", "order", "slug"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(kind="theme") | Q(body__isnull=False),
                                   name="press_section_body_names_a_body"),
        ]

    def __str__(self) -> str:
        return self.name

    name = Translated("name")


class Publication(LabelledModel):
    """One item of news, in both languages. It is drafted for the secretariat alone and becomes
    PUBLIC only when a second person approves its publication; its stable identifier is
    `number`, which its addresses and feeds carry whatever its title becomes."""

    class Type(models.TextChoices):
        NEWS = "news", _("News")
        PRESS_RELEASE = "press_release", _("Press release")
        STATEMENT = "statement", _("Statement")
        COMMUNIQUE = "communique", _("Communiqué")
        ANNOUNCEMENT = "announcement", _("Announcement")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("a publication's status", "Draft")
        REVIEW = "review", _("Awaiting approval")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        CORRECTED = "corrected", _("Corrected")
        WITHDRAWN = "withdrawn", pgettext_lazy("a publication's status", "Withdrawn")

    class Translation(models.TextChoices):
        COMPLETE = "complete", _("Both languages")
        PENDING = "pending", _("Translation pending")

    # Statuses in which the public reads an item (a withdrawn one leaves its tombstone).
    OUT: ClassVar[tuple[str, ...]] = ("published", "corrected")
    SEEN: ClassVar[tuple[str, ...]] = ("published", "corrected", "withdrawn")
    # Only what the secretariat drafted in full may be changed before it goes out.
    EDITABLE: ClassVar[tuple[str, ...]] = ("draft",)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # No write-down: the item may become PUBLIC only when the session and the document it
    # stands on are PUBLIC themselves (the kernel checks it when the label is lowered).
    label_source_fields = ("session", "source_document")
    number = models.CharField(_("number"), max_length=16, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("serial"))
    pub_type = models.CharField(_("type"), max_length=16, choices=Type.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.DRAFT)
    translation = models.CharField(_("translation"), max_length=10, choices=Translation.choices,
                                   default=Translation.COMPLETE)
    sections = models.ManyToManyField(Section, blank=True, related_name="publications",
                                      verbose_name=_("sections"))
    # What the item is about. Each further kind of record (an exercise, an operation, a crisis
    # case) joins as one more relation here and one more line in selectors.related.
    session = models.ForeignKey("council.Session", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("session"))
    documents = models.ManyToManyField("council.Document", blank=True, related_name="+",
                                       verbose_name=_("documents"))
    states = models.ManyToManyField(MemberState, blank=True, related_name="+",
                                    verbose_name=_("member states"))
    exercises = models.ManyToManyField("forces.Exercise", blank=True, related_name="+",
                                       verbose_name=_("exercises"))
    operations = models.ManyToManyField("forces.Operation", blank=True, related_name="+",
                                        verbose_name=_("joint operations"))
    # A statement or communiqué issued from an adopted document carries its authentic texts.
    source_document = models.ForeignKey("council.Document", null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+",
                                        verbose_name=_("adopted document"))
    embargo_until = models.DateTimeField(_("embargo until"), null=True, blank=True)
    event_starts_at = models.DateTimeField(_("event starts"), null=True, blank=True)
    event_place_ru = models.CharField(_("event place (Russian)"), max_length=200, blank=True)
    event_place_en = models.CharField(_("event place (English)"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Moves on publication, on each correction and on withdrawal: what feeds call `updated`.
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason_ru = models.TextField(_("reason for withdrawal (Russian)"), blank=True)
    withdrawal_reason_en = models.TextField(_("reason for withdrawal (English)"), blank=True)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("drafted by"))
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("approved by"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering: ClassVar = ["-published_at", "-year", "-serial"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["year", "serial"], name="press_publication_serial"),
        ]
        indexes: ClassVar = [models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("press:publication-detail", args=[self.public_id])

    event_place = Translated("event_place")
    withdrawal_reason = Translated("withdrawal_reason")

    @property
    def is_out(self) -> bool:
        return self.status in Publication.OUT


class PublicationText(models.Model):
    """One version of one language's text of a publication. A correction adds a version; the
    one it replaces stays, marked with the moment it was corrected. Each language of an item has
    its own `entry_id`, kept by every version, which feeds give as the entry's id."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE,
                                    related_name="texts")
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    entry_id = models.UUIDField(_("entry identifier"), default=uuid.uuid4)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("address"), max_length=120)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("text"))
    correction_note = models.TextField(_("what was corrected"), blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    superseded_at = models.DateTimeField(_("corrected on"), null=True, blank=True)

    class Meta:
        verbose_name = _("publication text")
        verbose_name_plural = _("publication texts")
        ordering: ClassVar = ["publication", "language", "-version"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["publication", "language", "version"],
                                    name="press_text_version_unique"),
            models.UniqueConstraint(fields=["publication", "language"],
                                    condition=Q(superseded_at__isnull=True),
                                    name="press_text_one_current"),
        ]

    def __str__(self) -> str:
        return f"{self.publication.number} {self.language} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("press:public-text", args=[self.publication.number, self.language,
                                                  self.slug])

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n") if p.strip()]
