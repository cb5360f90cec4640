"""A database too busy to take a write in time, answered as `503 Service Unavailable`.

A request waits `DATABASE_BUSY_SECONDS` for another writer's lock (SQLite's busy timeout,
PostgreSQL's lock_timeout). Past that, the error reaches one of two places: the API's exception
handler, or Django's 500 handler for a page or a middleware step (a token's last-use time, a
session). Both answer here, with `Retry-After`, and nothing of the request is kept: the
transaction that failed is rolled back."""

from __future__ import annotations

import sys
from collections.abc import Callable

from django.conf import settings
from django.db import connection, transaction
from django.db.utils import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import defaults

from concord.core.renderers import json_response

# PostgreSQL's SQLSTATE for a lock not granted within lock_timeout.
LOCK_NOT_AVAILABLE = "55P03"
_SQLITE_BUSY = ("database is locked", "database table is locked", "database is busy")


def database_busy(error: BaseException | None) -> bool:
    """Whether `error` says that another writer held a lock past the busy limit."""
    if not isinstance(error, OperationalError):
        return False
    if getattr(error.__cause__, "sqlstate", None) == LOCK_NOT_AVAILABLE:
        return True
    text = str(error).lower()
    return any(phrase in text for phrase in _SQLITE_BUSY)


# How long a write that may be skipped waits for the lock.
BRIEF_WAIT_MS = 200


def unless_busy(write: Callable[[], object]) -> bool:
    """Run `write`, a side effect a request can do without (a last-use time), waiting only
    briefly for the lock; False when the database was busy and nothing was written."""
    try:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA busy_timeout")
                (usual,) = cursor.fetchone()
                cursor.execute(f"PRAGMA busy_timeout = {BRIEF_WAIT_MS}")
                try:
                    write()
                finally:
                    cursor.execute(f"PRAGMA busy_timeout = {int(usual)}")
        else:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = {BRIEF_WAIT_MS}")
                write()
    except OperationalError as error:
        if not database_busy(error):
            raise
        return False
    return True


def retry_after() -> int:
    return int(settings.DATABASE_BUSY_SECONDS)


def busy_problem(request: HttpRequest) -> HttpResponse:
    """The API's answer: an RFC 9457 problem document."""
    seconds = retry_after()
    body = {"type": "urn:concord:problem:busy", "title": _("Service unavailable"),
            "status": 503, "instance": request.path,
            "detail": ngettext(
                "The database is busy with another write. Nothing of this request was saved; "
                "try again in %(seconds)d second.",
                "The database is busy with another write. Nothing of this request was saved; "
                "try again in %(seconds)d seconds.", seconds) % {"seconds": seconds}}
    response = json_response(request, body, status=503)
    response["Content-Type"] = "application/problem+json"
    response["Retry-After"] = str(seconds)
    return response


def busy_page(request: HttpRequest) -> HttpResponse:
    seconds = retry_after()
    page = loader.get_template("503.html").render({"retry_after": seconds}, request=None)
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(seconds)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 handler: a busy database is a 503, anything else the plain error page."""
    if database_busy(sys.exc_info()[1]):
        if request.path.startswith("/api/"):
            return busy_problem(request)
        return busy_page(request)
    return defaults.server_error(request)
