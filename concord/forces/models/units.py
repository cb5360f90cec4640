"""A member state's units as a tree, and their strength as a dated series."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel, Translated
from concord.registry.models import MemberState


class UnitType(models.TextChoices):
    HEADQUARTERS = "headquarters", _("Headquarters")
    MOTORISED_RIFLE = "motorised_rifle", _("Motorised rifle")
    AIRBORNE = "airborne", _("Airborne")
    AIR_ASSAULT = "air_assault", _("Air assault")
    MOUNTAIN = "mountain", _("Mountain infantry")
    SPECIAL_FORCES = "special_forces", _("Special forces")
    RECONNAISSANCE = "reconnaissance", _("Reconnaissance")
    MILITARY_POLICE = "military_police", _("Military police")
    PEACEKEEPING = "peacekeeping", _("Peacekeeping")
    ENGINEER = "engineer", _("Engineers")
    CBRN = "cbrn", _("Radiological, chemical and biological protection")
    MEDICAL = "medical", _("Medical")
    SIGNAL = "signal", _("Signals")
    LOGISTICS = "logistics", _("Logistics")
    ARTILLERY = "artillery", _("Artillery")
    AIR_DEFENCE = "air_defence", _("Air defence")
    AVIATION = "aviation", _("Aviation")
    HELICOPTER = "helicopter", _("Army aviation (helicopters)")
    INTERNAL_TROOPS = "internal_troops", _("Internal troops")
    OTHER = "other", _("Other")


class Echelon(models.IntegerChoices):
    """The echelon, numbered as in the echelon field of a 2525D symbol code."""

    TEAM = 11, _("Team, crew")
    SQUAD = 12, _("Squad")
    SECTION = 13, _("Section")
    PLATOON = 14, _("Platoon, detachment")
    COMPANY = 15, _("Company, battery")
    BATTALION = 16, _("Battalion")
    REGIMENT = 17, _("Regiment, group")
    BRIGADE = 18, _("Brigade")
    DIVISION = 21, _("Division")
    CORPS = 22, _("Corps")
    ARMY = 23, _("Army")
    COMMAND = 26, _("Command")


class Unit(LabelledModel):
    """A unit of a member state's forces: the state's information, labelled by it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("parent",)
    state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("state"))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children", verbose_name=_("higher unit"))
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    designation = models.CharField(_("designation"), max_length=60, blank=True)
    unit_type = models.CharField(_("type"), max_length=20, choices=UnitType.choices)
    echelon = models.PositiveSmallIntegerField(_("echelon"), choices=Echelon.choices)
    home_station_ru = models.CharField(_("home station (Russian)"), max_length=200, blank=True)
    home_station_en = models.CharField(_("home station (English)"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # The symbol identification code of MIL-STD-2525 (D: 20 digits; C: 15 characters), the
    # same codes as APP-6; the pages draw it with milsymbol.
    symbol_code = models.CharField(_("symbol code (MIL-STD-2525 / APP-6)"), max_length=30)
    disbanded_on = models.DateField(_("disbanded on"), null=True, blank=True)
    illustrative = models.BooleanField(_("illustrative figures"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering: ClassVar = ["state", "name_ru", "id"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__gte=-90) & Q(latitude__lte=90)
                   & Q(longitude__gte=-180) & Q(longitude__lte=180)),
                name="forces_unit_coordinates_valid"),
        ]
        indexes: ClassVar = [models.Index(fields=["state", "parent"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forces:unit-detail", args=[self.public_id])

    name = Translated("name")
    home_station = Translated("home_station")


class Strength(LabelledModel):
    """A unit's authorised and on-hand personnel and major equipment on a day. Labelled by the
    state on its own: a state may show a unit and its earmark and withhold these figures. A
    figure given at a step of a deployment names that step."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("unit",)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="strengths",
                             verbose_name=_("unit"))
    as_of = models.DateField(_("as of"))
    personnel_authorised = models.PositiveIntegerField(_("personnel, authorised"), null=True,
                                                       blank=True)
    personnel_on_hand = models.PositiveIntegerField(_("personnel, on hand"), null=True,
                                                    blank=True)
    equipment_authorised = models.PositiveIntegerField(_("major equipment, authorised"),
                                                       null=True, blank=True)
    equipment_on_hand = models.PositiveIntegerField(_("major equipment, on hand"), null=True,
                                                    blank=True)
    step = models.ForeignKey("forces.DeploymentStep", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="strengths",
                             verbose_name=_("deployment step"))
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("strength")
        verbose_name_plural = _("strength figures")
        ordering: ClassVar = ["unit", "-as_of", "-id"]
        indexes: ClassVar = [models.Index(fields=["unit", "as_of"])]

    def __str__(self) -> str:
        return f"{self.as_of.isoformat()}: {self.personnel_on_hand or '—'}"
