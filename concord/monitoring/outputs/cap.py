"""An alert as a CAP 1.2 message (OASIS Common Alerting Protocol), for the warning systems of
the member states.

An alert of an indicator goes through messages: the first raise is an Alert; a change of level
(the service ends the alert and raises one at the new level at the same instant), and a new
reading at the same level, are Updates; the end is a Cancel. Each message has an identifier of
its own and names in `<references>` the earlier messages of the same alert (CAP 1.2 §3.2.1:
`sender,identifier,sent`, separated by spaces). The messages are derived from what the alert
records, so that the same message always has the same identifier and sending time: a warning
system that polls sees a message once, and a reference always points at a message that was
there to be read."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import getaddresses
from xml.etree import ElementTree as ET

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from concord.core.labels import Classification
from concord.monitoring.geography import REGION_BY_CODE
from concord.monitoring.models import Alert, AlertLevel

CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"
CAP_SEVERITY = {AlertLevel.RED: "Severe", AlertLevel.ORANGE: "Moderate",
                AlertLevel.GREEN: "Minor"}
# CAP's <language> is an RFC 3066 code with its region; the pages' languages are bare.
CAP_LANGUAGES = {"ru": "ru-RU", "en": "en-US"}
# The namespace of the identifiers of the messages that follow an alert's first one.
MESSAGE_NAMESPACE = uuid.UUID("0b8a5f5e-51c4-4d3c-9a38-6f1c2f0e7c11")


@dataclass(frozen=True)
class CapMessage:
    identifier: str
    sent: str
    msg_type: str


def _sent(moment: datetime) -> str:
    # CAP's dateTime: an explicit offset, no fractions of a second.
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _derived(alert: Alert, event: str, moment: datetime) -> str:
    return f"urn:uuid:{uuid.uuid5(MESSAGE_NAMESPACE, f'{alert.public_id} {event} {moment.isoformat()}')}"


def _own_messages(alert: Alert, *, first: bool) -> list[CapMessage]:
    """The messages one alert record stands for: its raise (an Alert when it opens the series,
    else the Update of a change of level), its latest reading at the same level, its end."""
    messages = [CapMessage(f"urn:uuid:{alert.public_id}", _sent(alert.raised_at),
                           "Alert" if first else "Update")]
    cancelled = alert.ended_at is not None and alert.level == AlertLevel.GREEN
    if alert.updated_at > alert.raised_at and not (
            cancelled and alert.updated_at == alert.ended_at):
        messages.append(CapMessage(_derived(alert, "update", alert.updated_at),
                                   _sent(alert.updated_at), "Update"))
    if cancelled and alert.ended_at is not None:
        messages.append(CapMessage(_derived(alert, "cancel", alert.ended_at),
                                   _sent(alert.ended_at), "Cancel"))
    return messages


def alert_messages(alert: Alert, earlier: Sequence[Alert] = ()) -> list[CapMessage]:
    """Every message of the alert's series up to its latest, oldest first. `earlier` are the
    alerts its own replaced, oldest first (`selectors.alert_earlier`)."""
    series = [*earlier, alert]
    return [message for index, record in enumerate(series)
            for message in _own_messages(record, first=index == 0)]


def alert_cap(alert: Alert, *, earlier: Sequence[Alert] = (), sender: str = "") -> bytes:
    """The alert's latest message as CAP 1.2, its `<info>` in the active language. A labelled
    alert goes out with scope Restricted and its label as the restriction; only a PUBLIC one is
    Public."""
    ET.register_namespace("", CAP_NS)

    def sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{CAP_NS}}}{tag}")
        element.text = text
        return element

    # CAP's sender has no spaces or commas (it is one field of each reference): the address
    # alone, without the display name a configured From address may carry.
    addresses = [address for _name, address in
                 getaddresses([sender or settings.DEFAULT_FROM_EMAIL]) if "@" in address]
    sender = addresses[-1] if addresses else "concord@localhost"
    *before, latest = alert_messages(alert, earlier)
    # Read for a viewer who may not read its indicator, the alert has none: it is named as an
    # alert of the area of responsibility, and nothing of the indicator goes out.
    indicator = alert.indicator
    event = indicator.name if indicator is not None else _("Alert")
    root = ET.Element(f"{{{CAP_NS}}}alert")
    sub(root, "identifier", latest.identifier)
    sub(root, "sender", sender)
    sub(root, "sent", latest.sent)
    sub(root, "status", "Actual")
    sub(root, "msgType", latest.msg_type)
    if alert.classification == Classification.PUBLIC:
        sub(root, "scope", "Public")
    else:
        sub(root, "scope", "Restricted")
        sub(root, "restriction", Classification(alert.classification).name.replace("_", " "))
    if before:
        sub(root, "references", " ".join(f"{sender},{message.identifier},{message.sent}"
                                         for message in before))
    info = ET.SubElement(root, f"{{{CAP_NS}}}info")
    language = translation.get_language() or settings.LANGUAGE_CODE
    sub(info, "language", CAP_LANGUAGES.get(language.split("-")[0], CAP_LANGUAGES["en"]))
    sub(info, "category", "Security")
    sub(info, "event", event)
    sub(info, "urgency", "Immediate" if alert.level == AlertLevel.RED else "Expected")
    sub(info, "severity", CAP_SEVERITY[AlertLevel(alert.level)])
    sub(info, "certainty", "Observed")
    sub(info, "headline", f"{alert.get_level_display().upper()}: {event}"[:160])
    description = _("Observed %(value)s from %(start)s to %(end)s.") % {
        "value": f"{alert.value:g}", "start": alert.window_start.isoformat(),
        "end": alert.window_end.isoformat()}
    if alert.baseline is not None:
        description += " " + _("The 90-day baseline is %(baseline)s.") % {
            "baseline": f"{alert.baseline:.1f}"}
    sub(info, "description", description)
    parameter = ET.SubElement(info, f"{{{CAP_NS}}}parameter")
    sub(parameter, "valueName", "level")
    sub(parameter, "value", alert.level)
    area = ET.SubElement(info, f"{{{CAP_NS}}}area")
    region = REGION_BY_CODE.get(indicator.region) if indicator is not None else None
    sub(area, "areaDesc", str(region.label) if region else _("Area of responsibility"))
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
