"""The documents bodies consider, each with its texts in parallel languages."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.models import LabelledModel, Translated
from concord.council.models.sessions import Session
from concord.registry.models import Body, Official

LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]

_NUMBERED = re.compile(r"^\s*(\d+)\.\s+(.*)$")


@dataclass(frozen=True)
class Point:
    number: int
    paragraphs: list[str]


def numbered_points(body: str) -> tuple[list[str], list[Point]]:
    """A text's paragraphs before its first numbered point, and its numbered points ("1. …"),
    each with the unnumbered paragraphs that follow it until the next."""
    lead: list[str] = []
    points: list[Point] = []
    for line in (p.strip() for p in body.split("\n")):
        if not line:
            continue
        numbered = _NUMBERED.match(line)
        if numbered:
            points.append(Point(int(numbered.group(1)), [numbered.group(2)]))
        elif points:
            points[-1].paragraphs.append(line)
        else:
            lead.append(line)
    return lead, points


class Document(LabelledModel):
    class Type(models.TextChoices):
        DECISION = "decision", _("Decision")
        STATEMENT = "statement", _("Statement")
        DECLARATION = "declaration", _("Declaration")
        COMMUNIQUE = "communique", _("Communiqué")
        AGREEMENT = "agreement", _("Agreement (treaty)")
        PROTOCOL = "protocol", _("Protocol")
        REPORT = "report", _("Report")
        PLAN = "plan", _("Plan")
        INSTRUCTION_LIST = "instruction_list", _("Instruction list")
        SUMMARY = "summary", _("Summary")
        PRIORITIES = "priorities", _("Priorities of the chairmanship")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATING = "circulating", _("Under silence procedure")
        ADOPTED = "adopted", _("Adopted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")
        WITHDRAWN = "withdrawn", pgettext_lazy("a document's status", "Withdrawn")
        PROCLAIMED = "proclaimed", _("Proclaimed")

    # Acts one person proclaims in the body's name (a chairmanship's priorities, announced by
    # the incoming chair): no state takes a position on them and no consensus adopts them.
    PROCLAIMED_TYPES: ClassVar[frozenset[str]] = frozenset({"priorities"})

    # The symbol's middle part per type; decisions, the commonest, carry none (CSC/2013/04).
    SYMBOL_INFIX: ClassVar[dict[str, str]] = {
        "decision": "", "statement": "ST", "declaration": "DCL", "communique": "COM",
        "agreement": "AGR", "protocol": "PRT", "report": "REP", "plan": "PLN",
        "instruction_list": "INS", "summary": "SUM", "priorities": "PRI",
    }

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("session",)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="documents",
                             verbose_name=_("adopting body"))
    doc_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("number"))
    symbol = models.CharField(_("symbol"), max_length=40, unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.DRAFT)
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="documents", verbose_name=_("session"))
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    proclaimed_on = models.DateField(_("proclaimed on"), null=True, blank=True)
    proclaimed_by = models.ForeignKey(Official, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+", verbose_name=_("proclaimed by"))
    place_ru = models.CharField(_("place (Russian)"), max_length=200, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=200, blank=True)
    # Agreements: how many instruments of ratification bring it into force, and how long after.
    ratifications_required = models.PositiveSmallIntegerField(
        _("ratifications required for entry into force"), null=True, blank=True)
    entry_into_force_delay_days = models.PositiveSmallIntegerField(
        _("days from the last required deposit to entry into force"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering: ClassVar = ["-year", "body__order", "doc_type", "-serial"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["body", "year", "doc_type", "serial"],
                                    name="council_document_number_unique"),
        ]
        indexes: ClassVar = [models.Index(fields=["status", "year"])]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("council:document-detail", args=[self.public_id])

    title = Translated("title")

    place = Translated("place")

    @property
    def is_locked(self) -> bool:
        return self.status in (Document.Status.ADOPTED, Document.Status.PROCLAIMED)

    @property
    def is_proclaimed_act(self) -> bool:
        return self.doc_type in Document.PROCLAIMED_TYPES


class DocumentText(models.Model):
    """One version of one language's text. At adoption the latest version of each language
    becomes authentic: locked, with the SHA-256 of its UTF-8 bytes recorded."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    version = models.PositiveSmallIntegerField(_("version"))
    body = models.TextField(_("text"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    is_authentic = models.BooleanField(_("authentic text"), default=False)
    sha256 = models.CharField(_("SHA-256 at adoption"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")
        ordering: ClassVar = ["document", "language", "version"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["document", "language", "version"],
                                    name="council_text_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.language} v{self.version}"

    def structure(self) -> tuple[list[str], list[Point]]:
        """The text's opening paragraphs and its numbered points."""
        return numbered_points(self.body)
