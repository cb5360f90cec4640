from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    return {"LANGUAGES": settings.LANGUAGES, "nav_section": request.resolver_match.app_name
            if request.resolver_match else ""}
