"""Production settings pass Django's deployment checks, and settings fail loudly when wrong."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _concord(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("CONCORD_", "DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "-m", "concord.cli", *args], cwd=ROOT, capture_output=True, text=True, check=False,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", **env}, timeout=120,
    )


def test_it_passes_the_deployment_checks_with_production_settings(tmp_path):
    result = _concord("check", "--deploy", "--fail-level", "WARNING",
                      CONCORD_SECRET_KEY=secrets.token_urlsafe(50), CONCORD_VAR_DIR=str(tmp_path),
                      CONCORD_ALLOWED_HOSTS="concord.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key(tmp_path):
    result = _concord("check", CONCORD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "CONCORD_SECRET_KEY" in result.stderr


def test_it_names_the_variable_with_a_bad_value(tmp_path):
    result = _concord("check", CONCORD_SECRET_KEY="x" * 60, CONCORD_HTTPS="maybe",
                      CONCORD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "CONCORD_HTTPS='maybe'" in result.stderr
