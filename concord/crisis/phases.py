"""The phase rules of a case: forward one phase at a time; a case that never escalated (still
in monitoring or consultation) may be closed at once; a closed case stays closed."""

from __future__ import annotations

from django.utils.translation import gettext as _

from concord.crisis.models.cases import Case

ORDER = [phase.value for phase in Case.Phase]
CLOSABLE_EARLY = frozenset({Case.Phase.MONITORING, Case.Phase.CONSULTATION})


def allowed(current: str) -> list[str]:
    """The phases a case in `current` may move to."""
    if current == Case.Phase.CLOSED:
        return []
    following = [ORDER[ORDER.index(current) + 1]]
    if current in CLOSABLE_EARLY:
        following.append(Case.Phase.CLOSED)
    return following


def refusal(current: str, to: str) -> str:
    """Why a case in `current` may not move to `to`, or "" when it may."""
    if to not in ORDER:
        return _("Unknown phase: %(value)s.") % {"value": to}
    if current == Case.Phase.CLOSED:
        return _("The case is closed.")
    if to not in allowed(current):
        return _("A case in the phase “%(current)s” moves next to “%(next)s”, not to “%(to)s”.") % {
            "current": Case.Phase(current).label, "next": Case.Phase(allowed(current)[0]).label,
            "to": Case.Phase(to).label}
    return ""
