"""The CSTO Action Plan to combat the challenges and threats emanating from Afghanistan, adopted
by the Collective Security Council on 12 December 2011, which the Secretary General's briefing at
Sochi reports as being implemented in stages: its measures as instructions, and the progress the
Secretariat reported on them."""

from __future__ import annotations

from typing import Any

from concord.accounts.models import User
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.council import services
from concord.council.models import Document, Instruction, Session, StatePosition
from concord.demo.council_sessions import _Count, _id, _unscoped
from concord.registry.models import MemberState

PLAN_RU = (
    "Государства — члены ОДКБ в целях противодействия вызовам и угрозам, исходящим с территории "
    "Афганистана, осуществляют меры настоящего Плана поэтапно.\n"
    "1. Укрепление таджикско-афганского участка внешней границы зоны ответственности ОДКБ.\n"
    "2. Противодействие незаконному обороту наркотиков из Афганистана, в том числе в рамках "
    "региональной антинаркотической операции «Канал».\n"
    "3. Противодействие международному терроризму и религиозному экстремизму.\n"
    "4. Информирование Совета коллективной безопасности о ходе поэтапной реализации Плана.")
PLAN_EN = (
    "To combat the challenges and threats emanating from the territory of Afghanistan, the CSTO "
    "member states carry out the measures of this Plan in stages.\n"
    "1. Strengthening the Tajik-Afghan section of the external border of the CSTO area of "
    "responsibility.\n"
    "2. Combating drug trafficking from Afghanistan, including within the regional anti-drug "
    "operation \"Channel\".\n"
    "3. Combating international terrorism and religious extremism.\n"
    "4. Briefing the Collective Security Council on the phased implementation of the Plan.")

MEASURES: list[dict[str, Any]] = [
    dict(addressee_kind=Instruction.Addressee.ALL_STATES,
         text_ru="Осуществлять меры Плана поэтапно и информировать Секретариат ОДКБ о ходе "
                 "каждого этапа.",
         text_en="Carry out the measures of the Plan in stages and inform the CSTO Secretariat "
                 "of the progress of each stage."),
    dict(addressee_kind=Instruction.Addressee.SECRETARIAT,
         text_ru="Информировать Совет коллективной безопасности о ходе поэтапной реализации "
                 "Плана на его очередных сессиях.",
         text_en="Brief the Collective Security Council on the phased implementation of the "
                 "Plan at its regular sessions."),
]
BRIEFED_RU = ("На сессии Совета коллективной безопасности 23 сентября 2013 года в Сочи "
              "Генеральный секретарь ОДКБ проинформировал Совет о поэтапной реализации Плана.")


def load_action_plan(session: Session, count: _Count) -> Document:
    """The plan adopted at the December 2011 session, its measures, and the Secretariat's report
    that it briefed the Council at Sochi; the plan's implementation goes on."""
    public_id = _id("document", f"{session.public_id}/afghanistan-action-plan")
    found: Document | None = _unscoped(Document).filter(public_id=public_id).first()
    if found is not None:
        return found
    plan = services.document_register(
        actor=SYSTEM, body=session.body, doc_type=Document.Type.PLAN,
        title_ru="План действий ОДКБ по противодействию вызовам и угрозам, исходящим с "
                 "территории Афганистана",
        title_en="CSTO Action Plan to combat the challenges and threats emanating from "
                 "Afghanistan",
        session=session, place_ru=session.place_ru, place_en=session.place_en,
        classification=Classification.OFFICIAL_USE, release_to_all_members=True,
        originator=Party.objects.get(code="SEC"), texts={"ru": PLAN_RU, "en": PLAN_EN},
        public_id=public_id)
    instructions = []
    for number, measure in enumerate(MEASURES, start=1):
        instructions.append(services.instruction_add(
            actor=SYSTEM, document=plan, public_id=_id("instruction", f"{public_id}/{number}"),
            **measure))
        count.add("instructions")
    for state in MemberState.objects.filter(status="active"):
        services.position_record(actor=SYSTEM, document=plan, body=session.body, state=state,
                                 stance=StatePosition.Stance.CONCURS)
    services.document_decide(actor=SYSTEM, document=plan, session=session,
                             on=session.starts_on)
    count.add("council documents")
    officer = User.objects.filter(username="officer").first()
    if officer is not None:
        services.instruction_report(actor=officer, instruction=instructions[1], text=BRIEFED_RU,
                                    status=Instruction.Status.IN_PROGRESS)
        count.add("progress reports")
    plan.refresh_from_db()
    return plan
