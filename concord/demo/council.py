"""The demo organization's council records: the CSC session in Sochi of 23 September 2013 with its
documents, the sessions around it that the press release names, and the June 2024 Almaty meeting
of the Committee of Secretaries of Security Councils. Loading twice changes nothing."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.council import services, signing
from concord.council.models import (
    AgendaItem,
    Document,
    ImplementationReport,
    Instruction,
    Participant,
    Session,
    Signature,
    SignerKey,
    StatePosition,
)
from concord.registry.models import Body, MemberState, Official, Position

SEED = "CSTO press release, CSC session, Sochi, 23 September 2013"
ALMATY_SOURCE = "CSTO news: meeting of the CSSC, Almaty, 6 June 2024"
SOCHI = date(2013, 9, 23)


def _id(kind: str, name: str) -> uuid.UUID:
    """Stable identifiers, so that the demo's addresses are the same on every machine."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://concord.invalid/demo/{kind}/{name}")


def demo_signer_key(name_en: str) -> Ed25519PrivateKey:
    """A demo signer's key, derived from the signer's name: for the demo only, never for a real
    signer, whose private key never leaves them."""
    seed = hashlib.sha256(f"concord demo signer: {name_en}".encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


SESSIONS: list[dict[str, Any]] = [
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
         status=Session.Status.PLANNED, source=SEED),
    dict(key="CSSC-2024-06-06", body="CSSC", kind=Session.Kind.REGULAR,
         starts_on=date(2024, 6, 6),
         title_ru="Заседание Комитета секретарей советов безопасности ОДКБ",
         title_en="Meeting of the CSTO Committee of Secretaries of Security Councils",
         place_ru="Алматы", place_en="Almaty", time_zone="Asia/Almaty",
         status=Session.Status.HELD, source=ALMATY_SOURCE),
]

HEADS = ["Serzh Sargsyan", "Alexander Lukashenko", "Nursultan Nazarbayev", "Almazbek Atambayev",
         "Vladimir Putin", "Emomali Rahmon"]

MTA_RU = (
    "Заслушав доклад Генерального секретаря ОДКБ о результатах обследования таджикско-афганской "
    "границы, Совет коллективной безопасности решил:\n"
    "1. Признать необходимым принятие Республикой Таджикистан совместно с государствами — членами "
    "ОДКБ дополнительных мер по укреплению таджикско-афганского участка государственной границы.\n"
    "2. Исходя из запроса таджикской стороны, государствам — членам ОДКБ в течение трёх месяцев с "
    "учётом своих возможностей оказать безвозмездную военно-техническую помощь Пограничным войскам "
    "Государственного комитета национальной безопасности Республики Таджикистан.")
MTA_EN = (
    "Having heard the report of the CSTO Secretary General on the results of the Tajik-Afghan "
    "border survey, the Collective Security Council decided:\n"
    "1. To recognize the adoption of additional measures by the Republic of Tajikistan together "
    "with the CSTO member states to strengthen the Tajik-Afghan section of the state border.\n"
    "2. Based on the request of the Tajik side, the CSTO member states within three months, taking "
    "into account their capabilities, will provide free military-technical assistance to the "
    "Border Troops of the State Committee for National Security of the Republic of Tajikistan.")

SYRIA_EN = (
    "The CSTO member states are seriously concerned about the development of the situation in "
    "Syria and around it. They are in favor of achieving peace, stability, prosperity and progress "
    "in this country and the whole region of the Middle East.\n"
    "The CSTO member states believe that external, including forceful intervention is "
    "unacceptable and can lead to even greater destabilization of the situation in this country "
    "and far beyond the region. In addition, any international intervention in the Syrian "
    "conflict in circumvention of the UN Security Council and in violation of the Charter of the "
    "Organization is unlawful.\n"
    "The CSTO member states support the efforts of the Russian Federation to resolve the Syrian "
    "crisis solely by political and diplomatic means, and support the implementation of the "
    "measures agreed in Geneva on September 12–14. Russian-US proposals for measures on Syrian "
    "chemical weapons, based on the fact that this will contribute to the overall task of "
    "eliminating all stocks of chemical weapons.")
SYRIA_RU = (
    "Государства — члены ОДКБ серьёзно обеспокоены развитием ситуации в Сирии и вокруг неё. Они "
    "выступают за достижение мира, стабильности, процветания и прогресса в этой стране и во всём "
    "регионе Ближнего Востока.\n"
    "Государства — члены ОДКБ считают, что внешнее, в том числе силовое, вмешательство "
    "недопустимо и может привести к ещё большей дестабилизации обстановки в этой стране и далеко "
    "за пределами региона. Кроме того, любое международное вмешательство в сирийский конфликт в "
    "обход Совета Безопасности ООН и в нарушение Устава Организации является противоправным.\n"
    "Государства — члены ОДКБ поддерживают усилия Российской Федерации по урегулированию "
    "сирийского кризиса исключительно политико-дипломатическими средствами и поддерживают "
    "реализацию согласованных в Женеве 12–14 сентября российско-американских предложений о мерах "
    "в отношении сирийского химического оружия, исходя из того, что это будет способствовать "
    "общей задаче ликвидации всех запасов химического оружия.")

PRIORITIES_EN = (
    "To further transform the CSTO into a multifunctional international organization capable of "
    "confronting modern challenges and threats in its area of responsibility and adjacent areas, "
    "Russia considers it necessary to focus on the following priorities:\n"
    "1. Strengthening cooperation mechanisms to ensure security at the external borders of the "
    "CSTO zone of responsibility, including the development and adoption of preventive measures "
    "to counter the challenges and threats emanating from the territory of Afghanistan, in the "
    "context of the proposed reduction of foreign military presence in this country in 2014. The "
    "development of close cooperation between the CSTO and the Council of Commanders of the "
    "Border Troops of the CIS member states.\n"
    "2. Improvement of joint operational and combat training of command bodies and forces and "
    "means of the collective security system of the CSTO by conducting joint military exercises, "
    "combat training of the Collective Rapid Reaction Forces (CRRF) of the CSTO and equipping them "
    "with modern weapons, military and special equipment.\n"
    "3. Preparation of the CSTO peacekeeping forces for practical participation in peacekeeping "
    "operations.\n"
    "4. In the field of combating modern challenges and threats to the security of the CSTO "
    "member states, first of all, drug trafficking, including from Afghanistan, and terrorism - "
    "the continuation of work on organizing local operations on the main drug trafficking routes "
    "within the regional anti-drug operation “Channel”, joint operational-tactical exercises of "
    "special-purpose units of anti-drug departments and internal affairs bodies assigned to the "
    "formations of the special-purpose forces of the CSTO CRRF. Countering the spread of "
    "propaganda of terrorism and religious extremism, including through the national segments of "
    "the Internet.\n"
    "5. Increasing the foreign policy coordination of the CSTO member states on key issues of "
    "international and regional security, coordinating positions at the UN and at other "
    "international platforms, preparing joint statements and initiatives on topical issues "
    "affecting the interests of the Organization’s member states.\n"
    "6. Development of interaction between the CSTO and other international and regional "
    "organizations in order to increase its international prestige and address the challenges "
    "facing the Organization.")
PRIORITIES_RU = (
    "В целях дальнейшей трансформации ОДКБ в многофункциональную международную организацию, "
    "способную противостоять современным вызовам и угрозам в зоне её ответственности и на "
    "сопредельных направлениях, Россия считает необходимым сосредоточиться на следующих "
    "приоритетах:\n"
    "1. Укрепление механизмов взаимодействия по обеспечению безопасности на внешних границах зоны "
    "ответственности ОДКБ, включая выработку и принятие превентивных мер противодействия вызовам "
    "и угрозам, исходящим с территории Афганистана, в контексте предполагаемого сокращения "
    "иностранного военного присутствия в этой стране в 2014 году. Развитие тесного "
    "взаимодействия ОДКБ и Совета командующих Пограничными войсками государств — участников СНГ.\n"
    "2. Совершенствование совместной оперативной и боевой подготовки органов управления и сил и "
    "средств системы коллективной безопасности ОДКБ путём проведения совместных военных учений, "
    "боевой подготовки Коллективных сил оперативного реагирования (КСОР) ОДКБ и оснащения их "
    "современным вооружением, военной и специальной техникой.\n"
    "3. Подготовка миротворческих сил ОДКБ к практическому участию в миротворческих операциях.\n"
    "4. В сфере противодействия современным вызовам и угрозам безопасности государств — членов "
    "ОДКБ, прежде всего наркотрафику, в том числе из Афганистана, и терроризму — продолжение "
    "работы по организации локальных операций на основных маршрутах наркотрафика в рамках "
    "региональной антинаркотической операции «Канал», совместных оперативно-тактических учений "
    "подразделений специального назначения антинаркотических ведомств и органов внутренних дел, "
    "выделенных в состав формирований сил специального назначения КСОР ОДКБ. Противодействие "
    "распространению пропаганды терроризма и религиозного экстремизма, в том числе через "
    "национальные сегменты сети Интернет.\n"
    "5. Повышение внешнеполитической координации государств — членов ОДКБ по ключевым проблемам "
    "международной и региональной безопасности, координация позиций в ООН и на других "
    "международных площадках, подготовка совместных заявлений и инициатив по актуальным "
    "вопросам, затрагивающим интересы государств — членов Организации.\n"
    "6. Развитие взаимодействия ОДКБ с другими международными и региональными организациями в "
    "целях повышения её международного авторитета и решения стоящих перед Организацией задач.")

COMMUNIQUE_EN = (
    "The heads of the CSTO member states consider it important to implement foreign policy "
    "interaction, coordination and elaboration of common approaches to the development of the "
    "modern international situation. In this context, concerted actions of the CSTO member "
    "states in the framework of the United Nations and in other international forums take on a "
    "special meaning.\n"
    "The Collective Security Council attaches fundamental importance to the prevention of "
    "external threats and outside interference, strengthening joint resistance to international "
    "terrorism and extremism, illicit drug trafficking and weapons, illegal migration and human "
    "trafficking, the use of information and communication technologies for illegal purposes, "
    "including through internationally recognized complex operational and preventive operations "
    "\"Channel\", \"Nelegal\", as well as \"PROXY\". The implementation of the decision to assist "
    "the Republic of Tajikistan in strengthening the Tajik-Afghan border is intended to make a "
    "significant contribution to solving these problems.\n"
    "The Council attaches great importance to the formation of an effective system of collective "
    "response to emergency situations, including those caused by man-made and natural "
    "disasters.\n"
    "In the framework of improving military cooperation, as well as enhancing the combat "
    "potential of the collective security system’s forces and means, it was reasonable and "
    "timely to approve the Main Directions for the development of military cooperation of the "
    "CSTO member states for the period up to 2020, the establishment of the Military Committee, "
    "the building up of the CSTO Collective Rapid Reaction Forces equipment of modern weapons, "
    "military and special equipment. Thanks to the joint integrated exercises \"Rubezh\", "
    "\"Mutual Action\", \"Indestructible Brotherhood\", \"Cobalt\", \"Thunder\" increased the "
    "level of preparedness of the forces and means of the CSTO member states involved in them.")
COMMUNIQUE_RU = (
    "Главы государств — членов ОДКБ считают важным осуществление внешнеполитического "
    "взаимодействия, координации и выработки общих подходов к развитию современной "
    "международной обстановки. В этом контексте особое значение приобретают согласованные "
    "действия государств — членов ОДКБ в рамках Организации Объединённых Наций и на других "
    "международных форумах.\n"
    "Совет коллективной безопасности придаёт принципиальное значение предотвращению внешних "
    "угроз и вмешательства извне, наращиванию совместного противодействия международному "
    "терроризму и экстремизму, незаконному обороту наркотиков и оружия, незаконной миграции и "
    "торговле людьми, использованию информационно-коммуникационных технологий в противоправных "
    "целях, в том числе путём проведения получивших международное признание комплексных "
    "оперативно-профилактических операций «Канал», «Нелегал», а также «PROXY». Реализация "
    "решения об оказании помощи Республике Таджикистан в укреплении таджикско-афганской границы "
    "призвана внести существенный вклад в решение этих задач.\n"
    "Совет придаёт большое значение формированию эффективной системы коллективного реагирования "
    "на чрезвычайные ситуации, в том числе вызванные техногенными и природными катастрофами.\n"
    "В рамках совершенствования военного сотрудничества, а также наращивания боевого потенциала "
    "сил и средств системы коллективной безопасности обоснованным и своевременным было "
    "утверждение Основных направлений развития военного сотрудничества государств — членов ОДКБ "
    "на период до 2020 года, создание Военного комитета, оснащение Коллективных сил оперативного "
    "реагирования ОДКБ современным вооружением, военной и специальной техникой. Благодаря "
    "совместным комплексным учениям «Рубеж», «Взаимодействие», «Нерушимое братство», «Кобальт», "
    "«Гром» повысился уровень подготовленности привлекаемых к ним сил и средств государств — "
    "членов ОДКБ.")

NEXT_SESSION_RU = ("Совет коллективной безопасности решил провести очередную сессию Совета "
                   "коллективной безопасности ОДКБ во втором полугодии 2014 года в городе Москве.")
NEXT_SESSION_EN = ("The Collective Security Council decided to hold the next session of the CSTO "
                   "Collective Security Council in the second half of 2014 in Moscow.")


@dataclass(frozen=True)
class DemoDocument:
    key: str
    doc_type: str
    title_ru: str
    title_en: str
    texts: dict[str, str]
    classification: int = Classification.PUBLIC
    signed: bool = True
    instructions: list[dict[str, Any]] = field(default_factory=list)


SOCHI_DOCUMENTS = [
    DemoDocument(
        "mta", Document.Type.DECISION,
        "Об оказании военно-технической помощи Республике Таджикистан в целях укрепления "
        "таджикско-афганской границы",
        "On military-technical assistance to the Republic of Tajikistan to strengthen the "
        "Tajik-Afghan border",
        {"ru": MTA_RU, "en": MTA_EN}, classification=Classification.OFFICIAL_USE,
        instructions=[dict(
            addressee_kind=Instruction.Addressee.ALL_STATES, deadline_months=3,
            text_ru="В течение трёх месяцев с учётом своих возможностей оказать безвозмездную "
                    "военно-техническую помощь Пограничным войскам Государственного комитета "
                    "национальной безопасности Республики Таджикистан.",
            text_en="Within three months, taking into account their capabilities, provide free "
                    "military-technical assistance to the Border Troops of the State Committee "
                    "for National Security of the Republic of Tajikistan.")]),
    DemoDocument("syria", Document.Type.STATEMENT,
                 "Заявление государств — членов ОДКБ о ситуации в Сирии и вокруг неё",
                 "Statement of the CSTO member states on the situation in and around Syria",
                 {"ru": SYRIA_RU, "en": SYRIA_EN}),
    DemoDocument("priorities", Document.Type.PLAN,
                 "Приоритеты председательства Российской Федерации в ОДКБ в 2014 году",
                 "Priorities of the chairmanship of the Russian Federation in the CSTO in 2014",
                 {"ru": PRIORITIES_RU, "en": PRIORITIES_EN}, signed=False),
    DemoDocument("communique", Document.Type.COMMUNIQUE,
                 "Коммюнике по итогам сессии Совета коллективной безопасности ОДКБ",
                 "Communiqué following the session of the CSTO Collective Security Council",
                 {"ru": COMMUNIQUE_RU, "en": COMMUNIQUE_EN}),
    DemoDocument("next-session", Document.Type.DECISION,
                 "О месте и времени проведения очередной сессии Совета коллективной безопасности "
                 "ОДКБ",
                 "On the place and time of the next session of the CSTO Collective Security "
                 "Council",
                 {"ru": NEXT_SESSION_RU, "en": NEXT_SESSION_EN}),
]


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
            for status in Session.Status.values[1:]:
                if Session.Status.values.index(status) <= \
                        Session.Status.values.index(data["status"]):
                    services.session_set_status(actor=SYSTEM, session=found, status=status)
            count.add("council sessions")
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


def _adopted(session: Session, spec: DemoDocument, secretariat: Party,
             count: _Count) -> Document:
    public_id = _id("document", f"{session.public_id}/{spec.key}")
    document: Document | None = _unscoped(Document).filter(public_id=public_id).first()
    if document is not None:
        return document
    document = services.document_register(
        actor=SYSTEM, body=session.body, doc_type=spec.doc_type, title_ru=spec.title_ru,
        title_en=spec.title_en, session=session, place_ru="Сочи", place_en="Sochi",
        classification=spec.classification, release_to_all_members=True,
        originator=secretariat, texts=spec.texts, public_id=public_id)
    for number, spec_instruction in enumerate(spec.instructions, start=1):
        services.instruction_add(actor=SYSTEM, document=document,
                                 public_id=_id("instruction", f"{public_id}/{number}"),
                                 **spec_instruction)
        count.add("instructions")
    for state in MemberState.objects.filter(status="active"):
        services.position_record(actor=SYSTEM, document=document, body=session.body, state=state,
                                 stance=StatePosition.Stance.CONCURS)
    services.document_decide(actor=SYSTEM, document=document, session=session, on=SOCHI)
    document.refresh_from_db()
    count.add("council documents")
    return document


def _signatures(document: Document, count: _Count) -> None:
    for name in HEADS:
        official = Official.objects.get(name_en=name)
        private = demo_signer_key(name)
        public = signing.public_key_b64(private)
        key = SignerKey.objects.filter(fingerprint=signing.fingerprint(public)).first()
        if key is None:
            key = services.signer_key_register(actor=SYSTEM, official=official, public_key=public)
            count.add("signer keys")
        if Signature.objects.filter(document=document, official=official).exists():
            continue
        statement = services.signature_statement(document=document, key=key, signed_on=SOCHI)
        services.document_sign(actor=SYSTEM, document=document, key=key, signed_on=SOCHI,
                               signature=signing.sign(private, statement))
        count.add("signatures")


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
                   "Республики в 2013 году.",
        outcome_en="The Secretary General briefed the Council on the implementation of the "
                   "decisions of the December (2012) session of the CSC and of the agreements of "
                   "the informal summit of 28 May 2013 in Bishkek, taking into account the "
                   "priorities put forward by the Kyrgyz Republic for 2013.")
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


def load_council() -> dict[str, int]:
    count = _Count()
    sessions = _sessions(count)
    sochi = sessions["CSC-2013-09-23"]
    _participants(sochi, count)
    secretariat = Party.objects.get(code="SEC")
    documents = {spec.key: _adopted(sochi, spec, secretariat, count) for spec in SOCHI_DOCUMENTS}
    for spec in SOCHI_DOCUMENTS:
        if spec.signed:
            _signatures(documents[spec.key], count)
    _agenda(sessions, documents, count)
    moscow = sessions["CSC-2014-H2"]
    if not _unscoped(ImplementationReport).filter(session=moscow).exists():
        services.implementation_report_generate(actor=SYSTEM, session=moscow,
                                                public_id=_id("report", "CSC-2014-H2"))
        count.add("implementation reports")
    return dict(count)
