"""The deadlines of the remedial actions a case's after-action review assigns: an action not
done by its day is flagged once, written to the case's log, and its addressee told."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.audit import audit_record
from concord.core.clock import today
from concord.core.labels import can_read
from concord.core.policy import system_viewers
from concord.crisis.models import Case, CaseLesson


@transaction.atomic
def lesson_flag_overdue(*, on: date | None = None) -> list[CaseLesson]:
    """Flags every remedial action of a case's lessons still open past its deadline, once."""
    on = on or today()
    flagged: list[CaseLesson] = []
    for viewer in system_viewers(reason="flagging overdue remedial actions of crisis cases"):
        cases = Case.objects.visible_to(viewer).filter(originator_id=viewer.party_id)
        late = (CaseLesson.objects.filter(case__in=cases, status=CaseLesson.Status.ACTION,
                                          due_on__lt=on, overdue_notified_on__isnull=True)
                .select_related("case", "addressee"))
        for lesson in late:
            lesson.overdue_notified_on = on
            lesson.save(update_fields=["overdue_notified_on"])
            due = lesson.due_on.isoformat() if lesson.due_on else ""
            audit_record(actor=SYSTEM, action="crisis.lesson.overdue", target=lesson.case,
                         detail={"text": f"{lesson}: {lesson.action} ({due})",
                                 "lesson": lesson.number, "due_on": due})
            flagged.append(lesson)
    if flagged:
        transaction.on_commit(lambda: [lesson_tell_overdue(lesson=lesson) for lesson in flagged])
    return flagged


def lesson_tell_overdue(*, lesson: CaseLesson) -> int:
    """Mails the addressee's people who may read the case that its remedial action is late."""
    if lesson.addressee_id is None:
        return 0
    people = (User.objects.filter(party_id=lesson.addressee_id, is_active=True)
              .exclude(email=""))
    recipients = sorted({user.email for user in people if can_read(user, lesson.case)})
    if not recipients:
        return 0
    subject = _("Crisis case “%(case)s”: remedial action %(lesson)s overdue") % {
        "case": lesson.case.title, "lesson": str(lesson)}
    body = _("The remedial action “%(action)s” was due on %(day)s and is not done.") % {
        "action": lesson.action, "day": lesson.due_on.isoformat() if lesson.due_on else "—"}
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
