"""Council test data over the registry's small CSTO: sessions and drafts made through the
services, as the secretariat officer."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from concord.core.labels import Classification
from concord.council import services
from concord.council.models import (
    Document,
    ImplementationReport,
    Instruction,
    Session,
    StatePosition,
)
from concord.registry.models import Body, BodyKind
from concord.registry.tests.factories import Organization

TEXT_RU = "Совет коллективной безопасности решил:\n1. Оказать помощь.\n2. Контроль возложить."
TEXT_EN = "The Collective Security Council decided:\n1. To give assistance.\n2. To follow it up."


def session(org: Organization, officer: Any, *, starts_on: date = date(2013, 9, 23),
            kind: str = Session.Kind.REGULAR, **fields: Any) -> Session:
    defaults: dict[str, Any] = dict(title_ru="Сессия СКБ", title_en="Session of the CSC",
                                    place_ru="Сочи", place_en="Sochi")
    return services.session_create(actor=officer, body=org.csc, kind=kind, starts_on=starts_on,
                                   **{**defaults, **fields})


def draft(org: Organization, officer: Any, *, doc_type: str = Document.Type.DECISION,
          classification: int = Classification.OFFICIAL_USE, session: Session | None = None,
          body: Body | None = None, **fields: Any) -> Document:
    defaults: dict[str, Any] = dict(title_ru="О помощи", title_en="On assistance",
                                    texts={"ru": TEXT_RU, "en": TEXT_EN}, year=2013)
    return services.document_register(actor=officer, body=body or org.csc, doc_type=doc_type,
                                      classification=classification, session=session,
                                      **{**defaults, **fields})


def positions(org: Organization, officer: Any, document: Document, stances: Mapping[str, str],
              *, body: Body | None = None) -> None:
    for code, stance in stances.items():
        reason = "reservation" if stance == StatePosition.Stance.NOT_PARTICIPATING else ""
        services.position_record(actor=officer, document=document, body=body or org.csc,
                                 state=org.states[code], stance=stance, reason=reason)


def committee(org: Organization) -> Body:
    return Body.objects.create(code="CSSC", kind=BodyKind.COMMITTEE, parent=org.csc,
                               name_ru="КССБ", name_en="Committee of Secretaries",
                               abbreviation_en="CSSC", takes_decisions=True, order=4)


ALL_CONCUR = {code: StatePosition.Stance.CONCURS for code in ("BY", "KZ", "KG", "RU", "TJ")}


def session_after_an_instruction(org: Organization, officer: Any) -> Session:
    """The Moscow session, following a Sochi session whose decision gave one instruction."""
    previous = session(org, officer, starts_on=date(2013, 9, 23))
    document = draft(org, officer, session=previous)
    positions(org, officer, document, ALL_CONCUR)
    services.document_decide(actor=officer, document=document, session=previous)
    services.instruction_add(actor=officer, document=document,
                             addressee_kind=Instruction.Addressee.ALL_STATES,
                             text_ru="Оказать помощь", text_en="Give assistance",
                             deadline_months=3)
    return session(org, officer, starts_on=date(2014, 12, 23), title_en="Moscow session",
                   place_en="Moscow")


def implementation_report(org: Organization, officer: Any) -> ImplementationReport:
    """The Moscow session's draft report on the one instruction given at Sochi."""
    return services.implementation_report_generate(
        actor=officer, session=session_after_an_instruction(org, officer))
