"""The search index of public texts on SQLite. It is written in the same transaction as the
change that makes a text public, corrects it or withdraws it, so that it never holds a text the
public may not read, not even for a moment. PostgreSQL needs no index of its own: it searches
the texts with its full-text search (selectors.search)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db import connection

from concord.press.models import Publication, PublicationText


def index_refresh(*, publication: Publication) -> None:
    if connection.vendor != "sqlite":
        return
    ids = list(PublicationText.objects.filter(publication_id=publication.pk)
               .values_list("pk", flat=True))
    # What goes in is read as the public reads it: a text the public may not read stays out.
    public = (Publication.objects.visible_to(AnonymousUser())
              .filter(pk=publication.pk, status__in=Publication.OUT).exists())
    rows = list(PublicationText.objects.filter(publication_id=publication.pk,
                                               superseded_at__isnull=True)
                .values_list("pk", "language", "title", "lead", "body")) if public else []
    with connection.cursor() as cursor:
        if ids:
            marks = ",".join(["%s"] * len(ids))
            cursor.execute(f"DELETE FROM press_search WHERE text_id IN ({marks})",  # noqa: S608
                           ids)
        for row in rows:
            cursor.execute("INSERT INTO press_search (text_id, language, title, lead, body) "
                           "VALUES (%s, %s, %s, %s, %s)", list(row))
