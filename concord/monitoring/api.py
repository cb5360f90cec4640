# No `from __future__ import annotations` here: django-ninja 1.7 resolves the annotations of a
# @paginate'd endpoint in the pagination module's namespace (vitalik/django-ninja#1717).

from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth

from concord.core.errors import ValidationError, referenced
from concord.core.labels import Classification
from concord.core.pagination import LazyPage, lazily
from concord.core.renderers import json_response
from concord.core.schemas import Problem
from concord.monitoring import selectors, services
from concord.monitoring.models import (
    Alert,
    GeoPrecision,
    Incident,
    IncidentImport,
    Indicator,
    TimePrecision,
)
from concord.monitoring.outputs import cap
from concord.monitoring.schemas import (
    AlertOut,
    ImportOut,
    IncidentDetailOut,
    IncidentIn,
    IncidentOut,
    IncidentPatch,
    IndicatorIn,
    IndicatorOut,
    IndicatorUpdate,
    SummaryOut,
)
from concord.monitoring.taxonomy import SUB_CATEGORY_BY_CODE

router = Router(tags=["monitoring"])


class IncidentQuery(Schema):
    date_from: str = Field("", alias="from")
    date_to: str = Field("", alias="to")
    days: str = ""
    category: list[str] = []
    country: list[str] = []
    region: str = ""
    severity: str = ""
    verification: list[str] = []
    q: str = ""
    sort: str = Field("", description="date, place, category, fatalities, severity or "
                      "verification, `-` before it for the descending order (default -date)")

    def params(self) -> dict[str, Any]:
        return {"from": self.date_from, "to": self.date_to, "days": self.days,
                "category": self.category, "country": self.country, "region": self.region,
                "severity": self.severity, "verification": self.verification, "q": self.q,
                "sort": self.sort}


@router.get("/incidents", response=list[IncidentOut],
            summary="Incidents the caller may read, filtered (dates as YYYY-MM-DD)")
@paginate(LimitOffsetPagination)
def incidents(request: HttpRequest, filters: Query[IncidentQuery],
              import_id: str = "") -> Any:
    """`import_id`: only the incidents added by that import (one the caller started)."""
    run = (referenced("query.import_id", selectors.import_get, viewer=request.user,
                      public_id=import_id) if import_id else None)
    found = selectors.incidents_imported(viewer=request.user, import_run=run,
                                         filters=selectors.filters_from(filters.params()))
    return lazily(found)


@router.get("/incidents/{incident_id}", response={200: IncidentDetailOut, 404: Problem},
            summary="One incident with the figures of its sources")
def incident(request: HttpRequest, incident_id: str) -> Incident:
    return selectors.incident_get(viewer=request.user, public_id=incident_id)


# The API's names for the model's fields, where they differ, and its names for coded values.
_RENAMED = {"date": "occurred_on", "time": "occurred_at"}
_NAMED_CHOICES: dict[str, Any] = {"time_precision": TimePrecision, "geo_precision": GeoPrecision,
                                  "classification": Classification}


class _Refused(Exception):
    """One field's value refused, with the reason its caller is told."""


def _model_value(name: str, given: Any) -> Any:
    """The model's value for one field given to the API; raises _Refused when it has none."""
    if name in _NAMED_CHOICES:
        choices = _NAMED_CHOICES[name]
        names = [member.name.lower() for member in choices]
        if str(given).lower() not in names:
            raise _Refused(_("%(value)r is not one of: %(names)s.")
                           % {"value": given, "names": ", ".join(names)})
        return choices[str(given).upper()].value
    if name == "releasable_to":
        if given is None:
            raise _Refused(_("Give a list of party codes, or leave the field out."))
        parties = selectors.parties_by_code(codes=given)
        unknown = sorted(set(given) - set(parties))
        if unknown:
            raise _Refused(_("No party %(codes)s.") % {"codes": ", ".join(unknown)})
        return list(parties.values())
    if name == "sub_category" and given not in SUB_CATEGORY_BY_CODE:
        raise _Refused(_("%(value)r is not a sub-category of the taxonomy.") % {"value": given})
    return given


def _model_values(given: dict[str, Any]) -> dict[str, Any]:
    """The model's values for the fields given, each bad one named in the error."""
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for name, value in given.items():
        try:
            values[_RENAMED.get(name, name)] = _model_value(name, value)
        except _Refused as refused:
            errors[name] = [str(refused)]
            continue
        if name == "sub_category":
            values["category"] = SUB_CATEGORY_BY_CODE[value].category
    if errors:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    return values


@router.post("/incidents", response={201: IncidentDetailOut}, auth=django_auth,
             summary="Record an incident (fields and coded values as the list returns them)")
def incident_create(request: HttpRequest, payload: IncidentIn) -> Status[Incident]:
    values = _model_values(payload.dict(exclude_none=True))
    created = services.incident_create(actor=request.user, **values)
    return Status(201, incident(request, str(created.public_id)))


@router.patch("/incidents/{incident_id}",
              response={200: IncidentDetailOut, 202: IncidentDetailOut, 404: Problem,
                        422: Problem},
              auth=django_auth,
              summary="Correct an incident: only the fields sent change, each change audited. A "
                      "wider label waits for a second person of the originating party: 202, with "
                      "the waiting change in pending_label_change")
def incident_update(request: HttpRequest, incident_id: str,
                    payload: IncidentPatch) -> Status[Incident]:
    found = selectors.incident_get(viewer=request.user, public_id=incident_id)
    values = _model_values(payload.dict(exclude_unset=True))
    updated = services.incident_update(actor=request.user, incident=found, **values)
    pending = getattr(updated, "pending_label_change", None) is not None
    return Status(202 if pending else 200, incident(request, incident_id))


@router.post("/imports", response={202: ImportOut}, auth=django_auth,
             summary="Import a file of incidents (acled, csv, xlsx or geojson; empty: recognised "
                     "from the file) in the background: 202 with the import, which its own URL "
                     "answers until it is done or failed. A file above the size or row limits "
                     "answers 422 at once")
def import_start(request: HttpRequest, file: File[UploadedFile], fmt: Form[str] = "",
                 classification: Form[str] = "official_use",
                 skip_bad_rows: Form[bool] = False) -> Status[IncidentImport]:
    label = _model_values({"classification": classification})["classification"]
    run = services.import_start(actor=request.user, upload=file, file_name=file.name or "",
                                fmt=fmt, skip_bad_rows=skip_bad_rows, classification=label)
    return Status(202, run)


@router.get("/imports", response=list[ImportOut], auth=django_auth,
            summary="The imports the caller started, the latest first")
@paginate(LimitOffsetPagination)
def import_list(request: HttpRequest) -> Any:
    return lazily(selectors.import_list(viewer=request.user))


@router.get("/imports/{import_id}", response={200: ImportOut, 404: Problem}, auth=django_auth,
            summary="One import started by the caller: its status, counts and bad rows")
def import_detail(request: HttpRequest, import_id: str) -> IncidentImport:
    return selectors.import_get(viewer=request.user, public_id=import_id)


@router.post("/imports/{import_id}/retry", response={202: ImportOut, 404: Problem, 409: Problem},
             auth=django_auth,
             summary="Import again the file of an import refused for bad rows, skipping them: "
                     "202 with the new import; the refused one stays as it ended")
def import_retry(request: HttpRequest, import_id: str) -> Status[IncidentImport]:
    found = selectors.import_get(viewer=request.user, public_id=import_id)
    return Status(202, services.import_retry_skipping(actor=request.user, run=found))


@router.get("/situation/summary", response=SummaryOut,
            summary="Counts by category × country × week, and map clusters for a zoom level")
def situation_summary(request: HttpRequest, filters: Query[IncidentQuery],
                      zoom: int = 4) -> HttpResponse:
    summary = selectors.situation_summary(viewer=request.user,
                                          filters=selectors.filters_from(filters.params()),
                                          zoom=zoom)
    body = {"total": summary.total, "zoom": summary.zoom,
            "cell_degrees": selectors.cell_degrees(summary.zoom), "weeks": summary.weeks,
            "counts": summary.counts, "by_country": summary.by_country,
            "by_category": summary.by_category, "by_region": summary.by_region,
            "clusters": summary.clusters}
    # The selector builds the document in SummaryOut's shape (the tests hold it to the schema),
    # so it is written out as it is: validating thousands of counts just built, and turning
    # their weeks into dates and back, would cost more than reading them from the tallies.
    return json_response(request, body)


@router.post("/indicators", response={201: IndicatorOut}, auth=django_auth,
             summary="Define an indicator; its label is the audience of its alerts")
def indicator_define(request: HttpRequest, payload: IndicatorIn) -> Status[Indicator]:
    values = payload.dict()
    values.update(_model_values({"classification": values["classification"]}))
    created = services.indicator_define(actor=request.user, **values)
    return Status(201, created)


@router.put("/indicators/{indicator_id}", response={200: IndicatorOut, 404: Problem, 422: Problem},
            auth=django_auth,
            summary="Change what an indicator watches and its thresholds, or stop it")
def indicator_update(request: HttpRequest, indicator_id: str,
                     payload: IndicatorUpdate) -> Indicator:
    found = selectors.indicator_get(viewer=request.user, public_id=indicator_id)
    return services.indicator_update(actor=request.user, indicator=found, **payload.dict())


@router.get("/indicators", response=list[IndicatorOut], summary="Indicators and thresholds")
@paginate(LimitOffsetPagination)
def indicators(request: HttpRequest) -> LazyPage[Indicator]:
    return lazily(selectors.indicator_list(viewer=request.user))


@router.get("/alerts", response=list[AlertOut],
            summary="Alerts (active=true for the open ones; state new, acknowledged or ended; "
                    "assignee me, none or a user name); each also as CAP 1.2 at cap_url")
@paginate(LimitOffsetPagination)
def alerts(request: HttpRequest, active: bool | None = None,
           state: Literal["", "new", "acknowledged", "ended"] = "",
           assignee: str = "") -> LazyPage[Alert]:
    return lazily(selectors.alert_list(viewer=request.user, active=active, state=state,
                                       assignee=assignee))


@router.post("/alerts/{alert_id}/acknowledge",
             response={200: AlertOut, 403: Problem, 404: Problem, 409: Problem},
             auth=django_auth, summary="Acknowledge an open alert (once: 409 after)")
def alert_acknowledge(request: HttpRequest, alert_id: str) -> Alert:
    found = selectors.alert_get(viewer=request.user, public_id=alert_id)
    return services.alert_acknowledge(actor=request.user, alert=found)


class AlertAssignment(Schema):
    assignee: str | None = Field(description="the user name of an analyst who may read the "
                                              "alert; null for no one")


@router.put("/alerts/{alert_id}/assignee",
            response={200: AlertOut, 403: Problem, 404: Problem, 409: Problem, 422: Problem},
            auth=django_auth, summary="Assign an open alert to an analyst, or to no one")
def alert_assign(request: HttpRequest, alert_id: str, payload: AlertAssignment) -> Alert:
    found = selectors.alert_get(viewer=request.user, public_id=alert_id)
    assignee = None
    if payload.assignee:
        by_name = {user.get_username(): user for user in services.alert_assignable(found)}
        assignee = by_name.get(payload.assignee)
        if assignee is None:
            raise ValidationError(_("Please correct the marked fields."), errors={"assignee": [
                _("%(user)s may not handle this alert.") % {"user": payload.assignee}]})
    return services.alert_assign(actor=request.user, alert=found, assignee=assignee)


@router.get("/alerts/{alert_id}", response={200: AlertOut, 404: Problem}, summary="One alert")
def alert(request: HttpRequest, alert_id: str) -> Alert:
    return selectors.alert_get(viewer=request.user, public_id=alert_id)


@router.get("/alerts/{alert_id}/cap", summary="One alert as a CAP 1.2 message",
            response={200: None, 404: Problem}, openapi_extra={"responses": {200: {
                "description": "CAP 1.2 XML",
                "content": {"application/cap+xml": {"schema": {"type": "string"}}}}}})
def alert_cap(request: HttpRequest, alert_id: str) -> HttpResponse:
    found = selectors.alert_get(viewer=request.user, public_id=alert_id)
    earlier = selectors.alert_earlier(viewer=request.user, alert=found)
    return HttpResponse(cap.alert_cap(found, earlier=earlier), content_type="application/cap+xml")
