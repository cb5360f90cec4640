"""A bound on the refusals one address may draw from an endpoint that answers anyone.

Such an endpoint audits every refusal, so without a bound a stranger could fill the audit log
with them. The count lives in the process's cache, in fixed windows: `concord serve` is one
process, and a restart forgiving an address is harmless, since its refusals up to then are in
the log.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.utils.translation import gettext as _

from concord.core.errors import DomainError, TooManyRequests


def _key(scope: str, address: str, window: int) -> tuple[str, int]:
    started = int(time.time()) // window * window
    return f"concord:refusals:{scope}:{address}:{started}", started + window


@contextmanager
def refusals_bounded(scope: str, address: str, *, limit: int, window: int) -> Iterator[None]:
    """Run the block unless `address` has drawn `limit` refusals (domain errors) from `scope` in
    the current window of `window` seconds; count the block's own refusal."""
    key, ends = _key(scope, address, window)
    if int(cache.get(key, 0)) >= limit:
        retry = max(1, ends - int(time.time()))
        raise TooManyRequests(_("This address was refused %(count)d times in %(minutes)d minutes; "
                                "try again in %(seconds)d seconds.")
                              % {"count": limit, "minutes": max(1, window // 60),
                                 "seconds": retry}, retry_after=retry)
    try:
        yield
    except DomainError:
        if not cache.add(key, 1, timeout=window + 1):
            try:
                cache.incr(key)
            except ValueError:  # the window ended between the two calls
                cache.add(key, 1, timeout=window + 1)
        raise
