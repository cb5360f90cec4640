from __future__ import annotations

from django.urls import URLPattern, path

from concord.forces.views import formations, readiness, units

app_name = "forces"
urlpatterns: list[URLPattern] = [
    # Formations, units, contributions and readiness.
    path("", formations.formation_list, name="formation-list"),
    path("formations/new/", formations.formation_create, name="formation-create"),
    path("formations/<uuid:public_id>/", formations.formation_detail, name="formation-detail"),
    path("formations/<uuid:public_id>/edit/", formations.formation_edit, name="formation-edit"),
    path("contributions/<uuid:public_id>/", formations.contribution_detail,
         name="contribution-detail"),
    path("contributions/<uuid:public_id>/step/", formations.contribution_advance,
         name="contribution-advance"),
    path("contributions/<uuid:public_id>/transfer/", formations.authority_transfer,
         name="contribution-transfer"),
    path("contributions/<uuid:public_id>/return/", formations.authority_return,
         name="contribution-return"),
    path("units/", units.unit_list, name="unit-list"),
    path("units/tree/", units.unit_tree, name="unit-tree"),
    path("units/new/", units.unit_create, name="unit-create"),
    path("units/<uuid:public_id>/", units.unit_detail, name="unit-detail"),
    path("units/<uuid:public_id>/edit/", units.unit_edit, name="unit-edit"),
    path("units/<uuid:public_id>/readiness/", units.readiness_report, name="unit-readiness"),
    path("units/<uuid:public_id>/strength/", units.strength_record, name="unit-strength"),
    path("units/<uuid:public_id>/earmark/", units.unit_earmark, name="unit-earmark"),
    path("map/", units.unit_map, name="map"),
    path("units.geojson", units.units_geojson, name="unit-geojson"),
    path("readiness/", readiness.readiness_list, name="readiness-list"),
]
