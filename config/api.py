"""The one NinjaAPI of the project. Domain errors become RFC 9457 problem documents here."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.db.utils import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema

from concord.core.busy import busy_problem, database_busy
from concord.core.errors import DomainError, Forbidden
from concord.core.middleware import audit_refusal
from concord.core.renderers import ORJSONRenderer
from concord.council.api import router as council_router
from concord.monitoring.api import router as monitoring_router
from concord.registry.api import router as registry_router

WRITES = frozenset({"post", "put", "patch", "delete"})
# The refusals Concord gives, and when an operation can give each (see `refusals`).
REFUSALS = {
    "400": "The body is not a JSON document.",
    "401": "Not signed in, or the bearer token is invalid, expired or revoked.",
    "403": "The caller may not do this (a role, a clearance, or a read-only token).",
    "404": "There is no such record, or one the request names, or the caller may not see it: "
           "the two answer alike.",
    "409": "The record is not in a state that allows this.",
    "422": "The request does not match the schema, or a field's value is refused (`errors`).",
    "503": "The database is busy with another write; nothing was saved. See `Retry-After`.",
}


def refusals(method: str, operation: dict[str, Any]) -> list[str]:
    """The refusals an operation can answer with, from what it takes and whom it serves."""
    parameters = operation.get("parameters", [])
    body = "requestBody" in operation
    found = ["400"] if body else []
    if operation.get("security"):
        found += ["401", "403"]
    if parameters or body:  # a record named in the path, the query or the body
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
        # The component exists: operations declare their 404 and 422 answers with it.
        problem_schema = {"$ref": "#/components/schemas/Problem"}
        for operations in schema["paths"].values():
            for method, operation in operations.items():
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


api = ConcordAPI(
    title="Concord API",
    version="1",
    urls_namespace="api",
    renderer=ORJSONRenderer(),
    description=(
        "The information system of a collective security organization. Reads are scoped to "
        "the caller: a record the caller may not see answers 404, exactly like a missing one. "
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
    return problem(request, status=exc.status, title=str(exc.title), detail=exc.detail,
                   slug=slug, errors=errors)


@api.exception_handler(NinjaValidationError)
def _invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [{"field": ".".join(str(part) for part in error.get("loc", [])),
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
