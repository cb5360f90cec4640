"""The demo council's next regular session, a few months after the day the demo is loaded, in
the capital of the state then chairing, with a draft decision on its agenda that some states have
answered and Tajikistan has not: the work a delegation and the secretariat do before a session."""

from __future__ import annotations

from datetime import timedelta

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.council import services
from concord.council.models import Document, Session, StatePosition
from concord.demo.council_sessions import _Count, _id, _unscoped
from concord.registry.models import Body, MemberState
from concord.registry.selectors import chair_on

KEY = "CSC-next-regular"
# Far enough ahead for positions to be gathered, as the secretariat circulates drafts.
LEAD_DAYS = 91
# The chairing state hosts the regular session in its capital.
CAPITALS = {"AM": ("Ереван", "Yerevan"), "BY": ("Минск", "Minsk"),
            "KZ": ("Астана", "Astana"), "KG": ("Бишкек", "Bishkek"),
            "RU": ("Москва", "Moscow"), "TJ": ("Душанбе", "Dushanbe")}
ANSWERED = ("RU", "KZ", "BY")

DRAFT_RU = ("Совет коллективной безопасности Организации Договора о коллективной безопасности "
            "решил:\n"
            "1. Утвердить План мероприятий по укреплению таджикско-афганской границы на "
            "предстоящий период.\n"
            "2. Поручить Секретариату ОДКБ и Объединённому штабу ОДКБ обеспечить координацию "
            "его выполнения и доложить Совету на очередной сессии.")
DRAFT_EN = ("The Collective Security Council of the Collective Security Treaty Organization "
            "decided:\n"
            "1. To approve the Plan of measures to strengthen the Tajik-Afghan border for the "
            "coming period.\n"
            "2. To instruct the CSTO Secretariat and the CSTO Joint Staff to coordinate its "
            "implementation and to report to the Council at its next session.")


def _session(count: _Count) -> Session:
    public_id = _id("session", KEY)
    found: Session | None = _unscoped(Session).filter(public_id=public_id).first()
    if found is not None:
        return found
    starts_on = clock.today() + timedelta(days=LEAD_DAYS)
    chair = chair_on(viewer=SYSTEM, day=starts_on, before_handover=True).state
    code = chair.iso_alpha2 if chair is not None else "RU"
    state = chair or MemberState.objects.get(iso_alpha2=code)
    place_ru, place_en = CAPITALS[code]
    session = services.session_create(
        actor=SYSTEM, body=Body.objects.get(code="CSC"), kind=Session.Kind.REGULAR,
        starts_on=starts_on,
        title_ru="Очередная сессия Совета коллективной безопасности ОДКБ",
        title_en="Regular session of the CSTO Collective Security Council",
        place_ru=place_ru, place_en=place_en, time_zone=state.capital_time_zone,
        originator=Party.objects.get(code="SEC"), public_id=public_id)
    count.add("council sessions")
    return session


def load_upcoming(count: _Count) -> None:
    session = _session(count)
    public_id = _id("document", f"{session.public_id}/border-plan")
    if _unscoped(Document).filter(public_id=public_id).exists():
        return
    item = services.agenda_item_add(
        actor=SYSTEM, session=session,
        title_ru="Об укреплении таджикско-афганской границы",
        title_en="Strengthening the Tajik-Afghan border")
    count.add("agenda items")
    place_ru, place_en = session.place_ru, session.place_en
    draft = services.document_register(
        actor=SYSTEM, body=session.body, doc_type=Document.Type.DECISION,
        title_ru="О плане мероприятий по укреплению таджикско-афганской границы",
        title_en="On the Plan of measures to strengthen the Tajik-Afghan border",
        session=session, agenda_item=item, place_ru=place_ru, place_en=place_en,
        classification=Classification.OFFICIAL_USE, release_to_all_members=True,
        originator=session.originator, texts={"ru": DRAFT_RU, "en": DRAFT_EN},
        public_id=public_id)
    count.add("council documents")
    for state in MemberState.objects.filter(iso_alpha2__in=ANSWERED).order_by("iso_alpha2"):
        services.position_record(actor=SYSTEM, document=draft, body=session.body, state=state,
                                 stance=StatePosition.Stance.CONCURS)
        count.add("state positions")
