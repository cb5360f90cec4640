"""The council lists' filters, read from a query string (concord.core.filters): the sessions,
documents and instructions lists each have one parser, shared by the page, its exports and the
API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from concord.core import filters as read
from concord.core.filters import Parsed
from concord.council.models import Document, Instruction, Session

# The document list's orders, by the name a query string gives; the first is the default.
DOCUMENT_ORDERINGS = {
    "-symbol": ("-year", "body__order", "doc_type", "-serial"),
    "symbol": ("body__order", "year", "doc_type", "serial"),
    "adopted": ("adopted_on", "symbol"), "-adopted": ("-adopted_on", "symbol"),
    "title": ("title_ru",), "-title": ("-title_ru",),
}


@dataclass(frozen=True)
class SessionFilters:
    body: str = ""
    year: int | None = None
    status: str = ""
    kind: str = ""


@dataclass(frozen=True)
class DocumentFilters:
    q: str = ""
    doc_type: str = ""
    status: str = ""
    body: str = ""
    year: int | None = None
    sort: str = "-symbol"


@dataclass(frozen=True)
class InstructionFilters:
    status: str = ""
    addressee: str = ""
    state: str = ""


def session_filters(params: Mapping[str, Any]) -> Parsed[SessionFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(SessionFilters(
        body=read.text(params, "body"), year=read.year(params, "year", errors),
        status=read.choice(params, "status", Session.Status.values, errors),
        kind=read.choice(params, "kind", Session.Kind.values, errors)), errors)


def document_filters(params: Mapping[str, Any]) -> Parsed[DocumentFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(DocumentFilters(
        q=read.text(params, "q"), doc_type=read.choice(params, "type", Document.Type.values, errors),
        status=read.choice(params, "status", Document.Status.values, errors),
        body=read.text(params, "body"), year=read.year(params, "year", errors),
        sort=read.choice(params, "sort", list(DOCUMENT_ORDERINGS), errors) or "-symbol"), errors)


def instruction_filters(params: Mapping[str, Any]) -> Parsed[InstructionFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(InstructionFilters(
        status=read.choice(params, "status", Instruction.Status.values, errors),
        addressee=read.choice(params, "addressee", Instruction.Addressee.values, errors),
        state=read.text(params, "state").upper()), errors)
