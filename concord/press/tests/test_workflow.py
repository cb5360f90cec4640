from __future__ import annotations

from datetime import timedelta

import pytest

from concord.core import clock
from concord.core.errors import Forbidden, InvalidState, ValidationError
from concord.core.labels import Classification
from concord.core.models import AuditEntry
from concord.press.models import Publication
from concord.press.selectors import public
from concord.press.services import publications as services
from concord.press.services.publications import Wording
from concord.press.tests.factories import EN, RU, draft, published

pytestmark = pytest.mark.django_db


def test_it_drafts_an_item_for_the_secretariat_only(press, personas):
    publication = draft(press)
    assert publication.status == Publication.Status.DRAFT
    assert publication.classification == Classification.OFFICIAL_USE
    assert publication.number == f"{clock.today().year}-0001"
    assert not public.published().exists()
    assert AuditEntry.objects.filter(action="press.publication.draft").exists()


def test_it_publishes_only_when_a_second_person_approves(press, personas):
    publication = draft(press)
    services.publication_submit(actor=press, publication=publication)
    assert publication.status == Publication.Status.REVIEW
    assert not public.published().exists()
    services.publication_approve(actor=personas.officer, publication=publication)
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED
    assert publication.classification == Classification.PUBLIC
    assert publication.approved_by == personas.officer
    assert list(public.published()) == [publication]


def test_it_refuses_the_drafter_approving_their_own_item(press, personas):
    press.user_permissions.add(*personas.officer.groups.first().permissions.filter(
        codename="approve_labelchange"))
    press = type(press).objects.get(pk=press.pk)
    publication = draft(press)
    services.publication_submit(actor=press, publication=publication)
    with pytest.raises(Forbidden):
        services.publication_approve(actor=press, publication=publication)
    assert not public.published().exists()


def test_it_refuses_a_delegate_approving(press, personas):
    publication = draft(press)
    services.publication_submit(actor=press, publication=publication)
    with pytest.raises(Forbidden):
        services.publication_approve(actor=personas.delegate_a, publication=publication)


def test_it_sends_an_item_back_to_its_drafter(press, personas):
    publication = draft(press)
    services.publication_submit(actor=press, publication=publication)
    services.publication_return(actor=personas.officer, publication=publication)
    publication.refresh_from_db()
    assert publication.status == Publication.Status.DRAFT
    assert publication.classification == Classification.OFFICIAL_USE


def test_it_holds_an_item_under_embargo_until_its_time(press, personas):
    embargo = clock.now() + timedelta(hours=2)
    publication = published(press, personas.officer, embargo_until=embargo)
    assert publication.status == Publication.Status.SCHEDULED
    assert not public.published().exists()
    assert services.publications_release_due(moment=embargo - timedelta(minutes=1)) == []
    released = services.publications_release_due(moment=embargo)
    assert [p.pk for p in released] == [publication.pk]
    assert list(public.published()) == [publication]
    assert AuditEntry.objects.filter(action="press.publication.release").exists()


def test_it_refuses_one_language_unless_the_translation_is_marked_pending(press):
    with pytest.raises(ValidationError) as refused:
        draft(press, texts={"ru": RU})
    assert "translation" in refused.value.errors
    publication = draft(press, texts={"ru": RU},
                        translation=Publication.Translation.PENDING)
    assert publication.translation == Publication.Translation.PENDING


def test_it_completes_a_pending_translation_after_publication(press, personas):
    publication = published(press, personas.officer, texts={"ru": RU},
                            translation=Publication.Translation.PENDING)
    assert public.languages_of(public.publication_by_number(number=publication.number)) == [
        "ru"]
    services.publication_translate(actor=press, publication=publication, language="en",
                                   wording=EN)
    publication.refresh_from_db()
    assert publication.translation == Publication.Translation.COMPLETE
    item = public.publication_by_number(number=publication.number)
    shown = public.item_in(item, "en")
    assert shown.other is not None and shown.other.language == "ru"


def test_it_keeps_the_corrected_version_and_moves_updated(press, personas):
    publication = published(press, personas.officer)
    first_update = publication.updated_at
    services.publication_correct(
        actor=press, publication=publication, language="en",
        wording=Wording(title=EN.title, lead=EN.lead, body=EN.body.replace("8", "eight")),
        note="The number of documents is written out.")
    publication.refresh_from_db()
    assert publication.status == Publication.Status.CORRECTED
    assert publication.updated_at is not None and first_update is not None
    assert publication.updated_at >= first_update
    shown = public.item_in(public.publication_by_number(number=publication.number), "en")
    assert "eight documents" in shown.text.body
    assert shown.text.version == 2
    assert [v.body for v in shown.versions] == [EN.body]
    assert shown.versions[0].superseded_at is not None


def test_it_refuses_a_correction_without_saying_what_changed(press, personas):
    publication = published(press, personas.officer)
    with pytest.raises(ValidationError) as refused:
        services.publication_correct(actor=press, publication=publication, language="en",
                                     wording=EN, note=" ")
    assert "note" in refused.value.errors


def test_it_withdraws_an_item_leaving_a_tombstone(press, personas):
    publication = published(press, personas.officer)
    services.publication_withdraw(actor=press, publication=publication,
                                  reason_ru="Ошибочная публикация.",
                                  reason_en="Published in error.")
    assert not public.published().exists()
    tombstone = public.publication_by_number(number=publication.number)
    assert tombstone.status == Publication.Status.WITHDRAWN
    assert tombstone.withdrawal_reason_en == "Published in error."


def test_it_refuses_a_withdrawal_without_a_reason_in_each_language(press, personas):
    publication = published(press, personas.officer)
    with pytest.raises(ValidationError) as refused:
        services.publication_withdraw(actor=press, publication=publication, reason_ru="",
                                      reason_en="Published in error.")
    assert list(refused.value.errors) == ["reason_ru"]


def test_it_refuses_rewriting_a_published_item(press, personas):
    publication = published(press, personas.officer)
    with pytest.raises(InvalidState):
        services.publication_text_write(actor=press, publication=publication, language="ru",
                                        wording=RU)


def test_it_refuses_a_delegate_drafting(personas):
    with pytest.raises(Forbidden):
        draft(personas.delegate_a)
