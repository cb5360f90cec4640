"""The query planner's statistics.

PostgreSQL's autovacuum keeps its statistics up to date. SQLite keeps none until ANALYZE runs,
and without them it may prefer a narrow index over a covering or partial one that reads a
hundredth of the rows (the situation picture's severe-incident index is such a case). A daily
ANALYZE, bounded per index by `analysis_limit`, keeps the plans those indexes were made for.
"""

from __future__ import annotations

from django.db import connection

# Rows sampled per index: enough for the planner to tell a selective index from a broad one,
# and an ANALYZE of the whole database stays in the tens of milliseconds.
ANALYSIS_LIMIT = 1000


def statistics_refresh() -> bool:
    """Refreshes the planner's statistics where the engine leaves it to the application; says
    whether it did."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")
    return True
