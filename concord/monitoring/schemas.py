from __future__ import annotations

from datetime import date, datetime, time
from datetime import date as date_type
from datetime import time as time_type
from uuid import UUID

from django.urls import reverse
from ninja import Field, Schema
from pydantic import BaseModel

from concord.core.labels import Classification
from concord.core.schemas import ClassificationCode
from concord.monitoring import selectors
from concord.monitoring.models import (
    Alert,
    GeoPrecision,
    Incident,
    IncidentFigure,
    IncidentImport,
    Indicator,
    TimePrecision,
)


class FigureOut(Schema):
    source_kind: str
    source_name: str
    fatalities: int
    fatalities_low: int | None
    fatalities_high: int | None
    injured: int
    reliability: str
    credibility: int
    reported_on: date


# The output schemas below read their records themselves: an endpoint returns the incident,
# import, indicator or alert (or a page of them), and the resolvers give the API's names and
# codes for the model's fields where they differ.
class IncidentOut(Schema):
    id: UUID
    date: date
    time: time | None
    time_precision: str
    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: str
    category: str
    sub_category: str
    actor1: str
    actor2: str
    fatalities: int
    fatalities_low: int | None
    fatalities_high: int | None
    injured: int
    injured_low: int | None
    injured_high: int | None
    severity: int
    narrative: str
    sources: str
    source_scale: str
    reliability: str
    credibility: int
    verification: str
    classification: ClassificationCode
    url: str

    @staticmethod
    def resolve_id(incident: Incident) -> UUID:
        return incident.public_id

    @staticmethod
    def resolve_date(incident: Incident) -> date_type:
        return incident.occurred_on

    @staticmethod
    def resolve_time(incident: Incident) -> time_type | None:
        return incident.occurred_at

    @staticmethod
    def resolve_time_precision(incident: Incident) -> str:
        return TimePrecision(incident.time_precision).name.lower()

    @staticmethod
    def resolve_geo_precision(incident: Incident) -> str:
        return GeoPrecision(incident.geo_precision).name.lower()

    @staticmethod
    def resolve_classification(incident: Incident) -> Classification:
        return Classification(incident.classification)

    @staticmethod
    def resolve_url(incident: Incident) -> str:
        return incident.get_absolute_url()


class IncidentDetailOut(IncidentOut):
    figures: list[FigureOut]
    merged_into: UUID | None
    release_to_all_members: bool
    releasable_to: list[str]
    pending_label_change: UUID | None = Field(
        None, description="a lower label asked for, waiting for a second approver")

    @staticmethod
    def resolve_figures(incident: Incident) -> list[IncidentFigure]:
        return list(incident.figures.all())

    @staticmethod
    def resolve_merged_into(incident: Incident) -> UUID | None:
        return incident.merged_into.public_id if incident.merged_into else None

    @staticmethod
    def resolve_releasable_to(incident: Incident) -> list[str]:
        return sorted(party.code for party in incident.releasable_to.all())

    @staticmethod
    def resolve_pending_label_change(incident: Incident) -> UUID | None:
        return selectors.incident_pending_label_change(incident=incident)


class CountOut(BaseModel):
    category: str
    country: str
    week: date
    count: int


class CountryCountOut(BaseModel):
    country: str
    count: int


class CategoryCountOut(BaseModel):
    category: str
    count: int


class ClusterOut(BaseModel):
    lat: float
    lon: float
    count: int
    severity: int


class RegionCountOut(BaseModel):
    region: str
    count: int


# The summary and its parts are plain pydantic models: the summary is built as dicts, so it
# needs none of the attribute lookups ninja's Schema makes on every field of every row, which
# cost more than reading the tallies for a picture with a thousand counts.
class SummaryOut(BaseModel):

    total: int
    zoom: int
    cell_degrees: float
    weeks: list[date]
    counts: list[CountOut]
    by_country: list[CountryCountOut]
    by_category: list[CategoryCountOut]
    by_region: list[RegionCountOut]
    clusters: list[ClusterOut]


class IndicatorOut(Schema):
    id: UUID
    name: str = Field(description="in the language of the request")
    name_ru: str
    name_en: str
    category: str
    region: str
    window_days: int
    kind: str
    orange: float
    red: float
    active: bool
    classification: ClassificationCode

    @staticmethod
    def resolve_id(indicator: Indicator) -> UUID:
        return indicator.public_id

    @staticmethod
    def resolve_name(indicator: Indicator) -> str:
        return indicator.name

    @staticmethod
    def resolve_classification(indicator: Indicator) -> Classification:
        return Classification(indicator.classification)


class IndicatorChange(Schema):
    """What an indicator watches and its thresholds; `kind` is `count` or `rise` (percent over
    the 90-day baseline)."""

    name_ru: str
    name_en: str
    category: str = ""
    region: str = ""
    window_days: int = 7
    kind: str = "count"
    orange: float
    red: float


class IndicatorIn(IndicatorChange):
    classification: str = "official_use"
    release_to_all_members: bool = True


class IndicatorUpdate(IndicatorChange):
    active: bool = True


class AlertOut(Schema):
    id: UUID
    indicator: UUID | None
    indicator_name: str
    level: str
    value: float
    baseline: float | None
    window_start: date
    window_end: date
    raised_at: datetime
    ended_at: datetime | None
    state: str = Field(description="new, acknowledged or ended")
    acknowledged_at: datetime | None
    acknowledged_by: str | None = Field(description="user name")
    assignee: str | None = Field(description="user name")
    classification: ClassificationCode
    url: str
    cap_url: str

    # An indicator the caller may not read is absent: the alert then names none.
    @staticmethod
    def resolve_id(alert: Alert) -> UUID:
        return alert.public_id

    @staticmethod
    def resolve_indicator(alert: Alert) -> UUID | None:
        return alert.indicator.public_id if alert.indicator else None

    @staticmethod
    def resolve_indicator_name(alert: Alert) -> str:
        return alert.indicator.name if alert.indicator else ""

    @staticmethod
    def resolve_acknowledged_by(alert: Alert) -> str | None:
        return alert.acknowledged_by.get_username() if alert.acknowledged_by else None

    @staticmethod
    def resolve_assignee(alert: Alert) -> str | None:
        return alert.assignee.get_username() if alert.assignee else None

    @staticmethod
    def resolve_classification(alert: Alert) -> Classification:
        return Classification(alert.classification)

    @staticmethod
    def resolve_url(alert: Alert) -> str:
        return alert.get_absolute_url()

    @staticmethod
    def resolve_cap_url(alert: Alert) -> str:
        return reverse("api:alert_cap", args=[alert.public_id])


class IncidentPatch(Schema):
    """Fields as `IncidentOut` names them; those left out stay as they are."""

    date: date_type | None = None
    time: time_type | None = None
    time_precision: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str | None = None
    sub_category: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    narrative: str | None = None
    sources: str | None = None
    source_scale: str | None = None
    reliability: str | None = None
    credibility: int | None = None
    classification: str | None = None
    release_to_all_members: bool | None = None
    releasable_to: list[str] | None = Field(None, description="party codes, e.g. RU, SEC")


class IncidentIn(IncidentPatch):
    date: date_type
    country: str
    sub_category: str
    external_id: str | None = None


class ImportProblemOut(Schema):
    """One problem of a bad row: a row with several problems has one entry for each."""

    line: int = Field(description="the line (GeoJSON: the feature) of a bad row; 0 for the file")
    reason: str = Field(description="what is wrong, naming the column and the value")


class ImportOut(Schema):
    id: UUID
    file_name: str
    format: str
    status: str = Field(description="queued, running, done or failed; a failed import created "
                                    "nothing")
    rows: int
    created: int
    unchanged: int
    problems: list[ImportProblemOut]
    started_at: datetime
    finished_at: datetime | None
    retry_of: UUID | None = Field(description="the import refused for bad rows that this one "
                                              "runs again, skipping them")
    url: str
    incidents_url: str = Field(description="the incidents this import added")

    @staticmethod
    def resolve_id(run: IncidentImport) -> UUID:
        return run.public_id

    @staticmethod
    def resolve_retry_of(run: IncidentImport) -> UUID | None:
        return run.retry_of.public_id if run.retry_of_id and run.retry_of else None

    @staticmethod
    def resolve_incidents_url(run: IncidentImport) -> str:
        return f"{reverse('api:incidents')}?import_id={run.public_id}"

    @staticmethod
    def resolve_format(run: IncidentImport) -> str:
        return run.fmt

    @staticmethod
    def resolve_rows(run: IncidentImport) -> int:
        return run.rows_total

    @staticmethod
    def resolve_problems(run: IncidentImport) -> list[dict[str, object]]:
        return [{"line": line, "reason": reason} for line, reason in run.problems]

    @staticmethod
    def resolve_url(run: IncidentImport) -> str:
        return reverse("monitoring:import-detail", args=[run.public_id])
