from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from concord.federation.views import witness as witness_views

app_name = "federation"
urlpatterns: list[URLPattern | URLResolver] = []

# Mutual witnessing of audit checkpoints.
urlpatterns += [
    path("witnesses/", witness_views.witness_overview, name="witness-overview"),
]
