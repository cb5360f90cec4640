"""`{{ name|zone_place }}`: a time zone as the place that keeps it, in the reader's language."""

from __future__ import annotations

from django import template

from concord.core.widgets import time_zone_place

register = template.Library()


@register.filter
def zone_place(name: str) -> str:
    return time_zone_place(name) if name else ""
