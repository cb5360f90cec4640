"""Incidents: what happened, where and when, who says so and how surely, and the figures
and merges that correct them."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel
from concord.monitoring.geography import COUNTRY_CHOICES, country_name
from concord.monitoring.taxonomy import SUB_CATEGORY_CHOICES, Category


class TimePrecision(models.IntegerChoices):
    # ACLED's codes: 1 the day is known, 2 the week, 3 only the month.
    DAY = 1, _("Exact day")
    WEEK = 2, _("Week")
    MONTH = 3, _("Month")
    YEAR = 4, _("Year")


class GeoPrecision(models.IntegerChoices):
    # ACLED's codes: 1 the place itself, 2 near it or part of a region, 3 a larger region.
    EXACT = 1, _("Exact place")
    NEAR = 2, _("Near the place")
    REGION = 3, _("Administrative region")
    COUNTRY = 4, _("Country only")


class SourceScale(models.TextChoices):
    LOCAL = "local", _("Local")
    SUBNATIONAL = "subnational", _("Subnational")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    INTERNATIONAL = "international", _("International")
    OTHER = "other", _("Other")


class Reliability(models.TextChoices):
    """The Admiralty scale for the source."""

    A = "A", _("A — completely reliable")
    B = "B", _("B — usually reliable")
    C = "C", _("C — fairly reliable")
    D = "D", _("D — not usually reliable")
    E = "E", _("E — unreliable")
    F = "F", _("F — reliability cannot be judged")


class Credibility(models.IntegerChoices):
    """The Admiralty scale for the information."""

    CONFIRMED = 1, _("1 — confirmed by other sources")
    PROBABLE = 2, _("2 — probably true")
    POSSIBLE = 3, _("3 — possibly true")
    DOUBTFUL = 4, _("4 — doubtful")
    IMPROBABLE = 5, _("5 — improbable")
    UNKNOWN = 6, _("6 — truth cannot be judged")


class Verification(models.TextChoices):
    REPORTED = "reported", _("Reported")
    CONFIRMED = "confirmed", _("Confirmed")
    DISPUTED = "disputed", _("Disputed")
    RETRACTED = "retracted", _("Retracted")


class Severity(models.IntegerChoices):
    LOW = 1, _("Low")
    MODERATE = 2, _("Moderate")
    HIGH = 3, _("High")
    CRITICAL = 4, _("Critical")


# Plain values: an import asks this for every row.
_ALWAYS_MODERATE = frozenset({Category.TERRORISM.value, Category.BORDER.value})
_LOW, _MODERATE, _HIGH, _CRITICAL = (int(s) for s in (Severity.LOW, Severity.MODERATE,
                                                       Severity.HIGH, Severity.CRITICAL))
# The tolls at which an incident is critical, high or moderate, whatever its category.
CRITICAL_FATALITIES = 10
HIGH_FATALITIES, HIGH_INJURED = 3, 20
MODERATE_FATALITIES, MODERATE_INJURED = 1, 3


# The floor from which the severe incidents have an index of their own (a partial one): a toll
# of its own makes an incident severe, and few are (about one in thirty of the generated year),
# so the picture of the severe incidents reads those few index entries rather than the tallies
# of every incident of the period.
SEVERE = _HIGH


def severity_of(*, category: str, fatalities: int, injured: int) -> int:
    """The scale the situation picture colours by: the toll first, then the threat itself."""
    if fatalities >= CRITICAL_FATALITIES:
        return _CRITICAL
    if fatalities >= HIGH_FATALITIES or injured >= HIGH_INJURED:
        return _HIGH
    if (fatalities >= MODERATE_FATALITIES or injured >= MODERATE_INJURED
            or category in _ALWAYS_MODERATE):
        return _MODERATE
    return _LOW


class Incident(LabelledModel):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # A stable key of the record it came from (ACLED's event_id_cnty, a file's own id, or a
    # digest of the row), unique per originator, so that importing a file again adds nothing.
    # NULL, not "", for records entered by hand: NULLs never collide in the unique constraint.
    external_id = models.CharField(_("external identifier"), max_length=100, null=True,  # noqa: DJ001
                                   blank=True)
    occurred_on = models.DateField(_("date"))
    occurred_at = models.TimeField(_("time"), null=True, blank=True)
    time_precision = models.PositiveSmallIntegerField(
        _("time precision"), choices=TimePrecision.choices, default=TimePrecision.DAY)
    # Monday of the week, kept so that counts by week are a plain GROUP BY on every database.
    week = models.DateField(_("week"), editable=False)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    admin1 = models.CharField(_("first administrative level"), max_length=100, blank=True)
    admin2 = models.CharField(_("second administrative level"), max_length=100, blank=True)
    location = models.CharField(_("named location"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    geo_precision = models.PositiveSmallIntegerField(
        _("place precision"), choices=GeoPrecision.choices, default=GeoPrecision.EXACT)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    sub_category = models.CharField(_("sub-category"), max_length=40,
                                    choices=SUB_CATEGORY_CHOICES)
    actor1 = models.CharField(_("actor"), max_length=200, blank=True)
    assoc_actor1 = models.CharField(_("associated actors"), max_length=300, blank=True)
    actor2 = models.CharField(_("second actor"), max_length=200, blank=True)
    assoc_actor2 = models.CharField(_("associated second actors"), max_length=300, blank=True)
    fatalities = models.PositiveIntegerField(_("fatalities (best)"), default=0)
    fatalities_low = models.PositiveIntegerField(_("fatalities (low)"), null=True, blank=True)
    fatalities_high = models.PositiveIntegerField(_("fatalities (high)"), null=True, blank=True)
    injured = models.PositiveIntegerField(_("injured (best)"), default=0)
    injured_low = models.PositiveIntegerField(_("injured (low)"), null=True, blank=True)
    injured_high = models.PositiveIntegerField(_("injured (high)"), null=True, blank=True)
    severity = models.PositiveSmallIntegerField(_("severity"), choices=Severity.choices,
                                                default=Severity.LOW)
    narrative = models.TextField(_("narrative"), blank=True)
    sources = models.TextField(_("sources"), blank=True)
    source_scale = models.CharField(_("source scale"), max_length=16,
                                    choices=SourceScale.choices, default=SourceScale.OTHER)
    reliability = models.CharField(_("reliability of the source"), max_length=1,
                                   choices=Reliability.choices, default=Reliability.F)
    credibility = models.PositiveSmallIntegerField(
        _("credibility of the information"), choices=Credibility.choices,
        default=Credibility.UNKNOWN)
    verification = models.CharField(_("verification"), max_length=16,
                                    choices=Verification.choices, default=Verification.REPORTED)
    # ACLED's columns that Concord does not model (interaction codes, tags, its timestamp…),
    # kept so that an ACLED file exported again carries them.
    extra = models.JSONField(_("other attributes"), default=dict, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="merged", verbose_name=_("merged into"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    # The import from the page that added the record, so that its result lists what it added.
    import_run = models.ForeignKey("monitoring.IncidentImport", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="incidents",
                                   verbose_name=_("import"))

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering: ClassVar = ["-occurred_on", "-id"]
        permissions: ClassVar = [("verify_incident", _("Can verify and merge incidents"))]
        indexes: ClassVar = [
            # Each covers every column the situation picture reads from the incidents (what
            # the tallies do not hold: verification, text, the map past their zoom), so that
            # its groupings over a period, or over a country's period, never visit the table.
            models.Index(fields=["occurred_on", "merged_into", "category", "country", "week",
                                 "latitude", "longitude", "severity", "admin1", "verification",
                                 "classification", "originator", "release_to_all_members",
                                 "release_mask"],
                         name="monitoring_incident_picture_v3"),
            models.Index(fields=["country", "occurred_on", "merged_into", "category", "week",
                                 "latitude", "longitude", "severity", "admin1", "verification",
                                 "classification", "originator", "release_to_all_members",
                                 "release_mask"],
                         name="monitoring_incident_by_country"),
            # A category's period, for the map past the tallies' zoom of a picture narrowed to
            # categories (a region of provinces included): a category is a fifth of the
            # incidents where the countries a region names may be most of them.
            models.Index(fields=["category", "occurred_on", "merged_into", "country", "admin1",
                                 "latitude", "longitude", "severity", "week", "verification",
                                 "classification", "originator", "release_to_all_members",
                                 "release_mask"],
                         name="monitoring_incident_category"),
            models.Index(fields=["week", "category", "country"]),
            # The same columns for the severe incidents only; a filter from SEVERE up repeats
            # the index's condition so that either engine knows it may read it.
            models.Index(fields=["occurred_on", "merged_into", "category", "country", "week",
                                 "latitude", "longitude", "severity", "admin1", "verification",
                                 "classification", "originator", "release_to_all_members",
                                 "release_mask"],
                         condition=Q(severity__gte=SEVERE), name="monitoring_incident_severe"),
        ]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["originator", "external_id"],
                                    name="monitoring_incident_external_id_once"),
            models.CheckConstraint(
                condition=Q(fatalities_low__isnull=True) | Q(fatalities_low__lte=F("fatalities")),
                name="monitoring_incident_fatalities_low"),
            models.CheckConstraint(
                condition=Q(fatalities_high__isnull=True)
                | Q(fatalities_high__gte=F("fatalities")),
                name="monitoring_incident_fatalities_high"),
            models.CheckConstraint(
                condition=Q(injured_low__isnull=True) | Q(injured_low__lte=F("injured")),
                name="monitoring_incident_injured_low"),
            models.CheckConstraint(
                condition=Q(injured_high__isnull=True) | Q(injured_high__gte=F("injured")),
                name="monitoring_incident_injured_high"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="monitoring_incident_latitude"),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True)
                | Q(longitude__gte=-180, longitude__lte=180),
                name="monitoring_incident_longitude"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.get_category_display()} {self.country}"

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    def get_absolute_url(self) -> str:
        return reverse("monitoring:incident-detail", args=[self.public_id])


class FigureSource(models.TextChoices):
    STATE_AGENCY = "state_agency", _("State agency")
    SECRETARIAT = "secretariat", _("Secretariat's assessment")
    OPEN_SOURCE = "open_source", _("Open sources")
    MERGED_RECORD = "merged_record", _("Merged record")


class IncidentFigure(models.Model):
    """What one source says of an incident's toll. Figures are kept side by side and never
    overwrite each other or the incident's own best figure."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="figures")
    source_kind = models.CharField(_("kind of source"), max_length=16,
                                   choices=FigureSource.choices)
    source_name = models.CharField(_("source"), max_length=200)
    fatalities = models.PositiveIntegerField(_("fatalities (best)"), default=0)
    fatalities_low = models.PositiveIntegerField(_("fatalities (low)"), null=True, blank=True)
    fatalities_high = models.PositiveIntegerField(_("fatalities (high)"), null=True, blank=True)
    injured = models.PositiveIntegerField(_("injured (best)"), default=0)
    reliability = models.CharField(_("reliability of the source"), max_length=1,
                                   choices=Reliability.choices, default=Reliability.F)
    credibility = models.PositiveSmallIntegerField(
        _("credibility of the information"), choices=Credibility.choices,
        default=Credibility.UNKNOWN)
    reported_on = models.DateField(_("reported on"))
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering: ClassVar = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.source_name}: {self.fatalities}"


class IncidentMerge(models.Model):
    """An analyst's decision that two records are one incident. The duplicate stays as it was,
    pointing at the survivor; this row keeps who decided, when, and the duplicate's state."""

    survivor = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="merges")
    duplicate = models.OneToOneField(Incident, on_delete=models.PROTECT, related_name="+")
    merged_at = models.DateTimeField(auto_now_add=True)
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("note"), blank=True)
    duplicate_snapshot = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("merge")
        verbose_name_plural = _("merges")
        ordering: ClassVar = ["merged_at"]

    def __str__(self) -> str:
        return f"merge into {self.survivor_id}"
