from ninja import Router

router = Router(tags=["forces"])


# --- Joint operations --------------------------------------------------------------------------

from typing import Any  # noqa: E402

from django.http import HttpRequest  # noqa: E402
from django.utils.translation import gettext as _  # noqa: E402
from ninja import Field, Query, Schema, Status  # noqa: E402
from ninja.pagination import LimitOffsetPagination, paginate  # noqa: E402
from ninja.security import django_auth  # noqa: E402

from concord.core.errors import ValidationError  # noqa: E402
from concord.core.pagination import lazily  # noqa: E402
from concord.core.schemas import Problem  # noqa: E402
from concord.forces.operations_schemas import (  # noqa: E402
    OperationOut,
    ResultIn,
    ResultOut,
    StageOut,
    TotalsOut,
    TotalsRowOut,
)
from concord.forces.selectors import operations as operation_selectors  # noqa: E402
from concord.forces.services import operations as operation_services  # noqa: E402


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


@router.get("/operations/totals", response=TotalsOut,
            summary="Totals of the results the caller may read, grouped by `by` (operation, "
                    "stage, year or state)")
def operation_totals(request: HttpRequest, filters: Query[ResultQuery]) -> dict[str, Any]:
    parsed = _result_filters(request, filters)
    totals = operation_selectors.result_totals(viewer=request.user, filters=parsed,
                                               by=parsed.by)
    return {"by": totals.by,
            "rows": [TotalsRowOut(group=row.label, values=row.values) for row in totals.rows],
            "total": totals.overall.values}


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
