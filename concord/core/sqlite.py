"""SQLite's LIKE and LOWER fold case for ASCII letters only, so a search for «кыргыз» would miss
«Кыргызстан» and «О плане» would sort apart from «о плане». On SQLite connections Concord
replaces LIKE with a Unicode-aware one and adds `concord_fold`, a Unicode LOWER; PostgreSQL's
ILIKE and LOWER need no help."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from django.db.backends.signals import connection_created


@lru_cache(maxsize=256)
def _pattern(like: str, escape: str | None) -> re.Pattern[str]:
    parts: list[str] = []
    chars = iter(like)
    for char in chars:
        if escape and char == escape:
            parts.append(re.escape(next(chars, "")))
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.DOTALL | re.IGNORECASE)


def _like(pattern: str | None, value: str | None, escape: str | None = None) -> bool | None:
    if pattern is None or value is None:
        return None
    return _pattern(pattern.casefold(), escape).fullmatch(str(value).casefold()) is not None


def _fold(value: str | None) -> str | None:
    return None if value is None else str(value).casefold()


def unicode_like(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("like", 2, _like, deterministic=True)
    raw.create_function("like", 3, _like, deterministic=True)
    raw.create_function("concord_fold", 1, _fold, deterministic=True)


connection_created.connect(unicode_like, dispatch_uid="concord-unicode-like")
