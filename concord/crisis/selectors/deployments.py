"""The case's deployments as a viewer may read them: the contributions linked to the case, the
instructions of the case's decisions they may go under, and the contributions that may still
be sent."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet

from concord.core.actors import Viewer
from concord.core.errors import NotFound
from concord.core.labels import PartyKind
from concord.core.models import Party
from concord.council.models import Instruction
from concord.crisis.models import Case, CaseLink
from concord.forces.models import Contribution, ContributionStatus

_CONTRIBUTION = "forces.contribution"
_DOCUMENT = "council.document"


def _linked(case: Case, target_type: str) -> list[str]:
    return list(CaseLink.objects.filter(case=case, target_type=target_type)
                .values_list("target_id", flat=True))


def case_deployments(*, viewer: Viewer, case: Case) -> QuerySet[Contribution]:
    """The contributions that belong to the case, those the viewer may read, by state."""
    return (Contribution.objects.visible_to(viewer)
            .filter(public_id__in=_linked(case, _CONTRIBUTION))
            .select_related("unit", "formation", "state")
            .order_by("state__party__code", "unit__name_ru", "pk"))


def case_deployment_get(*, viewer: Viewer, case: Case, public_id: uuid.UUID) -> Contribution:
    found = case_deployments(viewer=viewer, case=case).filter(public_id=public_id).first()
    if found is None:
        raise NotFound()
    return found


def case_instructions(*, viewer: Viewer, case: Case) -> QuerySet[Instruction]:
    """The readable instructions of the case's decisions."""
    return (Instruction.objects.visible_to(viewer)
            .filter(document__public_id__in=_linked(case, _DOCUMENT))
            .select_related("document").order_by("document__symbol", "number"))


def case_instruction_get(*, viewer: Viewer, case: Case, public_id: uuid.UUID | str) -> Instruction:
    """An instruction of the case's decisions, or none at all to whoever may not read it."""
    try:
        wanted = uuid.UUID(str(public_id))
    except ValueError:
        raise NotFound() from None
    found = case_instructions(viewer=viewer, case=case).filter(public_id=wanted).first()
    if found is None:
        raise NotFound()
    return found


def deployable_contributions(*, viewer: Viewer, case: Case) -> QuerySet[Contribution]:
    """The contributions the viewer may read that are not yet released nor the case's; a
    delegation sends its own state's only, as it moves them in the forces."""
    found = (Contribution.objects.visible_to(viewer)
             .exclude(status=ContributionStatus.RELEASED)
             .exclude(public_id__in=_linked(case, _CONTRIBUTION)))
    party = getattr(viewer, "party", None) if getattr(viewer, "is_authenticated", False) \
        else None
    if isinstance(party, Party) and party.kind == PartyKind.STATE:
        found = found.filter(state__party=party)
    return found.select_related("unit", "formation").order_by("unit__name_ru", "pk")


def deployable_get(*, viewer: Viewer, case: Case, public_id: uuid.UUID | str) -> Contribution:
    try:
        wanted = uuid.UUID(str(public_id))
    except ValueError:
        raise NotFound() from None
    found = deployable_contributions(viewer=viewer, case=case).filter(public_id=wanted).first()
    if found is None:
        raise NotFound()
    return found

