from __future__ import annotations

from django.urls import path

from concord.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("labels/", views.label_changes, name="label-changes"),
    path("labels/<uuid:public_id>/decide/", views.label_change_decide,
         name="label-change-decide"),
    path("labels/<str:model>/<uuid:public_id>/", views.relabel, name="relabel"),
]
