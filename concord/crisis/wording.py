"""How a log entry reads: the action of its audit entry as a sentence in the third person, in
the reader's language, naming what the entry names. An action not listed here reads as the
record touched and the name of its app's stream."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SENTENCES: dict[str, Promise] = {
    "crisis.case.open": _("Case opened: %(record)s"),
    "crisis.case.link": _("Record linked to the case: %(record)s"),
    "crisis.fact.record": _("Clock fact recorded: %(record)s"),
    "crisis.duty.assign": _("Duty position assigned: %(record)s"),
    "crisis.task.add": _("Task set: %(record)s"),
    "crisis.task.status": _("Task updated: %(record)s"),
    "crisis.facility.add": _("Facility taken under protection: %(record)s"),
    "crisis.facility.status": _("Facility status changed: %(record)s"),
    "monitoring.alert.raise": _("Alert raised: %(record)s"),
    "monitoring.alert.end": _("Alert ended: %(record)s"),
    "monitoring.alert.acknowledge": _("Alert acknowledged: %(record)s"),
    "monitoring.alert.assign": _("Alert assigned: %(record)s"),
    "monitoring.incident.create": _("Incident recorded: %(record)s"),
    "monitoring.incident.update": _("Incident updated: %(record)s"),
    "monitoring.incident.verify": _("Incident verified: %(record)s"),
    "monitoring.report.generate": _("Situation report prepared: %(record)s"),
    "monitoring.report.edit": _("Situation report edited: %(record)s"),
    "council.session.create": _("Session convened: %(record)s"),
    "council.session.status": _("Session status changed: %(record)s"),
    "council.document.register": _("Draft decision registered: %(record)s"),
    "council.position.record": _("Position recorded: %(record)s"),
    "council.silence.start": _("Silence procedure opened: %(record)s"),
    "council.document.decide": _("Decision adopted: %(record)s"),
    "council.document.sign": _("Decision signed: %(record)s"),
    "council.instruction.add": _("Instruction given: %(record)s"),
    "assistance.request.submit": _("Request for assistance submitted: %(record)s"),
    "assistance.request.open": _("Request for assistance opened to offers: %(record)s"),
    "assistance.pledge.make": _("Pledge made: %(record)s"),
    "forces.contribution.advance": _("Contingent moved on: %(record)s"),
    "forces.authority.transfer": _("Authority transferred: %(record)s"),
}
# The after-action review and the deployments the case's decision sends.
SENTENCES.update({
    "crisis.review.write": _("After-action review written: %(record)s"),
    "crisis.lesson.observe": _("Observation recorded: %(record)s"),
    "crisis.lesson.identify": _("Lesson identified: %(record)s"),
    "crisis.lesson.assign": _("Remedial action assigned: %(record)s"),
    "crisis.lesson.learn": _("Lesson learned: %(record)s"),
    "crisis.deployment.link": _("Contingent deployment belongs to the case: %(record)s"),
    "crisis.lesson.overdue": _("Remedial action overdue: %(record)s"),
})
OTHERWISE = _("%(record)s (%(stream)s)")
PHASE_CHANGED = _("Phase changed to “%(phase)s”.")


def what(*, action: str, text: str, stream_label: str) -> str:
    """The entry's "what" column: a duty officer's own words stand as written."""
    if action == "crisis.log.add":
        return text
    if action == "crisis.case.advance":
        return _phase_changed(text)
    sentence = SENTENCES.get(action)
    if sentence is None:
        return str(OTHERWISE) % {"record": text, "stream": stream_label}
    return (str(sentence) % {"record": text}).strip()


def _phase_changed(text: str) -> str:
    # The entry holds the phase's code, then the duty officer's note, so that it reads in the
    # reader's language.
    from concord.crisis.models.cases import Case  # noqa: PLC0415  (models name this module)

    code, _sep, note = text.partition("\n")
    label = Case.Phase(code).label if code in Case.Phase.values else code
    return f"{PHASE_CHANGED % {'phase': label}} {note}".strip()
