"""The Council's decision on a case taken between sessions: a draft decision circulated under
the silence procedure from the case, concluded within hours."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor
from concord.core.errors import InvalidState, ValidationError, require_permission
from concord.council.models import Document, SilenceProcedure
from concord.council.services.documents import document_register
from concord.council.services.silence import silence_start
from concord.crisis.models import Case
from concord.crisis.services.cases import RUN_CASE, _link, case_advance
from concord.registry.models import Body

# A silence on a crisis is counted in hours; past three days the Council would rather meet.
MAX_SILENCE_HOURS = 72


@transaction.atomic
def case_silence(*, actor: Actor, case: Case, body: Body, title_ru: str, text_ru: str,
                 hours: int, title_en: str = "") -> SilenceProcedure:
    """Registers a draft decision on the case and circulates it under the silence procedure,
    adopted `hours` from now unless a state objects. The draft is linked to the case under its
    id before it is registered, so that its registration, circulation and adoption are all
    written to the case's log."""
    require_permission(actor, RUN_CASE)
    if not case.is_open:
        raise InvalidState(_("The case is closed."))
    errors: dict[str, list[str]] = {}
    if not title_ru.strip():
        errors["title_ru"] = [_("Required.")]
    if not text_ru.strip():
        errors["text_ru"] = [_("Required.")]
    if not 1 <= hours <= MAX_SILENCE_HOURS:
        errors["hours"] = [_("Between 1 and %(max)s hours, not %(value)s.") % {
            "max": MAX_SILENCE_HOURS, "value": hours}]
    if errors:
        raise ValidationError(_("The silence procedure was not opened."), errors=errors)
    document = case_decision_draft(actor=actor, case=case, body=body, title_ru=title_ru,
                                   title_en=title_en, texts={"ru": text_ru.strip()})
    silence = silence_start(actor=actor, document=document,
                            deadline=clock.now() + timedelta(hours=hours), body=body)
    # While the draft circulates the states are consulted; the decision comes at its adoption.
    if case.phase == Case.Phase.MONITORING:
        case_advance(actor=actor, case=case, to_phase=Case.Phase.CONSULTATION)
    return silence


@transaction.atomic
def case_decision_draft(*, actor: Actor, case: Case, body: Body, title_ru: str,
                        texts: dict[str, str], title_en: str = "",
                        public_id: uuid.UUID | None = None) -> Document:
    """Registers a draft decision of `body` on the case, labelled as the case, through the
    Council's own service. It is linked to the case under its id before it is registered, so
    that its registration and every later step of it (instructions, positions, adoption) are
    written to the case's log."""
    require_permission(actor, RUN_CASE)
    if not case.is_open:
        raise InvalidState(_("The case is closed."))
    public_id = public_id or uuid.uuid4()
    _link(case, Document._meta.label_lower, str(public_id))
    return document_register(
        actor=actor, body=body, doc_type=Document.Type.DECISION, title_ru=title_ru.strip(),
        title_en=title_en.strip() or title_ru.strip(), classification=case.classification,
        originator=case.originator, release_to_all_members=case.release_to_all_members,
        releasable_to=list(case.releasable_to.all()), texts=texts, public_id=public_id)
