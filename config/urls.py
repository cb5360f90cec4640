from __future__ import annotations

from django.urls import include, path

from config.api import api

urlpatterns = [
    path("", include("concord.portal.urls")),
    path("accounts/", include("concord.accounts.urls")),
    path("registry/", include("concord.registry.urls")),
    path("council/", include("concord.council.urls")),
    path("monitoring/", include("concord.monitoring.urls")),
    path("assistance/", include("concord.assistance.urls")),
    path("forces/", include("concord.forces.urls")),
    path("press/", include("concord.press.urls")),
    path("crisis/", include("concord.crisis.urls")),
    path("federation/", include("concord.federation.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]

handler500 = "concord.core.busy.server_error"
