from __future__ import annotations

from django.urls import URLPattern

app_name = "forces"
urlpatterns: list[URLPattern] = []
