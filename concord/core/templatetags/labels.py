"""`{% if record|kept_from_states %}`: the label policy's own test of a record released to named
parties only, for the pages that say so."""

from __future__ import annotations

from django import template

from concord.core import policy
from concord.core.models import LabelledModel

register = template.Library()


@register.filter
def kept_from_states(record: LabelledModel) -> bool:
    return policy.kept_from_states(record)
