"""A labelled model owned by the kernel's tests and benchmark: the smallest thing that inherits
the label, so the rule is tested on exactly what every domain app gets."""

from __future__ import annotations

from django.db import models

from concord.core.models import LabelledModel


class Dossier(LabelledModel):
    title = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.title


class Annex(LabelledModel):
    """A labelled record derived from another: what the policy's relation and write-down rules
    are tested on."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="annexes")
    title = models.CharField(max_length=200)

    label_source_fields = ("dossier",)

    def __str__(self) -> str:
        return self.title
