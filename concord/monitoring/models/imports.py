"""Imports of incident files started from the page, followed by their task."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.models import Party
from concord.monitoring.models.incidents import Incident


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", pgettext_lazy("an import run", "Running")
    DONE = "done", pgettext_lazy("an import run", "Done")
    FAILED = "failed", _("Failed")


class IncidentImport(models.Model):
    """One import of a file, with its progress and outcome: the page polls it while the
    background task runs."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file_name = models.CharField(_("file"), max_length=255)
    fmt = models.CharField(_("format"), max_length=8)
    skip_bad_rows = models.BooleanField(_("skip bad rows"), default=False)
    classification = models.PositiveSmallIntegerField(_("classification"), default=1)
    originator = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=8, choices=ImportStatus.choices,
                              default=ImportStatus.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    path = models.CharField(max_length=500)
    # A run over the same file that imports only its good rows; the run it retries stays as
    # it ended.
    retry_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="retries", verbose_name=_("retry of"))

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering: ClassVar = ["-started_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def may_retry_skipping(self) -> bool:
        """Whether a run over the same file that skips the bad rows would import anything new:
        the run stopped on bad rows, not on the file as a whole."""
        lines = [line for line, _reason in self.problems]
        return (self.status == ImportStatus.FAILED and not self.skip_bad_rows and bool(lines)
                and all(lines))


class IncidentStage(models.Model):
    """The checked rows of an import on their way to the incident table, keyed by the import's
    run. Nothing reads them but that import: they are not labelled records, count in no tally,
    list or export, and leave this table when the import moves them into the incident table in
    its last short transaction, or fails. Staging them in batches, each in a short transaction
    of its own, lets other writers in between batches; an import that crashed leaves its rows
    behind, and the next import clears them once their run has been silent long enough.

    Its other columns are the incident's own, added below from `Incident` (so that a change to
    the incident table shows up here in the next migration), without their keys, constraints
    and defaults: every value is written by the import."""

    run = models.CharField(max_length=32, db_index=True)
    # When the batch holding the row was staged: a run whose last batch is old has stopped.
    staged_at = models.DateTimeField()

    class Meta:
        ordering: ClassVar = ["id"]

    def __str__(self) -> str:
        return f"{self.run} {self.pk}"


def _stage_columns() -> None:
    for column in Incident._meta.concrete_fields:
        if column.primary_key:
            continue
        if column.is_relation:
            IncidentStage.add_to_class(column.attname, models.BigIntegerField(null=True))
            continue
        name, _path, args, kwargs = column.deconstruct()
        for option in ("unique", "db_index", "default", "editable", "blank", "choices",
                       "verbose_name", "auto_now_add"):
            kwargs.pop(option, None)
        IncidentStage.add_to_class(name, type(column)(*args, **kwargs))


_stage_columns()
