"""The council lists' filters, read from a query string (concord.core.filters): the sessions,
documents, instructions, implementation reports and signer keys lists each have one parser,
shared by the page, its exports and the API. A filter of a kind (status, type) takes several
values; each list sorts by one of its own columns, named by a key of its whitelist."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from concord.core import filters as read
from concord.core.filters import Parsed, Sort
from concord.council.models import Document, Instruction, Session

# The columns a list sorts by (concord.core.filters.order_by reads them).
SESSION_SORTS: dict[str, tuple[str, ...]] = {
    "title": ("title", "starts_on", "pk"), "body": ("body__order", "-starts_on", "pk"),
    "starts": ("starts_on", "body__order", "pk"), "status": ("status", "-starts_on", "pk"),
}
DOCUMENT_SORTS: dict[str, tuple[str, ...]] = {
    "symbol": ("year", "body__order", "doc_type", "serial", "pk"),
    "title": ("title", "pk"), "type": ("doc_type", "-year", "serial", "pk"),
    "status": ("status", "-year", "serial", "pk"), "adopted": ("adopted_on?", "symbol", "pk"),
}
INSTRUCTION_SORTS: dict[str, tuple[str, ...]] = {
    "due": ("due_on?", "document__symbol", "number", "pk"),
    "document": ("document__symbol", "number", "pk"),
    "status": ("status", "due_on?", "pk"),
}
REPORT_SORTS: dict[str, tuple[str, ...]] = {
    "title": ("title", "-generated_at", "pk"), "drafted": ("generated_at", "pk"),
}
# `{lang}` stands for the page's language; `revoked` is false for a key in use (the selector
# annotates it), so that a key in use comes first on every engine, NULLs being sorted apart.
SIGNER_KEY_SORTS: dict[str, tuple[str, ...]] = {
    "official": ("official__name_{lang}", "-created_at", "pk"),
    "state": ("state__name_{lang}", "official__name_{lang}", "pk"),
    "registered": ("created_at", "pk"),
    "status": ("revoked", "revoked_at", "official__name_{lang}", "pk"),
}
# "Due soon": what falls due within this many days from today, today included.
DUE_SOON_DAYS = 14
DUE_CHOICES = ["overdue", "soon"]


@dataclass(frozen=True)
class SessionFilters:
    q: str = ""
    body: str = ""
    year: int | None = None
    status: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    sort: Sort = Sort("starts", descending=True)


@dataclass(frozen=True)
class DocumentFilters:
    q: str = ""
    doc_type: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    body: str = ""
    year: int | None = None
    sort: Sort = Sort("symbol", descending=True)


@dataclass(frozen=True)
class InstructionFilters:
    q: str = ""
    status: tuple[str, ...] = ()
    addressee: tuple[str, ...] = ()
    state: str = ""
    # Only what is addressed to the viewer's own party (its state, or all states).
    mine: bool = False
    # "overdue", "soon" or both: open instructions past their date, or due within 14 days.
    due: tuple[str, ...] = ()
    sort: Sort = Sort("due")


@dataclass(frozen=True)
class ReportFilters:
    q: str = ""
    sort: Sort = Sort("drafted", descending=True)


@dataclass(frozen=True)
class SignerKeyFilters:
    q: str = ""
    sort: Sort = Sort("status")


def _flag(params: Mapping[str, Any], name: str, errors: dict[str, list[str]]) -> bool:
    value = read.text(params, name).lower()
    if value in ("", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    errors[name] = [_("%(value)s is not one of: %(choices)s.")
                    % {"value": value, "choices": "true, false"}]
    return False


def session_filters(params: Mapping[str, Any]) -> Parsed[SessionFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(SessionFilters(
        q=read.text(params, "q"), body=read.text(params, "body"),
        year=read.year(params, "year", errors),
        status=read.several(params, "status", Session.Status.values, errors),
        kind=read.several(params, "kind", Session.Kind.values, errors),
        sort=read.sort_of(params, SESSION_SORTS, SessionFilters.sort, errors)), errors)


def document_filters(params: Mapping[str, Any]) -> Parsed[DocumentFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(DocumentFilters(
        q=read.text(params, "q"),
        doc_type=read.several(params, "type", Document.Type.values, errors),
        status=read.several(params, "status", Document.Status.values, errors),
        body=read.text(params, "body"), year=read.year(params, "year", errors),
        sort=read.sort_of(params, DOCUMENT_SORTS, DocumentFilters.sort, errors)), errors)


def instruction_filters(params: Mapping[str, Any]) -> Parsed[InstructionFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(InstructionFilters(
        q=read.text(params, "q"),
        status=read.several(params, "status", Instruction.Status.values, errors),
        addressee=read.several(params, "addressee", Instruction.Addressee.values, errors),
        state=read.text(params, "state").upper(), mine=_flag(params, "mine", errors),
        due=read.several(params, "due", DUE_CHOICES, errors),
        sort=read.sort_of(params, INSTRUCTION_SORTS, InstructionFilters.sort, errors)), errors)


def report_filters(params: Mapping[str, Any]) -> Parsed[ReportFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(ReportFilters(
        q=read.text(params, "q"),
        sort=read.sort_of(params, REPORT_SORTS, ReportFilters.sort, errors)), errors)


def signer_key_filters(params: Mapping[str, Any]) -> Parsed[SignerKeyFilters]:
    errors: dict[str, list[str]] = {}
    return Parsed(SignerKeyFilters(
        q=read.text(params, "q"),
        sort=read.sort_of(params, SIGNER_KEY_SORTS, SignerKeyFilters.sort, errors)), errors)

