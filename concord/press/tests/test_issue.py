from __future__ import annotations

import hashlib

import pytest

from concord.core.errors import InvalidState
from concord.core.labels import Classification
from concord.council import services as council
from concord.council.models import Document
from concord.council.tests.factories import ALL_CONCUR, TEXT_EN, TEXT_RU, positions, session
from concord.press.models import Publication
from concord.press.selectors import public
from concord.press.services import issuing
from concord.press.services import publications as services
from concord.press.services.publications import Wording

pytestmark = pytest.mark.django_db


def _adopted(org, officer, *, classification=Classification.PUBLIC,
             doc_type=Document.Type.COMMUNIQUE):
    sochi = session(org, officer, classification=Classification.PUBLIC)
    document = council.document_register(
        actor=officer, body=org.csc, doc_type=doc_type, classification=classification,
        session=sochi, title_ru="Коммюнике", title_en="Communiqué", year=2013,
        texts={"ru": TEXT_RU, "en": TEXT_EN})
    positions(org, officer, document, ALL_CONCUR)
    council.document_decide(actor=officer, document=document, session=sochi)
    document.refresh_from_db()
    return document


def test_it_issues_the_authentic_texts_word_for_word(org, personas, press):
    document = _adopted(org, personas.officer)
    issued = issuing.publication_issue(actor=press, document=document)
    assert issued.pub_type == Publication.Type.COMMUNIQUE
    services.publication_submit(actor=press, publication=issued)
    services.publication_approve(actor=personas.officer, publication=issued)
    item = public.publication_by_number(number=issued.number)
    source = public.source_of(item)
    assert source is not None and source.matches
    assert source.document.symbol == document.symbol
    assert public.item_in(item, "ru").text.body == TEXT_RU
    assert source.hashes["ru"] == hashlib.sha256(TEXT_RU.encode()).hexdigest()


def test_it_refuses_a_document_not_adopted(org, personas, press):
    sochi = session(org, personas.officer, classification=Classification.PUBLIC)
    draft = council.document_register(
        actor=personas.officer, body=org.csc, doc_type=Document.Type.STATEMENT,
        classification=Classification.PUBLIC, session=sochi, title_ru="Заявление",
        title_en="Statement", year=2013, texts={"ru": TEXT_RU, "en": TEXT_EN})
    with pytest.raises(InvalidState, match="adopted"):
        issuing.publication_issue(actor=press, document=draft)


def test_it_refuses_a_document_not_public(org, personas, press):
    document = _adopted(org, personas.officer, classification=Classification.OFFICIAL_USE)
    with pytest.raises(InvalidState, match="public"):
        issuing.publication_issue(actor=press, document=document)


def test_it_refuses_a_decision(org, personas, press):
    document = _adopted(org, personas.officer, doc_type=Document.Type.DECISION)
    with pytest.raises(InvalidState, match="communiqué"):
        issuing.publication_issue(actor=press, document=document)


def test_it_refuses_to_correct_an_issued_text(org, personas, press):
    issued = issuing.publication_issue(actor=press, document=_adopted(org, personas.officer))
    services.publication_submit(actor=press, publication=issued)
    services.publication_approve(actor=personas.officer, publication=issued)
    with pytest.raises(InvalidState, match="as it was adopted"):
        services.publication_correct(actor=press, publication=issued, language="ru",
                                     wording=Wording(title="Коммюнике", body="Другой текст."),
                                     note="Правка.")
