from __future__ import annotations

from django.urls import path

from concord.monitoring.views import imports, incidents, picture, reports, warning

app_name = "monitoring"
urlpatterns = [
    path("", picture.situation, name="situation"),
    path("incidents/", incidents.incident_list, name="incident-list"),
    path("incidents/new/", incidents.incident_create, name="incident-create"),
    path("incidents/duplicates/", incidents.incident_duplicates, name="incident-duplicates"),
    path("incidents/<uuid:incident_id>/", incidents.incident_detail, name="incident-detail"),
    path("incidents/<uuid:incident_id>/edit/", incidents.incident_edit, name="incident-edit"),
    path("incidents/<uuid:incident_id>/verify/", incidents.incident_verify, name="incident-verify"),
    path("incidents/<uuid:incident_id>/figures/", incidents.figure_add, name="figure-add"),
    path("incidents/<uuid:incident_id>/merge/", incidents.incident_merge, name="incident-merge"),
    path("indicators/", warning.indicator_list, name="indicator-list"),
    path("indicators/<uuid:indicator_id>/edit/", warning.indicator_edit, name="indicator-edit"),
    path("indicators/evaluate/", warning.indicators_evaluate, name="indicators-evaluate"),
    path("alerts/", warning.alert_list, name="alert-list"),
    path("alerts/<uuid:alert_id>/", warning.alert_detail, name="alert-detail"),
    path("alerts/<uuid:alert_id>/acknowledge/", warning.alert_acknowledge,
         name="alert-acknowledge"),
    path("alerts/<uuid:alert_id>/assign/", warning.alert_assign, name="alert-assign"),
    path("reports/", reports.report_list, name="report-list"),
    path("reports/<uuid:report_id>/", reports.report_detail, name="report-detail"),
    path("reports/<uuid:report_id>/edit/", reports.report_edit, name="report-edit"),
    path("imports/new/", imports.import_start, name="import-start"),
    path("imports/<uuid:import_id>/", imports.import_detail, name="import-detail"),
    path("imports/<uuid:import_id>/retry/", imports.import_retry, name="import-retry"),
]
