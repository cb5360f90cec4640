"""The API's JSON renderer: orjson writes the bytes, with ninja's encoder as the fallback for
what orjson does not know (lazy translations, Decimal, pydantic models), so every document reads
exactly as it would through the standard library, at a fraction of the cost for a large one
(the situation picture's counts are thousands of objects)."""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson
from django.http import HttpRequest, HttpResponse
from ninja.renderers import BaseRenderer
from ninja.responses import NinjaJSONEncoder

# Date-times and times go to the fallback, which writes them as Django does (milliseconds, "Z"
# for UTC); keys that are not strings are written as the standard library would.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS
_FALLBACK = NinjaJSONEncoder()


def _default(value: Any) -> Any:
    # A plain date has one form in both encoders: the short path for the most frequent value.
    if type(value) is date:
        return value.isoformat()
    return _FALLBACK.default(value)


class ORJSONRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> bytes:
        return orjson.dumps(data, default=_default, option=_OPTIONS)


def json_response(request: HttpRequest, data: Any, *, status: int = 200) -> HttpResponse:
    """A document written as the API writes its answers, for an operation that returns it
    without ninja's validation of its response model."""
    return HttpResponse(_RENDERER.render(request, data, response_status=status), status=status,
                        content_type=f"{_RENDERER.media_type}; charset={_RENDERER.charset}")


_RENDERER = ORJSONRenderer()
