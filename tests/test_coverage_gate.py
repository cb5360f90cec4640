"""The kernel's coverage gate (scripts/coverage-kernel) names the module and the lines and branches
that the suite left unrun, and passes a report in which the kernel is covered in full."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "coverage-kernel"


def _gate(tmp_path: Path, files: dict[str, dict[str, list]]) -> subprocess.CompletedProcess[str]:
    report = tmp_path / "coverage.json"
    report.write_text(json.dumps({"meta": {"branch_coverage": True}, "files": files}),
                      encoding="utf-8")
    return subprocess.run([sys.executable, str(SCRIPT), str(report)], capture_output=True,
                          text=True, check=False, timeout=60)


def _kernel() -> tuple[str, ...]:
    return runpy.run_path(str(SCRIPT))["FULLY_COVERED"]


def test_it_lists_kernel_modules_that_exist():
    assert "concord/core/scoping.py" in _kernel()
    assert [module for module in _kernel() if not (ROOT / module).is_file()] == []


def test_it_passes_a_fully_covered_kernel(tmp_path):
    answer = _gate(tmp_path, {module: {"missing_lines": [], "missing_branches": []}
                              for module in _kernel()})

    assert answer.returncode == 0, answer.stderr
    assert f"{len(_kernel())} modules fully covered" in answer.stdout


def test_it_names_the_lines_and_branches_left_unrun(tmp_path):
    files = {module: {"missing_lines": [], "missing_branches": []} for module in _kernel()}
    files["concord/core/scoping.py"] = {"missing_lines": [41, 57], "missing_branches": [[40, 41],
                                                                                       [88, -80]]}
    answer = _gate(tmp_path, files)

    assert answer.returncode == 1
    assert ("concord/core/scoping.py: not fully covered: lines 41, 57; branches 40->41, 88->exit"
            in answer.stderr)
    assert "clock.py" not in answer.stderr


def test_it_names_a_kernel_module_missing_from_the_report(tmp_path):
    files = {module: {"missing_lines": [], "missing_branches": []} for module in _kernel()}
    del files["concord/core/clock.py"]
    answer = _gate(tmp_path, files)

    assert answer.returncode == 1
    assert "concord/core/clock.py: not measured" in answer.stderr


def test_it_refuses_a_report_that_is_not_json(tmp_path):
    report = tmp_path / "coverage.json"
    report.write_text('{"files": ', encoding="utf-8")
    answer = subprocess.run([sys.executable, str(SCRIPT), str(report)], capture_output=True,
                            text=True, check=False, timeout=60)

    assert answer.returncode == 2
    assert f"{report}:1: not JSON" in answer.stderr
