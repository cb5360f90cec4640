"""Every action a person can take reads as its own sentence on their dashboard: none falls back
on the general sentence, which tells its reader nothing of what they did."""

from __future__ import annotations

import re
from pathlib import Path

from django.apps import apps

from concord.core.models import LabelledModel
from concord.core.shell import registry

SOURCES = Path(__file__).resolve().parents[2]

# Actions only the system takes (from the command line or on a schedule): no one's dashboard
# lists them, as the dashboard lists its user's own actions.
BY_THE_SYSTEM = frozenset({
    "core.system.read", "core.guard.repair", "core.labels.repair", "backup.make",
    "backup.restore", "registry.organization.setup", "council.instruction.overdue",
})


def _recorded_actions() -> set[str]:
    found: set[str] = set()
    for path in SOURCES.rglob("*.py"):
        if "tests" in path.relative_to(SOURCES).parts:
            continue
        found.update(re.findall(r'\baction="([a-z_]+(?:\.[a-z_]+)+)"',
                                path.read_text(encoding="utf-8")))
    return found


def test_it_tells_every_action_a_person_takes_in_a_sentence_of_its_own():
    recorded = _recorded_actions()

    untold = sorted(action for action in recorded - BY_THE_SYSTEM
                    if registry.activity(action) is None)

    assert "council.document.register" in recorded and "council.agenda_item.remove" in recorded
    assert untold == []


def test_it_tells_the_opening_of_every_labelled_record_a_sentence_names():
    named = {activity.model for app in registry.apps.values() for activity in app.activities
             if activity.model}
    labelled = {model._meta.label_lower for model in apps.get_models()
                if issubclass(model, LabelledModel)}
    # An import is read only by whoever started it, through its own selector, never audited.
    read = (named & labelled) - {"monitoring.incidentimport"}

    untold = sorted(f"{model}.read" for model in read if registry.activity(f"{model}.read") is None)

    assert "council.document" in read
    assert untold == []
