from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledManager, LabelledModel, Party
from concord.core.policy import Audience, stored_audience
from concord.monitoring.geography import COUNTRY_CHOICES
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


def severity_of(*, category: str, fatalities: int, injured: int) -> int:
    """The scale the situation picture colours by: the toll first, then the threat itself."""
    if fatalities >= 10:
        return _CRITICAL
    if fatalities >= 3 or injured >= 20:
        return _HIGH
    if fatalities >= 1 or injured >= 3 or category in _ALWAYS_MODERATE:
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

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering: ClassVar = ["-occurred_on", "-id"]
        permissions: ClassVar = [("verify_incident", _("Can verify and merge incidents"))]
        indexes: ClassVar = [
            # Covers every column the situation picture reads, so that its one pass over a
            # period never visits the table itself.
            models.Index(fields=["occurred_on", "merged_into", "category", "country", "week",
                                 "latitude", "longitude", "severity", "admin1", "classification",
                                 "originator", "release_to_all_members", "release_mask"],
                         name="monitoring_incident_picture_v2"),
            models.Index(fields=["country", "occurred_on"]),
            models.Index(fields=["week", "category", "country"]),
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

    def get_absolute_url(self) -> str:
        return reverse("monitoring:incident-detail", args=[self.public_id])


class Tally(models.Model):
    """Incident counts added up per day and per week, kept by the database itself (triggers on
    the incident table, see concord.monitoring.tally) so that the situation picture reads a few
    thousand sums instead of every incident of the period.

    A row counts the incidents (not merged into another) that share its key and one label: the
    label's four columns are those of `LabelledModel`, so the one read rule applies to the
    tallies as it does to the incidents, and a viewer's sums hold only what they may read. The
    counts are split by severity so that the severity filter and a cell's worst severity are
    read from the same rows."""

    class Span(models.TextChoices):
        DAY = "d", _("day")
        WEEK = "w", _("week")

    span = models.CharField(max_length=1, choices=Span.choices)
    starts_on = models.DateField()
    classification = models.PositiveSmallIntegerField()
    originator = models.ForeignKey(Party, on_delete=models.DO_NOTHING, db_constraint=False,
                                   db_index=False, related_name="+")
    release_to_all_members = models.BooleanField()
    release_mask = models.BigIntegerField()
    n1 = models.IntegerField(default=0)
    n2 = models.IntegerField(default=0)
    n3 = models.IntegerField(default=0)
    n4 = models.IntegerField(default=0)

    objects = LabelledManager()

    class Meta:
        abstract = True


class TallyCount(Tally):
    """Incidents by category and country (the picture's counts and timeline)."""

    pk = models.CompositePrimaryKey(
        "span", "starts_on", "week", "category", "country", "classification", "originator",
        "release_to_all_members", "release_mask")
    week = models.DateField()
    category = models.CharField(max_length=32)
    country = models.CharField(max_length=2)

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.category} {self.country}"


class TallyUnit(Tally):
    """Incidents by first-level administrative unit (the counts by region)."""

    pk = models.CompositePrimaryKey(
        "span", "starts_on", "country", "admin1", "classification", "originator",
        "release_to_all_members", "release_mask")
    country = models.CharField(max_length=2)
    admin1 = models.CharField(max_length=100)

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.country} {self.admin1}"


class TallyCell(Tally):
    """Incidents with coordinates by map cell at zoom `tally.CELL_ZOOM` (coarser zooms are
    these cells added up), with the sums of their coordinates for each cluster's centre."""

    pk = models.CompositePrimaryKey(
        "span", "starts_on", "country", "cy", "cx", "classification", "originator",
        "release_to_all_members", "release_mask")
    country = models.CharField(max_length=2)
    cy = models.IntegerField()
    cx = models.IntegerField()
    lat1 = models.FloatField(default=0)
    lat2 = models.FloatField(default=0)
    lat3 = models.FloatField(default=0)
    lat4 = models.FloatField(default=0)
    lon1 = models.FloatField(default=0)
    lon2 = models.FloatField(default=0)
    lon3 = models.FloatField(default=0)
    lon4 = models.FloatField(default=0)

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.country} {self.cy}/{self.cx}"


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


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
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

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering: ClassVar = ["-started_at"]

    def __str__(self) -> str:
        return self.file_name


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


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("More than N incidents in the window")
    RISE = "rise", _("A rise over the 90-day baseline, in per cent")


class AlertLevel(models.TextChoices):
    GREEN = "green", _("Green")
    ORANGE = "orange", _("Orange")
    RED = "red", _("Red")


class Indicator(LabelledModel):
    """What an analyst watches: incidents of a category in a region over a window, against two
    thresholds. Its label is the audience of its alerts: it counts only incidents that every
    reader of the indicator may read."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices,
                                blank=True)
    region = models.CharField(_("region"), max_length=32, blank=True)
    window_days = models.PositiveSmallIntegerField(_("window (days)"), default=7)
    kind = models.CharField(_("threshold"), max_length=8, choices=IndicatorKind.choices,
                            default=IndicatorKind.COUNT)
    orange = models.FloatField(_("orange above"))
    red = models.FloatField(_("red above"))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering: ClassVar = ["name"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(red__gte=F("orange")),
                                   name="monitoring_indicator_red_above_orange"),
            models.CheckConstraint(condition=Q(window_days__gte=1, window_days__lte=366),
                                   name="monitoring_indicator_window"),
        ]

    def __str__(self) -> str:
        return self.name


class Alert(LabelledModel):
    """A breach of an indicator's threshold, open until the indicator falls back to green. It
    carries the indicator's label."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label_source_fields = ("indicator",)
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="alerts")
    level = models.CharField(_("level"), max_length=8, choices=AlertLevel.choices)
    value = models.FloatField(_("observed"))
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    window_start = models.DateField(_("window from"))
    window_end = models.DateField(_("window to"))
    raised_at = models.DateTimeField(_("raised"))
    updated_at = models.DateTimeField(_("updated"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering: ClassVar = ["-raised_at"]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.level}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:alert-detail", args=[self.public_id])


class SituationReport(LabelledModel):
    """The periodic report on the situation in the area of responsibility: generated from the
    incidents and alerts of a period and region, then edited by the analyst. Its label is never
    below the highest label of what it aggregates (`label_floor`)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    region = models.CharField(_("region"), max_length=32, blank=True)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    assessment = models.TextField(_("assessment"), blank=True)
    conclusions = models.TextField(_("conclusions and proposals"), blank=True)
    # What the generator found, kept as it was so that the text edited around it stays true.
    content = models.JSONField(default=dict)
    label_floor = models.PositiveSmallIntegerField(default=0)
    floor_released_to_all = models.BooleanField(default=True)
    # The parties (Party.release_bit) able to read every labelled record the report aggregates:
    # the report may be released by name to these and no others.
    floor_release_mask = models.BigIntegerField(default=0)
    generated_at = models.DateTimeField(_("generated"), auto_now_add=True)
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    class Meta:
        verbose_name = _("situation report")
        verbose_name_plural = _("situation reports")
        ordering: ClassVar = ["-period_end", "-generated_at"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")),
                                   name="monitoring_report_period"),
            models.CheckConstraint(condition=Q(classification__gte=F("label_floor")),
                                   name="monitoring_report_no_write_down"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("monitoring:report-detail", args=[self.public_id])

    def floor_audience(self) -> Audience:
        return stored_audience(self.label_floor, self.floor_release_mask)
