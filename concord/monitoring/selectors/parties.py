"""The member states and bodies an incident may be released to, named by their codes."""

from __future__ import annotations

from collections.abc import Iterable

from concord.core.models import Party


def parties_by_code(*, codes: Iterable[str]) -> dict[str, Party]:
    """The parties that exist among `codes`, by code; a code missing from the answer is unknown
    and the caller names it."""
    return {party.code: party for party in Party.objects.filter(code__in=list(codes))}
