"""Parties, who a user acts for and who originates a record, and the texts kept once per
language."""

from __future__ import annotations

from typing import Any, ClassVar, overload

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from concord.core.labels import PartyKind

# Release masks are signed 64-bit integers on both engines; the sign bit stays unused.
MAX_RELEASE_BIT = 62


class Party(models.Model):
    """Who a user acts for and who originates a record: a member state's delegation or the
    secretariat. The registry links each member state to its party."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=PartyKind.choices)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    # The party's bit in a record's release mask (see LabelledModel.release_mask). Assigned
    # once, when the party is created, and never reused.
    release_bit = models.PositiveSmallIntegerField(_("release bit"), unique=True, editable=False)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering: ClassVar = ["kind", "code"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.release_bit is None:
            taken = Party.objects.aggregate(top=models.Max("release_bit"))["top"]
            bit = 0 if taken is None else taken + 1
            if bit > MAX_RELEASE_BIT:
                raise ValidationError(
                    _("Concord holds at most %(count)d parties.") % {"count": MAX_RELEASE_BIT + 1},
                    code="too_many_parties")
            self.release_bit = bit
        super().save(*args, **kwargs)

    @property
    def release_flag(self) -> int:
        return 1 << self.release_bit

    @property
    def name(self) -> str:
        return localized(self, "name")


def localized(obj: Any, field: str) -> str:
    """The field's text in the active language, falling back to Russian, the working language."""
    language = (get_language() or "ru")[:2]
    value = getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_ru", "")
    return str(value)


class Translated:
    """A text kept once per language (`title_ru`, `title_en` …), read as one attribute in the
    active language (`localized`): the same for a model and for the rows a page reads without
    building models (concord.core.prepared). With `optional`, a text read over an outer join
    is blank where the row names no one, rather than the Russian text of nothing."""

    def __init__(self, field: str, *, optional: bool = False) -> None:
        self.field = field
        self.optional = optional

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Translated: ...

    @overload
    def __get__(self, instance: object, owner: type[Any] | None = None) -> str: ...

    def __get__(self, instance: object | None, owner: type[Any] | None = None
                ) -> Translated | str:
        if instance is None:
            return self
        if self.optional and getattr(instance, f"{self.field}_ru") is None:
            return ""
        return localized(instance, self.field)
