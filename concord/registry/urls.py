from __future__ import annotations

from django.urls import path

from concord.registry import views

app_name = "registry"
urlpatterns = [
    path("states/", views.state_list, name="state-list"),
    path("states/<country:code>/", views.state_detail, name="state-detail"),
    path("states/<country:code>/edit/", views.state_edit, name="state-edit"),
    path("states/<country:code>/status/", views.state_status, name="state-status"),
    path("bodies/", views.body_list, name="body-list"),
    path("bodies/<code:code>/", views.body_detail, name="body-detail"),
    path("bodies/<code:code>/edit/", views.body_edit, name="body-edit"),
    path("officials/", views.official_list, name="official-list"),
    path("officials/new/", views.official_create, name="official-create"),
    path("officials/<uuid:official_id>/", views.official_detail, name="official-detail"),
    path("officials/<uuid:official_id>/edit/", views.official_edit, name="official-edit"),
    path("officials/<uuid:official_id>/terms/new/", views.term_add, name="term-add"),
    path("chairmanship/", views.chairmanship, name="chairmanship"),
    path("chairmanship/record/", views.chairmanship_record, name="chairmanship-record"),
]
