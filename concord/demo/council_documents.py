"""The documents of the demo council's Sochi session: their texts, adoption and signatures."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.council import services, signing
from concord.council.models import (
    Document,
    Instruction,
    Session,
    Signature,
    SignerKey,
    StatePosition,
)
from concord.demo.council_sessions import HEADS, SOCHI, _Count, _id, _unscoped
from concord.registry.models import MemberState, Official


def demo_signer_key(name_en: str) -> Ed25519PrivateKey:
    """A demo signer's key, derived from the signer's name: for the demo only. The installation
    holds it as it holds the keys it generates; a real signer's may instead never leave them."""
    seed = hashlib.sha256(f"concord demo signer: {name_en}".encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


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
    "context of the proposed reduction of foreign military presence in this country in 2014.\n"
    "The development of close cooperation between the CSTO and the Council of Commanders of the "
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
    "formations of the special-purpose forces of the CSTO CRRF.\n"
    "Countering the spread of "
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
    "иностранного военного присутствия в этой стране в 2014 году.\n"
    "Развитие тесного "
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
    "выделенных в состав формирований сил специального назначения КСОР ОДКБ.\n"
    "Противодействие "
    "распространению пропаганды терроризма и религиозного экстремизма, в том числе через "
    "национальные сегменты сети Интернет.\n"
    "5. Повышение внешнеполитической координации государств — членов ОДКБ по ключевым проблемам "
    "международной и региональной безопасности, координация позиций в ООН и на других "
    "международных площадках, подготовка совместных заявлений и инициатив по актуальным "
    "вопросам, затрагивающим интересы государств — членов Организации.\n"
    "6. Развитие взаимодействия ОДКБ с другими международными и региональными организациями в "
    "целях повышения её международного авторитета и решения стоящих перед Организацией задач.")

COMMUNIQUE_EN = (
    "The Collective Security Council gives a positive assessment of the dynamics of the "
    "development of the CSTO collective security system in all the main areas of its activity "
    "and of the establishment of the Organization as one of the fundamental instruments "
    "guaranteeing the security of the CSTO member states and stability in the region of "
    "collective security.\n"
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
    "Совет коллективной безопасности положительно оценивает динамику развития системы "
    "коллективной безопасности ОДКБ по всем основным направлениям её деятельности и "
    "становление Организации как одного из основополагающих инструментов обеспечения "
    "безопасности государств — членов ОДКБ и стабильности в регионе коллективной "
    "безопасности.\n"
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
    DemoDocument("priorities", Document.Type.PRIORITIES,
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


PROCLAIMED_BY = "Vladimir Putin"


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
    if document.is_proclaimed_act:
        # Announced at the session by the President of the Russian Federation as the incoming
        # chair; the states took no position on it.
        services.document_proclaim(actor=SYSTEM, document=document, session=session,
                                   by=Official.objects.get(name_en=PROCLAIMED_BY))
        document.refresh_from_db()
        count.add("council documents")
        return document
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
        if signing.held_private_key(key.fingerprint) is None:
            # The installation holds the demo signers' keys, so that an officer can sign from
            # the page as with any key generated here.
            signing.store_private_key(private)
        if Signature.objects.filter(document=document, official=official).exists():
            continue
        statement = services.signature_statement(document=document, key=key, signed_on=SOCHI)
        services.document_sign(actor=SYSTEM, document=document, key=key, signed_on=SOCHI,
                               signature=signing.sign(private, statement))
        count.add("signatures")
