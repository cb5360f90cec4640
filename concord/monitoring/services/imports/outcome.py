"""What an import of an incident file comes to: its outcome, the errors that stop it, its
progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from concord.core.errors import ValidationError


@dataclass
class ImportOutcome:
    rows: int = 0
    created: int = 0
    unchanged: int = 0
    # Every problem of every bad row, as (line, reason): a row with several has several.
    problems: list[tuple[int, str]] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({line for line, _reason in self.problems})


class ImportRejected(ValidationError):
    """The file has bad rows and the user did not ask to skip them: nothing was applied, and the
    outcome says so (nothing created)."""

    def __init__(self, outcome: ImportOutcome) -> None:
        outcome.created = 0
        self.outcome = outcome
        errors: dict[str, list[str]] = {}
        for line, reason in outcome.problems[:200]:
            errors.setdefault(_("line %(line)s") % {"line": line}, []).append(reason)
        super().__init__(
            _("%(count)s rows cannot be imported; nothing was imported.")
            % {"count": outcome.bad_rows}, errors=errors)


class ImportFailed(ValidationError):
    """The file as a whole could not be imported (above a limit, unreadable, or its rows refused
    by the database): nothing of it was."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail, errors={"file": [detail]})


Progress = Callable[[int, float], None]

# Reading, checking and staging a file take nearly all of an import's time; the final move, one
# statement, the rest. The progress shown moves at about that pace through both.
STAGED_SHARE = 0.9
