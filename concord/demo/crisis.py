"""The demo's crisis cases, loaded through the crisis services.

The Kazakhstan case of January 2022: the President of Kazakhstan appealed to the organization on
5 January; the chair of the Collective Security Council announced that night the decision under
Article 4 of the Collective Security Treaty; the first aircraft landed in Almaty on 6 January;
contingents of Russia, Belarus, Armenia, Tajikistan and Kyrgyzstan (about 2,000–2,500
personnel) guarded strategic facilities; the withdrawal began on 13 January and was complete on
19 January. The days are those of the public record; the hours are set for the demo (UTC).
The case runs as it would have: the Council's decision is registered on the case and adopted
through the Council's services, the five peacekeeping contingents (earmarked by the forces demo)
are deployed from the case under its instruction and moved through their steps by the Joint
Staff, so that each of these reaches the case's log at its own moment.

And a natural emergency opened from an alert of the demo's monitoring: mudflows in the Rasht
valley of Tajikistan, recorded as incidents that raise the natural-emergency indicator."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

from concord.accounts.models import User
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.labels import Classification
from concord.core.models import Party
from concord.council.models import Instruction, StatePosition
from concord.council.services.documents import document_decide, position_record
from concord.council.services.instructions import instruction_add
from concord.crisis.models import Case, Facility, Task
from concord.crisis.services import cases, log, work
from concord.crisis.services.decisions import case_decision_draft
from concord.crisis.services.deployments import case_deploy, case_deployment_advance
from concord.demo.forces import DEPLOYED_TO_KAZAKHSTAN
from concord.forces.models import Contribution, ContributionStatus
from concord.monitoring import services as monitoring
from concord.monitoring.models import Alert, Indicator
from concord.registry.models import Body, MemberState

KAZAKHSTAN = uuid.UUID("6f1c3c52-1e0a-4c55-9a61-0b0c2022a105")
DECISION = uuid.UUID("6f1c3c52-1e0a-4c55-9a61-0b0c2022a106")
MUDFLOWS = uuid.UUID("2b7d8f0e-55a4-4a8e-8a11-7a3f0c9d1e01")
NATURAL_INDICATOR = "Natural emergencies in Central Asia, 7 days"


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2022, 1, day, hour, minute, tzinfo=UTC)


# (contingent, facilities it guarded): the airport and power stations of Almaty among them.
FACILITIES = [
    ("RU", ["Международный аэропорт Алматы", "Военный аэродром Алматы",
            "Алматинская ТЭЦ-1", "Алматинская ТЭЦ-2", "Телерадиокомплекс Алматы"]),
    ("BY", ["Алматинская ТЭЦ-3", "Подстанция «Алма»", "Аэропорт Алматы, грузовой терминал"]),
    ("AM", ["Хлебозавод Алматы", "Объект водоснабжения Алматы"]),
    ("TJ", ["Объект энергетики в Алматинской области", "Газораспределительная станция"]),
    ("KG", ["Объект связи в Алматы", "Склад государственного резерва"]),
]

LOG = [
    (_at(5, 17, 0), "Получено обращение Президента Республики Казахстан К.-Ж. Токаева к главам "
                    "государств ОДКБ о помощи в преодолении террористической угрозы.", True),
    (_at(5, 18, 30), "Председатель СКБ проводит консультации с главами государств-членов.",
     False),
    (_at(5, 21, 40), "Председатель Совета коллективной безопасности Н. Пашинян объявил о решении "
                     "направить Коллективные миротворческие силы ОДКБ в Республику Казахстан на "
                     "основании статьи 4 Договора о коллективной безопасности.", True),
    (_at(6, 5, 0), "Объединённый штаб ОДКБ доводит до контингентов распоряжение о переброске.",
     False),
    (_at(6, 9, 30), "Первые самолёты с миротворцами приземлились в Алматы.", True),
    (_at(7, 8, 0), "Контингенты России, Беларуси, Армении, Таджикистана и Кыргызстана (около "
                   "2 000–2 500 человек) взяли под охрану стратегические объекты.", True),
    (_at(11, 6, 0), "Президент Казахстана объявил о выполнении основной миссии и начале "
                    "поэтапного вывода миротворческих сил через два дня.", True),
    (_at(13, 6, 0), "Начат вывод Коллективных миротворческих сил; объекты передаются "
                    "силовым структурам Казахстана.", True),
    (_at(19, 12, 0), "Вывод завершён: последние воинские контингенты покинули Казахстан.", True),
]
FACTS = [("request", _at(5, 17, 0)), ("decision", _at(5, 21, 40)),
         ("first_deployment", _at(6, 9, 30)), ("objectives", _at(11, 6, 0)),
         ("withdrawn", _at(19, 12, 0))]
PHASES = [("consultation", _at(5, 18, 30)), ("decision", _at(5, 21, 40)),
          ("response", _at(6, 5, 0)), ("stabilisation", _at(7, 8, 0)),
          ("withdrawal", _at(13, 6, 0))]


DECISION_TITLE_RU = "О направлении Коллективных миротворческих сил ОДКБ в Республику Казахстан"
DECISION_TITLE_EN = ("On sending the CSTO Collective Peacekeeping Forces to the Republic of "
                     "Kazakhstan")
DECISION_RU = (
    "Совет коллективной безопасности, рассмотрев обращение Президента Республики Казахстан "
    "от 5 января 2022 года и руководствуясь статьёй 4 Договора о коллективной безопасности, "
    "решил:\n"
    "1. Направить Коллективные миротворческие силы ОДКБ в Республику Казахстан на ограниченный "
    "период времени для стабилизации и нормализации обстановки.")
DECISION_EN = (
    "The Collective Security Council, having considered the request of the President of the "
    "Republic of Kazakhstan of 5 January 2022 and guided by Article 4 of the Collective "
    "Security Treaty, has decided:\n"
    "1. To send the CSTO Collective Peacekeeping Forces to the Republic of Kazakhstan for a "
    "limited time to stabilise and normalise the situation.")
INSTRUCTION_RU = ("Направить в Республику Казахстан контингенты Коллективных миротворческих сил "
                  "ОДКБ на ограниченный период времени.")
INSTRUCTION_EN = ("Send contingents of the CSTO Collective Peacekeeping Forces to the Republic of "
                  "Kazakhstan for a limited time.")
# Announced at 21:40 UTC on 5 January, past midnight in Moscow: the decision is dated 6 January.
DECIDED_ON = date(2022, 1, 6)

# Each contingent's steps, at the moments of the public record: alerted and assembling on
# 6 January, deployed on 7 January, withdrawing from 13 January, back on 19 January. Back
# means returned to the standing earmark of the peacekeeping forces, which the units still hold
# ("released" would end their contribution to the forces altogether).
STEPS = [(ContributionStatus.ALERTED, _at(6, 5, 0)), (ContributionStatus.ASSEMBLING, _at(6, 6, 0)),
         (ContributionStatus.DEPLOYED, _at(7, 6, 0)),
         (ContributionStatus.REDEPLOYING, _at(13, 6, 0)),
         (ContributionStatus.EARMARKED, _at(19, 12, 0))]


Made = dict[str, Any]
Events = list[tuple[datetime, Callable[[], object]]]


def _exists(public_id: uuid.UUID) -> bool:
    return Case.objects.unscoped(reason="demo idempotence").filter(public_id=public_id).exists()


def _kazakhstan(officer: User, staff: User | None, parties: dict[str, Party]) -> None:
    case = cases.case_open(
        actor=officer, title="Коллективные миротворческие силы ОДКБ в Республике Казахстан",
        type=Case.Type.AGGRESSION, severity=Case.Severity.EXTREME,
        affected_states=[parties["KZ"]], classification=Classification.PUBLIC,
        originator=parties["SEC"], release_to_all_members=True,
        legal_basis="Статья 4 Договора о коллективной безопасности от 15 мая 1992 года; "
                    "обращение Президента Республики Казахстан от 5 января 2022 года.",
        latitude=43.24, longitude=76.89, radius_km=60, opened_from=Case.Source.REQUEST,
        at=_at(5, 17, 10), public_id=KAZAKHSTAN)
    cases.duty_assign(actor=officer, case=case, person=officer,
                      position="Оперативный дежурный Кризисного центра",
                      shift_start=_at(5, 17, 0), shift_end=_at(19, 18, 0))
    # The case's events in the order they happened, each entered at its own moment.
    events: Events = []
    for phase, at in PHASES:
        events.append((at, partial(cases.case_advance, actor=officer, case=case,
                                   to_phase=phase, at=at)))
    for at, text, significant in LOG:
        events.append((at, partial(log.log_add, actor=officer, case=case, text=text,
                                   significant=significant, at=at)))
    events.append((_at(7, 7, 0), lambda: _facilities(officer, case, parties)))
    made = _decision(case, events)
    if staff is not None and made is not None:
        cases.duty_assign(actor=officer, case=case, person=staff,
                          position="Офицер Объединённого штаба ОДКБ",
                          shift_start=_at(6, 4, 0), shift_end=_at(19, 18, 0))
        _contingents(staff, case, made, events)
    # The sort keeps the order of the list at one moment: the phase moves first, then the
    # officer's entry, then what the Council and the forces did.
    for _moment, event in sorted(events, key=lambda pair: pair[0]):
        event()
    for kind, at in FACTS:
        cases.fact_record(actor=officer, case=case, kind=kind, at=at)
    for facility in Facility.objects.filter(case=case):
        work.facility_set_status(actor=officer, facility=facility, at=_at(19, 10, 0),
                                 status=Facility.Status.HANDED_BACK)
    for task in Task.objects.filter(case=case):
        work.task_set_status(actor=officer, task=task, status=Task.Status.DONE, at=_at(19, 10, 0))
    cases.case_advance(actor=officer, case=case, to_phase=Case.Phase.CLOSED,
                       at=_at(19, 18, 0), note="Миссия завершена.")


def _decision(case: Case, events: Events) -> Made | None:
    """The Council's decision on the request, registered on the case while the chair consulted
    the heads of state, and adopted with every state concurring; its one instruction sends the
    peacekeeping forces. Returns where the decision and the instruction are put once their
    events have run."""
    council = Body.objects.filter(code="CSC").first()
    if council is None:
        return None
    made: Made = {}

    def register() -> None:
        with log.happened_at(_at(5, 18, 40)):
            made["decision"] = case_decision_draft(
                actor=SYSTEM, case=case, body=council, title_ru=DECISION_TITLE_RU,
                title_en=DECISION_TITLE_EN, texts={"ru": DECISION_RU, "en": DECISION_EN},
                public_id=DECISION)
            made["instruction"] = instruction_add(
                actor=SYSTEM, document=made["decision"], text_ru=INSTRUCTION_RU,
                text_en=INSTRUCTION_EN, addressee_kind=Instruction.Addressee.ALL_STATES,
                public_id=uuid.uuid5(DECISION, "instruction/1"))

    def adopt() -> None:
        # The chair's consultations by telephone: every state concurs, and the chair announces
        # the decision the same night.
        with log.happened_at(_at(5, 21, 30)):
            for state in MemberState.objects.filter(status="active"):
                position_record(actor=SYSTEM, document=made["decision"], body=council,
                                state=state, stance=StatePosition.Stance.CONCURS)
        with log.happened_at(_at(5, 21, 40)):
            document_decide(actor=SYSTEM, document=made["decision"], body=council,
                            on=DECIDED_ON)

    events.append((_at(5, 18, 40), register))
    events.append((_at(5, 21, 40), adopt))
    return made


def _contingents(staff: User, case: Case, made: Made, events: Events) -> None:
    """The Joint Staff deploys the five earmarked peacekeeping contributions from the case under
    the decision's instruction, and moves each through its steps."""
    contributions = list(Contribution.objects.unscoped(
        reason="demo: the contributions sent to Kazakhstan")
        .filter(formation__code="cpkf", unit__name_en__in=DEPLOYED_TO_KAZAKHSTAN,
                status=ContributionStatus.EARMARKED).select_related("unit")
        .order_by("unit__name_en"))

    def deploy(contribution: Contribution) -> None:
        case_deploy(actor=staff, case=case, instruction=made["instruction"],
                    contribution=contribution, at=STEPS[0][1])

    def step(contribution: Contribution, status: str, at: datetime) -> None:
        deployed = status == ContributionStatus.DEPLOYED
        case_deployment_advance(
            actor=staff, case=case, contribution=contribution, status=status, at=at,
            location_ru="Алматы, Республика Казахстан" if deployed else "",
            location_en="Almaty, Republic of Kazakhstan" if deployed else "",
            latitude=43.24 if deployed else None, longitude=76.89 if deployed else None,
            decision=made["decision"] if deployed else None,
            operation_ru="Миротворческая операция ОДКБ в Республике Казахстан" if deployed
            else "",
            operation_en="CSTO peacekeeping operation in the Republic of Kazakhstan" if deployed
            else "",
            note="Возвращено в резерв после операции."
            if status == ContributionStatus.EARMARKED else "")

    for contribution in contributions:
        events.append((STEPS[0][1], partial(deploy, contribution)))
        for status, at in STEPS:
            events.append((at, partial(step, contribution, status, at)))


def _facilities(officer: User, case: Case, parties: dict[str, Party]) -> None:
    for code, names in FACILITIES:
        work.task_add(actor=officer, case=case, contingent=parties[code],
                      title=f"Охрана стратегических объектов: контингент {parties[code].name_ru}",
                      deadline=_at(13, 6, 0), at=_at(7, 7, 0))
        for name in names:
            work.facility_add(actor=officer, case=case, name=name, contingent=parties[code],
                              status=Facility.Status.GUARDED, at=_at(7, 7, 30))


def _mudflows(analyst: User, parties: dict[str, Party]) -> None:
    indicator = (Indicator.objects.unscoped(reason="demo: the natural-emergency indicator")
                 .filter(name_en=NATURAL_INDICATOR).first())
    if indicator is None:
        return
    today = clock.today()
    for number in range(45):
        monitoring.incident_create(
            actor=SYSTEM, originator=parties["SEC"], external_id=f"demo-mudflow:{number}",
            occurred_on=today - timedelta(days=number % 5), country="TJ",
            admin1="Districts of Republican Subordination", location="Rasht",
            latitude=39.0 + (number % 9) * 0.02, longitude=70.4 + (number % 7) * 0.03,
            category="natural_emergency", sub_category="flood",
            narrative="Сель перекрыл дорогу и повредил дома в Раштской долине.",
            sources="КЧС Таджикистана", source_scale="national", reliability="B",
            credibility=2, verification="confirmed")
    monitoring.indicator_evaluate(actor=SYSTEM, indicator=indicator, on=today)
    alert = (Alert.objects.unscoped(reason="demo: the alert the mudflows raised")
             .filter(indicator=indicator, ended_at__isnull=True).first())
    if alert is None:
        return
    cases.case_open_from_alert(actor=analyst, alert=alert, title="Сели в Раштской долине",
                               affected_states=[parties["TJ"]], latitude=39.05, longitude=70.5,
                               radius_km=40, public_id=MUDFLOWS)


def load_crisis() -> dict[str, int]:
    officer = User.objects.filter(username="officer").first()
    staff = User.objects.filter(username="staff").first()
    analyst = User.objects.filter(username="analyst").first()
    if officer is None or analyst is None:
        return {}
    parties = {party.code: party for party in Party.objects.all()}
    loaded = 0
    if not _exists(KAZAKHSTAN):
        _kazakhstan(officer, staff, parties)
        loaded += 1
    if not _exists(MUDFLOWS):
        _mudflows(analyst, parties)
        loaded += 1
    return {"crisis cases": loaded}
