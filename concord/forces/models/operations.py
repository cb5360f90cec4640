"""Joint operations of the member states' law-enforcement agencies ("Channel" against drugs,
"Nelegal" against illegal migration, "PROXY" against crime with information technology): each
with its stages, the agencies taking part, and the results each state reports per stage.

A result is a state's own record, labelled by that state: its detail is the state's, and every
total is summed over the results the viewer may read. Seizures keep the state's original unit
and carry the kilogram-equivalent computed from it, so that totals add like with like."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any, ClassVar
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel, Party


def _in_language(record: Any, field: str) -> str:
    """The Russian or English text of `field`, as the page's language asks, the other one when
    only that is written."""
    english = (get_language() or "ru")[:2] == "en"
    first, second = (f"{field}_en", f"{field}_ru") if english else (f"{field}_ru", f"{field}_en")
    return str(getattr(record, first) or getattr(record, second))


class Operation(LabelledModel):
    """A recurring operation of the organization, decided by the council."""

    class Kind(models.TextChoices):
        DRUGS = "drugs", _("Against drug trafficking")
        MIGRATION = "migration", _("Against illegal migration")
        IT_CRIME = "it_crime", _("Against crime with information technology")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # The year the council launched the operation; its stages carry their own dates.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    # The council's decision the operation is held under; a record of the council, so it is read
    # for the viewer like any labelled record (a hidden decision reads as none).
    decision = models.ForeignKey("council.Document", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("decision"))

    class Meta:
        verbose_name = _("joint operation")
        verbose_name_plural = _("joint operations")
        ordering: ClassVar = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self, "name")

    @property
    def description(self) -> str:
        return _in_language(self, "description")

    def get_absolute_url(self) -> str:
        return reverse("forces:operation-detail", args=[self.public_id])


class OperationStage(models.Model):
    """One stage of an operation: its dates, the subregion it covers, the headquarters that
    coordinates it, the agencies of each state and the observers. A stage is read through its
    operation: whoever may read the operation may read its stages."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="stages",
                                  verbose_name=_("joint operation"))
    number = models.PositiveSmallIntegerField(_("number"))
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    subregion_ru = models.CharField(_("subregion (Russian)"), max_length=300, blank=True)
    subregion_en = models.CharField(_("subregion (English)"), max_length=300, blank=True)
    headquarters_ru = models.CharField(_("coordination headquarters (Russian)"), max_length=300,
                                       blank=True)
    headquarters_en = models.CharField(_("coordination headquarters (English)"), max_length=300,
                                       blank=True)
    observers_ru = models.TextField(_("observers (Russian)"), blank=True)
    observers_en = models.TextField(_("observers (English)"), blank=True)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering: ClassVar = ["operation", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["operation", "number"],
                                    name="forces_stage_number_unique"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")),
                                   name="forces_stage_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self, "name")

    @property
    def subregion(self) -> str:
        return _in_language(self, "subregion")

    @property
    def headquarters(self) -> str:
        return _in_language(self, "headquarters")

    @property
    def observers(self) -> str:
        return _in_language(self, "observers")


class StageAgency(models.Model):
    """An agency of a member state taking part in a stage."""

    stage = models.ForeignKey(OperationStage, on_delete=models.CASCADE, related_name="agencies",
                              verbose_name=_("stage"))
    state = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("member state"))
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)

    class Meta:
        verbose_name = _("participating agency")
        verbose_name_plural = _("participating agencies")
        ordering: ClassVar = ["stage", "state__code", "name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self, "name")


class Substance(models.Model):
    """A drug or precursor results are reported in, kept as data: the weight of one tablet is
    the conversion UNODC applies to seizures counted in tablets, and changes without a release."""

    class Group(models.TextChoices):
        DRUG = "drug", _("Drug")
        PRECURSOR = "precursor", _("Precursor")

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    group = models.CharField(_("group"), max_length=16, choices=Group.choices)
    tablet_grams = models.DecimalField(_("weight of a tablet (g)"), max_digits=8, decimal_places=4,
                                       null=True, blank=True)

    class Meta:
        verbose_name = _("substance")
        verbose_name_plural = _("substances")
        ordering: ClassVar = ["group", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self, "name")


class Measure(models.TextChoices):
    """What a result counts."""

    SEIZURE = "seizure", _("Drugs seized")
    PRECURSOR = "precursor", _("Precursors seized")
    FIREARMS = "firearms", _("Firearms seized")
    AMMUNITION = "ammunition", _("Ammunition seized")
    DETAINED = "detained", _("Persons detained")
    WANTED = "wanted", _("Wanted persons found")
    CASES = "cases", _("Criminal cases opened")
    MIGRANTS = "migrants", _("Illegal migrants detected")
    SITES_FOUND = "sites_found", _("Websites identified")
    SITES_BLOCKED = "sites_blocked", _("Websites blocked")


class QuantityUnit(models.TextChoices):
    KILOGRAM = "kg", _("kg")
    LITRE = "l", _("litres")
    TABLET = "tablet", _("tablets")
    COUNT = "count", _("count")


class CaseType(models.TextChoices):
    DRUGS = "drugs", _("Drug trafficking")
    MIGRATION = "migration", _("Organizing illegal migration")
    TRAFFICKING = "trafficking", _("Trafficking in persons")
    ARMS = "arms", _("Arms trafficking")
    COMPUTER = "computer", _("Computer crime")
    EXTREMISM = "extremism", _("Extremism and terrorism")
    OTHER = "other", _("Other crimes")


class OperationResult(LabelledModel):
    """What one state reports for one stage, one figure per row: its originator is that state,
    and its label is the state's."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    stage = models.ForeignKey(OperationStage, on_delete=models.PROTECT, related_name="results",
                              verbose_name=_("stage"))
    measure = models.CharField(_("measure"), max_length=16, choices=Measure.choices)
    substance = models.ForeignKey(Substance, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("substance"))
    case_type = models.CharField(_("type of case"), max_length=16, choices=CaseType.choices,
                                 blank=True)
    # The figure as the state reported it, in its own unit.
    quantity = models.DecimalField(_("quantity"), max_digits=16, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=8, choices=QuantityUnit.choices)
    # Set from quantity and unit by the service (concord.forces.conversion); only for seizures.
    kg_equivalent = models.DecimalField(_("kilogram-equivalent"), max_digits=16,
                                        decimal_places=3, null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("reported by"))

    class Meta:
        verbose_name = _("operation result")
        verbose_name_plural = _("operation results")
        constraints: ClassVar = [
            # One figure per state, stage and what it counts: a second report of it is a
            # correction, never a second row summed twice.
            models.UniqueConstraint(
                fields=["stage", "originator", "measure", "substance", "unit"],
                condition=Q(substance__isnull=False), name="forces_result_substance_unique"),
            models.UniqueConstraint(
                fields=["stage", "originator", "measure", "case_type", "unit"],
                condition=Q(substance__isnull=True), name="forces_result_figure_unique"),
            models.CheckConstraint(condition=Q(quantity__gte=Decimal(0)),
                                   name="forces_result_quantity_not_negative"),
        ]
        indexes: ClassVar = [models.Index(fields=["stage", "measure"],
                                          name="forces_result_stage_measure")]

    def __str__(self) -> str:
        return f"{self.get_measure_display()}: {self.quantity} {self.get_unit_display()}"

    def get_absolute_url(self) -> str:
        """The list of results narrowed to this one's stage, state and measure."""
        query = urlencode({"operation": self.stage.operation.code, "stage": self.stage.number,
                           "state": self.originator.code, "measure": self.measure})
        return f"{reverse('forces:operation-results')}?{query}"


class ResultRevision(models.Model):
    """A value a result held before its state corrected it: the result itself always holds the
    latest figure, which every total sums, and its revisions are its history. A revision is read
    through its result: whoever may read the result may read what it was."""

    result = models.ForeignKey(OperationResult, on_delete=models.CASCADE,
                               related_name="revisions", verbose_name=_("operation result"))
    quantity = models.DecimalField(_("quantity"), max_digits=16, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=8, choices=QuantityUnit.choices)
    kg_equivalent = models.DecimalField(_("kilogram-equivalent"), max_digits=16,
                                        decimal_places=3, null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    # When the value was replaced, by whom, and why.
    replaced_at = models.DateTimeField(_("replaced at"))
    replaced_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("corrected by"))
    reason = models.CharField(_("reason for the correction"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("earlier value of a result")
        verbose_name_plural = _("earlier values of a result")
        ordering: ClassVar = ["result", "-replaced_at", "-id"]

    def __str__(self) -> str:
        return f"{self.quantity} {self.get_unit_display()}"


class OperationPublication(LabelledModel):
    """Public figures of an operation (a year of it, or all of it), generated for the press from
    the results released for publication (PUBLIC) and from nothing else."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    operation = models.ForeignKey(Operation, on_delete=models.PROTECT,
                                  related_name="publications", verbose_name=_("joint operation"))
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    generated_at = models.DateTimeField(_("generated at"))
    # [{"measure", "substance", "case_type", "quantity", "kg_equivalent"}], decimals as text.
    figures = models.JSONField(_("figures"), default=list)
    states = models.PositiveSmallIntegerField(_("reporting states"), default=0)

    label_source_fields: ClassVar[tuple[str, ...]] = ("operation",)

    class Meta:
        verbose_name = _("publication of figures")
        verbose_name_plural = _("publications of figures")
        ordering: ClassVar = ["-generated_at"]

    def get_absolute_url(self) -> str:
        return reverse("forces:operation-publication", args=[self.public_id])
