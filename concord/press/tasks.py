"""Background work of the press service: each task calls one service."""

from __future__ import annotations

from django_tasks import task

from concord.press.services import publications


@task()
def release_embargoed_publications() -> int:
    """Every minute or so: publish approved items whose embargo has ended."""
    return len(publications.publications_release_due())
