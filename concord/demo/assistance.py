"""The demo's assistance request: on the request of the Tajik side, the Sochi session (23 September
2013) decided that the member states, within three months and taking into account their
capabilities, give free military-technical assistance to the Border Troops of Tajikistan's State
Committee for National Security. The request answers that instruction: phase one within the three
months (weapons, ammunition, optics and surveillance, special vehicles), phase two the border
infrastructure and outposts. Pledges from four states stand at different stages: some delivered
and accepted, some still owed years later, so that the gap shows. The public record gives no
quantities: every quantity here is illustrative and marked so. Loading twice changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from concord.assistance.models import (
    MILITARY_CATEGORIES,
    AssistanceRequest,
    Category,
    Delivery,
    Pledge,
    PledgeLine,
    Unit,
    Urgency,
)
from concord.assistance.services import deliveries, handover, pledges, requests
from concord.core.actors import SYSTEM
from concord.council import signing
from concord.council.models import Instruction, SignerKey
from concord.demo.council_documents import demo_signer_key
from concord.demo.council_sessions import HEADS, _Count, _id, _unscoped
from concord.registry.models import MemberState

SOCHI = date(2013, 9, 23)
BORDER = ("Исключительно для обеспечения безопасности таджикско-афганской границы; "
          "передача третьим лицам запрещена.")
BORDER_EN = ("Solely for the security of the Tajik-Afghan border; no transfer to third "
             "parties.")
LINES_END_USER_RU = ("Пограничные войска Государственного комитета национальной безопасности "
                     "Республики Таджикистан")
LINES_END_USER_EN = ("Border Troops of the State Committee for National Security of the "
                     "Republic of Tajikistan")
ILLUSTRATIVE_RU = ("Количества условные: в открытых источниках они не приводятся.")
ILLUSTRATIVE_EN = "The quantities are illustrative: the public record does not give them."

PHASES = [
    dict(title_ru="Вооружение, боеприпасы, оптика и специальная техника",
         title_en="Weapons, ammunition, optics and special vehicles", due_on=date(2013, 12, 23)),
    # The decision names no date for the infrastructure: the end of 2014 is illustrative.
    dict(title_ru="Пограничная инфраструктура и заставы",
         title_en="Border infrastructure and outposts", due_on=date(2014, 12, 31)),
]


def _line(category: str, ru: str, en: str, quantity: int, *, unit: str, phase: int,
          priority: int = 1) -> dict[str, Any]:
    return dict(category=category, description_ru=ru, description_en=en, quantity=quantity,
                unit=unit, phase=phase, priority=priority, illustrative=True,
                delivery_place_ru="Душанбе, Пограничные войска ГКНБ",
                delivery_place_en="Dushanbe, Border Troops of the SCNS",
                end_use_restriction_ru=BORDER, end_use_restriction_en=BORDER_EN,
                retransfer_banned=True)


LINES = [
    _line(Category.SMALL_ARMS, "Автоматы и пулемёты", "Assault rifles and machine guns", 1000,
          unit=Unit.PIECES, phase=1),
    _line(Category.AMMUNITION, "Патроны к стрелковому оружию", "Small-arms ammunition", 500000,
          unit=Unit.ROUNDS, phase=1),
    _line(Category.OPTICS, "Приборы ночного видения и тепловизоры",
          "Night-vision and thermal imaging devices", 300, unit=Unit.PIECES, phase=1),
    _line(Category.VEHICLES, "Автомобили повышенной проходимости", "Off-road vehicles", 60,
          unit=Unit.VEHICLES, phase=1),
    _line(Category.ENGINEERING, "Строительство и оснащение пограничных застав",
          "Building and equipping border outposts", 6, unit=Unit.OBJECTS, phase=2,
          priority=2),
    _line(Category.ENGINEERING, "Инженерные заграждения на участках границы",
          "Engineering barriers on sections of the border", 40, unit=Unit.KILOMETRES,
          phase=2, priority=2),
]

# Per state: the day it pledged, whether it withholds the details from the other states, and
# per line (number): pledged, committed, then consignments (shipped, delivered, accepted days
# and quantities). Illustrative, as the quantities above.
PLEDGES: list[dict[str, Any]] = [
    dict(state="RU", on=date(2013, 10, 14), withheld=False,
         lines={1: 600, 2: 300000, 3: 150, 4: 30},
         commit={1: 600, 2: 300000, 3: 150, 4: 30}, agreement="RU-TJ/ВТП/2013-11",
         signed=date(2013, 11, 18),
         shipments=[("RU-2013-01", date(2013, 12, 2), date(2013, 12, 10), date(2013, 12, 16),
                     {1: 600, 2: 300000, 3: 150}),
                    ("RU-2014-01", date(2014, 3, 3), date(2014, 3, 12), date(2014, 3, 20),
                     {4: 20})]),
    dict(state="KZ", on=date(2013, 11, 5), withheld=False, lines={2: 200000, 4: 10, 5: 2},
         commit={2: 200000}, agreement="KZ-TJ/2013-12", signed=date(2013, 12, 9),
         shipments=[("KZ-2014-01", date(2014, 1, 27), date(2014, 2, 6), None, {2: 200000})]),
    dict(state="BY", on=date(2013, 11, 20), withheld=True, lines={3: 50, 6: 10},
         commit={3: 50}, agreement="BY-TJ/2014-02", signed=date(2014, 2, 14), shipments=[]),
    dict(state="KG", on=date(2013, 12, 12), withheld=False, lines={5: 1}, commit={},
         agreement="", signed=None, shipments=[]),
]


def load_assistance() -> dict[str, int]:
    count = _Count()
    public_id = _id("assistance-request", "sochi-2013-border-troops")
    if _unscoped(AssistanceRequest).filter(public_id=public_id).exists():
        return dict(count)
    instruction = (_unscoped(Instruction)
                   .filter(document__public_id=_id("document", f"{_sochi_id()}/mta"), number=1)
                   .select_related("document").first())
    if instruction is None:
        return dict(count)
    states = {state.iso_alpha2: state for state in MemberState.objects.all()}
    record = requests.request_create(
        actor=SYSTEM, requesting_state=states["TJ"], instruction=instruction,
        title_ru="Военно-техническая помощь Пограничным войскам ГКНБ Республики Таджикистан",
        title_en="Military-technical assistance to the Border Troops of the SCNS of the "
                 "Republic of Tajikistan",
        beneficiary_ru="Пограничные войска Государственного комитета национальной "
                       "безопасности Республики Таджикистан",
        beneficiary_en="Border Troops of the State Committee for National Security of the "
                       "Republic of Tajikistan",
        kind="military_technical", terms="free", urgency=Urgency.PRIORITY,
        summary_ru="Укрепление таджикско-афганского участка государственной границы. "
                   + ILLUSTRATIVE_RU,
        summary_en="Strengthening the Tajik-Afghan section of the state border. "
                   + ILLUSTRATIVE_EN,
        letter_reference="Просьба таджикской стороны", letter_dated=SOCHI,
        phases=PHASES, lines=LINES, public_id=public_id)
    count.add("assistance requests")
    requests.request_submit(actor=SYSTEM, request=record)
    requests.request_open(actor=SYSTEM, request=record)
    for spec in PLEDGES:
        _pledge(record, states[spec["state"]], spec)
        count.add("assistance pledges")
    requests.request_close(actor=SYSTEM, request=record)
    return dict(count)


def _phase_due(number: int) -> date:
    # A state promises delivery by the deadline of the phase the line belongs to.
    due: date = PHASES[LINES[number - 1]["phase"] - 1]["due_on"]
    return due


def _sochi_id() -> Any:
    return _id("session", "CSC-2013-09-23")


def _pledge(record: AssistanceRequest, state: MemberState, spec: dict[str, Any]) -> Pledge:
    lines = {line.number: line for line in record.lines.all()}
    pledge = pledges.pledge_make(
        actor=SYSTEM, request=record, state=state, pledged_on=spec["on"],
        release_to_all_members=not spec["withheld"], note=ILLUSTRATIVE_RU,
        public_id=_id("assistance-pledge", f"{record.public_id}/{state.iso_alpha2}"),
        lines=[{"line": lines[number], "quantity": quantity, "due_on": _phase_due(number)}
               for number, quantity in spec["lines"].items()])
    own = {line.line.number: line for line in pledge.lines.select_related("line")}
    for number, quantity in spec["commit"].items():
        pledges.pledge_line_commit(actor=SYSTEM, pledge_line=own[number], quantity=quantity,
                                   agreement_reference=spec["agreement"],
                                   agreement_signed_on=spec["signed"])
    military = [own[number] for number in spec["commit"]
                if own[number].line.category in MILITARY_CATEGORIES]
    if spec["shipments"] and military:
        _certificate(pledge, military, spec["shipments"][0][1])
    for reference, shipped, delivered, accepted, items in spec["shipments"]:
        sent = deliveries.delivery_ship(
            actor=SYSTEM, pledge=pledge, reference=reference, shipped_on=shipped,
            items=[{"pledge_line": own[number], "quantity": quantity}
                   for number, quantity in items.items()])
        deliveries.delivery_receive(actor=SYSTEM, delivery=sent, delivered_on=delivered)
        if accepted is not None:
            deliveries.delivery_accept(actor=SYSTEM, delivery=sent, accepted_on=accepted)
            _handover(sent, accepted)
    return pledge


def _head_key(state: MemberState) -> SignerKey:
    # The heads of state hold the demo's signer keys (see the council's Sochi signatures).
    key: SignerKey = SignerKey.objects.select_related("official").get(
        state=state, revoked_at__isnull=True, official__name_en__in=HEADS)
    return key


def _certificate(pledge: Pledge, lines: list[PledgeLine], before: date) -> None:
    """Tajikistan's signed end-use certificate for the military items of a pledge, dated a week
    before their first consignment: without it they would not ship."""
    recipient = pledge.request.requesting_state
    certificate = handover.end_use_certificate_issue(
        actor=SYSTEM, pledge=pledge, number=f"СКП-{pledge.state.iso_alpha2}-{before.year}",
        end_user_ru=LINES_END_USER_RU, end_user_en=LINES_END_USER_EN,
        restriction_ru=BORDER, restriction_en=BORDER_EN, lines=lines,
        issued_on=before - timedelta(days=7))
    key = _head_key(recipient)
    signed_on = before - timedelta(days=5)
    statement = handover.certificate_statement(certificate=certificate, key=key,
                                               signed_on=signed_on)
    handover.end_use_certificate_sign(
        actor=SYSTEM, certificate=certificate, key=key, signed_on=signed_on,
        signature=signing.sign(demo_signer_key(key.official.name_en), statement))


def _handover(delivery: Delivery, accepted: date) -> None:
    """The act closing an accepted consignment, signed by both heads of state's keys."""
    act = handover.handover_act_draw(
        actor=SYSTEM, delivery=delivery, number=f"АКТ-{delivery.reference}", dated=accepted,
        place_ru="Душанбе", place_en="Dushanbe")
    sides = {"provider": delivery.pledge.state,
             "recipient": delivery.pledge.request.requesting_state}
    for side, state in sides.items():
        key = _head_key(state)
        statement = handover.act_statement(act=act, side=side, key=key, signed_on=accepted)
        handover.handover_sign(
            actor=SYSTEM, act=act, side=side, key=key, signed_on=accepted,
            signature=signing.sign(demo_signer_key(key.official.name_en), statement))
