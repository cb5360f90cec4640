"""Assistance records for the allocation, handover and export tests, written directly: the
requests' own services are tested elsewhere."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from concord.assistance.models import (
    AssistanceRequest,
    BurdenKey,
    BurdenShare,
    CapacityDeclaration,
    Pledge,
    PledgeLine,
    RequestLine,
)
from concord.core.labels import Classification
from concord.core.models import Party
from concord.registry.models import MemberState
from concord.registry.tests.factories import Organization

# The organization's budget shares as the demo uses them (illustrative).
BUDGET = {"RU": Decimal(50), "KZ": Decimal(15), "BY": Decimal(12), "AM": Decimal(8),
          "KG": Decimal(8), "TJ": Decimal(7)}


def border_request(org: Organization, *, status: str = "open",
                   lines: tuple[tuple[str, int], ...] = (("small_arms", 100), ("optics", 40),
                                                        ("radar", 4))) -> AssistanceRequest:
    tajikistan = org.states["TJ"]
    request = AssistanceRequest.objects.create(
        reference="TJ-2013-01", requesting_state=tajikistan,
        beneficiary_ru="Пограничные войска ГКНБ Таджикистана",
        beneficiary_en="Border Troops of the SCNS of Tajikistan",
        title_ru="Военно-техническая помощь Пограничным войскам ГКНБ Таджикистана",
        title_en="Military-technical assistance to the Border Troops of Tajikistan",
        kind="military_technical", status=status, opens_on=date(2013, 9, 23),
        closes_on=date(2013, 12, 23), originator=tajikistan.party,
        classification=Classification.OFFICIAL_USE, release_to_all_members=True)
    request.releasable_to.set([secretariat()])
    for number, (category, quantity) in enumerate(lines, start=1):
        RequestLine.objects.create(request=request, number=number, category=category,
                                   description_ru=f"Позиция {number}",
                                   description_en=f"Line {number}", quantity=quantity)
    return request


def secretariat() -> Party:
    return Party.objects.get(code="SEC")


def budget_key() -> BurdenKey:
    key = BurdenKey.objects.create(code="budget", name_ru="Доли в бюджете ОДКБ",
                                   name_en="Shares in the CSTO budget")
    for code, share in BUDGET.items():
        BurdenShare.objects.create(key=key, state=MemberState.objects.get(iso_alpha2=code),
                                   share=share)
    return key


def capacity(org: Organization, code: str, category: str, quantity: int | None, *,
             request: AssistanceRequest | None = None) -> CapacityDeclaration:
    state = org.states[code]
    declared = CapacityDeclaration.objects.create(
        state=state, request=request, category=category, quantity=quantity,
        no_capacity=quantity is None, declared_on=date(2013, 10, 1),
        originator=state.party, classification=Classification.OFFICIAL_USE,
        release_to_all_members=True)
    declared.releasable_to.set([secretariat()])
    return declared


def pledge(org: Organization, request: AssistanceRequest, code: str,
           quantities: dict[int, int], *, withheld: bool = False, through: str = "",
           **fields: Any) -> Pledge:
    """`code`'s pledge of `quantities` (line number -> quantity); a withheld one is released to
    the requesting state and the secretariat only, not to all members. `through` carries every
    line's whole quantity through the stages up to it ("committed", "shipped", "delivered")."""
    stages = ("committed", "shipped", "delivered", "accepted")
    reached = stages[:stages.index(through) + 1] if through else ()
    state = org.states[code]
    made = Pledge.objects.create(request=request, state=state, originator=state.party,
                                 pledged_on=date(2013, 11, 1),
                                 classification=Classification.OFFICIAL_USE,
                                 release_to_all_members=not withheld)
    made.releasable_to.set([secretariat(), *([request.requesting_state.party] if withheld
                                            else [])])
    for number, quantity in quantities.items():
        PledgeLine.objects.create(pledge=made, line=request.lines.get(number=number),
                                  quantity=quantity, stage=reached[-1] if reached else "pledged",
                                  **dict.fromkeys(reached, quantity), **fields)
    return made
