"""The parts of the demo organization, loaded in this order. Each step creates only what is
missing and returns what it created, so that loading twice changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from concord.demo.assistance import load_assistance
from concord.demo.council import load_council
from concord.demo.crisis import load_crisis
from concord.demo.forces import load_forces
from concord.demo.monitoring import load_monitoring
from concord.demo.organization import LoadReport, load

# Each step takes no argument and returns {what: how many were created}. The organization
# itself (states, bodies, officials, users) comes first, from `organization.load`.
STEPS: list[Callable[[], dict[str, int]]] = [load_monitoring, load_council, load_assistance,
                                            load_crisis]
STEPS.append(load_forces)


@transaction.atomic
def load_all(*, password: str) -> LoadReport:
    report = load(password=password)
    for step in STEPS:
        for what, count in step().items():
            if count:
                report.created[what] = report.created.get(what, 0) + count
    return report
