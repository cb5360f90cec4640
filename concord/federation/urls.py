from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from concord.federation.views import copies, nodes
from concord.federation.views import witness as witness_views

app_name = "federation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", copies.copy_list, name="copy-list"),
    path("copies/<uuid:copy_id>/", copies.copy_detail, name="copy-detail"),
    path("nodes/", nodes.node_list, name="node-list"),
]

# Mutual witnessing of audit checkpoints.
urlpatterns += [
    path("witnesses/", witness_views.witness_overview, name="witness-overview"),
]
