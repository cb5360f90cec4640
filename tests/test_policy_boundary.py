"""The label policy lives in concord.core, each piece once: no app compares a clearance, reads a
release mask or bit, makes a viewer of its own or reads around the scoped manager. A new module
that needs one of these calls concord.core.policy instead; this test names the line otherwise."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ROOT / "concord"

# Names that are label arithmetic wherever they appear as code (attributes, names, lookups).
LABEL_INTERNALS = {"release_mask", "release_bit", "release_flag", "party_bit", "_base_manager",
                   "for_party", "UNSCOPED_READER", "VisibleTo", "visible_q"}
# Where an app names one of them for a reason of its own, with the reason.
ALLOWED = {
    # The situation picture's tallies keep the label columns of the incidents they count, so
    # that the one read rule (visible_to) applies to the tally rows as it does to incidents.
    ("concord/monitoring/tally.py", "release_mask"),
    ("concord/monitoring/models.py", "release_mask"),
    # The bulk import writes incident rows column by column: the mask starts empty and the
    # kernel's refresh_masks fills it from the release list written after the row.
    ("concord/monitoring/services.py", "release_mask"),
}


def _app_files() -> list[Path]:
    return sorted(path for path in APPS.rglob("*.py")
                  if path.relative_to(APPS).parts[0] not in ("core", "demo")
                  # Migrations are history, frozen as they ran.
                  and "tests" not in path.parts and "migrations" not in path.parts)


def _allowed(path: Path, name: str) -> bool:
    relative = path.relative_to(ROOT).as_posix()
    return any(relative.startswith(prefix) and name == allowed for prefix, allowed in ALLOWED)


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    relative = path.relative_to(ROOT).as_posix()

    def note(node: ast.AST, what: str) -> None:
        found.append(f"{relative}:{getattr(node, 'lineno', 0)}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in LABEL_INTERNALS \
                and not _allowed(path, node.attr):
            note(node, f".{node.attr}")
        elif isinstance(node, ast.Name) and node.id in LABEL_INTERNALS \
                and not _allowed(path, node.id):
            note(node, node.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for name in LABEL_INTERNALS:
                if (node.value == name or node.value.endswith(f"__{name}")) \
                        and not _allowed(path, name):
                    note(node, repr(node.value))
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(isinstance(o, ast.Attribute) and o.attr == "clearance" for o in operands):
                note(node, "a clearance compared")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "unscoped":
            note(node, ".unscoped(...)")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "Viewer":
            note(node, "Viewer(...) made by hand")
    return found


def test_it_finds_label_arithmetic_only_in_core():
    offences = [line for path in _app_files() for line in _offences(path)]
    assert offences == [], "label arithmetic outside concord.core:\n" + "\n".join(offences)


def test_it_would_name_the_line_of_an_app_that_compares_a_clearance(tmp_path):
    planted = APPS / "council" / "_planted_for_the_boundary_test.py"
    planted.write_text("def f(user, record):\n    return user.clearance >= record.classification\n"
                       "def g(party):\n    return Viewer.for_party(party, 3)\n", encoding="utf-8")
    try:
        assert _offences(planted) == [
            "concord/council/_planted_for_the_boundary_test.py:2: a clearance compared",
            "concord/council/_planted_for_the_boundary_test.py:4: .for_party",
        ]
    finally:
        planted.unlink()
