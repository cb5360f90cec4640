# No `from __future__ import annotations` here: django-ninja 1.7 resolves the annotations of a
# @paginate'd endpoint in the pagination module's namespace (vitalik/django-ninja#1717).

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth

from concord.core import clock
from concord.core.errors import ValidationError, referenced
from concord.core.pagination import LazyPage, lazily
from concord.core.schemas import Problem
from concord.forces.exercise_filters import exercise_filters, lesson_filters
from concord.forces.exercise_schemas import (
    LEVEL_OF_CODE,
    EvaluatedOut,
    EvaluationIn,
    EvaluationOut,
    ExerciseDetailOut,
    ExerciseIn,
    ExerciseOut,
    ExerciseParticipantIn,
    ExerciseParticipantOut,
    LessonOut,
    ObservationIn,
    StatusIn,
)
from concord.forces.filters import (
    contribution_filters,
    formation_filters,
    readiness_filters,
    unit_filters,
)
from concord.forces.models import Formation, ReadinessReport, Unit
from concord.forces.models.exercises import Evaluation, Exercise, ExerciseParticipant, Lesson
from concord.forces.operations_schemas import (
    CorrectionIn,
    OperationEditIn,
    OperationIn,
    OperationOut,
    OperationTotalsOut,
    ResultDetailOut,
    ResultIn,
    ResultOut,
    StageEditIn,
    StageIn,
    StageOut,
    TotalsRowOut,
)
from concord.forces.schemas import (
    LEVEL_OF_NAME,
    ContributionOut,
    FormationOut,
    ReadinessIn,
    ReadinessOut,
    UnitOut,
)
from concord.forces.selectors import exercises as exercise_selectors
from concord.forces.selectors import formations as formation_reads
from concord.forces.selectors import operations as operation_selectors
from concord.forces.selectors import readiness as readiness_reads
from concord.forces.selectors import units as unit_reads
from concord.forces.services import exercises as exercise_services
from concord.forces.services import lessons as lesson_services
from concord.forces.services import operations as operation_services
from concord.forces.services import readiness as readiness_writes
from concord.registry import selectors as registry

router = Router(tags=["forces"])

# --- Formations, units and readiness -----------------------------------------------------------


class FormationQuery(Schema):
    q: str = ""
    kind: list[str] = []
    sort: str = ""


class UnitQuery(Schema):
    q: str = ""
    state: list[str] = []
    type: list[str] = []
    echelon: list[str] = []
    formation: str = ""
    sort: str = ""


class ContributionQuery(Schema):
    q: str = ""
    state: list[str] = []
    status: list[str] = []
    overall: list[str] = []
    stale: str = ""
    sort: str = ""


class ReadinessQuery(Schema):
    q: str = ""
    state: list[str] = []
    overall: list[str] = []
    formation: str = ""
    history: str = ""
    sort: str = ""


def _levels(values: list[str]) -> list[str]:
    # The API names levels (`fully`); the filters read their numbers.
    return [str(LEVEL_OF_NAME.get(value, value)) for value in values]


@router.get("/formations", response=list[FormationOut],
            summary="Formations of the collective forces the caller may read")
@paginate(LimitOffsetPagination)
def formations(request: HttpRequest, filters: Query[FormationQuery]) -> Any:
    parsed = formation_filters(filters.dict()).or_refuse()
    return lazily(formation_reads.formation_list(viewer=request.user, filters=parsed))


@router.get("/formations/{formation_id}", response={200: FormationOut, 404: Problem},
            summary="One formation")
def formation(request: HttpRequest, formation_id: str) -> Formation:
    return formation_reads.formation_get(viewer=request.user, public_id=formation_id)


@router.get("/formations/{formation_id}/contributions", response=list[ContributionOut],
            summary="The formation's contributions in force today, with each unit's latest "
                    "readiness and personnel the caller may read")
@paginate(LimitOffsetPagination)
def formation_contributions(request: HttpRequest, formation_id: str,
                            filters: Query[ContributionQuery]) -> Any:
    found = formation_reads.formation_get(viewer=request.user, public_id=formation_id)
    params = {**filters.dict(), "overall": _levels(filters.overall)}
    parsed = contribution_filters(params).or_refuse()
    return lazily(readiness_reads.formation_contributions(viewer=request.user, formation=found,
                                                         day=clock.today(), filters=parsed))


@router.get("/units", response=list[UnitOut], summary="Units the caller may read")
@paginate(LimitOffsetPagination)
def units(request: HttpRequest, filters: Query[UnitQuery]) -> Any:
    parsed = unit_filters(filters.dict()).or_refuse()
    return lazily(unit_reads.unit_list(viewer=request.user, filters=parsed))


@router.get("/units/{unit_id}", response={200: UnitOut, 404: Problem}, summary="One unit")
def unit(request: HttpRequest, unit_id: str) -> Unit:
    return unit_reads.unit_get(viewer=request.user, public_id=unit_id)


@router.get("/readiness", response=list[ReadinessOut],
            summary="Readiness reports the caller may read: each unit's latest, or with "
                    "`history=true` all of them")
@paginate(LimitOffsetPagination)
def readiness(request: HttpRequest, filters: Query[ReadinessQuery]) -> Any:
    params = {**filters.dict(), "overall": _levels(filters.overall)}
    parsed = readiness_filters(params).or_refuse()
    return lazily(readiness_reads.readiness_list(viewer=request.user, filters=parsed))


def _level(value: str | None, field: str) -> int | None:
    if value is None or value == "":
        return None
    if value not in LEVEL_OF_NAME:
        raise ValidationError(_("Please correct the marked fields."), errors={
            f"body.{field}": [_("%(value)s is not one of: %(choices)s.")
                              % {"value": value, "choices": ", ".join(LEVEL_OF_NAME)}]})
    return LEVEL_OF_NAME[value]


@router.post("/readiness", response={201: ReadinessOut}, auth=django_auth,
             summary="Report a unit's readiness (a delegation, for its own state's units)")
def readiness_report(request: HttpRequest, payload: ReadinessIn) -> Status[ReadinessReport]:
    found = referenced("body.unit", unit_reads.unit_get, viewer=request.user,
                       public_id=payload.unit)
    report = readiness_writes.readiness_record(
        actor=request.user, unit=found, reported_on=payload.reported_on,
        personnel=_level(payload.personnel, "personnel"),
        equipment=_level(payload.equipment, "equipment"),
        training=_level(payload.training, "training"),
        sustainment=_level(payload.sustainment, "sustainment"),
        override=_level(payload.override, "override"), override_reason=payload.override_reason,
        notice_to_move_days=payload.notice_to_move_days, caveats=payload.caveats,
        forecast_on=payload.forecast_on, forecast_level=_level(payload.forecast_level,
                                                               "forecast_level"),
        source_text=payload.source_text)
    return Status(201, report)


# --- Exercises, their participants, evaluations and lessons -------------------------------------


class ExerciseFilters(Schema):
    q: str = Field("", description="Words of the series or the scenario")
    kind: list[str] = Field([], description="command_staff, joint, field, special_forces, "
                                             "anti_drug")
    status: list[str] = Field([], description="planned, running, completed, evaluated")
    host: str = Field("", description="The host state's ISO 3166 alpha-2 code")
    year: int | None = Field(None, ge=1, le=9999)
    sort: str = Field("", description="name, starts, kind, host or status (default -starts)")


class LessonFilters(Schema):
    q: str = Field("", description="Words of the observation, the lesson or the action")
    status: list[str] = Field([], description="observation, verified, identified, action, "
                                               "learned")
    overdue: str = Field("", description="true: only remedial actions open past their deadline")
    sort: str = Field("", description="exercise, status or due (default -exercise)")


@router.get("/exercises", response=list[ExerciseOut], summary="Exercises")
@paginate(LimitOffsetPagination)
def exercises(request: HttpRequest, filters: Query[ExerciseFilters]) -> LazyPage[Exercise]:
    found = exercise_selectors.exercise_list(
        viewer=request.user, filters=exercise_filters(filters.dict()).or_refuse())
    return lazily(found)


@router.post("/exercises", response={201: ExerciseDetailOut}, auth=django_auth,
             summary="Plan an exercise")
def exercise_plan(request: HttpRequest, payload: ExerciseIn) -> Status[Exercise]:
    host = referenced("body.host_state", registry.member_state_get, viewer=request.user,
                      code=payload.host_state)
    created = exercise_services.exercise_plan(
        actor=request.user, series_ru=payload.series_ru, series_en=payload.series_en,
        year=payload.year, kind=payload.kind, host_state=host, starts_on=payload.starts_on,
        ends_on=payload.ends_on, scenario_ru=payload.scenario_ru,
        scenario_en=payload.scenario_en, source=payload.source,
        classification=payload.classification,
        release_to_all_members=payload.release_to_all_members)
    return Status(201, created)


@router.get("/exercises/{exercise_id}", response=ExerciseDetailOut,
            summary="One exercise with its areas, phases and objectives")
def exercise(request: HttpRequest, exercise_id: str) -> Exercise:
    return exercise_selectors.exercise_get(viewer=request.user, public_id=exercise_id)


@router.post("/exercises/{exercise_id}/status", response=ExerciseOut, auth=django_auth,
             summary="Move an exercise on: planned → running → completed")
def exercise_status(request: HttpRequest, exercise_id: str, payload: StatusIn) -> Exercise:
    found = exercise_selectors.exercise_get(viewer=request.user, public_id=exercise_id)
    return exercise_services.exercise_status(actor=request.user, exercise=found,
                                             status=payload.status)


@router.get("/exercises/{exercise_id}/participants", response=list[ExerciseParticipantOut],
            summary="The states and units taking part, as far as the caller may read them")
def participants(request: HttpRequest, exercise_id: str) -> list[ExerciseParticipant]:
    found = exercise_selectors.exercise_get(viewer=request.user, public_id=exercise_id)
    return list(exercise_selectors.participant_list(viewer=request.user, exercise=found))


@router.post("/exercises/{exercise_id}/participants", response={201: ExerciseParticipantOut},
             auth=django_auth, summary="Record a state's participation, with its unit")
def participant_add(request: HttpRequest, exercise_id: str,
                    payload: ExerciseParticipantIn) -> Status[ExerciseParticipant]:
    found = exercise_selectors.exercise_get(viewer=request.user, public_id=exercise_id)
    state = referenced("body.state", registry.member_state_get, viewer=request.user,
                       code=payload.state)
    unit = referenced("body.unit", exercise_selectors.unit_for_participation,
                      viewer=request.user, public_id=payload.unit) if payload.unit else None
    created = exercise_services.participant_add(
        actor=request.user, exercise=found, state=state, unit=unit,
        contingent_ru=payload.contingent_ru, contingent_en=payload.contingent_en,
        personnel=payload.personnel, equipment=payload.equipment,
        classification=payload.classification,
        release_to_all_members=payload.release_to_all_members)
    return Status(201, created)


@router.get("/exercises/{exercise_id}/evaluations", response=list[EvaluationOut],
            summary="The evaluators' ratings of each unit per objective")
def evaluations(request: HttpRequest, exercise_id: str) -> list[Evaluation]:
    found = exercise_selectors.exercise_get(viewer=request.user, public_id=exercise_id)
    return list(exercise_selectors.evaluation_list(viewer=request.user, exercise=found))


@router.post("/exercises/{exercise_id}/evaluations", response={201: EvaluationOut},
             auth=django_auth, summary="Rate a participating unit on an objective")
def evaluation_record(request: HttpRequest, exercise_id: str,
                      payload: EvaluationIn) -> Status[Evaluation]:
    found = exercise_selectors.exercise_get(viewer=request.user, public_id=exercise_id)
    participant = referenced("body.participant", exercise_selectors.participant_get,
                             viewer=request.user, public_id=payload.participant)
    if participant.exercise_id != found.pk:
        raise ValidationError(errors={"body.participant": [
            _("The participant takes part in another exercise.")]})
    objective = referenced("body.objective", exercise_selectors.objective_get, exercise=found,
                           number=payload.objective)
    if payload.rating not in LEVEL_OF_CODE:
        raise ValidationError(errors={"body.rating": [
            _("Give one of: %(codes)s.") % {"codes": ", ".join(LEVEL_OF_CODE)}]})
    created = exercise_services.evaluation_record(
        actor=request.user, participant=participant, objective=objective,
        rating=LEVEL_OF_CODE[payload.rating], remarks=payload.remarks,
        evaluated_on=payload.evaluated_on)
    return Status(201, created)


@router.post("/exercises/{exercise_id}/evaluate", response=EvaluatedOut, auth=django_auth,
             summary="Close the evaluation: each rated unit's training readiness is recorded")
def exercise_evaluate(request: HttpRequest, exercise_id: str) -> dict[str, object]:
    found = exercise_selectors.exercise_get(viewer=request.user, public_id=exercise_id)
    reports = exercise_services.exercise_evaluate(actor=request.user, exercise=found)
    return {"exercise": found, "readiness_reports": len(reports)}


@router.get("/exercises/{exercise_id}/lessons", response=list[LessonOut],
            summary="The lessons of an exercise, from observation to lesson learned")
def exercise_lessons(request: HttpRequest, exercise_id: str,
                     filters: Query[LessonFilters]) -> list[Lesson]:
    found = exercise_selectors.exercise_get(viewer=request.user, public_id=exercise_id)
    return list(exercise_selectors.lesson_list(
        viewer=request.user, exercise=found, filters=lesson_filters(filters.dict()).or_refuse()))


@router.post("/exercises/{exercise_id}/lessons", response={201: LessonOut}, auth=django_auth,
             summary="Record an observation made in an exercise")
def lesson_observe(request: HttpRequest, exercise_id: str,
                   payload: ObservationIn) -> Status[Lesson]:
    found = exercise_selectors.exercise_get(viewer=request.user, public_id=exercise_id)
    created = lesson_services.lesson_observe(actor=request.user, exercise=found,
                                             observation_ru=payload.observation_ru,
                                             observation_en=payload.observation_en)
    return Status(201, created)

# --- Joint operations --------------------------------------------------------------------------





class ResultQuery(Schema):
    operation: list[str] = []
    year: str = ""
    stage: str = ""
    state: list[str] = []
    measure: list[str] = []
    substance: list[str] = []
    q: str = ""
    sort: str = ""
    by: str = ""

    def params(self) -> dict[str, Any]:
        return self.dict()


class OperationQuery(Schema):
    kind: list[str] = []
    year: str = ""
    q: str = ""
    sort: str = Field("", description="name, kind or start, `-` before it for the descending "
                      "order (default -start)")


def _result_filters(request: HttpRequest, query: ResultQuery, **fixed: Any) -> Any:
    params = {key: value for key, value in query.params().items() if value}
    return operation_selectors.filters_for(viewer=request.user,
                                           params={**params, **fixed}).or_refuse()


@router.get("/operations/totals", response=OperationTotalsOut,
            summary="Totals of the results the caller may read, grouped by `by` (operation, "
                    "stage, year or state)")
def operation_totals(request: HttpRequest, filters: Query[ResultQuery]) -> dict[str, Any]:
    parsed = _result_filters(request, filters)
    totals = operation_selectors.result_totals(viewer=request.user, filters=parsed,
                                               by=parsed.by)
    return {"by": totals.by,
            "rows": [TotalsRowOut(group=row.label, values=row.values) for row in totals.rows],
            "total": totals.overall.values}


@router.get("/operations/results", response=list[ResultOut],
            summary="The results of every joint operation the caller may read")
@paginate(LimitOffsetPagination)
def operation_results_all(request: HttpRequest, filters: Query[ResultQuery]) -> Any:
    parsed = _result_filters(request, filters)
    return lazily(operation_selectors.result_list(viewer=request.user, filters=parsed))


@router.get("/operations/results/{result_id}", response={200: ResultDetailOut, 404: Problem},
            summary="One result, with the values it held before each correction")
def operation_result(request: HttpRequest, result_id: str) -> Any:
    return operation_selectors.result_get(viewer=request.user, public_id=result_id)


@router.post("/operations/results/{result_id}/corrections",
             response={201: ResultDetailOut, 404: Problem}, auth=django_auth,
             summary="Correct a figure of the caller's state; the value it held is kept in its "
                     "history and the totals sum the new one")
def operation_result_correct(request: HttpRequest, result_id: str,
                             payload: CorrectionIn) -> Status[Any]:
    found = operation_selectors.result_get(viewer=request.user, public_id=result_id)
    operation_services.result_correct(actor=request.user, result=found,
                                      quantity=payload.quantity, reason=payload.reason,
                                      note=payload.note)
    return Status(201, operation_selectors.result_get(viewer=request.user,
                                                      public_id=found.public_id))


def _decision_of(request: HttpRequest, decision: Any) -> Any:
    if decision is None:
        return None
    found = operation_selectors.decision_by_id(viewer=request.user, public_id=str(decision))
    if found is None:
        raise ValidationError(_("Please correct the marked fields."),
                              errors={"body.decision": [_("No such decision.")]})
    return found


def _agencies(payload: StageEditIn) -> list[Any]:
    states = {state.code: state for state in operation_selectors.member_states()}
    unknown = sorted({agency.state for agency in payload.agencies} - set(states))
    if unknown:
        raise ValidationError(_("Please correct the marked fields."), errors={
            "body.agencies": [_("Not a member state: %(codes)s.") % {"codes": ", ".join(unknown)}]})
    return [operation_services.Agency(states[agency.state], agency.name_ru, agency.name_en)
            for agency in payload.agencies]


@router.get("/operations", response=list[OperationOut],
            summary="Joint operations the caller may read, with their stages")
@paginate(LimitOffsetPagination)
def operations(request: HttpRequest, filters: Query[OperationQuery]) -> Any:
    found = operation_selectors.operation_filters_from(filters.dict()).or_refuse()
    return lazily(operation_selectors.operation_list(viewer=request.user, filters=found)
                  .select_related("decision").prefetch_related("stages__agencies__state"))


@router.get("/operations/{operation_id}", response={200: OperationOut, 404: Problem},
            summary="One joint operation with its stages")
def operation(request: HttpRequest, operation_id: str) -> Any:
    return operation_selectors.operation_get(viewer=request.user, public_id=operation_id)


@router.get("/operations/{operation_id}/stages", response={200: list[StageOut], 404: Problem},
            summary="The stages of a joint operation, with the agencies of each state")
def operation_stages(request: HttpRequest, operation_id: str) -> Any:
    found = operation_selectors.operation_get(viewer=request.user, public_id=operation_id)
    return operation_selectors.stage_list(operation=found)


@router.get("/operations/{operation_id}/results", response={200: list[ResultOut], 404: Problem},
            summary="The results of a joint operation the caller may read")
@paginate(LimitOffsetPagination)
def operation_results(request: HttpRequest, operation_id: str,
                      filters: Query[ResultQuery]) -> Any:
    found = operation_selectors.operation_get(viewer=request.user, public_id=operation_id)
    parsed = _result_filters(request, filters, operation=[found.code])
    return lazily(operation_selectors.result_list(viewer=request.user, filters=parsed))


@router.post("/operations/{operation_id}/results", response={201: ResultOut, 404: Problem},
             auth=django_auth, summary="Report one figure of the caller's state for a stage")
def operation_result_report(request: HttpRequest, operation_id: str,
                            payload: ResultIn) -> Status[Any]:
    found = operation_selectors.operation_get(viewer=request.user, public_id=operation_id)
    stages = {stage.number: stage for stage in operation_selectors.stage_list(operation=found)}
    substances = {s.code: s for s in operation_selectors.substance_list()}
    parties = {p.code: p for p in operation_selectors.parties()}
    errors: dict[str, list[str]] = {}
    if payload.stage not in stages:
        errors["body.stage"] = [_("No stage %(number)d.") % {"number": payload.stage}]
    if payload.substance and payload.substance not in substances:
        errors["body.substance"] = [_("Unknown substance “%(code)s”.") % {"code": payload.substance}]
    unknown = sorted(set(payload.releasable_to) - set(parties))
    if unknown:
        errors["body.releasable_to"] = [_("Unknown party “%(code)s”.") % {"code": ", ".join(unknown)}]
    party = getattr(request.user, "party", None)
    if party is None:
        errors["body"] = [_("Results are reported by a member state.")]
    if errors or party is None:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)
    figure = operation_services.ResultFigure(
        stage=stages[payload.stage], state=party, measure=payload.measure,
        quantity=payload.quantity, unit=payload.unit,
        substance=substances.get(payload.substance or ""), case_type=payload.case_type,
        note=payload.note, classification=int(payload.classification),
        release_to_all_members=payload.release_to_all_members,
        releasable_to=[parties[code] for code in payload.releasable_to])
    created = operation_services.result_report(actor=request.user, figure=figure)
    return Status(201, operation_selectors.result_get(viewer=request.user,
                                                      public_id=created.public_id))


@router.put("/operations/{operation_id}", response={200: OperationOut, 404: Problem},
            auth=django_auth,
            summary="Change a joint operation's names, kind, year, decision and description")
def operation_edit(request: HttpRequest, operation_id: str, payload: OperationEditIn) -> Any:
    found = operation_selectors.operation_get(viewer=request.user, public_id=operation_id)
    # A decision the caller may not read is none to them, and stays when they name none.
    kept = payload.decision is None and operation_selectors.decision_shown(found) is None
    operation_services.operation_edit(
        actor=request.user, operation=found,
        decision=found.decision if kept else _decision_of(request, payload.decision),
        **payload.dict(exclude={"decision"}))
    return operation_selectors.operation_get(viewer=request.user, public_id=found.public_id)


@router.post("/operations/{operation_id}/stages", response={201: StageOut, 404: Problem},
             auth=django_auth, summary="Add a stage to a joint operation")
def operation_stage_add(request: HttpRequest, operation_id: str,
                        payload: StageIn) -> Status[Any]:
    found = operation_selectors.operation_get(viewer=request.user, public_id=operation_id)
    created = operation_services.stage_add(
        actor=request.user, operation=found, agencies=_agencies(payload),
        **payload.dict(exclude={"agencies"}))
    return Status(201, operation_selectors.stage_get(operation=found, number=created.number))


@router.put("/operations/{operation_id}/stages/{stage_number}",
            response={200: StageOut, 404: Problem}, auth=django_auth,
            summary="Change a stage's dates, subregion, headquarters, agencies and observers")
def operation_stage_edit(request: HttpRequest, operation_id: str, stage_number: int,
                         payload: StageEditIn) -> Any:
    found = operation_selectors.operation_get(viewer=request.user, public_id=operation_id)
    stage = operation_selectors.stage_get(operation=found, number=stage_number)
    operation_services.stage_edit(actor=request.user, stage=stage, agencies=_agencies(payload),
                                  **payload.dict(exclude={"agencies"}))
    return operation_selectors.stage_get(operation=found, number=stage_number)


@router.post("/operations", response={201: OperationOut}, auth=django_auth,
             summary="Record a joint operation")
def operation_create(request: HttpRequest, payload: OperationIn) -> Status[Any]:
    data = payload.dict(exclude={"decision", "classification"})
    created = operation_services.operation_create(
        actor=request.user, decision=_decision_of(request, payload.decision),
        classification=int(payload.classification), **data)
    return Status(201, operation_selectors.operation_get(viewer=request.user,
                                                         public_id=created.public_id))
