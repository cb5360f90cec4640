"""The demo's fair-share proposal for Tajikistan's 2013 request: a burden-sharing key, the
capacities the member states declared for what was still lacking, and the proposal made from
them. The key's shares and every capacity are illustrative: the public record gives neither.
Loading twice changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from concord.assistance.models import AssistanceRequest, BurdenKey, Category
from concord.assistance.services import allocation
from concord.core.actors import SYSTEM
from concord.demo.council_sessions import _Count, _id, _unscoped
from concord.registry.models import MemberState

KEY = "csto-budget"
SHARES = {"RU": Decimal(50), "KZ": Decimal(15), "BY": Decimal(12), "AM": Decimal(8),
          "KG": Decimal(8), "TJ": Decimal(7)}
DECLARED_ON = date(2014, 6, 2)
# Per state and category: what it says it can still give; None declares no capacity.
CAPACITIES: dict[str, dict[str, int | None]] = {
    "RU": {Category.SMALL_ARMS: 300, Category.VEHICLES: 12, Category.ENGINEERING: 2},
    "KZ": {Category.SMALL_ARMS: 150, Category.VEHICLES: 10, Category.OPTICS: 40},
    "BY": {Category.OPTICS: 80, Category.ENGINEERING: 12},
    "KG": {Category.ENGINEERING: 1},
    "AM": {Category.SMALL_ARMS: None, Category.OPTICS: None, Category.VEHICLES: None,
           Category.ENGINEERING: None},
}


def load_assistance_allocation() -> dict[str, int]:
    count = _Count()
    if BurdenKey.objects.filter(code=KEY).exists():
        return dict(count)
    request = _unscoped(AssistanceRequest).filter(
        public_id=_id("assistance-request", "sochi-2013-border-troops")).first()
    if request is None:
        return dict(count)
    states = {state.iso_alpha2: state for state in MemberState.objects.all()}
    key = allocation.burden_key_create(
        actor=SYSTEM, code=KEY, name_ru="Доли в бюджете ОДКБ (условные)",
        name_en="Shares in the CSTO budget (illustrative)",
        basis_ru="Условные доли: в открытых источниках они не приводятся.",
        basis_en="Illustrative shares: the public record does not give them.",
        shares={states[code]: share for code, share in SHARES.items()})
    count.add("burden-sharing keys")
    for code, row in CAPACITIES.items():
        for category, quantity in row.items():
            allocation.capacity_declare(actor=SYSTEM, state=states[code], category=category,
                                        quantity=quantity, declared_on=DECLARED_ON,
                                        request=request, note="Условное значение.")
            count.add("capacity declarations")
    allocation.allocation_propose(actor=SYSTEM, request=request, key=key)
    count.add("allocation proposals")
    return dict(count)
