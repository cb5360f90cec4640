from __future__ import annotations

from django.urls import URLPattern, path

app_name = "forces"
urlpatterns: list[URLPattern] = []

# Joint operations.
from concord.forces.views import operations as operation_views  # noqa: E402

urlpatterns += [
    path("operations/", operation_views.operation_list, name="operation-list"),
    path("operations/results/", operation_views.result_list, name="operation-results"),
    path("operations/results/import/", operation_views.result_import,
         name="operation-results-import"),
    path("operations/totals/", operation_views.result_totals, name="operation-totals"),
    path("operations/published/<uuid:publication_id>/", operation_views.publication_detail,
         name="operation-publication"),
    path("operations/<uuid:operation_id>/", operation_views.operation_detail,
         name="operation-detail"),
    path("operations/<uuid:operation_id>/publish/", operation_views.publication_generate,
         name="operation-publish"),
]
