"""Prepared reads: compiled once per connection and viewer scope, run again with new arguments,
and giving each viewer exactly the rows, and the Python types, the plain queryset gives."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, NamedTuple

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections
from django.db.models import Count, F, Max, QuerySet, Sum
from django.db.models.functions import Now, TruncDate
from django.utils import timezone

from concord.core import prepared
from concord.core.errors import UnscopedQuery
from concord.core.labels import Classification, Viewer
from concord.core.models import LabelChange, Party
from concord.core.prepared import PreparedQuery
from tests.labelprobe.models import Dossier

pytestmark = pytest.mark.django_db


def _dossier(originator: Party, classification: int, *, to: tuple[Party, ...] = (),
             all_members: bool = False, title: str = "dossier") -> Dossier:
    record = Dossier.objects.create(title=title, classification=classification,
                                    originator=originator, release_to_all_members=all_members)
    record.releasable_to.set(to)
    return record


def _labels(personas: Any) -> None:
    p = personas
    _dossier(p.secretariat, Classification.PUBLIC, title="press release")
    _dossier(p.secretariat, Classification.OFFICIAL_USE, all_members=True, title="to members")
    _dossier(p.secretariat, Classification.CONFIDENTIAL, to=(p.state_a,), title="to Russia")
    _dossier(p.secretariat, Classification.SECRET, title="secretariat only")
    _dossier(p.state_b, Classification.OFFICIAL_USE, title="Tajik own")
    _dossier(p.state_a, Classification.CONFIDENTIAL, to=(p.state_b,), title="Russia to Tajikistan")


def _by_originator(viewer: Viewer, *, originator: int) -> QuerySet[Any]:
    return (Dossier.objects.visible_to(viewer).filter(originator=originator)
            .order_by("title").values("title", "classification"))


def _all_titles(viewer: Viewer) -> QuerySet[Any]:
    return Dossier.objects.visible_to(viewer).order_by("title").values("title")


class Counted:
    """A builder that counts its calls: each is one compilation."""

    def __init__(self, build: Callable[..., QuerySet[Any]]) -> None:
        self.build, self.calls = build, 0

    def __call__(self, viewer: Viewer, **arguments: Any) -> QuerySet[Any]:
        self.calls += 1
        return self.build(viewer, **arguments)


def test_it_gives_each_viewer_the_rows_the_label_rule_shows_them(personas):
    _labels(personas)
    titles = PreparedQuery(_all_titles)

    # Twice round, so that every viewer after the first also meets SQL kept for the others.
    for _ in range(2):
        for name, user in personas.all().items():
            expected = list(_all_titles(Viewer.of(user)))
            assert titles.rows(viewer=user) == expected, name

    seen = {name: {row["title"] for row in titles.rows(viewer=user)}
            for name, user in personas.all().items()}
    assert seen["anonymous"] == {"press release"}
    assert "secretariat only" not in seen["delegate_a"] | seen["delegate_b"] | seen["analyst"]
    assert "to Russia" in seen["delegate_a"] and "to Russia" not in seen["delegate_b"]
    assert "Russia to Tajikistan" not in seen["delegate_b"]  # cleared for OFFICIAL USE only


def test_it_compiles_once_per_viewer_scope_and_puts_each_argument_in_place(personas):
    _labels(personas)
    p = personas
    build = Counted(_by_originator)
    dossiers = PreparedQuery(build, arguments={"originator": int})

    secretariat = dossiers.rows(viewer=p.delegate_a, originator=p.secretariat.pk)
    russian = dossiers.rows(viewer=p.delegate_a, originator=p.state_a.pk)
    tajik = dossiers.rows(viewer=p.delegate_a, originator=p.state_b.pk)

    assert [row["title"] for row in secretariat] == ["press release", "to Russia", "to members"]
    assert russian == [{"title": "Russia to Tajikistan",
                        "classification": Classification.CONFIDENTIAL}]
    assert tajik == []
    assert build.calls == 1
    assert dossiers.rows(viewer=p.delegate_b, originator=p.state_b.pk) == [
        {"title": "Tajik own", "classification": Classification.OFFICIAL_USE}]
    assert build.calls == 2


def test_it_takes_a_uuid_argument(personas):
    change = _label_change(personas)
    by_public_id = PreparedQuery(
        lambda viewer, *, key: LabelChange.objects.filter(public_id=key).values("pk"),
        arguments={"key": uuid.UUID})

    assert by_public_id.first(viewer=personas.officer, key=change.public_id) == {"pk": change.pk}
    assert by_public_id.first(viewer=personas.officer, key=str(change.public_id)) == {
        "pk": change.pk}
    assert by_public_id.first(viewer=personas.officer, key=uuid.uuid4()) is None


def test_it_takes_date_arguments(personas):
    change = _label_change(personas)
    day = timezone.localdate(change.requested_at)
    between = PreparedQuery(
        lambda viewer, *, first, last: LabelChange.objects.annotate(
            day=TruncDate("requested_at")).filter(day__gte=first, day__lte=last).values("pk"),
        arguments={"first": date, "last": date})

    assert between.rows(viewer=personas.officer, first=day, last=day) == [{"pk": change.pk}]
    assert between.rows(viewer=personas.officer, first=day - timedelta(days=7),
                        last=day - timedelta(days=1)) == []
    assert between.rows(viewer=personas.officer, first=date(2000, 1, 1),
                        last=date(9999, 12, 31)) == [{"pk": change.pk}]
    with pytest.raises(TypeError, match="date"):
        between.rows(viewer=personas.officer, first=change.requested_at, last=day)


def test_it_takes_string_arguments_under_the_label_rule(personas):
    _labels(personas)
    p = personas
    titled = PreparedQuery(
        lambda viewer, *, one, other: Dossier.objects.visible_to(viewer)
        .filter(title__in=[one, other]).order_by("title").values("title"),
        arguments={"one": str, "other": str})

    assert titled.rows(viewer=p.delegate_a, one="to Russia", other="Tajik own") == [
        {"title": "to Russia"}]
    assert titled.rows(viewer=p.delegate_b, one="to Russia", other="Tajik own") == [
        {"title": "Tajik own"}]
    assert titled.rows(viewer=p.delegate_b, one="press release", other="secretariat only") == [
        {"title": "press release"}]
    with pytest.raises(TypeError, match="str"):
        titled.rows(viewer=p.delegate_b, one=1, other="Tajik own")


def _label_change(personas: Any) -> LabelChange:
    return LabelChange.objects.create(
        target_model="labelprobe.dossier", target_pk=1, originator=personas.secretariat,
        classification_before=Classification.SECRET, classification=Classification.CONFIDENTIAL,
        release_to_all_before=False, release_to_all_members=False,
        requested_by=personas.officer)


def _label_change_values(viewer: Viewer, *, pk: int) -> QuerySet[Any]:
    return LabelChange.objects.filter(pk=pk).values(
        "public_id", "release_to_all_members", "requested_at", day=TruncDate("requested_at"),
        party=F("originator__code"))


def test_it_converts_values_as_the_orm_does(personas):
    change = _label_change(personas)
    values = PreparedQuery(_label_change_values, arguments={"pk": int})

    row = values.first(viewer=personas.officer, pk=change.pk)

    assert row == _label_change_values(Viewer.of(personas.officer), pk=change.pk).get()
    assert row is not None
    assert list(row) == ["public_id", "release_to_all_members", "requested_at", "day", "party"]
    assert type(row["public_id"]) is uuid.UUID and row["public_id"] == change.public_id
    assert row["release_to_all_members"] is False
    assert type(row["day"]) is date
    assert row["requested_at"] == change.requested_at and row["requested_at"].tzinfo is not None


class TitleRow(NamedTuple):
    title: str
    classification: int


def test_it_gives_rows_as_named_tuples_of_the_selected_names(personas):
    _labels(personas)
    dossiers = PreparedQuery(_by_originator, arguments={"originator": int})

    rows = dossiers.rows_as(TitleRow, viewer=personas.delegate_b, originator=personas.state_b.pk)

    assert rows == [TitleRow("Tajik own", Classification.OFFICIAL_USE)]
    with pytest.raises(ImproperlyConfigured, match="not the fields of"):
        dossiers.rows_as(DossierTitle, viewer=personas.officer, originator=personas.state_b.pk)


class DossierTitle(NamedTuple):
    title: str


def test_it_refuses_an_argument_it_cannot_find_among_the_parameters(personas):
    # The parameter the query declares but never reads is the point of this test.
    ignored = PreparedQuery(lambda viewer, *, originator: _all_titles(viewer),  # noqa: PLW0108
                            arguments={"originator": int})
    transformed = PreparedQuery(
        lambda viewer, *, originator: _by_originator(viewer, originator=originator + 1),
        arguments={"originator": int})
    sliced = PreparedQuery(lambda viewer, *, count: _all_titles(viewer)[:count],
                           arguments={"count": int})

    for query in (ignored, transformed, sliced):
        arguments: dict[str, Any] = dict.fromkeys(query.arguments, 1)
        with pytest.raises(ImproperlyConfigured, match="not among the compiled"):
            query.rows(viewer=personas.officer, **arguments)


def test_it_refuses_an_argument_used_twice(personas):
    twice = PreparedQuery(
        lambda viewer, *, originator: _by_originator(viewer, originator=originator)
        .exclude(pk=originator), arguments={"originator": int})

    with pytest.raises(ImproperlyConfigured, match="2 times"):
        twice.rows(viewer=personas.officer, originator=personas.state_a.pk)


def test_it_refuses_what_is_not_a_values_read(personas):
    # Written as a query is, taking the viewer by name.
    models = PreparedQuery(lambda viewer: Dossier.objects.visible_to(viewer))  # noqa: PLW0108
    nothing = PreparedQuery(lambda viewer: _all_titles(viewer).none())

    with pytest.raises(ImproperlyConfigured, match="values"):
        models.rows(viewer=personas.officer)
    with pytest.raises(ImproperlyConfigured, match="no query"):
        nothing.rows(viewer=personas.officer)
    with pytest.raises(ImproperlyConfigured, match=r"only int, uuid\.UUID, date and str"):
        PreparedQuery(_by_originator, arguments={"originator": float})


def test_it_refuses_a_labelled_read_without_a_viewer(personas):
    unscoped = PreparedQuery(lambda viewer: Dossier.objects.values("title"))

    with pytest.raises(UnscopedQuery):
        unscoped.rows(viewer=personas.officer)


def test_it_asks_for_exactly_its_arguments(personas):
    dossiers = PreparedQuery(_by_originator, arguments={"originator": int})

    with pytest.raises(TypeError, match="originator"):
        dossiers.rows(viewer=personas.officer)


def test_it_keeps_a_bounded_number_of_compiled_reads(personas, monkeypatch):
    monkeypatch.setattr(prepared, "CACHE_SIZE", 2)
    titles = PreparedQuery(_all_titles)

    for user in personas.all().values():
        titles.rows(viewer=user)

    assert len(getattr(connection, "concord_prepared_queries")) == 2  # noqa: B009


def test_it_keeps_compiled_reads_per_thread(personas):
    titles = PreparedQuery(Counted(_all_titles))
    titles.rows(viewer=personas.officer)
    here = connections["default"]
    mine = dict(getattr(here, "concord_prepared_queries"))  # noqa: B009
    theirs: dict[Any, Any] = {}

    def elsewhere() -> None:
        # Only compiled there, never run: the test's data is in this thread's transaction.
        other = connections["default"]
        titles._compiled(other, Viewer.of(personas.officer))
        theirs.update(getattr(other, "concord_prepared_queries"))  # noqa: B009
        other.close()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()

    key = (titles, Viewer.of(personas.officer))
    assert theirs[key] is not mine[key]
    assert theirs[key].connection is not here
    assert getattr(here, "concord_prepared_queries")[key] is mine[key]  # noqa: B009


def _groups(viewer: Viewer) -> QuerySet[Any]:
    groups: QuerySet[Any] = (
        Dossier.objects.visible_to(viewer).order_by("classification")
        .values("classification").annotate(n=Count("*"), last=Max(TruncDate(Now())))
        .values_list("classification", "n", "last"))
    return groups


def test_it_gives_plain_rows_of_only_what_the_label_rule_shows(personas):
    _labels(personas)

    for name, user in personas.all().items():
        viewer = Viewer.of(user)
        assert prepared.plain_rows(_groups(viewer), converted=("last",)) == list(
            _groups(viewer)), name
    delegate = Viewer.of(personas.delegate_b)
    assert sum(n for _, n, _ in prepared.plain_rows(_groups(delegate))) == _groups(
        delegate).aggregate(total=Sum("n"))["total"] == Dossier.objects.visible_to(
        delegate).count()


def test_it_converts_in_plain_rows_only_the_columns_it_is_asked_to(personas):
    _labels(personas)
    viewer = Viewer.of(personas.officer)
    today = timezone.localdate()

    converted = prepared.plain_rows(_groups(viewer), converted=("last",))
    assert converted and all(type(last) is date and last == today for *_, last in converted)
    as_given = prepared.plain_rows(_groups(viewer))
    assert [row[:2] for row in as_given] == [row[:2] for row in converted]
    assert all(last in (today, today.isoformat()) for *_, last in as_given)
    with pytest.raises(ImproperlyConfigured, match="lately"):
        prepared.plain_rows(_groups(viewer), converted=("lately",))


def test_a_prepared_read_converts_only_the_columns_it_names_when_it_names_them(personas):
    _labels(personas)
    today = timezone.localdate()

    def groups(viewer: Viewer) -> QuerySet[Any]:
        read: QuerySet[Any] = (Dossier.objects.visible_to(viewer).order_by("classification")
                               .values("classification")
                               .annotate(n=Count("*"), last=Max(TruncDate(Now()))))
        return read

    named = prepared.PreparedQuery(groups, converted=("last",), name="named")
    none = prepared.PreparedQuery(groups, converted=(), name="none")
    for name, user in personas.all().items():
        viewer = Viewer.of(user)
        assert named.rows(viewer=viewer) == list(groups(viewer)), name
        assert [(row["classification"], row["n"]) for row in none.rows(viewer=viewer)] == [
            (row["classification"], row["n"]) for row in groups(viewer)], name
    officer = Viewer.of(personas.officer)
    assert all(type(row["last"]) is date for row in named.rows(viewer=officer))
    assert all(row["last"] in (today, today.isoformat()) for row in none.rows(viewer=officer))
    with pytest.raises(ImproperlyConfigured, match="lately"):
        prepared.PreparedQuery(groups, converted=("lately",)).rows(viewer=officer)


def test_it_refuses_plain_rows_of_a_labelled_read_without_a_viewer(personas):
    with pytest.raises(UnscopedQuery):
        prepared.plain_rows(Dossier.objects.values_list("title"))
    with pytest.raises(ImproperlyConfigured):
        prepared.plain_rows(Dossier.objects.visible_to(personas.officer).values("title"))
