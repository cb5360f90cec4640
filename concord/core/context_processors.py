from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils.functional import SimpleLazyObject

from concord.core import shell


def navigation(request: HttpRequest) -> dict[str, Any]:
    # Lazy: a partial rendered for htmx never shows the navigation, so it never builds it.
    return {"LANGUAGES": settings.LANGUAGES,
            "navigation": SimpleLazyObject(lambda: shell.navigation_for(request)),
            "login_url": SimpleLazyObject(lambda: resolve_url(settings.LOGIN_URL)),
            "landing_url": SimpleLazyObject(lambda: resolve_url(settings.LOGIN_REDIRECT_URL))}
