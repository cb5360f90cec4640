"""The `concord` command in the checkout after `make run`: it finds var/secret-key as `make run`
does, with no variable set; without a key it says in one line what to set."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from concord import cli
from concord.core.tests.processes import ROOT, database_url

UNSET = ("CONCORD_SECRET_KEY", "CONCORD_SECRET_KEY_FILE", "DJANGO_SETTINGS_MODULE",
         "CONCORD_DEBUG", "CONCORD_VAR_DIR")


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in UNSET}
    return subprocess.run([sys.executable, "-m", "concord.cli", *args], cwd=ROOT,
                          env={**clean, "DATABASE_URL": database_url(), **env},
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.django_db(transaction=True)
def test_it_finds_the_secret_key_that_make_run_wrote(tmp_path):
    (tmp_path / "secret-key").write_text("a-secret-key-written-by-make-run-0123456789abcdef\n")
    verified = _run("audit", "verify", CONCORD_VAR_DIR=str(tmp_path))
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith("audit chain intact: 0 entries")


def test_it_says_in_one_line_what_to_set_without_a_key(tmp_path):
    missing = _run("audit", "verify", CONCORD_VAR_DIR=str(tmp_path))
    assert missing.returncode != 0
    assert missing.stderr.count("\n") == 1
    assert "CONCORD_SECRET_KEY" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_it_looks_in_the_var_directory_of_the_checkout(tmp_path, monkeypatch):
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "secret-key").write_text("key\n")
    monkeypatch.setattr(cli, "CHECKOUT", tmp_path)
    cli._find_secret_key()
    assert os.environ["CONCORD_SECRET_KEY_FILE"] == str(tmp_path / "var" / "secret-key")


def test_it_leaves_a_key_given_by_the_operator_alone(tmp_path, monkeypatch):
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "secret-key").write_text("key\n")
    monkeypatch.setattr(cli, "CHECKOUT", tmp_path)
    monkeypatch.delenv("CONCORD_SECRET_KEY_FILE", raising=False)
    monkeypatch.setenv("CONCORD_SECRET_KEY", "given")
    cli._find_secret_key()
    assert "CONCORD_SECRET_KEY_FILE" not in os.environ
