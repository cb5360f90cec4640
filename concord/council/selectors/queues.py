"""The council's work waiting for someone, for the dashboards: drafts whose positions are not all
in, adopted documents nobody has signed, instructions falling due or overdue, the next sessions;
for a delegation, the drafts awaiting its own state's position. Each read is scoped to the
viewer like the lists it leads to."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from concord.core import clock
from concord.core.actors import Viewer
from concord.core.filters import Sort
from concord.core.models import Party
from concord.council.filters import InstructionFilters
from concord.council.models import Document, Instruction, Session, Signature, StatePosition
from concord.council.selectors.documents import visible_documents
from concord.council.selectors.instructions import instruction_list
from concord.registry.models import MemberState, MemberStatus

# A document takes positions while it is a draft and while its silence procedure runs.
OPEN_FOR_POSITIONS = (Document.Status.DRAFT, Document.Status.CIRCULATING)


def states_taking_part() -> int:
    # Only an active member state states a position (a suspended one does not take part).
    return MemberState.objects.filter(status=MemberStatus.ACTIVE).count()


def drafts_missing_positions(*, viewer: Viewer) -> QuerySet[Document]:
    """Drafts (also under silence procedure) on which not every state taking part
    (`states_taking_part`) has a position before the body yet, each with `answered`, the
    positions in."""
    answered = Count("positions", filter=Q(positions__body=F("body"),
                                           positions__state__status=MemberStatus.ACTIVE))
    return (visible_documents(viewer).filter(status__in=OPEN_FOR_POSITIONS)
            .annotate(answered=answered).filter(answered__lt=states_taking_part())
            .order_by("created_at", "pk"))


def drafts_awaiting_state(*, viewer: Viewer, party: Party | None) -> QuerySet[Document]:
    """Drafts on which the viewer's own state has stated no position before the body deciding."""
    state = (MemberState.objects.filter(party=party, status=MemberStatus.ACTIVE).first()
             if party is not None else None)
    if state is None:
        return visible_documents(viewer).none()
    stated = StatePosition.objects.filter(document=OuterRef("pk"), body=OuterRef("body"),
                                          state=state)
    return (visible_documents(viewer).filter(status__in=OPEN_FOR_POSITIONS)
            .exclude(Exists(stated)).order_by("created_at", "pk"))


def adopted_unsigned(*, viewer: Viewer) -> QuerySet[Document]:
    signed = Signature.objects.filter(document=OuterRef("pk"))
    return (visible_documents(viewer).filter(status=Document.Status.ADOPTED)
            .exclude(Exists(signed)).order_by("-adopted_on", "pk"))


def instructions_due(*, viewer: Viewer, mine: bool = False) -> QuerySet[Instruction]:
    """Open instructions overdue or due within the coming days, the earliest first; with `mine`,
    only those addressed to the viewer's own party."""
    return instruction_list(viewer=viewer, filters=InstructionFilters(
        due=("overdue", "soon"), mine=mine, sort=Sort("due")))


def sessions_ahead(*, viewer: Viewer) -> QuerySet[Session]:
    """Sessions not yet over, the nearest first."""
    return (Session.objects.visible_to(viewer).select_related("body")
            .filter(ends_on__gte=clock.today(),
                    status__in=(Session.Status.PLANNED, Session.Status.CONVENED))
            .order_by("starts_on", "pk"))
