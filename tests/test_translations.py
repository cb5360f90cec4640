"""Every string a user sees exists in Russian, the organization's working language."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")


def _entries(text: str) -> list[tuple[str, list[str], bool]]:
    """(msgid, msgstrs, fuzzy) for each entry of a .po file, header excluded."""
    return [(msgid, msgstrs, fuzzy) for _context, msgid, msgstrs, fuzzy in _entries_in_context(text)]


def _entries_in_context(text: str) -> list[tuple[str, str, list[str], bool]]:
    """(msgctxt, msgid, msgstrs, fuzzy) for each entry; the context is "" when there is none,
    and one word may be translated differently in each context."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        if "msgid" not in block:
            continue
        fuzzy = "#, fuzzy" in block or ", fuzzy" in block.split("msgid", 1)[0]
        parts: dict[str, list[str]] = {}
        key = ""
        for line in block.splitlines():
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                parts.setdefault(key, []).append(match.group(2))
            elif line.startswith('"') and key:
                parts[key].append(line[1:-1])
        msgid = "".join(parts.get("msgid", []))
        if not msgid:
            continue
        msgstrs = ["".join(v) for k, v in parts.items() if k.startswith("msgstr")]
        entries.append(("".join(parts.get("msgctxt", [])), msgid, msgstrs, fuzzy))
    return entries


def test_it_translates_every_entry_of_the_catalogue():
    entries = _entries(CATALOGUE.read_text(encoding="utf-8"))
    assert len(entries) > 100
    missing = [msgid for msgid, msgstrs, fuzzy in entries if fuzzy or not all(msgstrs)]
    assert missing == [], f"untranslated or fuzzy: {missing[:10]}"


def test_it_ships_a_compiled_catalogue_that_matches_the_source():
    with COMPILED.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    def unescaped(value: str) -> str:
        return value.encode().decode("unicode_escape").encode("latin-1").decode()

    for context, msgid, msgstrs, _fuzzy in _entries_in_context(
            CATALOGUE.read_text(encoding="utf-8")):
        if len(msgstrs) == 1:
            found = (compiled.pgettext(unescaped(context), unescaped(msgid)) if context
                     else compiled.gettext(unescaped(msgid)))
            assert found == unescaped(msgstrs[0]), (context, msgid)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs gettext (apt-get install gettext)")
def test_it_has_every_user_facing_string_in_the_catalogue(tmp_path):
    # A copy of the sources, so that the copy's settings point makemessages at the copy's
    # catalogue and the committed one is left alone.
    for part in ("concord", "config", "locale"):
        shutil.copytree(ROOT / part, tmp_path / part,
                        ignore=shutil.ignore_patterns("__pycache__", "tests", "static"))
    shutil.copytree(ROOT / "tests" / "labelprobe", tmp_path / "tests" / "labelprobe")
    (tmp_path / "tests" / "__init__.py").touch()
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "--locale", "ru", "--no-obsolete",
         "--settings", "config.settings_test", "--pythonpath", str(tmp_path)],
        cwd=tmp_path, check=True, capture_output=True,
        env={"PATH": "/usr/bin:/bin", "CONCORD_SECRET_KEY": "x" * 50, "CONCORD_HTTPS": "0",
             "CONCORD_VAR_DIR": str(tmp_path / "var")},
    )
    fresh = {msgid for msgid, _, _ in _entries(
        (tmp_path / "locale/ru/LC_MESSAGES/django.po").read_text(encoding="utf-8"))}
    committed = {msgid for msgid, _, _ in _entries(CATALOGUE.read_text(encoding="utf-8"))}
    assert fresh - committed == set(), "run `make messages` and translate the new strings"
