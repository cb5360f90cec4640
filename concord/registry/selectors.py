"""Every read of the registry. The registry is public: the viewer is taken for uniformity and
so that a future label on any of it changes no caller."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# Core's one clock, under the name the registry's readers (council's pages among them) have
# called it by.
from concord.core.actors import SystemActor, Viewer
from concord.core.errors import NotFound, ValidationError
from concord.registry import rotation
from concord.registry.models import (
    Body,
    Chairmanship,
    MemberState,
    MemberStatus,
    Official,
    Position,
    Term,
)

# The organization's first year, and the horizon of its rotation.
FIRST_CHAIR_YEAR, LAST_CHAIR_YEAR = 1992, 2200
LONGEST_SCHEDULE = 100

STATE_ORDERINGS = {
    "name": ("name_ru",), "-name": ("-name_ru",),
    "name_en": ("name_en",), "-name_en": ("-name_en",),
    "code": ("iso_alpha2",), "-code": ("-iso_alpha2",),
    "joined": ("joined_on", "name_ru"), "-joined": ("-joined_on", "name_ru"),
    "status": ("status", "name_ru"), "-status": ("-status", "name_ru"),
}


def _ordering(value: str, allowed: dict[str, tuple[str, ...]], default: str) -> tuple[str, ...]:
    if value and value not in allowed:
        raise ValidationError(_("Cannot sort by %(value)s.") % {"value": value},
                              errors={"sort": [_("Choose one of: %(options)s.")
                                               % {"options": ", ".join(allowed)}]})
    return allowed[value or default]


def member_state_list(*, viewer: Viewer, status: str = "", q: str = "",
                      sort: str = "") -> QuerySet[MemberState]:
    if status and status not in MemberStatus.values:
        raise ValidationError(_("Unknown status %(value)s.") % {"value": status},
                              errors={"status": [_("Unknown status.")]})
    states = MemberState.objects.select_related("party")
    if status:
        states = states.filter(status=status)
    if q:
        states = states.filter(
            Q(name_ru__icontains=q) | Q(name_en__icontains=q) | Q(name_native__icontains=q)
            | Q(iso_alpha2__iexact=q) | Q(iso_alpha3__iexact=q)
        )
    return states.order_by(*_ordering(sort, STATE_ORDERINGS, "name"))


def _names_none(code: str) -> bool:
    # No code holds a NUL character, and PostgreSQL cannot even compare a text holding one: such a
    # code, from a path, names no record, and is missing like any other.
    return "\x00" in code


def member_state_get(*, viewer: Viewer, code: str) -> MemberState:
    state = None if _names_none(code) else (
        MemberState.objects.select_related("party")
        .prefetch_related("status_history").filter(iso_alpha2=code.upper()).first())
    if state is None:
        raise NotFound(_("No member state %(code)s.") % {"code": code})
    return state


def body_list(*, viewer: Viewer) -> QuerySet[Body]:
    # Meta.ordering does not apply to a grouped query, so the order is spelled out.
    return (Body.objects.select_related("parent").annotate(position_count=Count("positions"))
            .order_by("order", "code"))


@dataclass(frozen=True)
class BodyNode:
    body: Body
    depth: int


def body_tree(*, viewer: Viewer) -> list[BodyNode]:
    """The hierarchy, depth-first, each body after the one it reports to."""
    bodies = list(body_list(viewer=viewer))
    children: dict[int | None, list[Body]] = {}
    for body in bodies:
        children.setdefault(body.parent_id, []).append(body)
    nodes: list[BodyNode] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for body in children.get(parent_id, []):
            nodes.append(BodyNode(body, depth))
            walk(body.pk, depth + 1)

    walk(None, 0)
    return nodes


def body_get(*, viewer: Viewer, code: str) -> Body:
    body = None if _names_none(code) else (
        Body.objects.select_related("parent")
        .prefetch_related("children",
                          Prefetch("positions", queryset=Position.objects.prefetch_related(
                              "contacts",
                              Prefetch("terms", queryset=Term.objects.select_related(
                                  "official").order_by("-started_on", "-attested_on")))))
        .filter(code=code).first())
    if body is None:
        raise NotFound(_("No body %(code)s.") % {"code": code})
    return body


# The officials list's columns, each with its fields in ascending order; `name` and `state`
# are read in the page's language. The public id last keeps the pages of a sorted list apart.
OFFICIAL_ORDERINGS = {"name": ("name", "public_id"), "state": ("state__name", "name", "public_id")}


def _official_order(sort: tuple[str, bool] | None) -> list[str]:
    key, descending = sort or ("name", False)
    language = "en" if (get_language() or "ru")[:2] == "en" else "ru"
    fields = [field.replace("name", f"name_{language}") if field.endswith("name") else field
              for field in OFFICIAL_ORDERINGS[key]]
    return [f"-{field}" if descending else field for field in fields]


def official_list(*, viewer: Viewer, q: str = "", positions: Iterable[str] = (),
                  states: Iterable[str] = (),
                  sort: tuple[str, bool] | None = None) -> QuerySet[Official]:
    officials = Official.objects.select_related("state").prefetch_related(
        Prefetch("terms", queryset=Term.objects.select_related("position", "position__body")))
    if q:
        officials = officials.filter(Q(name_ru__icontains=q) | Q(name_en__icontains=q))
    positions = list(positions)
    if positions:
        officials = officials.filter(
            Exists(Term.objects.filter(official=OuterRef("pk"), position__code__in=positions)))
    states = [code.upper() for code in states]
    if states:
        officials = officials.filter(state__iso_alpha2__in=states)
    return officials.order_by(*_official_order(sort))


def official_get(*, viewer: Viewer, public_id: uuid.UUID | str) -> Official:
    """The API passes the id as written, so a malformed one is answered like a missing one."""
    try:
        key = public_id if isinstance(public_id, uuid.UUID) else uuid.UUID(public_id)
    except ValueError:
        raise NotFound(_("No such official.")) from None
    official = official_list(viewer=viewer).filter(public_id=key).first()
    if official is None:
        raise NotFound(_("No such official."))
    return official


def position_get(*, viewer: Viewer, code: str) -> Position:
    position = None if _names_none(code) else (
        Position.objects.select_related("body").filter(code=code).first())
    if position is None:
        raise NotFound(_("No office %(code)s.") % {"code": code})
    return position


def position_list(*, viewer: Viewer) -> QuerySet[Position]:
    return Position.objects.select_related("body").prefetch_related("contacts")


def _states_with_history() -> list[MemberState]:
    return list(MemberState.objects.prefetch_related("status_history"))


def chairmanship_schedule(*, viewer: Viewer | SystemActor, first_year: int, last_year: int
                          ) -> list[rotation.ChairYear]:
    if last_year < first_year or last_year - first_year > LONGEST_SCHEDULE:
        raise ValidationError(_("Choose a range of at most 100 years."),
                              errors={"year": [_("Invalid range.")]})
    if first_year < FIRST_CHAIR_YEAR or last_year > LAST_CHAIR_YEAR:
        raise ValidationError(_("The year must be between 1992 and 2200."),
                              errors={"year": [_("Out of range.")]})
    states = _states_with_history()
    by_pk = {s.pk: s for s in states}
    chairmanships = list(Chairmanship.objects.all())
    recorded = {c.year: by_pk[c.state_id] for c in chairmanships}
    handovers = {c.year: c.handed_over_on for c in chairmanships if c.handed_over_on}
    return rotation.schedule(states, recorded, range(first_year, last_year + 1), handovers)


def earliest_recorded_chair_year(*, viewer: Viewer | SystemActor) -> int | None:
    """The first year with a recorded chairmanship, so that a schedule can reach back to it."""
    first = Chairmanship.objects.order_by("year").values_list("year", flat=True).first()
    return int(first) if first is not None else None


def chairmanship_for_year(*, viewer: Viewer | SystemActor, year: int) -> rotation.ChairYear:
    if not FIRST_CHAIR_YEAR <= year <= LAST_CHAIR_YEAR:
        raise ValidationError(_("The year must be between 1992 and 2200."),
                              errors={"year": [_("Out of range.")]})
    return chairmanship_schedule(viewer=viewer, first_year=year, last_year=year)[0]


def chair_on(*, viewer: Viewer | SystemActor, day: date,
             before_handover: bool = False) -> rotation.ChairYear:
    """The chairmanship in office on a day, from the handover days recorded (a term without one
    begins on 1 January of its year). With `before_handover`, the chair who opens a session held
    on that day: a chairmanship passed at the session begins after it."""
    if not FIRST_CHAIR_YEAR <= day.year <= LAST_CHAIR_YEAR:
        raise ValidationError(_("The year must be between 1992 and 2200."),
                              errors={"day": [_("Out of range.")]})
    # A handover is recorded at most a year ahead of its term, so the running term is one of
    # the year before, this one or the next.
    terms = chairmanship_schedule(viewer=viewer, first_year=max(day.year - 1, FIRST_CHAIR_YEAR),
                                  last_year=min(day.year + 1, LAST_CHAIR_YEAR))
    running = rotation.in_office(terms, day, before_handover=before_handover)
    return running or rotation.ChairYear(day.year, None, False)


def holders_on(*, position: Position, day: date) -> list[Term]:
    return [t for t in position.terms.all()
            if (t.started_on or t.attested_on or day) <= day
            and (t.ended_on is None or t.ended_on >= day)]
