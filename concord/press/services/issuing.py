"""A communiqué or a statement issued from an adopted document: only the authentic texts of an
adopted PUBLIC document are publishable, word for word."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.audit import audit_record
from concord.core.errors import InvalidState, require_permission
from concord.core.labels import Classification
from concord.council.models import Document, DocumentText
from concord.press import rules
from concord.press.models import LANGUAGE_CODES, Publication
from concord.press.services.publications import ADD, Wording, publication_draft


def authentic_texts(document: Document) -> dict[str, DocumentText]:
    return {t.language: t for t in DocumentText.objects.filter(
        document=document, is_authentic=True, language__in=LANGUAGE_CODES)}


@transaction.atomic
def publication_issue(*, actor: Actor, document: Document,
                      public_id: uuid.UUID | None = None) -> Publication:
    """A draft publication carrying the adopted document's authentic texts; it then goes through
    approval like any other item."""
    require_permission(actor, ADD)
    if document.doc_type not in rules.ISSUED_AS:
        raise InvalidState(_("Only a communiqué, a statement or a declaration is issued by the "
                             "press service."))
    if document.status != Document.Status.ADOPTED:
        raise InvalidState(_("Only an adopted document is issued."))
    if document.classification != Classification.PUBLIC:
        raise InvalidState(_("Only a public document is issued."))
    texts = authentic_texts(document)
    if not texts:
        raise InvalidState(_("The document has no authentic text to issue."))
    wordings = {language: Wording(title=document.title_ru if language == "ru"
                                  else document.title_en, body=text.body)
                for language, text in texts.items()}
    publication = publication_draft(
        actor=actor, pub_type=rules.ISSUED_AS[document.doc_type], texts=wordings,
        translation=(Publication.Translation.COMPLETE if len(texts) == len(LANGUAGE_CODES)
                     else Publication.Translation.PENDING),
        session=document.session, documents=[document], source_document=document,
        states=[], year=document.adopted_on.year if document.adopted_on else None,
        public_id=public_id)
    audit_record(actor=actor, action="press.publication.issue", target=publication,
                 detail={"document": document.symbol})
    return publication
