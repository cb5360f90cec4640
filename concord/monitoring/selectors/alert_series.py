"""The series an alert belongs to: the alerts of the same indicator that it replaced when the
level changed, which its CAP messages refer to."""

from __future__ import annotations

from concord.core.actors import Viewer
from concord.monitoring.models import Alert, AlertLevel

# More changes of level than an indicator makes in years: a bound on the walk back.
SERIES_LIMIT = 1000


def alert_earlier(*, viewer: Viewer, alert: Alert) -> list[Alert]:
    """The alerts `alert` replaced, oldest first, as far as the viewer may read them. A change
    of level ends the open alert and raises the next at the same instant, at a level other than
    green (an alert that ends for good turns green)."""
    readable = Alert.objects.visible_to(viewer).exclude(level=AlertLevel.GREEN)
    earlier: list[Alert] = []
    current = alert
    while len(earlier) < SERIES_LIMIT:
        previous = (readable.filter(indicator_id=current.indicator_id,
                                    ended_at=current.raised_at)
                    .exclude(pk=current.pk).order_by("-raised_at", "-pk").first())
        if previous is None:
            break
        earlier.append(previous)
        current = previous
    earlier.reverse()
    return earlier
