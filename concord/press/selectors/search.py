"""Search over public texts, in the language asked: SQLite's FTS5 index of public texts, or
PostgreSQL's full-text search with the language's own dictionary. Either way the hits are read
again as the public reads them.

Both engines answer the same question: a text is found when it holds every word asked for (in
any form of the word), in its title, lead or body. A rank only orders what matched; it never
decides a match, since PostgreSQL ranks a text above zero when it holds any one of the words."""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import QuerySet

from concord.press.models import Publication, PublicationText
from concord.press.selectors.public import PUBLIC

DICTIONARIES = {"ru": "russian", "en": "english"}
HITS = 50
# Without a stemmer for Russian in FTS5, a longer word is looked up by its stem: a few endings
# off, then any ending ("сессии" finds "сессия").
STEM_FROM = 5
ENDING = 2


def _fts_query(q: str) -> str:
    terms = []
    for word in re.findall(r"\w+", q.lower()):
        stem = word[:-ENDING] if len(word) > STEM_FROM else word
        terms.append(f'"{stem}"*')
    return " ".join(terms)


def _public_texts(language: str) -> QuerySet[PublicationText]:
    return PublicationText.objects.filter(
        language=language, superseded_at__isnull=True,
        publication__in=Publication.objects.visible_to(PUBLIC).filter(
            status__in=Publication.OUT)).select_related("publication")


def search(*, q: str, language: str) -> list[PublicationText]:
    """The current public texts in `language` that match `q`, the best first."""
    if language not in DICTIONARIES or not re.search(r"\w", q):
        return []
    if connection.vendor == "postgresql":
        config = DICTIONARIES[language]
        query = SearchQuery(q, config=config, search_type="plain")
        vector = (SearchVector("title", weight="A", config=config)
                  + SearchVector("lead", weight="B", config=config)
                  + SearchVector("body", weight="C", config=config))
        return list(_public_texts(language).annotate(document=vector)
                    .filter(document=query)
                    .annotate(rank=SearchRank(vector, query))
                    .order_by("-rank", "-publication__published_at")[:HITS])
    with connection.cursor() as cursor:
        cursor.execute("SELECT text_id FROM press_search WHERE press_search MATCH %s "
                       "AND language = %s ORDER BY rank LIMIT %s",
                       [_fts_query(q), language, HITS])
        ids = [row[0] for row in cursor.fetchall()]
    found = {t.pk: t for t in _public_texts(language).filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]
