"""The `concord` operator command: Django's management commands under one name."""

from __future__ import annotations

import os
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def _find_secret_key() -> None:
    # `make run` writes the secret key to var/secret-key in the checkout and passes it as
    # CONCORD_SECRET_KEY_FILE; an operator typing `concord …` in the same checkout gets the same.
    if os.environ.get("CONCORD_SECRET_KEY") or os.environ.get("CONCORD_SECRET_KEY_FILE"):
        return
    var = Path(os.environ.get("CONCORD_VAR_DIR") or CHECKOUT / "var")
    if (var / "secret-key").is_file():
        os.environ["CONCORD_SECRET_KEY_FILE"] = str(var / "secret-key")


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    _find_secret_key()
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading a setting loads them all
    except ImproperlyConfigured as error:
        # A configuration problem is the operator's to fix: one line naming it, no traceback.
        sys.stderr.write(f"concord: {error}\n")
        raise SystemExit(2) from None
    args = list(sys.argv if argv is None else argv)
    args[0] = "concord"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
