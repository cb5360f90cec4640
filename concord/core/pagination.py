"""What a paginated list endpoint hands its paginator: the records still unread, so that the
database counts them and returns only the page asked for, and only the page's records are
turned into answers. A list endpoint returns one, and its response schema reads the records:

    @router.get("/member-states", response=list[MemberStateOut])
    @paginate(LimitOffsetPagination)
    def member_states(request, filters):
        return lazily(selectors.member_state_list(viewer=request.user))"""

from __future__ import annotations

from typing import Generic, TypeVar

from django.db.models import Model, QuerySet

Record = TypeVar("Record", bound=Model)


class LazyPage(Generic[Record]):
    # Django Ninja's paginators count what they are given with len() and slice it; a queryset
    # turned into a list first would be read and answered whole for a page of 25.

    def __init__(self, records: QuerySet[Record]) -> None:
        self.records = records
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = self.records.count()
        return self._count

    def __getitem__(self, window: slice) -> list[Record]:
        # An offset past the last record reads nothing; the database is not asked, since an
        # offset past its integers (a query string can say anything) is an error there.
        if (window.start or 0) >= len(self):
            return []
        stop = min(window.stop, len(self)) if window.stop is not None else None
        return list(self.records[window.start:stop])


def lazily(records: QuerySet[Record]) -> LazyPage[Record]:
    return LazyPage(records)
