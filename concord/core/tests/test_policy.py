"""The rule around the row, on generated data: a relation followed from a scoped record, forward
and reverse, shows only what the viewer may read; an aggregate's audience admits exactly those who
may read every one of its sources, and what it may count is what all of them may read; a derived
record is never labelled wider than its sources."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.db import transaction
from django.template import Context, Template
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from concord.core.actors import SYSTEM
from concord.core.errors import ValidationError
from concord.core.labelling import label_change
from concord.core.labels import Classification, Viewer, can_read
from concord.core.models import AuditEntry, LabelChange, Party
from concord.core.policy import (
    Audience,
    audience_of,
    audience_of_rows,
    clearance_errors,
    kept_from_states,
    kept_from_states_q,
    label_within,
    readable_by,
    system_viewer,
)
from concord.core.tests.test_labels import RecordSpec, World, _build, _dossier, worlds
from tests.labelprobe.models import Annex, Dossier

pytestmark = pytest.mark.django_db

CLASSIFICATIONS = st.sampled_from(list(Classification))


@dataclass(frozen=True)
class AnnexSpec:
    dossier: int  # index into the world's records
    label: RecordSpec


@st.composite
def worlds_with_annexes(draw: st.DrawFn) -> tuple[World, list[AnnexSpec], list[int]]:
    world = draw(worlds())
    parties = world.states + 1
    annexes: list[AnnexSpec] = []
    if world.records:
        record = st.integers(min_value=0, max_value=len(world.records) - 1)
        party_index = st.integers(min_value=0, max_value=parties - 1)
        annexes = draw(st.lists(st.builds(
            AnnexSpec, dossier=record, label=st.builds(
                RecordSpec, classification=CLASSIFICATIONS, originator=party_index,
                releasable_to=st.frozensets(party_index, max_size=2),
                release_to_all_members=st.booleans())), max_size=10))
    subset = draw(st.lists(st.integers(min_value=0, max_value=max(len(world.records) - 1, 0)),
                           max_size=5, unique=True)) if world.records else []
    return world, annexes, subset


def _annexes(specs: list[AnnexSpec], dossiers: list[Dossier]) -> list[Annex]:
    parties = list(Party.objects.order_by("pk"))
    made = []
    for number, spec in enumerate(specs):
        annex = Annex.objects.create(
            dossier=dossiers[spec.dossier], title=f"annex {number}",
            classification=spec.label.classification,
            originator=parties[spec.label.originator],
            release_to_all_members=spec.label.release_to_all_members)
        annex.releasable_to.set([parties[i] for i in spec.label.releasable_to])
        made.append(annex)
    return made


@settings(max_examples=40, deadline=None)
@given(generated=worlds_with_annexes())
def test_it_follows_relations_and_counts_aggregates_only_as_the_viewer_may(generated) -> None:
    world, annex_specs, subset = generated
    with transaction.atomic():
        users, dossiers = _build(world)
        annexes = _annexes(annex_specs, dossiers)
        for dossier in dossiers:
            dossier.refresh_from_db()
        for user in users:
            # Forward: the related dossier is there exactly when the viewer may read it, whether
            # fetched by a join or looked up afterwards.
            for fetched in (Annex.objects.visible_to(user),
                            Annex.objects.visible_to(user).select_related("dossier")):
                for annex in fetched:
                    source = Dossier.objects.unscoped(reason="test").get(pk=annex.dossier_id)
                    assert (annex.dossier is not None) == can_read(user, source)
            # Reverse: a dossier's annexes are those of them the viewer may read.
            for dossier in Dossier.objects.visible_to(user).prefetch_related("annexes"):
                expected = {a.pk for a in annexes
                            if a.dossier_id == dossier.pk and can_read(user, a)}
                assert {a.pk for a in dossier.annexes.all()} == expected
                assert dossier.annexes.count() == len(expected)
            # Aggregates: the audience of any set of dossiers admits a user exactly when the user
            # may read each of them, and what it may count is read by every one it admits.
            chosen = [dossiers[i] for i in subset]
            audience = audience_of(chosen)
            assert audience == audience_of_rows(
                Dossier.objects.unscoped(reason="test").filter(pk__in=[d.pk for d in chosen]))
            if getattr(user, "party_id", None) is not None and getattr(user, "is_active", False):
                assert audience.admits(user) == all(can_read(user, d) for d in chosen)
            counted = readable_by(Dossier.objects.all(), audience)
            if audience.admits(user):
                assert all(can_read(user, d) for d in counted)
        transaction.set_rollback(True)


@settings(max_examples=60, deadline=None)
@given(generated=worlds_with_annexes())
def test_it_labels_a_derived_record_no_wider_than_its_sources(generated) -> None:
    world, _annex_specs, subset = generated
    with transaction.atomic():
        users, dossiers = _build(world)
        chosen = [dossiers[i] for i in subset]
        if chosen:
            audience = audience_of(chosen)
            originator = chosen[0].originator
            try:
                label = label_within(audience, originator=originator)
            except ValidationError:
                # Refused only when the originator itself may not read every source.
                assert not audience.admits(Viewer.for_party(originator, Classification.SECRET))
                transaction.set_rollback(True)
                return
            derived = Dossier.objects.create(
                title="derived", classification=label.classification,
                originator=originator, release_to_all_members=label.release_to_all_members)
            derived.releasable_to.set(label.releasable_to)
            derived.refresh_from_db()
            for user in users:
                # Whoever may read the derived record may read every source.
                if can_read(user, derived):
                    assert all(can_read(user, d) for d in chosen)
        transaction.set_rollback(True)


def test_it_hides_a_related_record_and_keeps_it_for_the_system(personas):
    hidden = _dossier(personas.state_a, Classification.OFFICIAL_USE, title="HIDDEN")
    annex = Annex.objects.create(dossier=hidden, title="annex", originator=personas.state_a,
                                 classification=Classification.OFFICIAL_USE,
                                 release_to_all_members=True)
    seen = Annex.objects.visible_to(personas.delegate_b).select_related("dossier").get()
    assert seen == annex and seen.dossier is None
    reader = system_viewer(personas.state_a, reason="test: the originator's own records")
    assert Annex.objects.visible_to(reader).get().dossier == hidden
    [entry] = AuditEntry.objects.filter(action="core.system.read")
    assert "test: the originator's own records" in entry.detail


def test_it_refuses_a_derived_label_wider_than_its_source(personas):
    source = _dossier(personas.state_a, Classification.CONFIDENTIAL)
    annex = Annex.objects.create(dossier=source, title="annex", originator=personas.state_a,
                                 classification=Classification.CONFIDENTIAL)
    with pytest.raises(ValidationError) as refused:
        label_change(actor=personas.delegate_a, record=annex,
                     classification=Classification.OFFICIAL_USE, release_to_all_members=True,
                     releasable_to=[])
    assert set(refused.value.errors) == {"classification", "release_to_all_members"}
    assert not LabelChange.objects.exists()


def test_it_applies_a_narrower_audience_at_once_and_waits_on_a_wider_one(personas):
    record = _dossier(personas.state_a, Classification.OFFICIAL_USE, all_members=True)
    # Released to all member states, then to Russia's own delegation only: fewer readers.
    assert label_change(actor=personas.delegate_a, record=record,
                        classification=Classification.OFFICIAL_USE,
                        release_to_all_members=False, releasable_to=[]) is None
    assert not Dossier.objects.visible_to(personas.delegate_b).filter(pk=record.pk).exists()
    # Back to all: wider, so it waits and the record stays as it is.
    pending = label_change(actor=personas.delegate_a, record=record,
                           classification=Classification.OFFICIAL_USE,
                           release_to_all_members=True, releasable_to=[])
    assert pending is not None and pending.status == LabelChange.Status.PENDING
    assert not Dossier.objects.visible_to(personas.delegate_b).filter(pk=record.pk).exists()


def test_it_names_one_message_for_a_label_above_the_clearance(personas):
    with translation.override("en"):
        assert clearance_errors(personas.delegate_b, Classification.CONFIDENTIAL) == {
            "classification": ["You may not label a record above your own clearance."]}
    with translation.override("ru"):
        assert clearance_errors(personas.delegate_b, Classification.CONFIDENTIAL) == {
            "classification": ["Нельзя присвоить записи гриф выше вашего допуска."]}
    assert clearance_errors(personas.delegate_b, Classification.OFFICIAL_USE) == {}
    assert clearance_errors(SYSTEM, Classification.SECRET) == {}


def test_it_admits_everyone_to_a_public_audience_and_no_one_to_an_empty_one(personas):
    public = Audience()
    assert all(public.admits(user) for user in personas.all().values())
    nobody = Audience(Classification.OFFICIAL_USE, 0)
    assert not any(nobody.admits(user) for user in personas.all().values())
    _dossier(personas.state_a, Classification.OFFICIAL_USE)
    assert not readable_by(Dossier.objects.all(), nobody).exists()


def test_a_record_kept_from_the_states_is_one_released_to_named_parties_only(personas):
    records = [Dossier.objects.create(title=f"{classification.label} {to_all}",
                                      classification=classification,
                                      originator=personas.state_a,
                                      release_to_all_members=to_all)
               for classification in Classification for to_all in (False, True)]
    kept = set(Dossier.objects.unscoped(reason="test").filter(kept_from_states_q())
               .values_list("pk", flat=True))
    page = Template("{% load labels %}{% for r in records %}{% if r|kept_from_states %}"
                    "[{{ r.pk }}]{% endif %}{% endfor %}").render(Context({"records": records}))

    # A public record is everyone's, whatever its release list; any other label kept from the
    # member states at large unless released to all of them.
    expected = {r.pk for r in records
                if r.classification != Classification.PUBLIC and not r.release_to_all_members}
    assert len(expected) == len(Classification) - 1
    assert {r.pk for r in records if kept_from_states(r)} == kept == expected
    assert page == "".join(f"[{pk}]" for pk in sorted(expected))
