"""Who is acting and from where, for the audit log, carried through one request or command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    client_address: str
    channel: str  # "web", "api" or "cli"


_COMMAND_LINE = RequestContext(client_address="local", channel="cli")
_current: ContextVar[RequestContext] = ContextVar("concord_request_context", default=_COMMAND_LINE)


def current() -> RequestContext:
    return _current.get()


@contextmanager
def bind(context: RequestContext) -> Iterator[None]:
    token = _current.set(context)
    try:
        yield
    finally:
        _current.reset(token)
