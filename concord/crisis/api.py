# No `from __future__ import annotations`: django-ninja resolves the annotations of @paginate'd
# endpoints at request time (see concord/registry/api.py).

from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth

from concord.core.errors import NotFound, ValidationError, referenced
from concord.core.pagination import LazyPage, lazily
from concord.council.models import Session, SilenceProcedure
from concord.crisis.filters import case_filters
from concord.crisis.models import Case, DutyPosition, Facility, LogEntry, Task
from concord.crisis.schemas import (
    AdvanceIn,
    CaseDeploymentIn,
    CaseDeploymentOut,
    CaseFilterIn,
    CaseIn,
    CaseOut,
    CaseReviewOut,
    CaseSessionIn,
    CaseSessionOut,
    CaseSilenceIn,
    CaseSilenceOut,
    DutyIn,
    DutyOut,
    FacilityIn,
    FacilityOut,
    FacilityStatusIn,
    FactOut,
    LogEntryIn,
    LogEntryOut,
    LogOut,
    TaskIn,
    TaskOut,
    TaskStatusIn,
)
from concord.crisis.selectors import cases as read
from concord.crisis.selectors import deployments as deployed
from concord.crisis.selectors import log as log_read
from concord.crisis.selectors import review as review_read
from concord.crisis.selectors.cases import Fact
from concord.crisis.services import cases as services
from concord.crisis.services import decisions
from concord.crisis.services import log as log_services
from concord.crisis.services import work as work_services
from concord.crisis.services.deployments import case_deploy
from concord.forces.models import Contribution
from concord.forces.selectors import formations as forces_read
from concord.forces.selectors import units as unit_read
from concord.registry import selectors as registry

router = Router(tags=["crisis"])


@router.get("/cases", response=list[CaseOut], summary="Crisis cases, by type, phase and severity")
@paginate(LimitOffsetPagination)
def cases(request: HttpRequest, filters: Query[CaseFilterIn]) -> LazyPage[Case]:
    found = read.case_list(viewer=request.user,
                           filters=case_filters(filters.dict()).or_refuse())
    return lazily(found)


@router.post("/cases", response={201: CaseOut}, auth=django_auth,
             summary="Open a crisis case by hand")
def case_open(request: HttpRequest, payload: CaseIn) -> Status[Case]:
    states = read.parties_named(codes=payload.affected_states, field="body.affected_states")
    parties = read.parties_named(codes=payload.releasable_to, field="body.releasable_to")
    case = services.case_open(
        actor=request.user, title=payload.title, type=payload.type, severity=payload.severity,
        affected_states=states, legal_basis=payload.legal_basis, latitude=payload.latitude,
        longitude=payload.longitude, radius_km=payload.radius_km,
        classification=payload.classification,
        release_to_all_members=payload.release_to_all_members, releasable_to=parties)
    return Status(201, case)


@router.get("/cases/{case_id}", response=CaseOut, summary="A crisis case")
def case_read(request: HttpRequest, case_id: UUID) -> Case:
    return read.case_get(viewer=request.user, public_id=case_id)


@router.post("/cases/{case_id}/phase", response=CaseOut, auth=django_auth,
             summary="Move a case to its next phase, or close it")
def case_advance(request: HttpRequest, case_id: UUID, payload: AdvanceIn) -> Case:
    case = read.case_get(viewer=request.user, public_id=case_id)
    return services.case_advance(actor=request.user, case=case, to_phase=payload.to_phase,
                                 note=payload.note)


@router.get("/cases/{case_id}/log", response=LogOut,
            summary="The case's log as the caller may read it, and how many entries are withheld")
def case_log(request: HttpRequest, case_id: UUID) -> dict[str, object]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    log = log_read.log_read(viewer=request.user, case=case)
    return {"entries": list(log.entries), "withheld": log.withheld}


@router.post("/cases/{case_id}/log", response={201: LogEntryOut}, auth=django_auth,
             summary="Add a duty officer's entry to the case's log")
def case_log_add(request: HttpRequest, case_id: UUID, payload: LogEntryIn) -> Status[LogEntry]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    entry = log_services.log_add(actor=request.user, case=case, text=payload.text,
                                 significant=payload.significant)
    return Status(201, entry)


# The duty team's work names its people: it is for signed-in users, as on the case page.
@router.get("/cases/{case_id}/tasks", response=list[TaskOut], auth=django_auth,
            summary="The case's tasks")
def case_tasks(request: HttpRequest, case_id: UUID) -> list[Task]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    return list(read.case_tasks(case=case))


@router.get("/cases/{case_id}/facts", response=list[FactOut],
            summary="The case's clock facts, in hours from the request received")
def case_facts(request: HttpRequest, case_id: UUID) -> list[Fact]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    return read.case_facts(case=case)


@router.get("/cases/{case_id}/review", response=CaseReviewOut,
            summary="The after-action review of the case and its lessons")
def case_review(request: HttpRequest, case_id: UUID) -> dict[str, object]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    written = review_read.case_review(case=case)
    return {"went_as_planned": written.went_as_planned if written else "",
            "went_otherwise": written.went_otherwise if written else "",
            "written_at": written.written_at if written else None,
            "lessons": review_read.lessons_with_overdue(review_read.case_lessons(case=case))}


@router.get("/cases/{case_id}/deployments", response=list[CaseDeploymentOut],
            summary="The contingents deployed on the case, those the caller may read")
def case_deployments(request: HttpRequest, case_id: UUID) -> list[Contribution]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    return list(deployed.case_deployments(viewer=request.user, case=case)
                .select_related("state__party"))


def _unknown(field: str, value: object) -> ValidationError:
    message = _("No record you may read has the id or code “%(value)s”.") % {"value": value}
    return ValidationError(message, errors={f"body.{field}": [message]})


@router.post("/cases/{case_id}/deployments", response={201: CaseDeploymentOut},
             auth=django_auth,
             summary="Deploy a contingent on the case under an instruction of its decision")
def case_deployment_add(request: HttpRequest, case_id: UUID,
                        payload: CaseDeploymentIn) -> Status[Contribution]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    try:
        instruction = deployed.case_instruction_get(viewer=request.user, case=case,
                                                    public_id=payload.instruction)
    except NotFound:
        raise _unknown("instruction", payload.instruction) from None
    contribution = formation = unit = None
    if payload.contribution is not None:
        try:
            contribution = deployed.deployable_get(viewer=request.user, case=case,
                                                   public_id=payload.contribution)
        except NotFound:
            raise _unknown("contribution", payload.contribution) from None
    else:
        if payload.formation:
            formation = forces_read.formation_by_code(viewer=request.user, code=payload.formation)
            if formation is None:
                raise _unknown("formation", payload.formation)
        if payload.unit is not None:
            try:
                unit = unit_read.unit_get(viewer=request.user, public_id=payload.unit)
            except NotFound:
                raise _unknown("unit", payload.unit) from None
    made = case_deploy(actor=request.user, case=case, instruction=instruction,
                       contribution=contribution, formation=formation, unit=unit,
                       period_from=payload.period_from)
    return Status(201, made)


# The duty team's work and the Council's decision sought from the case, as on the case's pages:
# the same services, so the same permission (running the case) and the same label rule (a case
# the caller may not read is missing, and so is everything under it).
@router.get("/cases/{case_id}/duty", response=list[DutyOut], auth=django_auth,
            summary="The case's duty positions and their shifts")
def case_duty(request: HttpRequest, case_id: UUID) -> list[DutyPosition]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    return list(read.case_duty_team(case=case))


@router.post("/cases/{case_id}/duty", response={201: DutyOut}, auth=django_auth,
             summary="Assign a duty position on the case for a shift")
def case_duty_assign(request: HttpRequest, case_id: UUID, payload: DutyIn) -> Status[DutyPosition]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    person = referenced("body.person", read.person_get, username=payload.person)
    duty = services.duty_assign(actor=request.user, case=case, person=person,
                                position=payload.position, shift_start=payload.shift_start,
                                shift_end=payload.shift_end)
    return Status(201, duty)


@router.post("/cases/{case_id}/tasks", response={201: TaskOut}, auth=django_auth,
             summary="Set a task on the case, with its owner, contingent and deadline")
def case_task_add(request: HttpRequest, case_id: UUID, payload: TaskIn) -> Status[Task]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    owner = (referenced("body.owner", read.person_get, username=payload.owner)
             if payload.owner else None)
    contingent = (read.parties_named(codes=[payload.contingent], field="body.contingent")[0]
                  if payload.contingent else None)
    task = work_services.task_add(actor=request.user, case=case, title=payload.title,
                                  owner=owner, contingent=contingent, deadline=payload.deadline)
    return Status(201, task)


@router.post("/cases/{case_id}/tasks/{task_id}/status", response=TaskOut, auth=django_auth,
             summary="Mark a task of the case done, cancelled or open again")
def case_task_status(request: HttpRequest, case_id: UUID, task_id: int,
                     payload: TaskStatusIn) -> Task:
    case = read.case_get(viewer=request.user, public_id=case_id)
    task = read.case_task_get(case=case, pk=task_id)
    return work_services.task_set_status(actor=request.user, task=task, status=payload.status)


@router.get("/cases/{case_id}/facilities", response=list[FacilityOut], auth=django_auth,
            summary="The facilities assigned to the case's contingents, with their status")
def case_facilities(request: HttpRequest, case_id: UUID) -> list[Facility]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    return list(read.case_facilities(case=case).select_related("contingent"))


@router.post("/cases/{case_id}/facilities", response={201: FacilityOut}, auth=django_auth,
             summary="Assign a facility to a contingent of the case")
def case_facility_add(request: HttpRequest, case_id: UUID,
                      payload: FacilityIn) -> Status[Facility]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    [contingent] = read.parties_named(codes=[payload.contingent], field="body.contingent")
    facility = work_services.facility_add(
        actor=request.user, case=case, name=payload.name, contingent=contingent,
        status=payload.status, latitude=payload.latitude, longitude=payload.longitude)
    return Status(201, facility)


@router.post("/cases/{case_id}/facilities/{facility_id}/status", response=FacilityOut,
             auth=django_auth,
             summary="Take a facility of the case under protection, or hand it back")
def case_facility_status(request: HttpRequest, case_id: UUID, facility_id: int,
                         payload: FacilityStatusIn) -> Facility:
    case = read.case_get(viewer=request.user, public_id=case_id)
    facility = read.case_facility_get(case=case, pk=facility_id)
    return work_services.facility_set_status(actor=request.user, facility=facility,
                                             status=payload.status)


@router.post("/cases/{case_id}/sessions", response={201: CaseSessionOut}, auth=django_auth,
             summary="Convene an extraordinary session of a body on the case")
def case_convene(request: HttpRequest, case_id: UUID,
                 payload: CaseSessionIn) -> Status[Session]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    body = referenced("body.body", registry.body_get, viewer=request.user, code=payload.body)
    session = services.case_convene(actor=request.user, case=case, body=body,
                                    starts_on=payload.starts_on, place_ru=payload.place_ru,
                                    place_en=payload.place_en)
    return Status(201, session)


@router.post("/cases/{case_id}/silence", response={201: CaseSilenceOut}, auth=django_auth,
             summary="Circulate a draft decision on the case under the silence procedure")
def case_silence(request: HttpRequest, case_id: UUID,
                 payload: CaseSilenceIn) -> Status[SilenceProcedure]:
    case = read.case_get(viewer=request.user, public_id=case_id)
    body = referenced("body.body", registry.body_get, viewer=request.user, code=payload.body)
    silence = decisions.case_silence(actor=request.user, case=case, body=body,
                                     title_ru=payload.title_ru, title_en=payload.title_en,
                                     text_ru=payload.text_ru, hours=payload.hours)
    return Status(201, silence)
