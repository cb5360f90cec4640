"""Figures of joint operations as a reader writes them: grouped thousands, the decimal comma of
the page's language, and no trailing zeros (412.5 kg, not 412.500)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value: Any) -> str:
    if value is None or value == "":
        return "—"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    exact = number.quantize(Decimal(1)) if number == number.to_integral_value() \
        else number.normalize()
    return number_format(exact, force_grouping=True)
