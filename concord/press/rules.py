"""Pure rules of the press service: addresses of texts, what makes an item ready to go out."""

from __future__ import annotations

import re

# Readable addresses are written in Latin letters, as the press service's own site writes them;
# the transliteration follows the passport table of the Russian Federation (ГОСТ Р 52535.1).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}
SLUG_LENGTH = 80


def slug_of(title: str) -> str:
    """The address part of a title: Latin letters, digits and hyphens, at most SLUG_LENGTH
    characters cut at a word."""
    latin = "".join(_CYRILLIC.get(ch, ch) for ch in title.lower())
    words = re.findall(r"[a-z0-9]+", latin)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_LENGTH:
            break
        slug = candidate
    return slug or "publication"


def number_of(year: int, serial: int) -> str:
    """The stable identifier of a publication: its year and its place in that year's series."""
    return f"{year}-{serial:04d}"


# What an adopted document of each type is issued as by the press service; other types are not.
ISSUED_AS = {"communique": "communique", "statement": "statement", "declaration": "statement"}
