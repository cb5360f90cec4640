"""What leaves the case, in the OASIS EDXL family: a situation report with the EDXL-SitRep
header fields (who prepared and who authorised it, its number and version, the period it
covers, the confidence), wrapped in an EDXL-DE 2.0 envelope that names the sender, the
recipients and the label of what it carries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from xml.etree import ElementTree as ET

from concord.core.marking import classification_code
from concord.crisis.models import Case, LogEntry

SITREP_NS = "urn:oasis:names:tc:emergency:EDXL:SitRep:1.0"
DE_NS = "urn:oasis:names:tc:emergency:EDXL:DE:2.0"


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def sitrep_xml(*, case: Case, entries: Sequence[LogEntry], prepared_by: str,
               authorised_by: str, number: int, version: int, now: datetime,
               confidence: str = "HighlyConfident") -> bytes:
    ET.register_namespace("", SITREP_NS)
    root = ET.Element(f"{{{SITREP_NS}}}SituationReport")

    def add(parent: ET.Element, name: str, text: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{SITREP_NS}}}{name}")
        element.text = text
        return element

    add(root, "MessageID", f"urn:uuid:{uuid.uuid5(case.public_id, f'{number}.{version}')}")
    preparer = add(root, "PreparedBy", "")
    add(preparer, "PersonName", prepared_by)
    authoriser = add(root, "AuthorizedBy", "")
    add(authoriser, "PersonName", authorised_by)
    add(root, "ReportNumber", str(number))
    add(root, "ReportVersion", "Initial" if version == 1 else "Update")
    add(root, "ForTimePeriod", "")
    period = root.find(f"{{{SITREP_NS}}}ForTimePeriod")
    assert period is not None  # noqa: S101  (made just above)
    add(period, "FromDateTime", _iso(entries[0].at if entries else case.opened_at))
    add(period, "ToDateTime", _iso(entries[-1].at if entries else now))
    add(root, "ReportTitle", case.title)
    add(root, "IncidentID", str(case.public_id))
    add(root, "ReportConfidence", confidence)
    add(root, "Severity", case.severity.capitalize())
    add(root, "ReportingPeriod", case.get_phase_display())
    summary = add(root, "SituationSummary", "")
    for entry in entries:
        if entry.significant:
            add(summary, "SignificantEvent", f"{_iso(entry.at)} {entry.what}")
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def envelope_xml(*, case: Case, content: bytes, sender: str, recipients: Sequence[str],
                 now: datetime, content_type: str = "application/xml") -> bytes:
    """An EDXL-DE 2.0 distribution envelope around `content`, carrying the case's label as its
    confidentiality and the case's area as its target area."""
    ET.register_namespace("", DE_NS)
    root = ET.Element(f"{{{DE_NS}}}EDXLDistribution")

    def add(parent: ET.Element, name: str, text: str = "") -> ET.Element:
        element = ET.SubElement(parent, f"{{{DE_NS}}}{name}")
        if text:
            element.text = text
        return element

    add(root, "distributionID", f"urn:uuid:{uuid.uuid4()}")
    add(root, "senderID", sender)
    add(root, "dateTimeSent", _iso(now))
    add(root, "dateTimeExpires", _iso(now.replace(year=now.year + 1)))
    add(root, "distributionStatus", "Actual")
    add(root, "distributionKind", "Report")
    for recipient in recipients:
        explicit = add(root, "explicitAddress")
        add(explicit, "explicitAddressScheme", "concord:party")
        add(explicit, "explicitAddressValue", recipient)
    add(root, "combinedConfidentiality", classification_code(case.classification))
    if case.latitude is not None and case.longitude is not None:
        area = add(root, "targetArea")
        add(area, "circle", f"{case.latitude},{case.longitude} {case.radius_km or 0}")
    item = add(root, "contentObject")
    add(item, "contentDescription", case.title)
    xml = add(item, "xmlContent")
    embedded = add(xml, "embeddedXMLContent")
    # The content is the situation report made just before from the case, never outside input.
    embedded.append(ET.fromstring(content))  # noqa: S314
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
