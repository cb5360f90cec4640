"""An alert as a CAP 1.2 message (OASIS Common Alerting Protocol), for the warning systems of
the member states."""

from __future__ import annotations

from datetime import UTC
from xml.etree import ElementTree as ET

from django.conf import settings

from concord.core.labels import Classification
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.models import Alert, AlertLevel

CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"
CAP_SEVERITY = {AlertLevel.RED: "Severe", AlertLevel.ORANGE: "Moderate",
                AlertLevel.GREEN: "Minor"}


def alert_cap(alert: Alert, *, sender: str = "") -> bytes:
    """The alert as a CAP 1.2 message. A labelled alert goes out with scope Restricted and its
    label as the restriction; only a PUBLIC one is Public."""
    ET.register_namespace("", CAP_NS)

    def sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{CAP_NS}}}{tag}")
        element.text = text
        return element

    # Read for a viewer who may not read its indicator, the alert has none: it is named as an
    # alert of the area of responsibility, and nothing of the indicator goes out.
    indicator = alert.indicator
    event = indicator.name if indicator is not None else "Alert"
    root = ET.Element(f"{{{CAP_NS}}}alert")
    sub(root, "identifier", f"urn:uuid:{alert.public_id}")
    sub(root, "sender", sender or settings.DEFAULT_FROM_EMAIL)
    sub(root, "sent", alert.updated_at.astimezone(UTC).replace(microsecond=0).isoformat())
    sub(root, "status", "Actual")
    sub(root, "msgType", "Cancel" if alert.ended_at else (
        "Update" if alert.updated_at > alert.raised_at else "Alert"))
    if alert.classification == Classification.PUBLIC:
        sub(root, "scope", "Public")
    else:
        sub(root, "scope", "Restricted")
        sub(root, "restriction", Classification(alert.classification).name.replace("_", " "))
    info = ET.SubElement(root, f"{{{CAP_NS}}}info")
    sub(info, "language", "en")
    sub(info, "category", "Security")
    sub(info, "event", event)
    sub(info, "urgency", "Immediate" if alert.level == AlertLevel.RED else "Expected")
    sub(info, "severity", CAP_SEVERITY[AlertLevel(alert.level)])
    sub(info, "certainty", "Observed")
    sub(info, "headline", f"{alert.level.upper()}: {event}"[:160])
    description = (f"Observed {alert.value:g} from {alert.window_start.isoformat()} to "
                   f"{alert.window_end.isoformat()}")
    if alert.baseline is not None:
        description += f" (baseline {alert.baseline:.1f})"
    sub(info, "description", description + ".")
    parameter = ET.SubElement(info, f"{{{CAP_NS}}}parameter")
    sub(parameter, "valueName", "level")
    sub(parameter, "value", alert.level)
    area = ET.SubElement(info, f"{{{CAP_NS}}}area")
    region = REGION_BY_CODE.get(indicator.region) if indicator is not None else None
    sub(area, "areaDesc", str(region.label) if region else "Area of responsibility")
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
