"""`{{ text|with_figures }}`: a publication's words with the figures it takes from the data
filled in as the public may know them (concord.press.selectors.figures)."""

from __future__ import annotations

from django import template

from concord.press.selectors.figures import filled

register = template.Library()


@register.filter
def with_figures(text: str) -> str:
    return filled(str(text))
