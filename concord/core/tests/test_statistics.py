from __future__ import annotations

import pytest
from django.db import connection

from concord.core.models import Party
from concord.core.statistics import statistics_refresh
from concord.core.tasks import refresh_planner_statistics

pytestmark = pytest.mark.django_db


def _party(code: str) -> Party:
    return Party.objects.create(code=code, kind="state", name_ru=code, name_en=code)


def test_it_gives_sqlite_the_statistics_its_planner_needs_and_leaves_postgresql_to_itself() -> None:
    for code in ("AM", "BY", "KZ", "KG", "RU", "TJ"):
        _party(code)
    refreshed = statistics_refresh()
    if connection.vendor != "sqlite":
        assert refreshed is False
        return
    assert refreshed is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'core_party'")
        rows = dict(cursor.fetchall())
    # Each index of the table is described, counting the rows it was sampled over.
    assert rows, "no statistics were written for the parties"
    assert all(stat.split()[0] == str(Party.objects.count()) for stat in rows.values())


def test_it_refreshes_the_statistics_daily_from_the_schedule(settings) -> None:
    assert settings.CONCORD_PERIODIC_TASKS["concord.core.tasks.refresh_planner_statistics"] == 86400
    refresh_planner_statistics.call()
