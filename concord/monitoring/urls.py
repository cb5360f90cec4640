from __future__ import annotations

from django.urls import path

from concord.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.situation, name="situation"),
    path("incidents/", views.incident_list, name="incident-list"),
    path("incidents/new/", views.incident_create, name="incident-create"),
    path("incidents/duplicates/", views.incident_duplicates, name="incident-duplicates"),
    path("incidents/<uuid:incident_id>/", views.incident_detail, name="incident-detail"),
    path("incidents/<uuid:incident_id>/edit/", views.incident_edit, name="incident-edit"),
    path("incidents/<uuid:incident_id>/verify/", views.incident_verify, name="incident-verify"),
    path("incidents/<uuid:incident_id>/figures/", views.figure_add, name="figure-add"),
    path("incidents/<uuid:incident_id>/merge/", views.incident_merge, name="incident-merge"),
    path("indicators/", views.indicator_list, name="indicator-list"),
    path("indicators/<uuid:indicator_id>/edit/", views.indicator_edit, name="indicator-edit"),
    path("indicators/evaluate/", views.indicators_evaluate, name="indicators-evaluate"),
    path("alerts/", views.alert_list, name="alert-list"),
    path("alerts/<uuid:alert_id>/", views.alert_detail, name="alert-detail"),
    path("reports/", views.report_list, name="report-list"),
    path("reports/<uuid:report_id>/", views.report_detail, name="report-detail"),
    path("reports/<uuid:report_id>/edit/", views.report_edit, name="report-edit"),
    path("imports/new/", views.import_start, name="import-start"),
    path("imports/<uuid:import_id>/", views.import_detail, name="import-detail"),
]
