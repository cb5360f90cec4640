"""Acts the chair proclaims: a chairmanship's priorities, announced at a session by the state that
takes the chairmanship over. No state takes a position on them and no consensus adopts them;
their texts are locked as the words proclaimed."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.council.models import Document, Session
from concord.council.services.documents import _latest_texts
from concord.council.signing import text_sha256
from concord.registry.models import Official
from concord.registry.selectors import chair_on


@transaction.atomic
def document_proclaim(*, actor: Actor, document: Document, by: Official,
                      session: Session | None = None, on: date | None = None) -> Document:
    """Records that the chair proclaimed the act on a day (by default, the session's): the
    person proclaiming must speak for the state chairing on that day."""
    require_permission(actor, "council.change_document")
    if not document.is_proclaimed_act:
        raise InvalidState(_("A %(type)s is adopted by consensus, not proclaimed.")
                           % {"type": document.get_doc_type_display()})
    if document.status != Document.Status.DRAFT:
        raise InvalidState(_("Only a draft is proclaimed; this document is %(status)s.")
                           % {"status": document.get_status_display()})
    day = on or (session.starts_on if session else None)
    if day is None:
        raise ValidationError(_("Give the day the act was proclaimed."),
                              errors={"on": [_("Required without a session.")]})
    chair = chair_on(viewer=actor, day=day).state
    if chair is None or by.state_id != chair.pk:
        raise ValidationError(
            _("%(name)s does not speak for the chair on %(day)s.")
            % {"name": by.name, "day": day.isoformat()},
            errors={"by": [_("The chair on that day is %(state)s.")
                           % {"state": chair.name if chair else _("unknown")}]})
    texts = _latest_texts(document)
    if not texts:
        raise InvalidState(_("A document without a text cannot be proclaimed."))
    for text in texts:
        text.is_authentic = True
        text.sha256 = text_sha256(text.body)
        text.save(update_fields=["is_authentic", "sha256"])
    document.status = Document.Status.PROCLAIMED
    document.proclaimed_on, document.proclaimed_by = day, by
    fields = ["status", "proclaimed_on", "proclaimed_by"]
    if session is not None and document.session_id is None:
        document.session = session
        fields.append("session")
    document.save(update_fields=fields)
    audit_record(actor=actor, action="council.document.proclaim", target=document,
                 detail={"by": str(by.public_id), "on": day.isoformat()})
    return document
