"""The read rule holds as one rule: the queryset filter and the predicate agree on generated
data, unscoped reads are refused, and an invisible record reads as a missing one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from hypothesis import given, settings
from hypothesis import strategies as st

from concord.accounts.models import User
from concord.core.audit import audit_record, audit_verify
from concord.core.errors import NotFound, UnscopedQuery
from concord.core.labels import Classification, PartyKind, can_read, visible_q
from concord.core.models import AuditEntry, Party
from concord.core.scoping import labelled_get
from concord.core.selectors import audit_list_for_actor
from tests.labelprobe.models import Dossier

pytestmark = pytest.mark.django_db

CLASSIFICATIONS = st.sampled_from(list(Classification))


@dataclass(frozen=True)
class UserSpec:
    party: int | None  # index into the world's parties; None is a user with no party
    clearance: int
    active: bool
    anonymous: bool


@dataclass(frozen=True)
class RecordSpec:
    classification: int
    originator: int
    releasable_to: frozenset[int]
    release_to_all_members: bool


@dataclass(frozen=True)
class World:
    states: int
    users: list[UserSpec]
    records: list[RecordSpec]


def one_in_six(rare: st.SearchStrategy[Any], usual: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    # Most generated users should be able to read something, or the rule goes untested.
    return st.integers(min_value=1, max_value=6).flatmap(lambda n: rare if n == 1 else usual)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    states = draw(st.integers(min_value=1, max_value=4))
    parties = states + 1  # index `states` is the secretariat
    party_index = st.integers(min_value=0, max_value=parties - 1)
    users = draw(st.lists(st.builds(
        UserSpec, party=one_in_six(st.none(), party_index), clearance=CLASSIFICATIONS,
        active=one_in_six(st.just(False), st.just(True)),
        anonymous=one_in_six(st.just(True), st.just(False)),
    ), min_size=1, max_size=6))
    records = draw(st.lists(st.builds(
        RecordSpec, classification=CLASSIFICATIONS, originator=party_index,
        releasable_to=st.frozensets(party_index, max_size=2),
        release_to_all_members=st.booleans(),
    ), max_size=16))
    return World(states=states, users=users, records=records)


def _build(world: World) -> tuple[list[User | AnonymousUser], list[Dossier]]:
    parties = [
        Party.objects.create(code=f"S{i}", kind=PartyKind.STATE, name_ru=f"Государство {i}",
                             name_en=f"State {i}")
        for i in range(world.states)
    ]
    parties.append(Party.objects.create(code="SEC", kind=PartyKind.SECRETARIAT,
                                        name_ru="Секретариат", name_en="Secretariat"))
    users: list[User | AnonymousUser] = []
    for number, person in enumerate(world.users):
        if person.anonymous:
            users.append(AnonymousUser())
            continue
        users.append(User.objects.create(
            username=f"user{number}",
            party=None if person.party is None else parties[person.party],
            clearance=person.clearance, is_active=person.active,
        ))
    records = []
    for number, label in enumerate(world.records):
        record = Dossier.objects.create(
            title=f"dossier {number}", classification=label.classification,
            originator=parties[label.originator],
            release_to_all_members=label.release_to_all_members,
        )
        record.releasable_to.set([parties[i] for i in label.releasable_to])
        records.append(record)
    return users, records


@settings(max_examples=40, deadline=None)
@given(world=worlds())
def test_it_filters_exactly_what_the_predicate_allows(world: World) -> None:
    # Each example builds its own world inside a savepoint and throws it away afterwards, so
    # the function-scoped database fixture is shared safely between examples.
    with transaction.atomic():
        users, records = _build(world)
        for user in users:
            visible = Dossier.objects.visible_to(user)
            expected = {r.pk for r in records if can_read(user, r)}
            assert set(visible.values_list("pk", flat=True)) == expected
            # Pages and existence checks are sliced queries, which the filter words differently.
            assert visible.count() == len(expected)
            assert list(visible.order_by("pk").values_list("pk", flat=True)[:3]) == sorted(
                expected)[:3]
            assert visible.exists() == bool(expected)
        transaction.set_rollback(True)


def _dossier(originator: Party, classification: int, *, to: tuple[Party, ...] = (),
             all_members: bool = False, title: str = "dossier") -> Dossier:
    record = Dossier.objects.create(title=title, classification=classification,
                                    originator=originator, release_to_all_members=all_members)
    record.releasable_to.set(to)
    return record


def test_it_never_shows_a_delegate_a_secret_record(personas):
    p = personas
    secrets = [
        _dossier(p.state_a, Classification.SECRET),
        _dossier(p.state_b, Classification.SECRET, to=(p.state_a,)),
        _dossier(p.secretariat, Classification.SECRET, all_members=True),
    ]
    for delegate in (p.delegate_a, p.delegate_b):
        assert not Dossier.objects.visible_to(delegate).exists()
        assert not any(can_read(delegate, record) for record in secrets)
    assert set(Dossier.objects.visible_to(p.officer).values_list("pk", flat=True)) == {
        secrets[2].pk
    }


def test_it_releases_to_all_members_only_to_member_states(personas):
    p = personas
    record = _dossier(p.state_a, Classification.OFFICIAL_USE, all_members=True)
    for user, sees in ((p.delegate_b, True), (p.officer, False), (p.analyst, False)):
        assert Dossier.objects.visible_to(user).filter(pk=record.pk).exists() is sees
        assert can_read(user, record) is sees


def test_it_shows_public_records_to_anyone(personas):
    record = _dossier(personas.state_b, Classification.PUBLIC)
    for user in personas.all().values():
        assert list(Dossier.objects.visible_to(user)) == [record]


def test_it_hides_records_from_a_deactivated_user(personas):
    _dossier(personas.state_a, Classification.OFFICIAL_USE)
    personas.delegate_a.is_active = False
    assert not Dossier.objects.visible_to(personas.delegate_a).exists()


def test_it_refuses_an_unscoped_list_count_and_exists(personas):
    _dossier(personas.state_a, Classification.OFFICIAL_USE)
    with pytest.raises(UnscopedQuery):
        list(Dossier.objects.all())
    with pytest.raises(UnscopedQuery):
        Dossier.objects.filter(title="dossier").count()
    with pytest.raises(UnscopedQuery):
        Dossier.objects.exists()
    with pytest.raises(UnscopedQuery):
        Dossier.objects.values_list("title", flat=True).first()


def test_it_refuses_an_unscoped_subquery(personas):
    _dossier(personas.state_a, Classification.SECRET, title="secret title")
    parties = Party.objects.all()
    with pytest.raises(UnscopedQuery):
        list(parties.filter(pk__in=Dossier.objects.values("originator")))
    with pytest.raises(UnscopedQuery):
        list(parties.annotate(has=Exists(Dossier.objects.filter(originator=OuterRef("pk")))))
    with pytest.raises(UnscopedQuery):
        list(parties.annotate(title=Subquery(
            Dossier.objects.filter(originator=OuterRef("pk")).values("title")[:1])))


def test_it_allows_a_subquery_scoped_to_a_viewer(personas):
    _dossier(personas.state_a, Classification.SECRET, title="secret title")
    visible = Dossier.objects.visible_to(personas.delegate_b)
    titles = Party.objects.annotate(
        title=Subquery(visible.filter(originator=OuterRef("pk")).values("title")[:1])
    ).values_list("title", flat=True)
    assert set(titles) == {None}


def test_it_refuses_to_delete_records(personas):
    _dossier(personas.state_a, Classification.PUBLIC)
    with pytest.raises(UnscopedQuery):
        Dossier.objects.visible_to(personas.officer).delete()
    assert Dossier.objects.visible_to(personas.anonymous).count() == 1


def test_it_refuses_unscoped_reads_outside_the_allow_list(personas):
    _dossier(personas.state_a, Classification.PUBLIC)
    code = "from tests.labelprobe.models import Dossier\nDossier.objects.unscoped(reason='x')\n"
    with pytest.raises(UnscopedQuery, match=r"concord\.registry\.views"):
        exec(code, {"__name__": "concord.registry.views"})  # noqa: S102
    with pytest.raises(UnscopedQuery):
        exec(  # noqa: S102
            "from tests.labelprobe.models import Dossier\n"
            "Dossier.objects.all().unscoped(reason='x')\n",
            {"__name__": "concord.portal.views"},
        )
    allowed: dict[str, object] = {"__name__": "concord.core.audit"}
    exec(code.replace("Dossier.objects", "found = Dossier.objects"), allowed)  # noqa: S102
    assert allowed["found"].count() == 1  # type: ignore[attr-defined]


def _denials() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(outcome=AuditEntry.Outcome.DENIED))


def test_it_answers_missing_and_invisible_alike_and_audits_both_for_the_auditors(personas):
    hidden = _dossier(personas.state_a, Classification.OFFICIAL_USE)
    missing_pk = hidden.pk + 1000

    with pytest.raises(NotFound) as missing:
        labelled_get(Dossier.objects.all(), viewer=personas.delegate_b, pk=missing_pk)
    with pytest.raises(NotFound) as invisible:
        labelled_get(Dossier.objects.all(), viewer=personas.delegate_b, pk=hidden.pk)
    assert str(invisible.value) == str(missing.value)
    assert invisible.value.status == missing.value.status == 404

    # Both refusals take the same path and leave an entry each; only the auditors learn which
    # record existed.
    first, second = sorted(_denials(), key=lambda entry: entry.seq)
    assert first.action == second.action == "labelprobe.dossier.read"
    assert first.actor_id == second.actor_id == personas.delegate_b.pk
    assert (first.target_id, second.target_id) == (f"pk={missing_pk}", f"pk={hidden.pk}")
    assert json.loads(first.detail) == {"exists": False}
    assert json.loads(second.detail) == {"exists": True, "record": str(hidden.pk)}
    assert audit_verify().ok


def test_it_leaves_the_same_trace_in_the_users_own_activity_for_hidden_and_missing(personas):
    hidden = _dossier(personas.state_a, Classification.OFFICIAL_USE)
    with pytest.raises(NotFound):
        labelled_get(Dossier.objects.all(), viewer=personas.delegate_b, pk=hidden.pk + 1000)
    after_missing = list(audit_list_for_actor(viewer=personas.delegate_b))
    with pytest.raises(NotFound):
        labelled_get(Dossier.objects.all(), viewer=personas.delegate_b, pk=hidden.pk)
    assert list(audit_list_for_actor(viewer=personas.delegate_b)) == after_missing == []


def test_it_audits_a_confidential_read_but_not_an_official_one(personas):
    confidential = _dossier(personas.state_a, Classification.CONFIDENTIAL)
    official = _dossier(personas.state_a, Classification.OFFICIAL_USE)

    assert labelled_get(Dossier.objects.all(), viewer=personas.delegate_a, pk=official.pk) == official
    assert not AuditEntry.objects.exists()

    assert labelled_get(
        Dossier.objects.all(), viewer=personas.delegate_a, pk=confidential.pk
    ) == confidential
    [read] = AuditEntry.objects.all()
    assert (read.action, read.outcome) == ("labelprobe.dossier.read", AuditEntry.Outcome.SUCCESS)
    assert (read.actor_id, read.classification) == (personas.delegate_a.pk,
                                                    Classification.CONFIDENTIAL)
    assert read.label_originator == personas.state_a.code


def test_it_keeps_a_users_changes_on_their_dashboard_however_many_records_they_open(personas):
    reader = personas.delegate_a
    edited = _dossier(personas.state_a, Classification.CONFIDENTIAL)
    audit_record(actor=reader, action="labelprobe.dossier.update", target=edited)
    for _ in range(12):
        confidential = _dossier(personas.state_a, Classification.CONFIDENTIAL)
        labelled_get(Dossier.objects.all(), viewer=reader, pk=confidential.pk)

    recent = [entry.action for entry in audit_list_for_actor(viewer=reader)]

    assert recent == ["labelprobe.dossier.read"] * 3 + ["labelprobe.dossier.update"]


def _expected(user, records, extra=lambda r: True) -> set[int]:
    return {r.pk for r in records if can_read(user, r) and extra(r)}


def test_it_keeps_the_rule_inside_joins_and_nested_subqueries(personas):
    p = personas
    records = [
        _dossier(p.state_a, Classification.OFFICIAL_USE, to=(p.state_b,)),
        _dossier(p.state_b, Classification.OFFICIAL_USE, to=(p.state_a, p.secretariat)),
        _dossier(p.secretariat, Classification.CONFIDENTIAL, to=(p.state_a,)),
        _dossier(p.secretariat, Classification.OFFICIAL_USE, to=(p.state_b,)),
        _dossier(p.state_b, Classification.SECRET, to=(p.secretariat,)),
    ]
    for user in (p.officer, p.delegate_a, p.delegate_b, p.analyst):
        joined = Dossier.objects.visible_to(user).filter(releasable_to=p.state_b)
        assert set(joined.values_list("pk", flat=True)) == _expected(
            user, records, lambda r: r.releasable_to.filter(pk=p.state_b.pk).exists())

        inner = Dossier.objects.visible_to(p.delegate_a).values("pk")
        nested = Dossier.objects.visible_to(user).filter(pk__in=inner)
        assert set(nested.values_list("pk", flat=True)) == (
            _expected(user, records) & _expected(p.delegate_a, records))

        everything = Dossier.objects.unscoped(reason="test")
        hidden = {r.pk for r in records} - _expected(user, records)
        outside = everything.exclude(pk__in=Dossier.objects.visible_to(user).values("pk"))
        assert set(outside.values_list("pk", flat=True)) == hidden
        negated = everything.exclude(visible_q(user, Dossier))
        assert set(negated.values_list("pk", flat=True)) == hidden

        originators = Party.objects.filter(
            pk__in=Dossier.objects.visible_to(user).values("originator"))
        assert set(originators) == {r.originator for r in records if can_read(user, r)}
