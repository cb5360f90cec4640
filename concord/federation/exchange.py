"""The record types that travel between nodes, each with the fields that travel. Nothing of a
record leaves the node unless it is named here; a field is a path the ORM reads (`body__code`),
sent under the name given to it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from concord.core.models import LabelledModel


@dataclass(frozen=True)
class RecordType:
    key: str  # "app_label.model", as the audit chain names its records
    label: Any
    title: str  # the field a copy is listed under
    fields: tuple[tuple[str, str], ...]

    @property
    def model(self) -> type[LabelledModel]:
        model = apps.get_model(self.key)
        assert issubclass(model, LabelledModel)  # noqa: S101  (every entry below is labelled)
        return model


_TYPES = (
    RecordType("council.document", _("Council document"), "title_ru", (
        ("symbol", "symbol"), ("type", "doc_type"), ("body", "body__code"), ("year", "year"),
        ("title_ru", "title_ru"), ("title_en", "title_en"), ("status", "status"),
        ("adopted_on", "adopted_on"), ("place_ru", "place_ru"), ("place_en", "place_en"))),
    RecordType("council.instruction", _("Instruction"), "text_ru", (
        ("document", "document__public_id"), ("number", "number"), ("text_ru", "text_ru"),
        ("text_en", "text_en"), ("addressee", "addressee_kind"), ("due_on", "due_on"),
        ("status", "status"))),
    RecordType("monitoring.incident", _("Incident"), "location", (
        ("occurred_on", "occurred_on"), ("occurred_at", "occurred_at"), ("country", "country"),
        ("location", "location"), ("latitude", "latitude"), ("longitude", "longitude"),
        ("category", "category"), ("sub_category", "sub_category"),
        ("fatalities", "fatalities"), ("injured", "injured"), ("severity", "severity"),
        ("narrative", "narrative"), ("verification", "verification"))),
    RecordType("assistance.assistancerequest", _("Assistance request"), "title_ru", (
        ("reference", "reference"), ("title_ru", "title_ru"), ("title_en", "title_en"),
        ("summary_ru", "summary_ru"), ("summary_en", "summary_en"), ("kind", "kind"),
        ("urgency", "urgency"), ("status", "status"), ("closes_on", "closes_on"))),
    RecordType("assistance.pledge", _("Pledge"), "request__title_ru", (
        ("request", "request__public_id"), ("state", "state__party__code"), ("note", "note"),
        ("pledged_on", "pledged_on"))),
    RecordType("forces.contribution", _("Force contribution"), "formation__name_ru", (
        ("formation", "formation__code"), ("state", "state__party__code"),
        ("period_from", "period_from"), ("period_to", "period_to"), ("status", "status"),
        ("note", "note"))),
    RecordType("forces.readinessreport", _("Readiness report"), "unit__name_ru", (
        ("unit", "unit__public_id"), ("reported_on", "reported_on"),
        ("personnel", "personnel"), ("equipment", "equipment"), ("training", "training"),
        ("sustainment", "sustainment"), ("overall", "overall"), ("caveats", "caveats"))),
    RecordType("forces.operationresult", _("Operation result"), "stage__operation__name_ru", (
        ("operation", "stage__operation__code"), ("stage", "stage__number"),
        ("measure", "measure"), ("case_type", "case_type"), ("quantity", "quantity"))),
)

RECORD_TYPES: dict[str, RecordType] = {record_type.key: record_type for record_type in _TYPES}
