"""The label policy around the row: write clearance, system reads, the audience of derived records
and aggregates, and "no write-down". The read rule itself is in concord.core.labels; everything
here is expressed through it, so that no app compares a clearance, reads a release mask or makes
a viewer of its own (tests/test_policy_boundary.py keeps it so).

An *audience* is who may read every one of a set of records: the lowest clearance that covers
them all, and the parties (as a mask of release bits) that each of them admits. An aggregate
(a count, an alert, a report, a list of instructions) is shown to a party only over the records
its audience admits, and a derived record is labelled no wider than the audience of its sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from concord.core import actors
from concord.core.actors import SYSTEM, Actor, acting, is_system
from concord.core.audit import audit_record
from concord.core.errors import ValidationError
from concord.core.labels import Classification, PartyKind, Viewer
from concord.core.models import LabelledModel, Party

Q_ = TypeVar("Q_", bound=QuerySet[Any])


# --- Write clearance ---------------------------------------------------------------------------


def clearance_errors(actor: Actor, classification: int, *,
                     field: str = "classification") -> dict[str, list[str]]:
    """The field error a service gathers when `actor` labels a record above their clearance:
    they could not read back what they wrote. `SYSTEM` writes at any level; a signed-out user
    is refused by the permission check before it comes to a label."""
    actor = acting(actor)
    if is_system(actor) or not actor.is_authenticated:
        return {}
    viewer = Viewer.of(actor)
    if not viewer.is_cleared or viewer.clearance is None or int(classification) > viewer.clearance:
        return {field: [_("You may not label a record above your own clearance.")]}
    return {}


def require_clearance(actor: Actor, classification: int, *, field: str = "classification") -> None:
    """Refuse (422, naming the field) a label above the actor's clearance."""
    errors = clearance_errors(actor, classification, field=field)
    if errors:
        raise ValidationError(_("Please correct the marked fields."), errors=errors)


def may_write_at(actor: Actor, classification: int) -> bool:
    return not clearance_errors(actor, classification)


def second_factor_required(clearance: int) -> bool:
    """Users cleared CONFIDENTIAL or above sign in with a second factor."""
    return int(clearance) >= Classification.CONFIDENTIAL


# --- System reads ------------------------------------------------------------------------------


def _audit_system_read(parties: list[Party], reason: str) -> None:
    if not reason.strip():
        raise ValueError("A system read states its reason.")
    audit_record(actor=SYSTEM, action="core.system.read", target_type="core.party",
                 target_id=",".join(party.code for party in parties)[:100],
                 detail={"reason": reason})


def system_viewer(party: Party, *, reason: str) -> Viewer:
    """The system reading as `party` at full clearance, for work it does on that party's behalf
    (a schedule, numbering, a re-import finding the party's own rows). The reason is recorded in
    the audit log, so that every read beyond a user's eyes is accounted for."""
    _audit_system_read([party], reason)
    return Viewer.for_party(party, Classification.SECRET)


def system_viewers(*, reason: str) -> list[Viewer]:
    """Every party as the originator of its own records (one audit entry for them all): between
    them they see each record once when each query is also filtered on
    `originator_id=viewer.party_id`."""
    parties = list(Party.objects.order_by("pk"))
    _audit_system_read(parties, reason)
    return [Viewer.for_party(party, Classification.SECRET) for party in parties]


# --- Audiences ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parties:
    everyone: int
    states: int
    by_bit: dict[int, Party]


def _parties() -> _Parties:
    parties = list(Party.objects.all())
    everyone = states = 0
    for party in parties:
        everyone |= party.release_flag
        if party.kind == PartyKind.STATE:
            states |= party.release_flag
    return _Parties(everyone, states, {party.release_bit: party for party in parties})


@dataclass(frozen=True)
class Audience:
    """Who may read every one of a set of records.

    `classification` is the highest classification among them (the clearance a reader needs);
    `readers` the release bits of the parties that every non-public one admits. A set of PUBLIC
    records (or no records) has the public as its audience: `readers` is None.
    """

    classification: int = Classification.PUBLIC
    readers: int | None = None

    @property
    def is_public(self) -> bool:
        return self.classification == Classification.PUBLIC and self.readers is None

    def admits(self, viewer: actors.Viewer) -> bool:
        """Whether `viewer` may read every record of the audience."""
        if self.is_public:
            return True
        view = Viewer.of(viewer)
        if not view.is_cleared or view.clearance is None or view.party_bit is None:
            return False
        readers = self.readers if self.readers is not None else -1
        return view.clearance >= self.classification and bool(readers >> view.party_bit & 1)

    def narrower_than(self, other: Audience) -> bool:
        """Whether everyone this audience admits is admitted by `other` (no wider anywhere)."""
        if other.is_public:
            return True
        if self.is_public:
            return False
        mine = self.readers if self.readers is not None else -1
        theirs = other.readers if other.readers is not None else -1
        return self.classification >= other.classification and mine & ~theirs == 0

    def __and__(self, other: Audience) -> Audience:
        if self.is_public:
            return other
        if other.is_public:
            return self
        readers = (self.readers if self.readers is not None else -1) & (
            other.readers if other.readers is not None else -1)
        return Audience(max(self.classification, other.classification), readers)

    def parties(self) -> list[Party]:
        """The parties the audience admits (every party when it is public)."""
        known = _parties()
        readers = known.everyone if self.readers is None else self.readers
        return [party for bit, party in sorted(known.by_bit.items()) if readers >> bit & 1]

    def viewers(self) -> list[Viewer]:
        """Each admitted party at the audience's clearance: what every one of them may read is
        what `readable_by` keeps."""
        return [Viewer.for_party(party, self.classification) for party in self.parties()]


def audience_mask(audience: Audience) -> int:
    """The audience's readers as a mask of release bits (every party's when it is public), to
    keep with an aggregate; `Audience(classification, mask)` gives it back."""
    return _parties().everyone if audience.readers is None else audience.readers


def stored_audience(classification: int, mask: int) -> Audience:
    """The audience an aggregate kept (`audience.classification`, `audience_mask(audience)`)."""
    if classification == Classification.PUBLIC:
        return Audience()
    return Audience(int(classification), int(mask))


def _readers_of(known: _Parties, originator_bit: int, to_all: bool, mask: int) -> int:
    return (1 << originator_bit) | mask | (known.states if to_all else 0)


def audience_of_labels(labels: Iterable[tuple[int, int, bool, int]]) -> Audience:
    """The audience of labels given as (classification, originator's release bit, released to all
    member states, release mask)."""
    known: _Parties | None = None
    audience = Audience()
    for classification, originator_bit, to_all, mask in labels:
        if classification == Classification.PUBLIC:
            continue
        known = known or _parties()
        readers = _readers_of(known, originator_bit, to_all, mask)
        audience = audience & Audience(int(classification), readers)
    return audience


def audience_of(records: Iterable[LabelledModel]) -> Audience:
    """The audience of records already in memory."""
    return audience_of_labels(
        (int(r.classification), r.originator.release_bit, bool(r.release_to_all_members),
         int(r.release_mask)) for r in records)


def audience_of_rows(queryset: QuerySet[Any]) -> Audience:
    """The audience of every record of a (scoped) queryset, read as its distinct labels."""
    labels = (queryset.exclude(classification=Classification.PUBLIC).order_by()
              .values_list("classification", "originator__release_bit",
                           "release_to_all_members", "release_mask").distinct())
    return audience_of_labels(labels)


def audience_of_record(record: LabelledModel) -> Audience:
    """Who may read this one record."""
    return audience_of([record])


def label_sources(record: LabelledModel) -> list[LabelledModel]:
    """The records `record` is derived from (its `label_source_fields`), read by the kernel
    whoever asks: a source hidden from the user still bounds the label."""
    sources: list[LabelledModel] = []
    for name in type(record).label_source_fields:
        field: Any = record._meta.get_field(name)
        pk = getattr(record, field.attname)
        if pk is not None:
            found = field.related_model._base_manager.filter(pk=pk).first()
            if found is not None:
                sources.append(found)
    return sources


def sources_audience(record: LabelledModel) -> Audience:
    """Who may read everything `record` is derived from: the widest its own label may be."""
    audience = audience_of(label_sources(record))
    floor = record.floor_audience()
    return audience & floor if isinstance(floor, Audience) else audience


def readable_by(queryset: Q_, audience: Audience) -> Q_:
    """Only the records that every reader of `audience` may read: what a count, an alert or a
    report shown to that audience may be made of. A public audience keeps only PUBLIC records;
    an audience that admits no one keeps nothing."""
    labelled: Any = queryset
    if audience.is_public:
        return labelled.visible_to(Viewer.nobody())  # type: ignore[no-any-return]
    viewers = audience.viewers()
    if not viewers:
        return labelled.none().visible_to(Viewer.nobody())  # type: ignore[no-any-return]
    for viewer in viewers:
        labelled = labelled.visible_to(viewer)
    return labelled  # type: ignore[no-any-return]


@dataclass(frozen=True)
class DerivedLabel:
    """The widest label a record derived from sources of `audience` may carry, for `originator`:
    the sources' classification (at least `floor`), released to all member states only when the
    audience admits every state, otherwise to the parties it admits."""

    classification: int
    release_to_all_members: bool
    releasable_to: list[Party]


def label_within(audience: Audience, *, originator: Party,
                 floor: int = Classification.PUBLIC) -> DerivedLabel:
    known = _parties()
    classification = max(audience.classification, int(floor))
    if audience.is_public:
        return DerivedLabel(classification, True, [])
    readers = audience.readers if audience.readers is not None else known.everyone
    if not readers >> originator.release_bit & 1:
        # The originator always reads its own records: one that may not read every source
        # cannot hold a record made of them.
        raise ValidationError(_("Please correct the marked fields."), errors={"originator": [
            _("%(party)s may not read everything this record is made of.")
            % {"party": originator.name}]})
    to_all = readers & known.states == known.states
    named = [party for bit, party in sorted(known.by_bit.items())
             if readers >> bit & 1 and party.pk != originator.pk
             and not (to_all and party.kind == PartyKind.STATE)]
    return DerivedLabel(classification, to_all, named)


def proposed_audience(*, classification: int, originator: Party, release_to_all_members: bool,
                      releasable_to: Iterable[Party]) -> Audience:
    """The audience a label not yet saved would have."""
    mask = 0
    for party in releasable_to:
        mask |= party.release_flag
    return audience_of_labels([(int(classification), originator.release_bit,
                                bool(release_to_all_members), mask)])


def write_down_errors(*, classification: int, originator: Party, release_to_all_members: bool,
                      releasable_to: Iterable[Party], sources: Audience) -> dict[str, list[str]]:
    """No write-down: a derived record may not be readable by anyone who may not read all of its
    sources. Each field error names what would be lowered or who would read too much."""
    releasable_to = list(releasable_to)
    derived = proposed_audience(classification=classification, originator=originator,
                                release_to_all_members=release_to_all_members,
                                releasable_to=releasable_to)
    if derived.narrower_than(sources):
        return {}
    errors: dict[str, list[str]] = {}
    if sources.is_public:
        return errors
    if int(classification) < sources.classification:
        errors["classification"] = [
            _("What this record is made of is labelled %(label)s: its label cannot be lower.")
            % {"label": Classification(sources.classification).label}]
    readers = sources.readers if sources.readers is not None else -1
    outside = [p for p in derived.parties() if not readers >> p.release_bit & 1]
    if release_to_all_members and any(p.kind == PartyKind.STATE for p in outside):
        errors["release_to_all_members"] = [
            _("Some of what this record is made of is not released to all member states.")]
    named = sorted(p.name for p in outside if p in releasable_to)
    if named:
        errors["releasable_to"] = [_("%(parties)s may not read everything this record is made "
                                     "of.") % {"parties": ", ".join(named)}]
    return errors


def label_errors(*, actor: Actor, classification: int, originator: Party | None,
                 release_to_all_members: bool, releasable_to: Iterable[Party],
                 sources: Iterable[LabelledModel] = ()) -> dict[str, list[str]]:
    """Everything wrong with a label a service is about to give a new record: above the actor's
    clearance, or wider than the records it is derived from."""
    errors = clearance_errors(actor, classification)
    sources = [source for source in sources if source is not None]
    if originator is not None and sources:
        found = write_down_errors(classification=classification, originator=originator,
                                  release_to_all_members=release_to_all_members,
                                  releasable_to=releasable_to, sources=audience_of(sources))
        for field, messages in found.items():
            errors.setdefault(field, []).extend(messages)
    return errors


# --- Kept from the member states at large ------------------------------------------------------


def kept_from_states(record: LabelledModel) -> bool:
    """Whether a record's originator released it to named parties only: a labelled record not
    released to every member state. A page tells its readers so ("withheld from the other
    states"), and a figure that counts it is labelled as narrowly."""
    return record.classification != Classification.PUBLIC and not record.release_to_all_members


def kept_from_states_q(prefix: str = "") -> Q:
    """`kept_from_states` as a condition on the rows (of a relation, through `prefix`)."""
    return Q(**{f"{prefix}release_to_all_members": False}) & ~Q(
        **{f"{prefix}classification": Classification.PUBLIC})


# --- What a viewer is told is withheld ---------------------------------------------------------


def withheld_count(model: type[LabelledModel], *, viewer: Any, **lookup: Any) -> int:
    """How many records matching `lookup` the viewer may not read: a log shown at every label
    says "n withheld" in their place, and nothing else of them."""
    everything = model.objects.unscoped(reason="counting withheld records").filter(**lookup)
    return everything.count() - model.objects.visible_to(viewer).filter(**lookup).count()
