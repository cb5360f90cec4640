"""How a record's label travels with it when it leaves Concord.

In a table (CSV, XLSX, GeoJSON) the label is four columns of codes, read by programs as well as
people: `classification` as the API spells it (`secret`), `originator` and `releasable_to` as
party codes (`RU;TJ`), `release_to_all_members` as `true` or `false`.
"""

from __future__ import annotations

from typing import Any

from concord.core.labels import Classification

LABEL_COLUMNS = ("classification", "originator", "release_to_all_members", "releasable_to")
# Party codes in the `releasable_to` column.
PARTY_SEPARATOR = ";"


def classification_code(value: int) -> str:
    """The code of a classification, as the API writes it: `public` … `secret`."""
    return Classification(value).name.lower()


CLASSIFICATION_CODES: dict[str, int] = {
    **{c.name.lower(): int(c) for c in Classification},
    # The command line writes `official-use`.
    **{c.name.lower().replace("_", "-"): int(c) for c in Classification},
}


def classification_of_code(text: str) -> int | None:
    """The classification a code names, or None when it names none."""
    return CLASSIFICATION_CODES.get(text.strip().casefold())


def release_codes(record: Any) -> list[str]:
    """The codes of the parties a record is released to by name, in code order (reads the
    release list, prefetched or not)."""
    return sorted(party.code for party in record.releasable_to.all())


def label_cells(record: Any) -> list[Any]:
    """The values of LABEL_COLUMNS for one labelled record."""
    return [classification_code(record.classification), record.originator.code,
            bool(record.release_to_all_members),
            PARTY_SEPARATOR.join(release_codes(record))]
