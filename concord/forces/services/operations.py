"""Joint operations: an operation and its stages recorded by the secretariat, the results each
state reports for a stage (one by one or from a file), and the public figures generated from
what the states released for publication."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from concord.core import clock, policy
from concord.core.actors import Actor, acting, is_system, user_id
from concord.core.audit import audit_record
from concord.core.changes import audited_update
from concord.core.errors import Conflict, ValidationError, require_permission
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.council.models import Document
from concord.forces import seizures
from concord.forces.models import (
    CaseType,
    Measure,
    Operation,
    OperationPublication,
    OperationResult,
    OperationStage,
    ResultRevision,
    StageAgency,
    Substance,
)
from concord.forces.substances import SUBSTANCES


def _refuse(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)


def _label(actor: Actor, *, classification: int, originator: Party,
           release_to_all_members: bool, releasable_to: Iterable[Party],
           sources: Iterable[Any] = ()) -> None:
    _refuse(policy.label_errors(actor=actor, classification=classification,
                                originator=originator,
                                release_to_all_members=release_to_all_members,
                                releasable_to=releasable_to, sources=sources))


def _party_of(actor: Actor, originator: Party | None) -> Party:
    """The party a record is originated by: the acting user's own, or the one the system names."""
    acted = acting(actor)
    if is_system(acted):
        if originator is None:
            raise ValueError("The system names the originator of what it records.")
        return originator
    party: Party = getattr(acted, "party", None) or originator or _no_party()
    return party


def _no_party() -> Party:
    raise ValidationError(_("Please correct the marked fields."), errors={"originator": [
        _("Only a user acting for a party records this.")]})


@transaction.atomic
def operation_create(*, actor: Actor, code: str, name_ru: str, name_en: str, kind: str,
                     decision: Any = None, year: int | None = None, description_ru: str = "",
                     description_en: str = "",
                     originator: Party | None = None,
                     classification: int = Classification.PUBLIC,
                     release_to_all_members: bool = True,
                     releasable_to: Iterable[Party] = ()) -> Operation:
    require_permission(actor, "forces.add_operation")
    party = _party_of(actor, originator)
    releasable_to = list(releasable_to)
    _label(actor, classification=classification, originator=party,
           release_to_all_members=release_to_all_members, releasable_to=releasable_to)
    _refuse(_operation_errors(actor, name_ru=name_ru, name_en=name_en, kind=kind, year=year,
                              decision=decision, code=code))
    try:
        # Codes name operations in files and links, whoever may read them: the table's own
        # constraint checks a code against every operation, and the answer says only that it
        # is taken.
        with transaction.atomic():
            operation = Operation.objects.create(
                code=code, name_ru=name_ru, name_en=name_en, kind=kind, decision=decision,
                year=year, description_ru=description_ru, description_en=description_en,
                originator=party, classification=classification,
                release_to_all_members=release_to_all_members)
    except IntegrityError:
        raise ValidationError(_("Please correct the marked fields."), errors={"code": [
            _("An operation with this code already exists.")]}) from None
    operation.releasable_to.set(releasable_to)
    audit_record(actor=actor, action="forces.operation.create", target=operation)
    return operation


FIRST_YEAR, LAST_YEAR = 1992, 2100


def _operation_errors(actor: Actor, *, name_ru: str, name_en: str, kind: str, year: int | None,
                      decision: Any, code: str | None = None,
                      current: Operation | None = None) -> dict[str, list[str]]:
    """What is wrong with an operation's fields, by field."""
    errors: dict[str, list[str]] = {}
    if code is not None and not code.strip():
        errors["code"] = [_("Give the operation's code.")]
    if kind not in Operation.Kind.values:
        errors["kind"] = [_("Unknown kind of operation.")]
    if not name_ru.strip() and not name_en.strip():
        errors["name_ru"] = [_("Give the operation's name.")]
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        errors["year"] = [_("Give a year from %(first)d to %(last)d.")
                          % {"first": FIRST_YEAR, "last": LAST_YEAR}]
    unchanged = current is not None and decision is not None \
        and decision.pk == current.decision_id
    # A decision is named only by someone who may read it; one already named stays, read or
    # not, so that an edit by someone else never drops it.
    reader: Any = acting(actor)
    if decision is not None and not unchanged and not is_system(reader) \
            and not Document.objects.visible_to(reader).filter(pk=decision.pk).exists():
        errors["decision"] = [_("No such decision.")]
    return errors


@transaction.atomic
def operation_edit(*, actor: Actor, operation: Operation, name_ru: str, name_en: str, kind: str,
                   year: int | None, decision: Any, description_ru: str = "",
                   description_en: str = "") -> Operation:
    """Change what an operation is called, its kind, its year and the decision behind it; its
    code names it in files and links and stays."""
    require_permission(actor, "forces.change_operation")
    _refuse(_operation_errors(actor, name_ru=name_ru, name_en=name_en, kind=kind, year=year,
                              decision=decision, current=operation))
    audited_update(actor=actor, record=operation,
                   values={"name_ru": name_ru, "name_en": name_en, "kind": kind, "year": year,
                           "decision": decision, "description_ru": description_ru,
                           "description_en": description_en},
                   action="forces.operation.edit")
    return operation


@dataclass(frozen=True)
class Agency:
    state: Party
    name_ru: str
    name_en: str


@transaction.atomic
def stage_add(*, actor: Actor, operation: Operation, number: int, name_ru: str, name_en: str,
              starts_on: date, ends_on: date, subregion_ru: str = "", subregion_en: str = "",
              headquarters_ru: str = "", headquarters_en: str = "", observers_ru: str = "",
              observers_en: str = "", agencies: Sequence[Agency] = ()) -> OperationStage:
    require_permission(actor, "forces.change_operation")
    errors = _stage_errors(name_ru=name_ru, name_en=name_en, starts_on=starts_on,
                           ends_on=ends_on, agencies=agencies)
    if number < 1:
        errors["number"] = [_("Stages are numbered from 1.")]
    elif operation.stages.filter(number=number).exists():
        errors["number"] = [_("The operation already has a stage %(number)d.")
                            % {"number": number}]
    _refuse(errors)
    stage = OperationStage.objects.create(
        operation=operation, number=number, name_ru=name_ru, name_en=name_en,
        starts_on=starts_on, ends_on=ends_on, subregion_ru=subregion_ru,
        subregion_en=subregion_en, headquarters_ru=headquarters_ru,
        headquarters_en=headquarters_en, observers_ru=observers_ru, observers_en=observers_en)
    StageAgency.objects.bulk_create(
        StageAgency(stage=stage, state=agency.state, name_ru=agency.name_ru,
                    name_en=agency.name_en) for agency in agencies)
    audit_record(actor=actor, action="forces.stage.add", target=operation,
                 detail={"stage": number})
    return stage


def _stage_errors(*, name_ru: str, name_en: str, starts_on: date, ends_on: date,
                  agencies: Sequence[Agency]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not name_ru.strip() and not name_en.strip():
        errors["name_ru"] = [_("Give the stage's name.")]
    if ends_on < starts_on:
        errors["ends_on"] = [_("The stage ends before it starts.")]
    for year, name in ((starts_on.year, "starts_on"), (ends_on.year, "ends_on")):
        if not FIRST_YEAR <= year <= LAST_YEAR:
            errors[name] = [_("Give a year from %(first)d to %(last)d.")
                            % {"first": FIRST_YEAR, "last": LAST_YEAR}]
    if any(agency.state.kind != PartyKind.STATE for agency in agencies):
        errors["agencies"] = [_("An agency belongs to a member state.")]
    elif any(not agency.name_ru.strip() and not agency.name_en.strip() for agency in agencies):
        errors["agencies"] = [_("Give each agency's name.")]
    return errors


@transaction.atomic
def stage_edit(*, actor: Actor, stage: OperationStage, name_ru: str, name_en: str,
               starts_on: date, ends_on: date, subregion_ru: str = "", subregion_en: str = "",
               headquarters_ru: str = "", headquarters_en: str = "", observers_ru: str = "",
               observers_en: str = "", agencies: Sequence[Agency] | None = None
               ) -> OperationStage:
    """Change a stage's dates, subregion, headquarters and observers; `agencies`, when given,
    replaces the agencies taking part. Its number is how results name it, and stays."""
    require_permission(actor, "forces.change_operation")
    _refuse(_stage_errors(name_ru=name_ru, name_en=name_en, starts_on=starts_on,
                          ends_on=ends_on, agencies=agencies or ()))
    detail: dict[str, Any] = {"stage": stage.number}
    changed = audited_update(
        actor=actor, record=stage,
        values={"name_ru": name_ru, "name_en": name_en, "starts_on": starts_on,
                "ends_on": ends_on, "subregion_ru": subregion_ru, "subregion_en": subregion_en,
                "headquarters_ru": headquarters_ru, "headquarters_en": headquarters_en,
                "observers_ru": observers_ru, "observers_en": observers_en},
        action="forces.stage.edit", target=stage.operation, detail=detail)
    if agencies is not None:
        before = sorted((a.state_id, a.name_ru, a.name_en) for a in stage.agencies.all())
        after = sorted((a.state.pk, a.name_ru, a.name_en) for a in agencies)
        if before != after:
            stage.agencies.all().delete()
            StageAgency.objects.bulk_create(
                StageAgency(stage=stage, state=agency.state, name_ru=agency.name_ru,
                            name_en=agency.name_en) for agency in agencies)
            if not changed:
                audit_record(actor=actor, action="forces.stage.edit", target=stage.operation,
                             detail={**detail, "changed": {"agencies": [len(before),
                                                                        len(after)]}})
    return stage


@dataclass
class ResultFigure:
    """One figure a state reports for a stage, before it is checked."""

    stage: OperationStage
    state: Party
    measure: str
    quantity: Decimal
    unit: str
    substance: Substance | None = None
    case_type: str = ""
    note: str = ""
    classification: int = Classification.OFFICIAL_USE
    release_to_all_members: bool = False
    releasable_to: list[Party] = field(default_factory=list)

    def key(self) -> tuple[Any, ...]:
        return (self.stage.pk, self.state.pk, self.measure,
                self.substance.pk if self.substance else None,
                "" if self.substance else self.case_type, self.unit)


# What the quantity column holds: 16 digits, three of them after the point.
LARGEST = Decimal(10) ** 12


def _figure_errors(actor: Actor, figure: ResultFigure) -> dict[str, list[str]]:
    """What is wrong with a figure, by field; its kilogram-equivalent is checked too."""
    errors: dict[str, list[str]] = {}
    acted = acting(actor)
    if figure.state.kind != PartyKind.STATE:
        errors["state"] = [_("Results are reported by a member state.")]
    elif not is_system(acted) and getattr(acted, "party_id", None) != figure.state.pk:
        errors["state"] = [_("You may report only your own state's results.")]
    if figure.measure not in Measure.values:
        errors["measure"] = [_("Unknown measure.")]
        return errors
    if figure.unit not in seizures.units_for(figure.measure):
        errors["unit"] = [_("%(measure)s is reported in: %(units)s.") % {
            "measure": Measure(figure.measure).label,
            "units": ", ".join(seizures.units_for(figure.measure))}]
    if not figure.quantity.is_finite() or abs(figure.quantity) >= LARGEST \
            or figure.quantity != figure.quantity.quantize(seizures.PLACES):
        errors["quantity"] = [_("Give a quantity below a trillion, to the gram at most.")]
    elif figure.quantity < 0:
        errors["quantity"] = [_("A quantity cannot be negative.")]
    elif not seizures.weighed(figure.measure) and figure.quantity != int(figure.quantity):
        errors["quantity"] = [_("A count is a whole number.")]
    errors.update(_what_errors(figure))
    if not errors and seizures.weighed(figure.measure):
        try:
            _kg(figure)
        except seizures.ConversionError as error:
            errors["unit"] = [str(error)]
    return errors


def _what_errors(figure: ResultFigure) -> dict[str, list[str]]:
    """A seizure names its substance, a criminal case its type, and nothing else names either."""
    if seizures.weighed(figure.measure):
        wanted = (Substance.Group.DRUG if figure.measure == Measure.SEIZURE
                  else Substance.Group.PRECURSOR)
        if figure.substance is None or figure.substance.group != wanted:
            return {"substance": [_("Name the drug seized.") if wanted == Substance.Group.DRUG
                                  else _("Name the precursor seized.")]}
        return {"case_type": [_("Only criminal cases have a type.")]} if figure.case_type else {}
    if figure.substance is not None:
        return {"substance": [_("Only seizures name a substance.")]}
    if figure.measure == Measure.CASES and figure.case_type not in CaseType.values:
        return {"case_type": [_("Name the type of the criminal cases.")]}
    if figure.measure != Measure.CASES and figure.case_type:
        return {"case_type": [_("Only criminal cases have a type.")]}
    return {}


def _kg(figure: ResultFigure) -> Decimal | None:
    if not seizures.weighed(figure.measure) or figure.substance is None:
        return None
    return seizures.kg_equivalent(quantity=figure.quantity, unit=figure.unit,
                                  tablet_grams=figure.substance.tablet_grams)


def _result_of(actor: Actor, figure: ResultFigure) -> OperationResult:
    return OperationResult(
        stage=figure.stage, originator=figure.state, measure=figure.measure,
        substance=figure.substance, case_type=figure.case_type, quantity=figure.quantity,
        unit=figure.unit, kg_equivalent=_kg(figure), note=figure.note,
        classification=figure.classification,
        release_to_all_members=figure.release_to_all_members, reported_by_id=user_id(actor))


def reported(*, state: Party, stages: Iterable[OperationStage]) -> dict[tuple[Any, ...],
                                                                        OperationResult]:
    """What `state` has already reported for `stages`, by figure key: read as the state itself,
    since a figure is unique per state whatever the label of the one already there."""
    viewer = policy.system_viewer(state, reason="finding a state's reported operation results")
    found = (OperationResult.objects.visible_to(viewer)
             .filter(originator=state, stage__in=list(stages)))
    return {(r.stage_id, r.originator_id, r.measure, r.substance_id,
             "" if r.substance_id else r.case_type, r.unit): r for r in found}


@transaction.atomic
def result_report(*, actor: Actor, figure: ResultFigure) -> OperationResult:
    """Record one figure of a state for a stage."""
    require_permission(actor, "forces.add_operationresult")
    errors = _figure_errors(actor, figure)
    _refuse(errors)
    _label(actor, classification=figure.classification, originator=figure.state,
           release_to_all_members=figure.release_to_all_members,
           releasable_to=figure.releasable_to)
    if figure.key() in reported(state=figure.state, stages=[figure.stage]):
        raise Conflict(_("This state has already reported this figure for this stage."))
    result = _result_of(actor, figure)
    result.save()
    result.releasable_to.set(figure.releasable_to)
    audit_record(actor=actor, action="forces.result.report", target=result,
                 detail={"stage": figure.stage.number,
                         "operation": figure.stage.operation_id})
    return result


def _figure_of(result: OperationResult, quantity: Decimal) -> ResultFigure:
    return ResultFigure(stage=result.stage, state=result.originator, measure=result.measure,
                        quantity=quantity, unit=result.unit, substance=result.substance,
                        case_type=result.case_type, note=result.note,
                        classification=result.classification,
                        release_to_all_members=result.release_to_all_members)


def _corrected(actor: Actor, result: OperationResult, *, quantity: Decimal, note: str | None,
               reason: str) -> ResultRevision:
    """Keep the value `result` holds as a revision and put `quantity` in its place."""
    revision = ResultRevision.objects.create(
        result=result, quantity=result.quantity, unit=result.unit,
        kg_equivalent=result.kg_equivalent, note=result.note, replaced_at=clock.now(),
        replaced_by_id=user_id(actor), reason=reason[:500])
    result.quantity = quantity
    result.kg_equivalent = _kg(_figure_of(result, quantity))
    if note is not None:
        result.note = note
    result.save(update_fields=["quantity", "kg_equivalent", "note"])
    return revision


@transaction.atomic
def result_correct(*, actor: Actor, result: OperationResult, quantity: Decimal,
                   reason: str, note: str | None = None) -> OperationResult:
    """Correct a figure of the actor's own state: the value it held is kept as a revision in
    its history, and the figure, which every total sums, holds the new one. The unit, the stage
    and what it counts stay; a figure reported in the wrong unit is another figure."""
    require_permission(actor, "forces.change_operationresult")
    errors = _figure_errors(actor, _figure_of(result, quantity))
    if not reason.strip():
        errors["reason"] = [_("Say why the figure is corrected.")]
    if not errors and quantity == result.quantity:
        errors["quantity"] = [_("The figure already is %(quantity)s.")
                              % {"quantity": result.quantity}]
    _refuse(errors)
    revision = _corrected(actor, result, quantity=quantity, note=note, reason=reason.strip())
    audit_record(actor=actor, action="forces.result.correct", target=result,
                 detail={"stage": result.stage.number, "operation": result.stage.operation_id,
                         "revision": revision.pk})
    return result


@dataclass(frozen=True)
class ImportOutcome:
    added: int
    unchanged: int
    corrected: int = 0


class _Batch:
    """The figures of one file checked against each other and against what each state has
    already reported: each is fresh, unchanged, or a problem named by its line."""

    def __init__(self, actor: Actor, figures: Sequence[tuple[int, ResultFigure]]) -> None:
        self.actor = actor
        self.figures = figures
        self.known: dict[Party, dict[tuple[Any, ...], OperationResult]] = {}
        self.seen: dict[tuple[Any, ...], int] = {}
        self.fresh: list[ResultFigure] = []
        # Figures the file gives another value: corrections of what the state reported.
        self.corrections: list[tuple[OperationResult, ResultFigure]] = []
        self.unchanged = 0
        self.errors: dict[str, list[str]] = {}
        self.visible: dict[tuple[Any, ...], OperationResult] | None = None

    def take(self, line: int, figure: ResultFigure) -> None:
        key = figure.key()
        shown = self._shown().get(key)
        if shown is not None and shown.quantity == figure.quantity and key not in self.seen:
            # A figure the importer reads, as it reads it (another state's published one in an
            # export): nothing to add. Only what the importer may read is compared, so that the
            # answer tells nothing of a figure hidden from them.
            self.unchanged += 1
            self.seen[key] = line
            return
        problems = _figure_errors(self.actor, figure) or _label_problems(self.actor, figure)
        if not problems and key in self.seen:
            problems = {"quantity": [_("The same figure is on line %(line)d.")
                                     % {"line": self.seen[key]}]}
        before = None if problems else self._reported(figure).get(key)
        for column, messages in problems.items():
            self.errors.setdefault(_("line %(line)d, %(column)s")
                                   % {"line": line, "column": column}, []).extend(messages)
        if problems:
            return
        self.seen[key] = line
        if before is None:
            self.fresh.append(figure)
        elif before.quantity != figure.quantity:
            self.corrections.append((before, figure))
        else:
            self.unchanged += 1

    def _shown(self) -> dict[tuple[Any, ...], OperationResult]:
        if is_system(acting(self.actor)):
            # The system reports for a state, which `_reported` reads as the state itself.
            return {}
        reader: Any = self.actor
        if self.visible is None:
            stages = list({figure.stage.pk for _line, figure in self.figures})
            self.visible = {
                (r.stage_id, r.originator_id, r.measure, r.substance_id,
                 "" if r.substance_id else r.case_type, r.unit): r
                for r in OperationResult.objects.visible_to(reader).filter(
                    stage__in=stages)}
        return self.visible

    def _reported(self, figure: ResultFigure) -> dict[tuple[Any, ...], OperationResult]:
        if figure.state not in self.known:
            self.known[figure.state] = reported(
                state=figure.state, stages=_stages_of(self.figures, figure.state))
        return self.known[figure.state]


@transaction.atomic
def results_import(*, actor: Actor, figures: Sequence[tuple[int, ResultFigure]],
                   file_name: str = "",
                   unread: dict[str, list[str]] | None = None) -> ImportOutcome:
    """Record the figures read from a file, each with its line: all of them or none. A figure
    the state has already reported with the same quantity is left as it is (a file exported
    and imported again adds nothing); a different quantity corrects it, the value it held kept
    in its history as a correction on a page would keep it. Errors are keyed `line N, column`;
    `unread` are those of the lines the file's reader could not make a figure of, named together
    with the others."""
    require_permission(actor, "forces.add_operationresult")
    batch = _Batch(actor, figures)
    batch.errors.update(unread or {})
    for line, figure in figures:
        batch.take(line, figure)
    if batch.errors:
        raise ValidationError(_("Nothing was imported: correct the file."), errors=batch.errors)
    if batch.corrections:
        require_permission(actor, "forces.change_operationresult")
    for figure in batch.fresh:
        result = _result_of(actor, figure)
        result.save()
        if figure.releasable_to:
            result.releasable_to.set(figure.releasable_to)
    reason = _("Corrected by the import of %(file)s.") % {"file": file_name[:100] or "—"}
    for before, figure in batch.corrections:
        revision = _corrected(actor, before, quantity=figure.quantity, note=figure.note,
                              reason=reason)
        audit_record(actor=actor, action="forces.result.correct", target=before,
                     detail={"stage": before.stage.number,
                             "operation": before.stage.operation_id, "revision": revision.pk})
    audit_record(actor=actor, action="forces.result.import", target_type="forces.operationresult",
                 detail={"added": len(batch.fresh), "unchanged": batch.unchanged,
                         "corrected": len(batch.corrections), "file": file_name[:100]})
    return ImportOutcome(added=len(batch.fresh), unchanged=batch.unchanged,
                         corrected=len(batch.corrections))


def _stages_of(figures: Sequence[tuple[int, ResultFigure]], state: Party) -> list[OperationStage]:
    return list({figure.stage.pk: figure.stage for _line, figure in figures
                 if figure.state == state}.values())


def _label_problems(actor: Actor, figure: ResultFigure) -> dict[str, list[str]]:
    return policy.label_errors(actor=actor, classification=figure.classification,
                               originator=figure.state,
                               release_to_all_members=figure.release_to_all_members,
                               releasable_to=figure.releasable_to)


# --- Public figures ----------------------------------------------------------------------------


@transaction.atomic
def publication_generate(*, actor: Actor, operation: Operation,
                         year: int | None = None) -> OperationPublication:
    """Public figures of `operation` (of one year of it when `year` is given) for the press.

    They are summed over the results labelled PUBLIC, which the states released for
    publication, and nothing else: `policy.readable_by` with the public audience keeps only
    those rows, whoever asks. A sum of public records has the public as its audience, so the
    figures may be PUBLIC without writing anything down; a result the state has not released
    never moves a published figure."""
    require_permission(actor, "forces.add_operationpublication")
    if operation.classification != Classification.PUBLIC:
        raise ValidationError(_("Please correct the marked fields."), errors={"operation": [
            _("The operation itself is not public: its figures cannot be published.")]})
    public = policy.Audience()
    results = policy.readable_by(
        OperationResult.objects.filter(stage__operation=operation), public)
    if year is not None:
        results = results.filter(stage__starts_on__year=year)
    # The proof the rule gives, checked all the same: what was summed is readable by anyone.
    if not policy.audience_of_rows(results).is_public:
        raise Conflict(_("The figures would include results not released for publication."))
    rows = (results.order_by().values("measure", "substance__code", "case_type")
            .annotate(quantity=Sum("quantity"), kg=Sum("kg_equivalent"))
            .order_by("measure", "substance__code", "case_type"))
    figures = [{"measure": row["measure"], "substance": row["substance__code"] or "",
                "case_type": row["case_type"],
                "quantity": str(seizures.exact(row["measure"], row["quantity"])),
                "kg_equivalent": "" if row["kg"] is None
                else str(seizures.exact(row["measure"], row["kg"]))} for row in rows]
    states = results.order_by().values("originator").distinct().count()
    publication = OperationPublication.objects.create(
        operation=operation, year=year, generated_at=clock.now(), figures=figures,
        states=states, originator=_party_of(actor, operation.originator),
        classification=Classification.PUBLIC, release_to_all_members=True)
    audit_record(actor=actor, action="forces.publication.generate", target=publication,
                 detail={"operation": operation.code, "year": year, "figures": len(figures)})
    return publication


@transaction.atomic
def substances_seed(*, actor: Actor) -> int:
    """Put back the substances of `concord.forces.substances` that the table lacks (a database
    emptied and filled again); the ones present, and their tablet weights, are left alone."""
    require_permission(actor, "forces.add_substance")
    present = set(Substance.objects.values_list("code", flat=True))
    missing = [Substance(code=code, name_ru=name_ru, name_en=name_en, group=group,
                         tablet_grams=Decimal(tablet) if tablet else None)
               for code, name_ru, name_en, group, tablet in SUBSTANCES if code not in present]
    Substance.objects.bulk_create(missing)
    if missing:
        audit_record(actor=actor, action="forces.substance.seed", target_type="forces.substance",
                     detail={"codes": [substance.code for substance in missing]})
    return len(missing)
