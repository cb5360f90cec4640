"""Reading incident files: ACLED CSV (the layout published since 2023 and the older one), the
project's own CSV and XLSX, and GeoJSON. Each reader yields, per data row, its line number and
either the incident's field values or the reason the row cannot be used.

Concord adds the label columns of concord.core.marking to every layout (after ACLED's own in
ACLED CSV); a row that fills them carries its label as `Row.label` (see `RowLabel`), one
that leaves them empty (or a file without them) takes the import's label.

The readers read files, they do not render anything: they live here rather than among the
outputs, and the exports take their column lists from here, so that a file Concord writes is one
it reads back."""

from concord.monitoring.formats.readers import (
    check_size,
    check_start,
    guess_format,
    read,
    read_csv,
    read_geojson,
    read_xlsx,
)
from concord.monitoring.formats.rows import (
    ACLED_COLUMNS,
    ACLED_LEGACY_COLUMNS,
    FORMAT_NAMES,
    FORMATS,
    OWN_COLUMNS,
    FileRefused,
    Limits,
    Row,
    RowError,
    RowLabel,
    acled_values,
    configured_limits,
    file_id,
    key_spellings,
    own_values,
    row_label,
)

__all__ = [
    "ACLED_COLUMNS", "ACLED_LEGACY_COLUMNS", "FORMATS", "FORMAT_NAMES", "OWN_COLUMNS",
    "FileRefused", "Limits",
    "Row", "RowError", "RowLabel", "acled_values", "check_size", "check_start",
    "configured_limits", "file_id", "guess_format", "key_spellings", "own_values", "read",
    "read_csv", "read_geojson", "read_xlsx", "row_label",
]
