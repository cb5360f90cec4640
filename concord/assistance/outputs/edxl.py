"""A request and its commitments as OASIS EDXL-RM 1.0 messages.

`RequestResource` carries the request, one ResourceInformation per line; `CommitResource` the
commitments the reader may see, one ResourceInformation per committed pledge line, answering
its line's element. EDXL-RM has no place for a security label, so each message and each
commitment carries Concord's label in elements of Concord's own namespace, beside the standard
ones, as the standard's extension points allow a receiver to ignore them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from xml.etree import ElementTree as ET

from concord.assistance.models import AssistanceRequest, PledgeLine, RequestLine
from concord.core.marking import classification_code, release_codes

MSG = "urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg"
RM = "urn:oasis:names:tc:emergency:EDXL:RM:1.0"
LABEL = "urn:concord:label:1"
CATEGORIES = "urn:concord:assistance:category"
STAGES = "urn:concord:assistance:stage"

ET.register_namespace("", MSG)
ET.register_namespace("rm", RM)
ET.register_namespace("concord", LABEL)


def _sub(parent: ET.Element, namespace: str, name: str, text: Any = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{namespace}}}{name}")
    if text is not None:
        element.text = str(text)
    return element


def _label(parent: ET.Element, record: Any) -> None:
    label = _sub(parent, LABEL, "Label")
    label.set("classification", classification_code(record.classification))
    label.set("originator", record.originator.code)
    label.set("releaseToAllMembers", "true" if record.release_to_all_members else "false")
    label.set("releasableTo", " ".join(release_codes(record)))


def _typed(parent: ET.Element, name: str, urn: str, value: str) -> None:
    typed = _sub(parent, RM, name)
    _sub(typed, RM, "ValueListURN", urn)
    _sub(typed, RM, "Value", value)


def _quantity(parent: ET.Element, amount: int, unit: str) -> None:
    measured = _sub(_sub(parent, RM, "Quantity"), RM, "MeasuredQuantity")
    _sub(measured, RM, "Amount", amount)
    _sub(measured, RM, "UnitOfMeasure", unit)


def _message(kind: str, request: AssistanceRequest, *, sent: datetime, suffix: str
             ) -> ET.Element:
    root = ET.Element(f"{{{MSG}}}{kind}")
    _sub(root, MSG, "MessageID", f"urn:uuid:{request.public_id}{suffix}")
    _sub(root, MSG, "SentDateTime", sent.isoformat(timespec="seconds"))
    _sub(root, MSG, "MessageContentType", kind)
    _sub(root, MSG, "MessageDescription", request.title_en or request.title_ru)
    _sub(root, MSG, "OriginatingMessageID", f"urn:uuid:{request.public_id}")
    incident = _sub(root, MSG, "IncidentInformation")
    _sub(incident, RM, "IncidentDescription", request.beneficiary_en or request.beneficiary_ru)
    contact = _sub(root, MSG, "ContactInformation")
    _sub(contact, RM, "ContactDescription", request.requesting_state.name_en)
    _sub(contact, RM, "ContactRole", "Requester")
    return root


def _bytes(root: ET.Element) -> bytes:
    written: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return written


def _line_id(line: RequestLine) -> str:
    return f"line-{line.number}"


def request_message(*, request: AssistanceRequest, lines: Sequence[RequestLine],
                    sent: datetime) -> bytes:
    root = _message("RequestResource", request, sent=sent, suffix="")
    _label(root, request)
    for line in lines:
        info = _sub(root, MSG, "ResourceInformation")
        _sub(info, MSG, "ResourceInfoElementID", _line_id(line))
        resource = _sub(info, MSG, "Resource")
        _typed(resource, "TypeStructure", CATEGORIES, line.category)
        _sub(resource, RM, "Description", line.description_en or line.description_ru)
        assignment = _sub(info, MSG, "AssignmentInformation")
        _quantity(assignment, line.quantity, line.unit)
        restriction = line.end_use_restriction_en or line.end_use_restriction_ru
        if restriction:
            _sub(assignment, RM, "Restrictions", restriction)
        if line.needed_by or line.delivery_place_ru or line.delivery_place_en:
            schedule = _sub(info, MSG, "ScheduleInformation")
            _sub(schedule, RM, "ScheduleType", "RequestedArrival")
            if line.needed_by:
                _sub(schedule, RM, "DateTime", f"{line.needed_by.isoformat()}T00:00:00Z")
            place = line.delivery_place_en or line.delivery_place_ru
            if place:
                _sub(_sub(schedule, RM, "Location"), RM, "LocationDescription", place)
    return _bytes(root)


def commit_message(*, request: AssistanceRequest, pledge_lines: Sequence[PledgeLine],
                   sent: datetime) -> bytes:
    root = _message("CommitResource", request, sent=sent, suffix=":commitments")
    _label(root, request)
    for item in pledge_lines:
        pledge = item.pledge
        info = _sub(root, MSG, "ResourceInformation")
        _sub(info, MSG, "ResourceInfoElementID", f"commitment-{item.public_id}")
        response = _sub(info, MSG, "ResponseInformation")
        _sub(response, RM, "PrecedingResourceInfoElementID", _line_id(item.line))
        _sub(response, RM, "ResponseType",
             "Provisional" if item.response == PledgeLine.Response.PROVISIONAL else "Accept")
        resource = _sub(info, MSG, "Resource")
        _typed(resource, "TypeStructure", CATEGORIES, item.line.category)
        ownership = _sub(resource, RM, "OwnershipInformation")
        _sub(ownership, RM, "OwningJurisdiction", pledge.state.iso_alpha2)
        _typed(resource, "ResourceStatus", STAGES, item.stage)
        assignment = _sub(info, MSG, "AssignmentInformation")
        _quantity(assignment, item.committed, item.line.unit)
        if item.agreement_reference:
            _sub(assignment, RM, "OrderID", item.agreement_reference)
        if item.value is not None:
            _sub(assignment, RM, "PriceQuote", f"{item.value} {item.currency}")
        if item.due_on:
            schedule = _sub(info, MSG, "ScheduleInformation")
            _sub(schedule, RM, "ScheduleType", "EstimatedArrival")
            _sub(schedule, RM, "DateTime", f"{item.due_on.isoformat()}T00:00:00Z")
        _label(info, pledge)
    return _bytes(root)
