from __future__ import annotations

from django.urls import URLPattern

app_name = "assistance"
urlpatterns: list[URLPattern] = []

# The fair-share proposal, the handover act and the end-use certificate, the EDXL-RM and HXL
# exports.
from django.urls import path  # noqa: E402

from concord.assistance.views import allocation as allocation_views  # noqa: E402

urlpatterns += [
    path("requests/<uuid:public_id>/allocation/", allocation_views.allocation_page,
         name="request-allocation"),
    path("requests/<uuid:public_id>/allocation/propose/", allocation_views.allocation_propose,
         name="request-allocation-propose"),
    path("requests/<uuid:public_id>/allocation/answer/", allocation_views.allocation_answer,
         name="request-allocation-answer"),
]
