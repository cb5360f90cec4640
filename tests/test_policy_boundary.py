"""The label policy lives in concord.core, each piece once: no app compares a clearance, reads a
release mask or bit, makes a viewer of its own or reads around the scoped manager. A new module
that needs one of these calls concord.core.policy instead; this test names the line otherwise."""

from __future__ import annotations

import ast
import re
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
    ("concord/monitoring/models/", "release_mask"),
    # The bulk import writes incident rows column by column: the mask starts empty and the
    # kernel's refresh_masks fills it from the release list written after the row.
    ("concord/monitoring/services/imports/staging.py", "release_mask"),
}


def _app_files() -> list[Path]:
    return sorted(path for path in APPS.rglob("*.py")
                  if path.relative_to(APPS).parts[0] not in ("core", "demo")
                  # Migrations are history, frozen as they ran.
                  and "tests" not in path.parts and "migrations" not in path.parts)


def _allowed(path: Path, name: str) -> bool:
    relative = path.relative_to(ROOT).as_posix()
    return any(relative.startswith(prefix) and name == allowed for prefix, allowed in ALLOWED)


def _internals_named(node: ast.AST) -> list[tuple[str, str]]:
    """The label internals a node names, each with the way the offence shows it."""
    if isinstance(node, ast.Attribute) and node.attr in LABEL_INTERNALS:
        return [(node.attr, f".{node.attr}")]
    if isinstance(node, ast.Name) and node.id in LABEL_INTERNALS:
        return [(node.id, node.id)]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(name, repr(node.value)) for name in LABEL_INTERNALS
                if node.value == name or node.value.endswith(f"__{name}")]
    return []


def _kernel_work(node: ast.AST) -> str | None:
    """What of the kernel's own work a node does: compare a clearance, read unscoped, make a
    viewer."""
    if isinstance(node, ast.Compare) and any(
            isinstance(o, ast.Attribute) and o.attr == "clearance"
            for o in [node.left, *node.comparators]):
        return "a clearance compared"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "unscoped":
        return ".unscoped(...)"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Viewer":
        return "Viewer(...) made by hand"
    return None


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    relative = path.relative_to(ROOT).as_posix()
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        found.extend(f"{relative}:{line}: {shown}" for name, shown in _internals_named(node)
                     if not _allowed(path, name))
        work = _kernel_work(node)
        if work is not None:
            found.append(f"{relative}:{line}: {work}")
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


# The layers, lowest first: an app imports only from its own layer and those below it. The
# domain apps share one layer (they call each other's services and selectors); an app that is
# not named here is a domain app, as a new module is.
LAYERS = {"core": 0, "accounts": 1, "registry": 2, "portal": 4, "demo": 5}
DOMAIN_LAYER = 3


def _app_of(path: Path) -> str:
    return path.relative_to(APPS).parts[0]


def _layer(app: str) -> int:
    return LAYERS.get(app, DOMAIN_LAYER)


def _apps() -> list[str]:
    return sorted(p.name for p in APPS.iterdir() if (p / "apps.py").exists())


def _layer_offences(path: Path) -> list[str]:
    own = _app_of(path)
    relative = path.relative_to(ROOT).as_posix()
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "concord" and parts[1] in _apps() \
                    and _layer(parts[1]) > _layer(own):
                found.append(f"{relative}:{node.lineno}: {own} imports {name}")
    return found


def _layered_files() -> list[Path]:
    return sorted(path for path in APPS.rglob("*.py") if (APPS / _app_of(path)).is_dir()
                  and "tests" not in path.parts and "migrations" not in path.parts)


def test_it_finds_no_app_importing_one_above_it():
    offences = [line for path in _layered_files() for line in _layer_offences(path)]
    assert offences == [], "imports against the layers:\n" + "\n".join(offences)


def test_it_would_name_the_line_of_a_core_module_that_imports_an_app():
    planted = APPS / "core" / "_planted_for_the_boundary_test.py"
    planted.write_text("from concord.core import labels\n"
                       "from concord.council.models import Session\n"
                       "import concord.accounts.roles\n", encoding="utf-8")
    try:
        assert _layer_offences(planted) == [
            "concord/core/_planted_for_the_boundary_test.py:2: core imports "
            "concord.council.models",
            "concord/core/_planted_for_the_boundary_test.py:3: core imports "
            "concord.accounts.roles",
        ]
    finally:
        planted.unlink()


def _named_apps(path: Path) -> list[str]:
    """Lines of a core template or module that name an app above core: a URL name in its
    namespace ('council:session-list'), a model ('council.session'), or a template of its
    ('council/...'). What the shell shows of an app comes from the app's own shell.py."""
    above = "|".join(app for app in _apps() if app != "core")
    pattern = re.compile(rf"""["'](?:{above})(?:[:.][\w-]|/)""")
    relative = path.relative_to(ROOT).as_posix()
    return [f"{relative}:{number}: {match.group(0)}"
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            for match in pattern.finditer(line)]


def _core_files() -> list[Path]:
    core = APPS / "core"
    return sorted(path for path in core.rglob("*")
                  if path.suffix in (".py", ".html", ".txt", ".xml")
                  and "tests" not in path.parts and "migrations" not in path.parts)


def test_it_finds_no_app_above_core_named_in_core():
    offences = [line for path in _core_files() for line in _named_apps(path)]
    assert offences == [], "core names an app above it:\n" + "\n".join(offences)


def test_it_would_name_the_line_of_a_core_template_that_links_to_an_app():
    planted = APPS / "core" / "templates" / "_planted_for_the_boundary_test.html"
    planted.write_text("{% load i18n %}\n<a href=\"{% url 'set_language' %}\">x</a>\n"
                       "<a href=\"{% url 'monitoring:incident-list' %}\">y</a>\n"
                       "{% include \"registry/partials/overview.html\" %}\n", encoding="utf-8")
    try:
        assert _named_apps(planted) == [
            "concord/core/templates/_planted_for_the_boundary_test.html:3: 'monitoring:i",
            "concord/core/templates/_planted_for_the_boundary_test.html:4: \"registry/",
        ]
    finally:
        planted.unlink()


# Pages and API routes read through selectors and write through services: a manager named in a
# view is a read the selector's scoping never sees, or a write no service audits.
MANAGERS = {"objects", "_default_manager", "_base_manager"}
MANAGERS_ALLOWED: set[str] = set()


def _view_files() -> list[Path]:
    return sorted(path for path in APPS.rglob("*.py")
                  if (path.name in ("views.py", "api.py") or "views" in path.parts
                      or "api" in path.parts)
                  and "tests" not in path.parts and "migrations" not in path.parts)


def _manager_offences(path: Path) -> list[str]:
    relative = path.relative_to(ROOT).as_posix()
    return [f"{relative}:{node.lineno}: .{node.attr}"
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
            if isinstance(node, ast.Attribute) and node.attr in MANAGERS
            and relative not in MANAGERS_ALLOWED]


def test_it_finds_no_view_or_api_route_reading_a_manager():
    offences = sorted(line for path in _view_files() for line in _manager_offences(path))
    assert offences == [], ("a view reads a model's manager; read through a selector and write "
                            "through a service:\n" + "\n".join(offences))


def test_it_would_name_the_line_of_a_view_that_reads_a_manager():
    planted = APPS / "registry" / "views" / "_planted_for_the_boundary_test.py"
    planted.parent.mkdir()
    planted.write_text("from concord.registry import selectors\n"
                       "def page(request):\n    return selectors.state_list(viewer=request.user)\n"
                       "def other(request):\n    return MemberState.objects.filter(pk=1)\n",
                       encoding="utf-8")
    try:
        assert planted in _view_files()
        assert _manager_offences(planted) == [
            "concord/registry/views/_planted_for_the_boundary_test.py:5: .objects"]
    finally:
        planted.unlink()
        planted.parent.rmdir()
