from __future__ import annotations

from datetime import date, datetime, time
from uuid import UUID

from ninja import Schema


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
    classification: str
    url: str


class IncidentDetailOut(IncidentOut):
    figures: list[FigureOut]
    merged_into: UUID | None


class CountOut(Schema):
    category: str
    country: str
    week: date
    count: int


class CountryCountOut(Schema):
    country: str
    count: int


class CategoryCountOut(Schema):
    category: str
    count: int


class ClusterOut(Schema):
    lat: float
    lon: float
    count: int
    severity: int


class RegionCountOut(Schema):
    region: str
    count: int


class SummaryOut(Schema):
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
    name: str
    category: str
    region: str
    window_days: int
    kind: str
    orange: float
    red: float
    active: bool
    classification: str


class AlertOut(Schema):
    id: UUID
    indicator: UUID
    indicator_name: str
    level: str
    value: float
    baseline: float | None
    window_start: date
    window_end: date
    raised_at: datetime
    ended_at: datetime | None
    classification: str
    url: str
    cap_url: str
