"""What assistance is asked for: the kinds of request, their terms, and the catalogue of line
categories (for military-technical aid, the seven categories of the UN Register of Conventional
Arms followed by the classes of equipment and services the organization's requests name)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    MILITARY_TECHNICAL = "military_technical", _("Military-technical")
    EMERGENCY = "emergency", _("Emergency and humanitarian")
    FORCES = "forces", _("Forces and expertise")
    FINANCIAL = "financial", _("Financial")


class Terms(models.TextChoices):
    FREE = "free", _("Free of charge")
    PREFERENTIAL = "preferential", _("Preferential")
    REIMBURSABLE = "reimbursable", _("Reimbursable")


class Urgency(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    PRIORITY = "priority", _("Priority")
    URGENT = "urgent", _("Urgent")


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    MEDIUM = 2, _("Medium")
    LOW = 3, _("Low")


class Category(models.TextChoices):
    # UN Register of Conventional Arms, categories I to VII.
    BATTLE_TANKS = "unroca_1", _("Battle tanks")
    ARMOURED_VEHICLES = "unroca_2", _("Armoured combat vehicles")
    ARTILLERY = "unroca_3", _("Large-calibre artillery systems")
    COMBAT_AIRCRAFT = "unroca_4", _("Combat aircraft")
    ATTACK_HELICOPTERS = "unroca_5", _("Attack helicopters")
    WARSHIPS = "unroca_6", _("Warships")
    MISSILES = "unroca_7", _("Missiles and missile launchers")
    SMALL_ARMS = "small_arms", _("Small arms and light weapons")
    AMMUNITION = "ammunition", _("Ammunition")
    OPTICS = "optics", _("Optics and surveillance")
    RADAR = "radar", _("Radar")
    COMMUNICATIONS = "communications", _("Communications")
    VEHICLES = "vehicles", _("Vehicles")
    ENGINEERING = "engineering", _("Engineering and border infrastructure")
    TRAINING = "training", _("Training")
    # Emergency and humanitarian aid, forces and expertise, and money.
    RESCUE = "rescue", _("Rescue equipment")
    MEDICAL = "medical", _("Medical supplies")
    FOOD = "food", _("Food")
    SHELTER = "shelter", _("Shelter")
    PERSONNEL = "personnel", _("Personnel and expertise")
    FUNDS = "funds", _("Funds")
    OTHER = "other", _("Other")


# Categories whose deliveries need an end-use certificate first.
MILITARY_CATEGORIES: frozenset[str] = frozenset({
    "unroca_1", "unroca_2", "unroca_3", "unroca_4", "unroca_5", "unroca_6", "unroca_7",
    "small_arms", "ammunition", "optics", "radar", "communications", "vehicles",
})


class Unit(models.TextChoices):
    PIECES = "pieces", _("pieces")
    SETS = "sets", _("sets")
    ROUNDS = "rounds", _("rounds")
    VEHICLES = "vehicles", _("vehicles")
    KILOMETRES = "km", _("km")
    OBJECTS = "objects", _("objects")
    PERSONS = "persons", _("persons")
    COURSES = "courses", _("courses")
    TONNES = "tonnes", _("tonnes")
    CURRENCY = "currency", _("currency units")
