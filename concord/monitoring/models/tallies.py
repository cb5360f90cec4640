"""The tallies behind the situation picture: incident counts kept by the database itself."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledManager, Party


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
        # Kept by TallyCellFine and TallyCellTown alone (see concord.monitoring.tally).
        MONTH = "m", _("month")

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


class PlacedTally(Tally):
    """A tally of places: beside each severity's count, the sums of its incidents' latitudes and
    longitudes, from which a map cell's centre is their mean."""

    lat1 = models.FloatField(default=0)
    lat2 = models.FloatField(default=0)
    lat3 = models.FloatField(default=0)
    lat4 = models.FloatField(default=0)
    lon1 = models.FloatField(default=0)
    lon2 = models.FloatField(default=0)
    lon3 = models.FloatField(default=0)
    lon4 = models.FloatField(default=0)

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


class TallyCell(PlacedTally):
    """Incidents with coordinates by map cell at zoom `tally.CELL_ZOOM` (coarser zooms are
    these cells added up), with the sums of their coordinates for each cluster's centre."""

    pk = models.CompositePrimaryKey(
        "span", "starts_on", "country", "cy", "cx", "classification", "originator",
        "release_to_all_members", "release_mask")
    country = models.CharField(max_length=2)
    cy = models.IntegerField()
    cx = models.IntegerField()

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.country} {self.cy}/{self.cx}"


class TallyUnitByCategory(Tally):
    """Incidents by first-level unit and category: the counts and the regions of a picture
    narrowed to categories or to a region. Five times the rows of TallyUnit, so the picture of
    every category reads that one."""

    pk = models.CompositePrimaryKey(
        "span", "starts_on", "country", "admin1", "category", "classification", "originator",
        "release_to_all_members", "release_mask")
    country = models.CharField(max_length=2)
    admin1 = models.CharField(max_length=100)
    category = models.CharField(max_length=32)

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.country} {self.admin1} {self.category}"


class TallyCellByCategory(PlacedTally):
    """TallyCell's cells kept by first-level unit and category too, for the map of a picture
    narrowed to categories or to a region (a place lies in one unit, so a cell seldom has more
    than one; a place sees a handful of categories)."""

    pk = models.CompositePrimaryKey(
        "span", "starts_on", "country", "admin1", "category", "cy", "cx", "classification",
        "originator", "release_to_all_members", "release_mask")
    country = models.CharField(max_length=2)
    admin1 = models.CharField(max_length=100)
    category = models.CharField(max_length=32)
    cy = models.IntegerField()
    cx = models.IntegerField()

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.country} {self.category} {self.cy}/{self.cx}"


class TallyUnitByVerification(Tally):
    """TallyUnitByCategory's rows kept by verification too: the counts and the regions of a
    picture narrowed to a verification, whatever else narrows it. Read only then: a year of
    200,000 generated incidents makes 1.4 times the rows of TallyUnitByCategory."""

    # The verification leads the key after the span: the picture of one verification walks
    # its rows alone rather than every verification's rows of the period.
    pk = models.CompositePrimaryKey(
        "span", "verification", "starts_on", "country", "admin1", "category", "classification",
        "originator", "release_to_all_members", "release_mask")
    country = models.CharField(max_length=2)
    admin1 = models.CharField(max_length=100)
    category = models.CharField(max_length=32)
    verification = models.CharField(max_length=16)

    def __str__(self) -> str:
        return (f"{self.span} {self.starts_on} {self.country} {self.admin1} {self.category} "
                f"{self.verification}")


class TallyCellByVerification(PlacedTally):
    """TallyCellByCategory's cells kept by verification too, for the map of a picture narrowed
    to a verification."""

    pk = models.CompositePrimaryKey(
        "span", "verification", "starts_on", "country", "admin1", "category", "cy", "cx",
        "classification", "originator", "release_to_all_members", "release_mask")
    country = models.CharField(max_length=2)
    admin1 = models.CharField(max_length=100)
    category = models.CharField(max_length=32)
    verification = models.CharField(max_length=16)
    cy = models.IntegerField()
    cx = models.IntegerField()

    def __str__(self) -> str:
        return (f"{self.span} {self.starts_on} {self.country} {self.category} "
                f"{self.verification} {self.cy}/{self.cx}")


class TallyCellFine(PlacedTally):
    """TallyCell's cells at the finer zoom `tally.FINE_ZOOM`, for the map of a picture zoomed
    past TallyCell's and narrowed to nothing but countries, severity and the period (coarser
    zooms down to TallyCell's are these cells added up)."""

    pk = models.CompositePrimaryKey(
        "span", "starts_on", "country", "cy", "cx", "classification", "originator",
        "release_to_all_members", "release_mask")
    country = models.CharField(max_length=2)
    cy = models.IntegerField()
    cx = models.IntegerField()

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.country} {self.cy}/{self.cx} (fine)"


class TallySevere(PlacedTally):
    """The severe incidents alone (severity `tally.SEVERE` and up, so n1 and n2 stay naught) by
    every key of the picture at once, its cells at zoom `tally.CELL_ZOOM`: the picture of the
    severe incidents reads these few rows whole, where a grouping of the incidents sorts each
    of them. An incident without coordinates is counted in a row whose `placed` is 0, its cell
    0/0."""

    pk = models.CompositePrimaryKey(
        "span", "starts_on", "category", "country", "admin1", "placed", "cy", "cx",
        "classification", "originator", "release_to_all_members", "release_mask")
    category = models.CharField(max_length=32)
    country = models.CharField(max_length=2)
    admin1 = models.CharField(max_length=100)
    # 1 or 0 rather than a boolean, which the picture would have Django convert on each row.
    placed = models.SmallIntegerField()
    cy = models.IntegerField()
    cx = models.IntegerField()

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.category} {self.country} {self.admin1}"


class TallyCountByVerification(Tally):
    """TallyCount's counts kept by verification too, for the counts of a picture narrowed to a
    verification and to nothing but countries besides: about a third of the rows of
    TallyUnitByVerification, which keeps every unit's categories."""

    pk = models.CompositePrimaryKey(
        "span", "verification", "starts_on", "category", "country", "classification",
        "originator", "release_to_all_members", "release_mask")
    verification = models.CharField(max_length=16)
    category = models.CharField(max_length=32)
    country = models.CharField(max_length=2)

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.verification} {self.category} {self.country}"


class TallyPlaceByVerification(PlacedTally):
    """The units and the map cells at zoom `tally.CELL_ZOOM` kept by verification, for the
    regions and the map of a picture narrowed to a verification and to nothing but countries
    besides (a cell seldom spans two units, so a row is mostly a cell). An incident without
    coordinates counts for its unit in a row whose `placed` is 0, its cell 0/0, as in
    TallySevere."""

    pk = models.CompositePrimaryKey(
        "span", "verification", "starts_on", "country", "admin1", "placed", "cy", "cx",
        "classification", "originator", "release_to_all_members", "release_mask")
    verification = models.CharField(max_length=16)
    country = models.CharField(max_length=2)
    admin1 = models.CharField(max_length=100)
    placed = models.SmallIntegerField()
    cy = models.IntegerField()
    cx = models.IntegerField()

    def __str__(self) -> str:
        return (f"{self.span} {self.starts_on} {self.verification} {self.country} {self.admin1} "
                f"{self.cy}/{self.cx}")


class TallyCellTown(PlacedTally):
    """TallyCellFine's cells at a town's zoom, `tally.TOWN_ZOOM`, for the map of a picture
    zoomed past TallyCellFine's and narrowed to nothing but countries, severity and the period.
    Keyed by the country before the period: such a map is most often one country's, whose
    rows then lie together (a month of a country's towns has about a third as many rows as
    incidents)."""

    pk = models.CompositePrimaryKey(
        "span", "country", "starts_on", "cy", "cx", "classification", "originator",
        "release_to_all_members", "release_mask")
    country = models.CharField(max_length=2)
    cy = models.IntegerField()
    cx = models.IntegerField()

    def __str__(self) -> str:
        return f"{self.span} {self.starts_on} {self.country} {self.cy}/{self.cx} (town)"
