"""The one NinjaAPI of the project. Domain errors become RFC 9457 problem documents here."""

from __future__ import annotations

from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

from django.db.utils import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.parser import Parser

from concord.assistance.api import router as assistance_router
from concord.core.busy import busy_problem, database_busy
from concord.core.errors import DomainError, Forbidden, TooManyRequests, ValidationError
from concord.core.middleware import audit_refusal
from concord.core.renderers import ORJSONRenderer
from concord.council.api import router as council_router
from concord.crisis.api import router as crisis_router
from concord.federation.api import router as federation_router
from concord.forces.api import router as forces_router
from concord.monitoring.api import router as monitoring_router
from concord.press.api import router as press_router
from concord.registry.api import router as registry_router

WRITES = frozenset({"post", "put", "patch", "delete"})
# The refusals Concord gives, and when an operation can give each (see `refusals`).
REFUSALS = {
    "400": "The body is not a JSON document.",
    "401": "Not signed in, or the bearer token is invalid, expired or revoked.",
    "403": "The caller may not do this (a role, a clearance, or a read-only token).",
    "404": "There is no such record at this address, or the caller may not see it: the two "
           "answer alike.",
    "409": "The record is not in a state that allows this.",
    "422": "The request does not match the schema, or a field's value is refused: `errors` "
           "names each such field by its location (`body.session`, `query.year`). A record "
           "that a field of the body or the query names and that does not exist, or that the "
           "caller may not see, is refused here, alike.",
    "503": "The database is busy with another write; nothing was saved. See `Retry-After`.",
}


def refusals(method: str, operation: dict[str, Any]) -> list[str]:
    """The refusals an operation can answer with, from what it takes and whom it serves."""
    parameters = operation.get("parameters", [])
    body = "requestBody" in operation
    found = ["400"] if body else []
    # A bearer token is read before any operation, and a bad one is refused on every operation,
    # also on those that anyone may call without one.
    found.append("401")
    if operation.get("security"):
        found.append("403")
    # Only the path names the resource itself; a record named in the query or the body is a
    # field's value, refused with 422.
    if any(parameter["in"] == "path" for parameter in parameters):
        found.append("404")
    if method in WRITES:
        found += ["409", "503"]
    if parameters or body:
        found.append("422")
    return found


class ConcordAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None,
                           path_params: dict[str, Any] | None = None) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        # A bearer token (accounts' middleware) stands for the signed-in session wherever one is
        # required: the document offers either.
        schema["components"].setdefault("securitySchemes", {})["BearerAuth"] = {
            "type": "http", "scheme": "bearer",
            "description": "An API token: `concord token create`, or the profile page."}
        # The component exists: operations declare their 404 and 422 answers with it.
        problem_schema = {"$ref": "#/components/schemas/Problem"}
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                if operation.get("security"):
                    operation["security"] = [*operation["security"], {"BearerAuth": []}]
                answers = operation.setdefault("responses", {})
                for status in refusals(method, operation):
                    answers.setdefault(int(status), {"description": REFUSALS[status], "content": {
                        "application/problem+json": {"schema": problem_schema}}})
                # Every refusal is written by `problem` below as application/problem+json
                # (RFC 9457), so the answers the operations declare carry that type.
                for status, answer in answers.items():
                    content = answer.get("content", {})
                    if int(status) >= HTTPStatus.BAD_REQUEST and "application/json" in content:
                        answer["content"] = {"application/problem+json":
                                             content["application/json"]}
        return schema


def _nul_fields(value: Any, location: str) -> Iterator[str]:
    if isinstance(value, str):
        if "\x00" in value:
            yield location
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nul_fields(str(key), f"{location}.{key}")
            yield from _nul_fields(item, f"{location}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_fields(item, f"{location}.{index}")


def _refuse_nul(value: dict[str, Any], location: str) -> None:
    fields = list(dict.fromkeys(_nul_fields(value, location)))
    if fields:
        message = _("A text may not contain the NUL character.")
        raise ValidationError(message, errors={field: [message] for field in fields})


class ConcordParser(Parser):
    """No text of Concord's means a NUL character, and PostgreSQL's text columns cannot hold one,
    not even in a comparison: a query or a body carrying one is refused, naming where, before
    any read or write sees it."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        _refuse_nul(data, "body")
        return data

    def parse_querydict(self, data: MultiValueDict[str, Any], list_fields: list[str],
                        request: HttpRequest) -> dict[str, Any]:
        parsed = super().parse_querydict(data, list_fields, request)
        _refuse_nul(parsed, "query")
        return parsed


api = ConcordAPI(
    title="Concord API",
    version="1",
    urls_namespace="api",
    renderer=ORJSONRenderer(),
    parser=ConcordParser(),
    description=(
        "The information system of a collective security organization. Reads are scoped to "
        "the caller: a record the caller may not see answers exactly like a missing one, 404 "
        "at its address and 422 naming the field of a body or a query that names it. "
        "Authenticate with `Authorization: Bearer <token>` (see `concord token create`) or a "
        "signed-in browser session."
    ),
)


def problem(request: HttpRequest, *, status: int, title: str, detail: str, slug: str,
            errors: list[dict[str, Any]] | None = None) -> HttpResponse:
    body: dict[str, Any] = {"type": f"urn:concord:problem:{slug}", "title": title,
                            "status": status, "detail": detail, "instance": request.path}
    if errors:
        body["errors"] = errors
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    if isinstance(exc, Forbidden):
        audit_refusal(request, exc.detail)
    errors = [{"field": field, "message": message}
              for field, messages in exc.errors.items() for message in messages]
    slug = type(exc).__name__.replace("Error", "").lower() or "error"
    response = problem(request, status=exc.status, title=str(exc.title), detail=exc.detail,
                       slug=slug, errors=errors)
    if isinstance(exc, TooManyRequests):
        response["Retry-After"] = str(exc.retry_after)
    return response


def _location(loc: list[Any]) -> str:
    # Ninja puts the name of the view's argument after `body` (`body.payload.session`); the
    # document knows no such name, and the fields a view refuses are named without it.
    parts = [str(part) for part in loc]
    if parts[:1] == ["body"] and len(parts) > 1:
        del parts[1]
    return ".".join(parts)


@api.exception_handler(NinjaValidationError)
def _invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [{"field": _location(list(error.get("loc", []))),
               "message": str(error.get("msg", ""))} for error in exc.errors]
    return problem(request, status=422, title="Invalid input", slug="validation",
                   detail="The request does not match the schema.", errors=errors)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem(request, status=401, title="Unauthorized", slug="unauthorized",
                   detail="Sign in or send a bearer token.")


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem(request, status=404, title="Not found", slug="notfound",
                   detail="There is no such record.")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # Ninja answers 400 for any failure of the body's parser; a body that parsed but holds a
    # refused value is refused as that value, naming its field.
    if isinstance(exc.__cause__, ValidationError):
        return _domain_error(request, exc.__cause__)
    return problem(request, status=exc.status_code, title=str(exc), slug="http",
                   detail=str(exc))


@api.exception_handler(OperationalError)
def _database_error(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    if database_busy(exc):
        return busy_problem(request)
    raise exc


api.add_router("/", registry_router)
api.add_router("/", monitoring_router)
api.add_router("/", council_router)
api.add_router("/assistance/", assistance_router)
api.add_router("/forces/", forces_router)
api.add_router("/press/", press_router)
api.add_router("/crisis/", crisis_router)
api.add_router("/federation/", federation_router)
