"""The demo council's sessions, their participants and agenda items: the CSC session in Sochi of
23 September 2013, the sessions around it that the press release names, and the June 2024 Almaty
meeting of the Committee of Secretaries of Security Councils."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from concord.core.actors import SYSTEM
from concord.core.models import Party
from concord.council import services
from concord.council.models import (
    AgendaItem,
    Document,
    Participant,
    Session,
)
from concord.registry.models import Body, Official, Position

SEED = "CSTO press release, CSC session, Sochi, 23 September 2013"
ALMATY_SOURCE = "CSTO news: meeting of the CSSC, Almaty, 6 June 2024"
SOCHI = date(2013, 9, 23)


def _id(kind: str, name: str) -> uuid.UUID:
    """Stable identifiers, so that the demo's addresses are the same on every machine."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://concord.invalid/demo/{kind}/{name}")


SESSIONS: list[dict[str, Any]] = [
    dict(key="CSC-2011-12-12", body="CSC", kind=Session.Kind.REGULAR, starts_on=date(2011, 12, 12),
         title_ru="Сессия Совета коллективной безопасности ОДКБ (декабрь 2011 года)",
         title_en="Session of the CSTO Collective Security Council (December 2011)",
         place_ru="Москва", place_en="Moscow", time_zone="Europe/Moscow",
         status=Session.Status.CLOSED,
         source="Named in the Sochi press release, 2013: it adopted the Action Plan on "
                "Afghanistan"),
    dict(key="CSC-2012-12", body="CSC", kind=Session.Kind.REGULAR, starts_on=date(2012, 12, 19),
         title_ru="Сессия Совета коллективной безопасности ОДКБ (декабрь 2012 года)",
         title_en="Session of the CSTO Collective Security Council (December 2012)",
         place_ru="Москва", place_en="Moscow", time_zone="Europe/Moscow",
         status=Session.Status.CLOSED, source="Named in the Sochi press release, 2013"),
    dict(key="CSC-2013-05-28-informal", body="CSC", kind=Session.Kind.INFORMAL,
         starts_on=date(2013, 5, 28),
         title_ru="Неформальный саммит глав государств-членов ОДКБ",
         title_en="Informal summit of the heads of the CSTO member states",
         place_ru="Бишкек", place_en="Bishkek", time_zone="Asia/Bishkek",
         status=Session.Status.CLOSED, source=SEED),
    dict(key="CSC-2013-09-23", body="CSC", kind=Session.Kind.REGULAR, starts_on=SOCHI,
         title_ru="Сессия Совета коллективной безопасности ОДКБ",
         title_en="Session of the CSTO Collective Security Council",
         place_ru="Сочи, санаторий «Русь»", place_en="Sochi, sanatorium Rus",
         time_zone="Europe/Moscow", status=Session.Status.CLOSED, reported_signed_count=8,
         source=SEED),
    dict(key="CSC-2014-H2", body="CSC", kind=Session.Kind.REGULAR, starts_on=date(2014, 7, 1),
         ends_on=date(2014, 12, 31), dates_tentative=True,
         title_ru="Очередная сессия Совета коллективной безопасности ОДКБ (2014 год)",
         title_en="Regular session of the CSTO Collective Security Council (2014)",
         place_ru="Москва", place_en="Moscow", time_zone="Europe/Moscow",
         status=Session.Status.HELD, source=SEED),
    dict(key="CSSC-2024-06-06", body="CSSC", kind=Session.Kind.REGULAR,
         starts_on=date(2024, 6, 6),
         title_ru="Заседание Комитета секретарей советов безопасности ОДКБ",
         title_en="Meeting of the CSTO Committee of Secretaries of Security Councils",
         place_ru="Алматы", place_en="Almaty", time_zone="Asia/Almaty",
         status=Session.Status.HELD, source=ALMATY_SOURCE),
]

HEADS = ["Serzh Sargsyan", "Alexander Lukashenko", "Nursultan Nazarbayev", "Almazbek Atambayev",
         "Vladimir Putin", "Emomali Rahmon"]


class _Count(dict[str, int]):
    def add(self, what: str) -> None:
        self[what] = self.get(what, 0) + 1


def _unscoped(model: Any) -> Any:
    return model.objects.unscoped(reason="demo loader: create only what is missing")


def _sessions(count: _Count) -> dict[str, Session]:
    bodies = {b.code: b for b in Body.objects.all()}
    secretariat = Party.objects.get(code="SEC")
    sessions: dict[str, Session] = {}
    for data in SESSIONS:
        fields = {k: v for k, v in data.items() if k not in ("key", "body", "status")}
        public_id = _id("session", data["key"])
        found = _unscoped(Session).filter(public_id=public_id).first()
        if found is None:
            found = services.session_create(actor=SYSTEM, body=bodies[data["body"]],
                                            originator=secretariat, public_id=public_id, **fields)
            count.add("council sessions")
        # A demo loaded before a session's record moved on catches up with it.
        order = Session.Status.values
        for status in order[order.index(found.status) + 1:order.index(data["status"]) + 1]:
            services.session_set_status(actor=SYSTEM, session=found, status=status)
            count.add("session status changes")
        sessions[data["key"]] = found
    return sessions


def _participants(session: Session, count: _Count) -> None:
    if Participant.objects.filter(session=session).exists():
        return
    member = Position.objects.get(code="csc-member")
    for name in HEADS:
        head = Official.objects.get(name_en=name)
        services.participant_add(actor=SYSTEM, session=session, state=head.state, position=member,
                                 official=head, is_head_of_delegation=True)
        count.add("session participants")
    for name, code in (("Nikolai Bordyuzha", "secretary-general"),
                       ("Alexander Studenikin", "chief-of-joint-staff")):
        services.participant_add(actor=SYSTEM, session=session,
                                 official=Official.objects.get(name_en=name),
                                 position=Position.objects.get(code=code))
        count.add("session participants")


def _agenda(sessions: dict[str, Session], documents: dict[str, Document], count: _Count) -> None:
    sochi = sessions["CSC-2013-09-23"]
    if AgendaItem.objects.filter(session=sochi, is_implementation_report=False).exists():
        return
    general = Position.objects.get(code="secretary-general")
    bordyuzha = Official.objects.get(name_en="Nikolai Bordyuzha")
    putin = Official.objects.get(name_en="Vladimir Putin")
    report = AgendaItem.objects.get(session=sochi, is_implementation_report=True)
    services.agenda_item_record_outcome(
        actor=SYSTEM, item=report,
        outcome_ru="Генеральный секретарь проинформировал Совет о ходе выполнения решений "
                   "декабрьской (2012 года) сессии СКБ и договорённостей неформального саммита "
                   "28 мая 2013 года в Бишкеке с учётом приоритетов председательства Кыргызской "
                   "Республики в 2013 году. Внимание было сосредоточено на практических шагах "
                   "по укреплению военной составляющей Организации, включая формирование Сил "
                   "ОДКБ (Коллективных сил), и на поэтапной реализации Плана действий ОДКБ по "
                   "противодействию вызовам и угрозам, исходящим с территории Афганистана "
                   "(принят на сессии СКБ 12 декабря 2011 года).",
        outcome_en="The Secretary General briefed the Council on the implementation of the "
                   "decisions of the December (2012) session of the CSC and of the agreements of "
                   "the informal summit of 28 May 2013 in Bishkek, taking into account the "
                   "priorities put forward by the Kyrgyz Republic for 2013. Attention was "
                   "focused on practical steps to strengthen the military component of the "
                   "Organization, including the formation of the CSTO Forces (Collective "
                   "Forces), and on the phased implementation of the CSTO Action Plan to combat "
                   "the challenges and threats emanating from Afghanistan (adopted at the CSC "
                   "session of 12 December 2011).")
    items: list[dict[str, Any]] = [
        dict(title_ru="Доклад Генерального секретаря ОДКБ о результатах обследования "
                      "таджикско-афганской границы",
             title_en="Report of the CSTO Secretary General on the results of the Tajik-Afghan "
                      "border survey",
             rapporteur=bordyuzha, rapporteur_position=general, documents=[documents["mta"]],
             outcome_ru="Решено оказать безвозмездную военно-техническую помощь Пограничным "
                        "войскам ГКНБ Республики Таджикистан.",
             outcome_en="Decided to provide free military-technical assistance to the Border "
                        "Troops of the SCNS of the Republic of Tajikistan."),
        dict(title_ru="О ситуации в Сирии и вокруг неё (по инициативе Российской Федерации)",
             title_en="The situation in and around Syria (at the initiative of the Russian "
                      "Federation)", documents=[documents["syria"]],
             outcome_ru="Принято заявление.", outcome_en="A statement was made."),
        dict(title_ru="О председательстве в ОДКБ в 2014 году",
             title_en="The chairmanship of the CSTO in 2014", rapporteur=putin,
             documents=[documents["priorities"]],
             outcome_ru="Председательство переходит от Кыргызской Республики к Российской "
                        "Федерации; оглашены приоритеты на 2014 год.",
             outcome_en="The chairmanship passes from the Kyrgyz Republic to the Russian "
                        "Federation; the priorities for 2014 were announced."),
        dict(title_ru="Коммюнике по итогам сессии", title_en="Communiqué of the session",
             documents=[documents["communique"]], outcome_ru="Принято.", outcome_en="Adopted."),
        dict(title_ru="О месте и времени проведения очередной сессии СКБ",
             title_en="The place and time of the next session of the CSC",
             documents=[documents["next-session"]],
             outcome_ru="Москва, второе полугодие 2014 года.",
             outcome_en="Moscow, the second half of 2014."),
    ]
    for item in items:
        services.agenda_item_add(actor=SYSTEM, session=sochi, **item)
        count.add("agenda items")
    bishkek = sessions["CSC-2013-05-28-informal"]
    services.agenda_item_add(
        actor=SYSTEM, session=bishkek,
        title_ru="О мерах по оказанию помощи Республике Таджикистан в укреплении "
                 "таджикско-афганской границы",
        title_en="Measures to assist the Republic of Tajikistan in strengthening the "
                 "Tajik-Afghan border",
        outcome_ru="Даны поручения о подготовке мер в формате ОДКБ.",
        outcome_en="Instructions were given to prepare measures in the CSTO format.")
    count.add("agenda items")
    almaty = sessions["CSSC-2024-06-06"]
    services.agenda_item_add(
        actor=SYSTEM, session=almaty,
        title_ru="Доклад Генерального секретаря ОДКБ о ситуации в зоне ответственности ОДКБ и "
                 "мерах по нейтрализации вызовов и угроз безопасности государств — членов "
                 "Организации",
        title_en="Report of the CSTO Secretary General on the situation in the CSTO area of "
                 "responsibility and measures aimed at neutralizing challenges and threats to "
                 "the security of the member states",
        rapporteur=Official.objects.get(name_en="Imangali Tasmagambetov"),
        rapporteur_position=general)
    count.add("agenda items")
    services.participant_add(actor=SYSTEM, session=almaty,
                             official=Official.objects.get(name_en="Imangali Tasmagambetov"),
                             position=general)
    count.add("session participants")
