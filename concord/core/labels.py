"""The read rule of Concord's security model, written once as a predicate and once as a filter.

A viewer may read a record when the record is PUBLIC, or when the viewer is an active, signed-in
user whose clearance is at least the record's classification and whose party originated the
record, is among the parties it is released to, or is a member state's delegation while the
record is released to all member states. Anything else reads as missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from django.db import models
from django.db.models import Expression, F, Q
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler

    from concord.core.models import LabelledModel


class Classification(models.IntegerChoices):
    PUBLIC = 0, _("Public")
    OFFICIAL_USE = 1, _("Official use")
    CONFIDENTIAL = 2, _("Confidential")
    SECRET = 3, _("Secret")


class PartyKind(models.TextChoices):
    STATE = "state", _("Member state delegation")
    SECRETARIAT = "secretariat", _("Secretariat")


class _UserLike(Protocol):
    is_authenticated: bool
    is_active: bool


@dataclass(frozen=True)
class Viewer:
    """What the rule needs to know of a user; anonymous and inactive users are `Viewer.nobody`."""

    party_id: int | None
    party_kind: str | None
    clearance: int | None

    @classmethod
    def nobody(cls) -> Viewer:
        return cls(party_id=None, party_kind=None, clearance=None)

    @classmethod
    def of(cls, user: Any) -> Viewer:
        if isinstance(user, Viewer):
            return user
        if user is None or not getattr(user, "is_authenticated", False):
            return cls.nobody()
        if not getattr(user, "is_active", False):
            return cls.nobody()
        party_id = getattr(user, "party_id", None)
        clearance = getattr(user, "clearance", None)
        if party_id is None or clearance is None:
            return cls.nobody()
        return cls(party_id=party_id, party_kind=user.party_kind, clearance=int(clearance))

    @property
    def is_cleared(self) -> bool:
        return self.party_id is not None and self.clearance is not None


def can_read(user: Any, record: LabelledModel) -> bool:
    """The predicate form of the rule, for one record already in memory."""
    if record.classification == Classification.PUBLIC:
        return True
    viewer = Viewer.of(user)
    if viewer.party_id is None or viewer.clearance is None:
        return False
    if viewer.clearance < record.classification:
        return False
    if record.originator_id == viewer.party_id:
        return True
    if record.release_to_all_members and viewer.party_kind == PartyKind.STATE:
        return True
    return bool(record.releasable_to.filter(pk=viewer.party_id).exists())


class VisibleTo(Expression):
    """The rule as one boolean SQL expression over the record's row and its release list.

    Written out as SQL rather than composed from lookups and `Exists()`: a list page compiles
    it on every request, and the composed form costs more to compile than a page of fifty
    rows costs to fetch. Django still resolves and compiles the row's columns, so the rule
    stays correct wherever the table is joined, aliased or nested; the release list gets an
    alias of its own. The tests on the row's own columns come first, so the release list is
    looked up only for the rows they leave undecided.

    A query that reads everything leaves PostgreSQL free to hash the party's release list
    once. A page (any sliced query) adds OFFSET 0, which PostgreSQL cannot flatten, so it
    probes the unique (record, party) index for the few rows it returns instead of hashing
    every record ever released to the party first. SQLite probes row by row either way.
    """

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, model: type[LabelledModel], viewer: Viewer) -> None:
        super().__init__(output_field=models.BooleanField())
        if viewer.party_id is None or viewer.clearance is None:
            raise ValueError("Only a cleared viewer has a rule beyond PUBLIC.")
        relation: Any = model._meta.get_field("releasable_to")
        self.release_table: str = relation.remote_field.through._meta.db_table
        self.release_record: str = relation.m2m_column_name()
        self.release_party: str = relation.m2m_reverse_name()
        self.viewer = viewer
        self.row: list[Any] = [F("classification"), F("originator"), F("release_to_all_members"),
                               F("pk")]

    def get_source_expressions(self) -> list[Any]:
        return self.row

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        self.row = list(exprs)

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, tuple[Any, ...]]:
        # The row's columns are compiled by Django, so joins, aliases and nesting stay its
        # business. Plain columns take no parameters; anything else would misplace ours.
        compiled = [compiler.compile(column) for column in self.row]
        if any(params for _, params in compiled):
            raise ValueError("The label columns must compile to plain column references.")
        classification, originator, to_all, record = (sql for sql, _ in compiled)
        name = connection.ops.quote_name
        release = name("concord_release")
        members = f" OR {to_all}" if self.viewer.party_kind == PartyKind.STATE else ""
        fence = " OFFSET 0" if compiler.query.is_sliced else ""
        # Only quoted names go into the text; the viewer's values are parameters.
        sql = (
            f"({classification} = %s OR ({classification} <= %s AND ({originator} = %s{members} "  # noqa: S608
            f"OR EXISTS(SELECT 1 FROM {name(self.release_table)} {release} "
            f"WHERE {release}.{name(self.release_record)} = {record} "
            f"AND {release}.{name(self.release_party)} = %s LIMIT 1{fence}))))"
        )
        party = self.viewer.party_id
        return sql, (int(Classification.PUBLIC), self.viewer.clearance, party, party)


def visible_q(user: Any, model: type[LabelledModel]) -> Q:
    """The queryset form of the same rule, as one WHERE clause over the model's table."""
    viewer = Viewer.of(user)
    if not viewer.is_cleared:
        return Q(classification=Classification.PUBLIC)
    return Q(VisibleTo(model, viewer))
