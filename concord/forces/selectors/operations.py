"""Joint operations as the viewer may read them: operations and their stages, the results the
states reported, their totals summed in the database, and the published figures.

Every result is read through `visible_to(viewer)`: a state's detail reaches only those its label
admits, and every total, chart and count is summed over those rows alone, so what a state
withholds moves no figure another party sees."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from concord.core.actors import Viewer
from concord.core.errors import NotFound
from concord.core.filters import order_by
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.core.scoping import labelled_get, public_id_of
from concord.council.models import Document
from concord.forces import seizures
from concord.forces.models import (
    Measure,
    Operation,
    OperationPublication,
    OperationResult,
    OperationStage,
    ResultRevision,
    Substance,
)
from concord.forces.operations_filters import (
    OPERATION_SORTS,
    RESULT_SORTS,
    OperationFilters,
    ResultFilters,
    operation_filters,
    result_filters,
)
from concord.forces.selectors import formations as formation_reads

_Operations = TypeVar("_Operations", bound=QuerySet[Any])


def _with_decision_read(operations: _Operations, viewer: Viewer) -> _Operations:
    """Each operation with `decision_readable`: whether the viewer may read the council's
    decision behind it. A decision the viewer may not read is shown as no decision at all, in
    pages and answers alike."""
    readable = Document.objects.visible_to(viewer).filter(pk=OuterRef("decision_id"))
    return operations.annotate(decision_readable=Exists(readable))


def decision_shown(operation: Operation) -> Any:
    """The operation's decision when the viewer it was read for may read it, else None."""
    return operation.decision if getattr(operation, "decision_readable", False) else None


def operation_list(*, viewer: Viewer, filters: OperationFilters | None = None
                   ) -> QuerySet[Operation]:
    filters = filters or OperationFilters()
    operations = (_with_decision_read(Operation.objects.visible_to(viewer), viewer)
                  .annotate(first_day=Min("stages__starts_on"),
                            stage_count=Count("stages", distinct=True)))
    if filters.kinds:
        operations = operations.filter(kind__in=filters.kinds)
    if filters.year:
        operations = operations.filter(stages__starts_on__year=filters.year).distinct()
    if filters.q:
        operations = operations.filter(Q(name_ru__icontains=filters.q)
                                       | Q(name_en__icontains=filters.q)
                                       | Q(code__icontains=filters.q))
    ordered: QuerySet[Operation] = operations.order_by(*order_by(filters.sort, OPERATION_SORTS))
    return ordered


def operation_get(*, viewer: Viewer, public_id: Any) -> Operation:
    return labelled_get(  # type: ignore[no-any-return]
        _with_decision_read(Operation.objects.select_related("originator", "decision"), viewer),
        viewer=viewer, public_id=public_id_of(Operation, public_id))


def operation_by_code(*, viewer: Viewer, code: str) -> Operation | None:
    found: Operation | None = Operation.objects.visible_to(viewer).filter(code=code).first()
    return found


def stage_list(*, operation: Operation) -> list[OperationStage]:
    """The stages of an operation already read for the viewer, with their agencies."""
    return list(OperationStage.objects.filter(operation=operation)
                .prefetch_related("agencies__state").order_by("number"))


def stages_by_key(*, viewer: Viewer) -> dict[tuple[str, int], OperationStage]:
    """Every stage of the operations the viewer reads, by (operation code, number)."""
    stages = (OperationStage.objects
              .filter(operation__in=Operation.objects.visible_to(viewer))
              .select_related("operation"))
    return {(stage.operation.code, stage.number): stage for stage in stages}


def substance_list() -> list[Substance]:
    return list(Substance.objects.order_by("group", "code"))


def parties() -> list[Party]:
    return list(Party.objects.order_by("code"))


def member_states() -> list[Party]:
    return list(Party.objects.filter(kind=PartyKind.STATE).order_by("code"))


def filters_for(*, viewer: Viewer, params: Any) -> Any:
    """The results' filters read from `params`, the operation codes limited to those the
    viewer reads (a `Parsed`, so that a page warns and the API refuses)."""
    return result_filters(
        params, operations=list(Operation.objects.visible_to(viewer)
                                .values_list("code", flat=True)),
        states=[party.code for party in member_states()],
        substances=[substance.code for substance in substance_list()])


def operation_filters_from(params: Any) -> Any:
    return operation_filters(params)


def _readable(viewer: Viewer, filters: ResultFilters) -> QuerySet[OperationResult]:
    """The results the viewer reads, of operations the viewer reads: a stage is part of its
    operation, so a result never names an operation its reader may not see."""
    results = OperationResult.objects.visible_to(viewer).filter(
        stage__operation__in=Operation.objects.visible_to(viewer))
    return _filtered(results, filters)


def _filtered(results: QuerySet[OperationResult], filters: ResultFilters
              ) -> QuerySet[OperationResult]:
    if filters.operations:
        results = results.filter(stage__operation__code__in=filters.operations)
    if filters.year:
        results = results.filter(stage__starts_on__year=filters.year)
    if filters.stage:
        results = results.filter(stage__number=filters.stage)
    if filters.states:
        results = results.filter(originator__code__in=filters.states)
    if filters.measures:
        results = results.filter(measure__in=filters.measures)
    if filters.substances:
        results = results.filter(substance__code__in=filters.substances)
    if filters.q:
        results = results.filter(Q(note__icontains=filters.q)
                                 | Q(substance__name_ru__icontains=filters.q)
                                 | Q(substance__name_en__icontains=filters.q)
                                 | Q(stage__name_ru__icontains=filters.q)
                                 | Q(stage__name_en__icontains=filters.q))
    return results


def result_list(*, viewer: Viewer, filters: ResultFilters | None = None
                ) -> QuerySet[OperationResult]:
    filters = filters or ResultFilters()
    results = _readable(viewer, filters)
    return (results.select_related("stage__operation", "substance", "originator")
            .order_by(*order_by(filters.sort, RESULT_SORTS)))


def result_get(*, viewer: Viewer, public_id: Any) -> OperationResult:
    """One result, read as the lists read it: of an operation the viewer reads too, since its
    page and answer name the operation (a state's own figure of an operation later withheld
    from it is missing, as it is from the lists)."""
    return labelled_get(  # type: ignore[no-any-return]
        OperationResult.objects.select_related("stage__operation", "substance", "originator")
        .filter(stage__operation__in=Operation.objects.visible_to(viewer)),
        viewer=viewer, public_id=public_id_of(OperationResult, public_id))


def result_history(*, result: OperationResult) -> list[ResultRevision]:
    """The values a result already read for the viewer held before each correction, newest
    first: whoever reads the figure reads what it was."""
    return list(ResultRevision.objects.filter(result=result).select_related("replaced_by")
                .order_by("-replaced_at", "-id"))


def stage_get(*, operation: Operation, number: int) -> OperationStage:
    """A stage of an operation already read for the viewer; a missing one is a 404."""
    stage: OperationStage | None = (OperationStage.objects.prefetch_related("agencies__state")
                                    .filter(operation=operation, number=number).first())
    if stage is None:
        raise NotFound(_("Stage not found."))
    return stage


def decision_choices(*, viewer: Viewer) -> list[tuple[str, str]]:
    return formation_reads.decision_choices(viewer=viewer)


def decision_by_id(*, viewer: Viewer, public_id: str) -> Any:
    return formation_reads.decision_by_id(viewer=viewer, public_id=public_id)


# --- Totals ------------------------------------------------------------------------------------


_GROUP_FIELDS = {"stage": "stage_id", "operation": "stage__operation_id", "year": "year",
                 "state": "originator_id"}


def _sums(viewer: Viewer, filters: ResultFilters, by: str) -> list[dict[str, Any]]:
    results = _readable(viewer, filters)
    if by == "year":
        results = results.annotate(year=ExtractYear("stage__starts_on"))
    return list(results.order_by().values(_GROUP_FIELDS[by], "measure")
                .annotate(quantity=Sum("quantity"), kg=Sum("kg_equivalent")))


@dataclass
class TotalsRow:
    key: Any
    label: str
    values: dict[str, Decimal] = field(default_factory=dict)

    def cells(self, measures: list[str]) -> list[Decimal | None]:
        return [self.values.get(measure) for measure in measures]


@dataclass
class Totals:
    """Totals of the readable results grouped by stage, operation, year or state: a row per
    group, a column per measure (kilogram-equivalents for seizures and precursors, counts for
    the rest), and the sum of every column."""

    by: str
    measures: list[str]
    rows: list[TotalsRow]
    overall: TotalsRow

    @property
    def columns(self) -> list[tuple[str, str]]:
        return [(measure, str(Measure(measure).label)) for measure in self.measures]

    @property
    def overall_cells(self) -> list[Decimal | None]:
        return self.overall.cells(self.measures)

    def table(self) -> list[tuple[str, list[Decimal | None]]]:
        return [(row.label, row.cells(self.measures)) for row in self.rows]


def result_totals(*, viewer: Viewer, filters: ResultFilters | None = None,
                  by: str = "operation") -> Totals:
    filters = filters or ResultFilters()
    sums = _sums(viewer, filters, by)
    grouped: dict[Any, dict[str, Decimal]] = defaultdict(dict)
    overall = TotalsRow(key=None, label=_("Total"))
    for row in sums:
        value = seizures.exact(row["measure"], row["kg"] if seizures.weighed(row["measure"])
                       else row["quantity"])
        grouped[row[_GROUP_FIELDS[by]]][row["measure"]] = value
        overall.values[row["measure"]] = overall.values.get(row["measure"], Decimal(0)) + value
    labels = _group_labels(viewer, by, list(grouped))
    rows = [TotalsRow(key=key, label=labels[key][1], values=values)
            for key, values in grouped.items()]
    rows.sort(key=lambda row: labels[row.key][0])
    measures = [measure for measure in Measure.values if measure in overall.values]
    return Totals(by=by, measures=measures, rows=rows, overall=overall)


def _group_labels(viewer: Viewer, by: str, keys: list[Any]) -> dict[Any, tuple[Any, str]]:
    """Each group's sort key and name. A result may be readable where its operation is not
    (a state's own figures of an operation it may no longer read): such a group is named by
    its key alone, never by the hidden operation's name."""
    hidden = _("(not shown)")
    if by == "year":
        return {key: (key, str(key)) for key in keys}
    if by == "state":
        return {party.pk: (party.code, party.name)
                for party in Party.objects.filter(pk__in=keys)}
    readable = Operation.objects.visible_to(viewer)
    if by == "operation":
        names = {operation.pk: (operation.code, operation.name)
                 for operation in readable.filter(pk__in=keys)}
        return {key: names.get(key, ("~", hidden)) for key in keys}
    stages = OperationStage.objects.filter(pk__in=keys, operation__in=readable).select_related(
        "operation")
    found: dict[Any, tuple[Any, str]] = {
        stage.pk: ((stage.starts_on.isoformat(), stage.operation.code, stage.number),
                   f"{stage.operation.name}: {stage.name}") for stage in stages}
    return {key: found.get(key, (("~", "", 0), hidden)) for key in keys}


@dataclass
class Chart:
    """Seizures in kilogram-equivalents by year (the labels) and substance (the series)."""

    years: list[int]
    series: list[dict[str, Any]]

    def data(self) -> dict[str, Any]:
        return {"labels": self.years, "datasets": self.series}


def seizure_chart(*, viewer: Viewer, filters: ResultFilters | None = None) -> Chart:
    filters = filters or ResultFilters()
    results = _readable(viewer, filters).filter(
        measure=Measure.SEIZURE)
    rows = list(results.annotate(year=ExtractYear("stage__starts_on")).order_by()
                .values("year", "substance_id").annotate(kg=Sum("kg_equivalent")))
    years = sorted({row["year"] for row in rows})
    names = {substance.pk: substance.name for substance in
             Substance.objects.filter(pk__in={row["substance_id"] for row in rows})}
    by_substance: dict[Any, dict[int, float]] = defaultdict(dict)
    for row in rows:
        by_substance[row["substance_id"]][row["year"]] = float(row["kg"] or 0)
    series = [{"label": names[pk], "data": [values.get(year, 0) for year in years]}
              for pk, values in sorted(by_substance.items(), key=lambda item: names[item[0]])]
    return Chart(years=years, series=series)


# --- Publications ------------------------------------------------------------------------------


def publication_list(*, viewer: Viewer, operation: Operation | None = None
                     ) -> QuerySet[OperationPublication]:
    publications = OperationPublication.objects.visible_to(viewer).select_related("operation")
    if operation is not None:
        publications = publications.filter(operation=operation)
    return publications.order_by("-generated_at", "-id")


def publication_get(*, viewer: Viewer, public_id: Any) -> OperationPublication:
    return labelled_get(  # type: ignore[no-any-return]
        OperationPublication.objects.select_related("operation"), viewer=viewer,
        public_id=public_id_of(OperationPublication, public_id))
