"""Labelled records: the model a labelled table inherits, its scoped manager and queries, and the
foreign keys followed from a record read for a viewer."""

from __future__ import annotations

import sys
from typing import Any, ClassVar, Self, TypeVar

from django.db import models
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.sql import Query
from django.db.models.sql.where import AND
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from concord.core import actors
from concord.core.errors import UnscopedQuery
from concord.core.labels import Classification, Viewer, readable, visible_q
from concord.core.models.parties import Party

# Modules that may read labelled records without naming a viewer: the kernel itself (denial
# auditing, chain verification), the demo loader (idempotence), migrations, tests and benchmarks.
UNSCOPED_ALLOWED_PREFIXES = ("concord.core.", "concord.demo.", "tests.", "bench.")


_MANAGER_MODULE = models.Manager.__module__


def _unscoped_allowed(module: str) -> bool:
    return (
        module.startswith(UNSCOPED_ALLOWED_PREFIXES)
        or ".migrations." in module
        or ".tests." in module
    )


# What the records fetched by an unscoped (kernel, demo, test) query carry as their reader:
# relations followed from them are not filtered.
UNSCOPED_READER = Viewer(party_id=None, party_kind="unscoped", clearance=None)
VIEWER_ATTRIBUTE = "_concord_viewer"


def reader_of(instance: Any) -> Viewer | None:
    """The viewer a record was read for (None for one made in memory by a service)."""
    viewer = getattr(instance, VIEWER_ATTRIBUTE, None)
    return viewer if isinstance(viewer, Viewer) else None


def _read_for(instance: Any, viewer: Viewer | None) -> None:
    if viewer is not None and isinstance(instance, models.Model):
        setattr(instance, VIEWER_ATTRIBUTE, viewer)


class LabelledQuery(Query):
    """The scope travels with the SQL itself: `Subquery()` and `Exists()` take a queryset's
    query and compile it without asking the queryset, so the query refuses to compile too."""

    scoped = False
    # Whose eyes the rows are for; every record fetched remembers it, so that following a
    # relation from the record applies the same scope (see ScopedForwardDescriptor).
    viewer: Viewer | None = None

    def get_compiler(
        self, using: str | None = None, connection: Any | None = None, elide_empty: bool = True
    ) -> Any:
        if not self.scoped:
            raise UnscopedQuery(
                f"{self.model.__name__ if self.model else 'A labelled model'} queried without a "
                "viewer: call .visible_to(user) first."
            )
        return super().get_compiler(using, connection, elide_empty)


class LabelledQuerySet(models.QuerySet[Any]):
    """Refuses to run until it is scoped to a viewer with `visible_to()`."""

    def __init__(
        self, model: Any = None, query: Query | None = None, using: str | None = None,
        hints: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(model, query if query is not None else LabelledQuery(model), using, hints)

    @property
    def _scoped(self) -> bool:
        return bool(getattr(self.query, "scoped", False))

    def _mark_scoped(self, viewer: Viewer) -> Self:
        self.query.scoped = True  # type: ignore[attr-defined]
        self.query.viewer = viewer  # type: ignore[attr-defined]
        return self

    @property
    def viewer(self) -> Viewer | None:
        return getattr(self.query, "viewer", None)

    def visible_to(self, user: actors.Viewer) -> Self:
        viewer = Viewer.of(user)
        rule = visible_q(viewer, self.model)
        condition: Any = rule.children[0]
        if isinstance(condition, tuple):
            return self.filter(rule)._mark_scoped(viewer)
        # The rule goes into the WHERE clause as itself, resolved once. Through filter() it
        # would be wrapped in an `= true` lookup that resolves it again at every compile.
        clone = self.all()
        clone.query.where.add(condition.resolve_expression(clone.query), AND)
        return clone._mark_scoped(viewer)

    def unscoped(self, *, reason: str) -> Self:
        frame = sys._getframe(1)
        # Through `Model.objects`, the nearest frame is Django's generated manager method; the
        # module that asked is the one that called it.
        while frame.f_back is not None and frame.f_globals.get("__name__") == _MANAGER_MODULE:
            frame = frame.f_back
        caller = frame.f_globals.get("__name__", "")
        if not _unscoped_allowed(caller):
            raise UnscopedQuery(f"{caller} may not read {self.model.__name__} unscoped ({reason}).")
        return self.all()._mark_scoped(UNSCOPED_READER)

    def _require_scope(self) -> None:
        if not self._scoped:
            raise UnscopedQuery(
                f"{self.model.__name__} queried without a viewer: call .visible_to(user) first."
            )

    def _fetch_all(self) -> None:
        if self._result_cache is not None:
            return
        self._require_scope()
        # Django's own two steps, with the records marked between them: the related managers
        # that prefetching asks are scoped by the viewer their instances carry.
        cached: list[Any] = list(self._iterable_class(self))  # type: ignore[call-overload]
        viewer = self.viewer
        for instance in cached:
            _read_for(instance, viewer)
        self._result_cache = cached
        if getattr(self, "_prefetch_related_lookups", ()) and not getattr(self, "_prefetch_done",
                                                                        False):
            self._prefetch_related_objects()  # type: ignore[attr-defined]

    def count(self) -> int:
        self._require_scope()
        return super().count()

    def exists(self) -> bool:
        self._require_scope()
        return super().exists()

    def aggregate(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        self._require_scope()
        return super().aggregate(*args, **kwargs)

    def iterator(self, chunk_size: int | None = None) -> Any:
        self._require_scope()
        viewer = self.viewer
        for instance in super().iterator(chunk_size=chunk_size):
            _read_for(instance, viewer)
            yield instance

    def update(self, **kwargs: Any) -> int:
        self._require_scope()
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        # Nothing that was ever shared is hard-deleted: records are withdrawn or superseded.
        raise UnscopedQuery(f"{self.model.__name__} records are withdrawn, never deleted.")

    def resolve_expression(self, *args: Any, **kwargs: Any) -> Any:
        self._require_scope()
        return super().resolve_expression(*args, **kwargs)


_LabelledManagerBase = models.Manager.from_queryset(LabelledQuerySet)
_M = TypeVar("_M", bound=models.Model)


class LabelledManager(_LabelledManagerBase[_M]):
    """The default manager of labelled models. As the base of Django's related managers it also
    scopes a reverse relation (`session.documents.all()`) to the viewer its instance was read
    for: what a scoped record leads to is what that viewer may read, never more."""

    def get_queryset(self) -> LabelledQuerySet:
        queryset = super().get_queryset()
        assert isinstance(queryset, LabelledQuerySet)  # noqa: S101  (the class is ours)
        viewer = reader_of(getattr(self, "instance", None))
        if viewer is UNSCOPED_READER:
            return queryset._mark_scoped(UNSCOPED_READER)
        if viewer is not None:
            return queryset.visible_to(viewer)
        return queryset


class LabelledModel(models.Model):
    """Inherit this to give a model a security label and the scoped default manager."""

    classification = models.PositiveSmallIntegerField(
        _("classification"), choices=Classification.choices, default=Classification.OFFICIAL_USE
    )
    originator = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="+", verbose_name=_("originator")
    )
    releasable_to = models.ManyToManyField(
        Party, blank=True, related_name="+", verbose_name=_("releasable to")
    )
    release_to_all_members = models.BooleanField(_("released to all member states"), default=False)
    # `releasable_to` folded into one integer, a bit per party (Party.release_bit), so that the
    # read rule tests a column of the row instead of probing the release table for every row.
    # Kept equal to `releasable_to` by the m2m_changed handler in concord.core.release; the
    # property test in concord/core/tests/test_labels.py holds the two forms of the rule equal.
    release_mask = models.BigIntegerField(_("release mask"), default=0, editable=False)

    objects = LabelledManager()

    # The foreign keys to the labelled records this one is derived from (a document from its
    # session, an instruction from its decision): its label may be no wider than theirs, which
    # concord.core.policy checks wherever a label is set or changed (no write-down).
    label_source_fields: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True

    def floor_audience(self) -> Any:
        """For an aggregate that keeps the audience of what it was made of (a situation report):
        that audience, as a concord.core.policy.Audience. None for other records."""
        return None

    @property
    def classification_label(self) -> str:
        return str(Classification(self.classification).label)

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:
        # Django's own builds a dict of every choice on each call, hashing each lazily translated
        # label, which translates it: a list of fifty incidents spent a quarter of its time
        # there. The labels stay lazy here, translated once, in the language of the request.
        labels = _CHOICE_LABELS.get(field)
        if labels is None:
            labels = _CHOICE_LABELS[field] = {make_hashable(value): label
                                              for value, label in field.flatchoices}
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


# Each labelled model field's choices by value, filled on first display; choices are fixed when
# the models load.
_CHOICE_LABELS: dict[models.Field[Any, Any], dict[Any, Any]] = {}


class ScopedForwardDescriptor(ForwardManyToOneDescriptor[Any]):
    """A foreign key to a labelled record, followed from a record read for a viewer: the related
    record is there when that viewer may read it, and None when not, exactly as if it were
    missing. Installed on every such foreign key of every model by `scope_relations()`, so that
    no template, schema or serializer reaches a hidden related record by accident."""

    def __get__(self, instance: Any, cls: Any = None) -> Any:
        if instance is None:
            return self
        related = super().__get__(instance, cls)
        viewer = reader_of(instance)
        if related is None or viewer is None:
            return related
        if viewer is not UNSCOPED_READER and isinstance(related, LabelledModel) and \
                not readable(viewer, related):
            return None
        _read_for(related, viewer)
        return related


def scope_relations(all_models: list[type[models.Model]]) -> None:
    for model in all_models:
        for field in model._meta.get_fields():
            if not field.many_to_one or field.auto_created:
                continue
            target = field.related_model
            if isinstance(target, type) and issubclass(target, LabelledModel) and \
                    not isinstance(model.__dict__.get(field.name), ScopedForwardDescriptor):
                setattr(model, field.name, ScopedForwardDescriptor(field))
