"""The parts of the demo organization, loaded in this order. Each step creates only what is
missing and returns what it created, so that loading twice changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from concord.demo.assistance import load_assistance
from concord.demo.assistance_allocation import load_assistance_allocation
from concord.demo.council import load_council
from concord.demo.crisis import load_crisis
from concord.demo.exercises import load_exercises
from concord.demo.federation import load_federation
from concord.demo.forces import load_forces
from concord.demo.forces_operations import load_operations
from concord.demo.monitoring import load_monitoring
from concord.demo.organization import LoadReport, load
from concord.demo.press import load_press
from concord.demo.press_forces import load_press_forces

# Each step takes no argument and returns {what: how many were created}. The organization
# itself (states, bodies, officials, users) comes first, from `organization.load`.
STEPS: list[Callable[[], dict[str, int]]] = [
    load_monitoring, load_council, load_press, load_forces, load_exercises, load_operations,
    load_assistance, load_assistance_allocation, load_crisis,
    load_press_forces]
STEPS.append(load_federation)


@transaction.atomic
def load_all(*, password: str) -> LoadReport:
    report = load(password=password)
    for step in STEPS:
        for what, count in step().items():
            if count:
                report.created[what] = report.created.get(what, 0) + count
    return report
