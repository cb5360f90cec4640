"""The workflow of a publication: drafted by the press officer, approved by a second person of
the secretariat (which lowers its label to PUBLIC through the kernel's two-person rule), released
at the end of its embargo, then corrected or withdrawn. Each step is audited."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from concord.core import clock, labelling
from concord.core.actors import SYSTEM, Actor, person
from concord.core.audit import audit_record
from concord.core.errors import Conflict, InvalidState, ValidationError, require_permission
from concord.core.labels import Classification
from concord.core.models import LabelChange, Party
from concord.core.policy import clearance_errors, system_viewers
from concord.council.models import Document, Session
from concord.forces.models import Exercise, Operation
from concord.press import rules
from concord.press.models import LANGUAGE_CODES, Publication, PublicationText, Section
from concord.press.selectors import figures
from concord.press.services import search
from concord.registry.models import MemberState

ADD, CHANGE = "press.add_publication", "press.change_publication"


@dataclass(frozen=True)
class Wording:
    """What one language of a publication says."""

    title: str
    body: str
    lead: str = ""


def _wording_errors(language: str, wording: Wording) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if language not in LANGUAGE_CODES:
        errors["language"] = [_("Unknown language: %(code)s.") % {"code": language}]
    if not wording.title.strip():
        errors[f"title_{language}"] = [_("A title is required.")]
    if not wording.body.strip():
        errors[f"body_{language}"] = [_("A text is required.")]
    for field, words in (("lead", wording.lead), ("body", wording.body)):
        wrong = figures.figure_errors(words)
        if wrong:
            errors.setdefault(f"{field}_{language}", []).extend(wrong)
    return errors


def _series_max(year: int) -> int:
    # Every publication takes a number of the year's one series, whoever drafted it.
    tops = [Publication.objects.visible_to(viewer).filter(originator_id=viewer.party_id,
                                                          year=year)
            .aggregate(top=Max("serial"))["top"] or 0
            for viewer in system_viewers(reason="numbering a publication")]
    return int(max(tops, default=0))


def _user(actor: Actor) -> Any:
    return person(actor)


def _party(actor: Actor) -> Party:
    party = getattr(actor, "party", None)
    if not isinstance(party, Party):
        raise ValidationError(_("Only a member of a party drafts a publication."),
                              errors={"originator": [_("You belong to no party.")]})
    return party


@transaction.atomic
def publication_draft(
    *, actor: Actor, pub_type: str, texts: Mapping[str, Wording],
    translation: str = Publication.Translation.COMPLETE, sections: Iterable[Section] = (),
    session: Session | None = None, documents: Iterable[Document] = (),
    states: Iterable[MemberState] = (), source_document: Document | None = None,
    embargo_until: datetime | None = None, event_starts_at: datetime | None = None,
    event_place_ru: str = "", event_place_en: str = "", year: int | None = None,
    public_id: uuid.UUID | None = None, exercises: Iterable[Exercise] = (),
    operations: Iterable[Operation] = (),
) -> Publication:
    """A new item for the secretariat's eyes only, numbered in the series of its year (this
    year's, or that of an item recorded after the fact)."""
    require_permission(actor, ADD)
    party = _party(actor)
    errors = clearance_errors(actor, Classification.OFFICIAL_USE)
    if pub_type not in Publication.Type.values:
        errors["pub_type"] = [_("Unknown type: %(type)s.") % {"type": pub_type}]
    if translation not in Publication.Translation.values:
        errors["translation"] = [_("Unknown translation state: %(state)s.")
                                 % {"state": translation}]
    if not texts:
        errors["texts"] = [_("Write the text in at least one language.")]
    for language, wording in texts.items():
        errors.update(_wording_errors(language, wording))
    errors.update(_translation_errors(translation, set(texts)))
    if errors:
        raise ValidationError(_("The publication was not drafted."), errors=errors)
    year = year or clock.today().year
    serial = _series_max(year) + 1
    publication = Publication(
        number=rules.number_of(year, serial), year=year, serial=serial, pub_type=pub_type,
        translation=translation, session=session, source_document=source_document,
        embargo_until=embargo_until, event_starts_at=event_starts_at,
        event_place_ru=event_place_ru, event_place_en=event_place_en,
        classification=Classification.OFFICIAL_USE, originator=party,
        release_to_all_members=False, drafted_by=_user(actor))
    if public_id is not None:
        publication.public_id = public_id
    try:
        with transaction.atomic():
            publication.save()
    except IntegrityError as exc:
        raise Conflict(_("The number %(number)s is already taken.")
                       % {"number": publication.number}) from exc
    publication.sections.set(list(sections))
    # Documents are labelled: the link rows are written as such, never read back unscoped.
    Publication.documents.through.objects.bulk_create(
        Publication.documents.through(publication_id=publication.pk, document_id=d.pk)
        for d in documents)
    publication.states.set(list(states))
    # Exercises and operations are labelled too: their link rows are written the same way.
    Publication.exercises.through.objects.bulk_create(
        Publication.exercises.through(publication_id=publication.pk, exercise_id=e.pk)
        for e in exercises)
    Publication.operations.through.objects.bulk_create(
        Publication.operations.through(publication_id=publication.pk, operation_id=o.pk)
        for o in operations)
    for language, wording in texts.items():
        PublicationText.objects.create(
            publication=publication, language=language, title=wording.title.strip(),
            slug=rules.slug_of(wording.title), lead=wording.lead.strip(),
            body=wording.body)
    audit_record(actor=actor, action="press.publication.draft", target=publication,
                 detail={"number": publication.number, "type": pub_type,
                         "languages": sorted(texts)})
    return publication


def _translation_errors(translation: str, languages: set[str]) -> dict[str, list[str]]:
    if translation == Publication.Translation.COMPLETE and languages != set(LANGUAGE_CODES):
        return {"translation": [_("Write both languages, or mark the translation pending.")]}
    return {}


def document_ids(publication: Publication) -> list[int]:
    return list(Publication.documents.through.objects.filter(publication_id=publication.pk)
                .values_list("document_id", flat=True))


def _refuse_if_authentic(publication: Publication) -> None:
    if publication.source_document_id is not None:
        raise InvalidState(_("An adopted document's text is published as it was adopted; "
                             "withdraw the item instead."))


def current_texts(publication: Publication) -> dict[str, PublicationText]:
    return {t.language: t for t in PublicationText.objects.filter(
        publication=publication, superseded_at__isnull=True)}


@transaction.atomic
def publication_text_write(*, actor: Actor, publication: Publication, language: str,
                           wording: Wording) -> PublicationText:
    """Write or rewrite one language of a draft (a published item is corrected instead). An
    item awaiting approval takes a language it lacks, and is then complete: the approver reads
    the translation with the rest, and the text already submitted stays as it was."""
    require_permission(actor, CHANGE)
    errors = _wording_errors(language, wording)
    if errors:
        raise ValidationError(_("The text was not saved."), errors=errors)
    texts = current_texts(publication)
    in_review = publication.status == Publication.Status.REVIEW
    if in_review and language in texts:
        raise InvalidState(_("A text awaiting approval is not rewritten; send the item back "
                             "to its drafter first."))
    if publication.status not in Publication.EDITABLE and not in_review:
        raise InvalidState(_("Only a draft is rewritten; a published item is corrected."))
    _refuse_if_authentic(publication)
    if in_review:
        publication.translation = Publication.Translation.COMPLETE
        publication.save(update_fields=["translation"])
    text = texts.get(language)
    if text is None:
        text = PublicationText(publication=publication, language=language)
    text.title, text.slug = wording.title.strip(), rules.slug_of(wording.title)
    text.lead, text.body = wording.lead.strip(), wording.body
    text.save()
    audit_record(actor=actor, action="press.publication.write", target=publication,
                 detail={"language": language})
    return text


@transaction.atomic
def publication_submit(*, actor: Actor, publication: Publication) -> Publication:
    """Ask for publication: the lower label (PUBLIC) waits for a second person's approval."""
    require_permission(actor, CHANGE)
    if publication.status != Publication.Status.DRAFT:
        raise InvalidState(_("Only a draft is submitted for approval."))
    errors = _translation_errors(publication.translation, set(current_texts(publication)))
    hidden = [d.symbol for d in Document.objects.visible_to(_user(actor)).filter(
        pk__in=document_ids(publication)) if d.classification != Classification.PUBLIC]
    if hidden:
        errors["documents"] = [_("Only public documents are linked to a publication: "
                                 "%(symbols)s is not public.") % {"symbols": ", ".join(hidden)}]
    if errors:
        raise ValidationError(_("The publication was not submitted."), errors=errors)
    labelling.label_change(actor=actor, record=publication,
                           classification=Classification.PUBLIC,
                           release_to_all_members=False, releasable_to=(),
                           reason=_("Publication %(number)s") % {"number": publication.number})
    publication.status = Publication.Status.REVIEW
    publication.save(update_fields=["status"])
    audit_record(actor=actor, action="press.publication.submit", target=publication)
    return publication


def _label_change(publication: Publication, status: str) -> LabelChange | None:
    return (LabelChange.objects.filter(target_model=publication._meta.label,
                                       target_pk=publication.pk, status=status)
            .order_by("-requested_at").first())


@transaction.atomic
def publication_approve(*, actor: Actor, publication: Publication,
                        went_out_at: datetime | None = None) -> Publication:
    """The second person's approval: the item becomes PUBLIC and goes out now, or at the end of
    its embargo. An item the press service published before it was recorded here keeps the
    moment it went out (`went_out_at`, never ahead of now)."""
    require_permission(actor, CHANGE)
    if publication.status != Publication.Status.REVIEW:
        raise InvalidState(_("Only a publication awaiting approval is approved."))
    moment = clock.now()
    if went_out_at is not None and went_out_at > moment:
        raise ValidationError(_("The publication was not approved."), errors={
            "went_out_at": [_("An item recorded after the fact went out in the past; an item "
                              "to go out later takes an embargo.")]})
    pending = _label_change(publication, LabelChange.Status.PENDING)
    if pending is not None:
        # The kernel refuses the person who asked and anyone outside the originating party.
        labelling.label_change_decide(actor=actor, public_id=pending.public_id, approve=True)
        publication.refresh_from_db(fields=["classification"])
    elif publication.classification != Classification.PUBLIC:
        raise InvalidState(_("The publication's label change was refused; submit it again."))
    publication.approved_by = _user(actor)
    if publication.embargo_until is not None and publication.embargo_until > moment:
        publication.status = Publication.Status.SCHEDULED
        publication.save(update_fields=["status", "approved_by"])
        audit_record(actor=actor, action="press.publication.schedule", target=publication,
                     detail={"embargo_until": publication.embargo_until.isoformat()})
        return publication
    _go_out(publication, went_out_at or moment)
    publication.save(update_fields=["status", "approved_by", "published_at", "updated_at"])
    search.index_refresh(publication=publication)
    audit_record(actor=actor, action="press.publication.publish", target=publication)
    return publication


def _go_out(publication: Publication, moment: datetime) -> None:
    publication.status = Publication.Status.PUBLISHED
    publication.published_at = publication.updated_at = moment


@transaction.atomic
def publication_return(*, actor: Actor, publication: Publication) -> Publication:
    """Send a submitted item back to its drafter, refusing its lower label."""
    require_permission(actor, CHANGE)
    if publication.status != Publication.Status.REVIEW:
        raise InvalidState(_("Only a publication awaiting approval is sent back."))
    pending = _label_change(publication, LabelChange.Status.PENDING)
    if pending is not None:
        labelling.label_change_decide(actor=actor, public_id=pending.public_id, approve=False)
    publication.status = Publication.Status.DRAFT
    publication.save(update_fields=["status"])
    audit_record(actor=actor, action="press.publication.return", target=publication)
    return publication


@transaction.atomic
def publications_release_due(*, moment: datetime | None = None) -> list[Publication]:
    """Publish every approved item whose embargo has ended."""
    moment = moment or clock.now()
    released = []
    for viewer in system_viewers(reason="releasing publications at the end of their embargo"):
        due = (Publication.objects.visible_to(viewer).select_for_update()
               .filter(originator_id=viewer.party_id, status=Publication.Status.SCHEDULED,
                       embargo_until__lte=moment))
        for publication in due:
            _go_out(publication, moment)
            publication.save(update_fields=["status", "published_at", "updated_at"])
            search.index_refresh(publication=publication)
            audit_record(actor=SYSTEM, action="press.publication.release", target=publication)
            released.append(publication)
    return released


@transaction.atomic
def publication_correct(*, actor: Actor, publication: Publication, language: str,
                        wording: Wording, note: str) -> PublicationText:
    """A corrected text of a published item; the text it replaces stays, marked corrected."""
    require_permission(actor, CHANGE)
    errors = _wording_errors(language, wording)
    if not note.strip():
        errors["note"] = [_("Say what was corrected.")]
    if errors:
        raise ValidationError(_("The correction was not published."), errors=errors)
    if publication.status not in Publication.OUT:
        raise InvalidState(_("Only a published item is corrected."))
    _refuse_if_authentic(publication)
    moment = clock.now()
    previous = current_texts(publication).get(language)
    if previous is None:
        raise InvalidState(_("This language has no text yet; add its translation."))
    previous.superseded_at = moment
    previous.save(update_fields=["superseded_at"])
    text = PublicationText.objects.create(
        publication=publication, language=language, version=previous.version + 1,
        entry_id=previous.entry_id, title=wording.title.strip(), slug=previous.slug,
        lead=wording.lead.strip(), body=wording.body, correction_note=note.strip())
    publication.status, publication.updated_at = Publication.Status.CORRECTED, moment
    publication.save(update_fields=["status", "updated_at"])
    search.index_refresh(publication=publication)
    audit_record(actor=actor, action="press.publication.correct", target=publication,
                 detail={"language": language, "version": text.version})
    return text


@transaction.atomic
def publication_translate(*, actor: Actor, publication: Publication, language: str,
                          wording: Wording) -> PublicationText:
    """The pending translation of a published item: the item is then complete."""
    require_permission(actor, CHANGE)
    errors = _wording_errors(language, wording)
    if errors:
        raise ValidationError(_("The translation was not published."), errors=errors)
    if publication.status not in Publication.OUT:
        raise InvalidState(_("A draft's languages are written on the draft itself."))
    if language in current_texts(publication):
        raise InvalidState(_("This language is already published; correct it instead."))
    text = PublicationText.objects.create(
        publication=publication, language=language, title=wording.title.strip(),
        slug=rules.slug_of(wording.title), lead=wording.lead.strip(), body=wording.body)
    publication.translation = Publication.Translation.COMPLETE
    publication.updated_at = clock.now()
    publication.save(update_fields=["translation", "updated_at"])
    search.index_refresh(publication=publication)
    audit_record(actor=actor, action="press.publication.translate", target=publication,
                 detail={"language": language})
    return text


@transaction.atomic
def publication_withdraw(*, actor: Actor, publication: Publication, reason_ru: str,
                         reason_en: str) -> Publication:
    """Withdraw an item: its text leaves the public site and feeds, a tombstone with the reason
    stays at its address."""
    require_permission(actor, CHANGE)
    errors: dict[str, list[str]] = {}
    if not reason_ru.strip():
        errors["reason_ru"] = [_("Give the reason in Russian.")]
    if not reason_en.strip():
        errors["reason_en"] = [_("Give the reason in English.")]
    if errors:
        raise ValidationError(_("The publication was not withdrawn."), errors=errors)
    if publication.status not in Publication.OUT:
        raise InvalidState(_("Only a published item is withdrawn."))
    moment = clock.now()
    publication.status = Publication.Status.WITHDRAWN
    publication.withdrawn_at = publication.updated_at = moment
    publication.withdrawal_reason_ru, publication.withdrawal_reason_en = (
        reason_ru.strip(), reason_en.strip())
    publication.save(update_fields=["status", "withdrawn_at", "updated_at",
                                    "withdrawal_reason_ru", "withdrawal_reason_en"])
    search.index_refresh(publication=publication)
    audit_record(actor=actor, action="press.publication.withdraw", target=publication)
    return publication
