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
from django.db.models.expressions import Col
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler

    from concord.core import actors
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
    # The party's bit in release masks (Party.release_bit).
    party_bit: int | None = None

    @classmethod
    def nobody(cls) -> Viewer:
        return cls(party_id=None, party_kind=None, clearance=None)

    @classmethod
    def for_party(cls, party: Any, clearance: int) -> Viewer:
        """A party acting as itself (services that work on a party's behalf)."""
        return cls(party_id=party.pk, party_kind=party.kind, clearance=int(clearance),
                   party_bit=party.release_bit)

    @classmethod
    def of(cls, user: actors.Viewer | actors.SystemActor) -> Viewer:
        if isinstance(user, Viewer):
            return user
        if user is None or not getattr(user, "is_authenticated", False):
            return cls.nobody()
        if not getattr(user, "is_active", False):
            return cls.nobody()
        party = getattr(user, "party", None)
        clearance = getattr(user, "clearance", None)
        if getattr(user, "party_id", None) is None or party is None or clearance is None:
            return cls.nobody()
        return cls.for_party(party, clearance)

    @property
    def is_cleared(self) -> bool:
        return (self.party_id is not None and self.clearance is not None
                and self.party_bit is not None)


def can_read(user: actors.Viewer, record: LabelledModel) -> bool:
    """The predicate form of the rule, for one record already in memory."""
    if record.classification == Classification.PUBLIC:
        return True
    viewer = Viewer.of(user)
    if not viewer.is_cleared or viewer.party_id is None or viewer.clearance is None:
        return False
    if viewer.clearance < record.classification:
        return False
    if record.originator_id == viewer.party_id:
        return True
    if record.release_to_all_members and viewer.party_kind == PartyKind.STATE:
        return True
    return bool(record.releasable_to.filter(pk=viewer.party_id).exists())


def readable(viewer: Viewer, record: LabelledModel) -> bool:
    """The rule for a record already in memory, read from its row alone (the release mask, as the
    SQL form reads it): what following a relation from a scoped record checks, without a query."""
    if record.classification == Classification.PUBLIC:
        return True
    if not viewer.is_cleared or viewer.clearance is None or viewer.party_bit is None:
        return False
    if viewer.clearance < record.classification:
        return False
    if record.originator_id == viewer.party_id:
        return True
    if record.release_to_all_members and viewer.party_kind == PartyKind.STATE:
        return True
    return bool(int(record.release_mask) >> viewer.party_bit & 1)


class VisibleTo(Expression):
    """The rule as one boolean SQL expression over the record's row.

    Written out as SQL rather than composed from lookups: a list page compiles it on every
    request, and the composed form costs more to compile than a page of fifty rows costs to
    fetch. Django still resolves and compiles the row's columns, so the rule stays correct
    wherever the table is joined, aliased or nested. The release list is read from the row's
    release mask, one bit per party, so the rule never leaves the row: a scoped list costs the
    same scan as an unscoped one plus a few comparisons per row.
    """

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, model: type[LabelledModel], viewer: Viewer) -> None:
        super().__init__(output_field=models.BooleanField())
        if not viewer.is_cleared:
            raise ValueError("Only a cleared viewer has a rule beyond PUBLIC.")
        self.viewer = viewer
        self.row: list[Any] = [F("classification"), F("originator"), F("release_to_all_members"),
                               F("release_mask")]

    def get_source_expressions(self) -> list[Any]:
        return self.row

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        self.row = list(exprs)

    def _columns(self, compiler: SQLCompiler) -> list[str]:
        # The columns are resolved by Django, so joins, aliases and nesting stay its business.
        # Plain columns of one table are named here as Col.as_sql would name them, without a
        # compile() round trip each; anything else is compiled, and must take no parameters,
        # which would misplace ours.
        alias = getattr(self.row[0], "alias", None)
        if all(isinstance(column, Col) and column.alias == alias for column in self.row):
            quote = compiler.quote_name_unless_alias
            prefix = f"{quote(alias)}." if alias else ""
            return [prefix + quote(column.target.column) for column in self.row]
        compiled = [compiler.compile(column) for column in self.row]
        if any(params for _, params in compiled):
            raise ValueError("The label columns must compile to plain column references.")
        return [sql for sql, _ in compiled]

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, tuple[Any, ...]]:
        classification, originator, to_all, mask = self._columns(compiler)
        members = f" OR {to_all}" if self.viewer.party_kind == PartyKind.STATE else ""
        # Only compiled column references go into the text; the viewer's values are parameters.
        sql = (
            f"({classification} = %s OR ({classification} <= %s AND ({originator} = %s{members} "
            f"OR ({mask} & %s) <> 0)))"
        )
        flag = 1 << int(self.viewer.party_bit or 0)
        return sql, (int(Classification.PUBLIC), self.viewer.clearance, self.viewer.party_id, flag)


def visible_q(user: actors.Viewer, model: type[LabelledModel]) -> Q:
    """The queryset form of the same rule, as one WHERE clause over the model's table."""
    viewer = Viewer.of(user)
    if not viewer.is_cleared:
        return Q(classification=Classification.PUBLIC)
    return Q(VisibleTo(model, viewer))
