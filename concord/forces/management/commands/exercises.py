"""`concord exercises list|ical|report`: the exercises from the command line, read through a named
user's eyes (or the public's, without --user): the list, the iCalendar of exercises and phases,
and an exercise's after-action report written to a .docx or .pdf file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from concord.core.errors import DomainError, NotFound
from concord.forces.exercise_filters import exercise_filters
from concord.forces.management.commands.forces import reader
from concord.forces.models.exercises import Exercise
from concord.forces.outputs import after_action
from concord.forces.outputs.exercise_ical import exercises_ical
from concord.forces.selectors import exercises as selectors

WRITERS = {".docx": after_action.after_action_docx, ".pdf": after_action.after_action_pdf}


def _refused(error: DomainError) -> CommandError:
    return CommandError("; ".join(f"--{name}: {' '.join(found)}"
                                  for name, found in (error.errors or {}).items())
                        or error.detail)


class Command(BaseCommand):
    help = "Exercises: list them, write their iCalendar, write an after-action report."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        listing = verbs.add_parser("list", help="the exercises the user may read")
        calendar = verbs.add_parser("ical", help="write the exercises and phases as iCalendar")
        calendar.add_argument("file", type=Path, help="where to write the .ics")
        calendar.add_argument("--base-url", default="https://concord.invalid",
                              help="the site the events link to")
        for verb in (listing, calendar):
            verb.add_argument("--year", default="")
            verb.add_argument("--status", action="append", default=[])
            verb.add_argument("--kind", action="append", default=[])
        report = verbs.add_parser("report", help="write an exercise's after-action report")
        report.add_argument("exercise", help="its name, e.g. Interaction-2013, or its id")
        report.add_argument("file", type=Path, help="where to write; .docx or .pdf")
        for verb in (listing, calendar, report):
            verb.add_argument("--user", default="", help="whose eyes to read with")
            verb.add_argument("--language", default="ru", choices=("ru", "en"))

    def handle(self, *args: Any, **options: Any) -> None:
        viewer = reader(options["user"])
        with translation.override(options["language"]):
            if options["verb"] == "report":
                self._report(viewer, options)
                return
            try:
                filters = exercise_filters({"year": options["year"], "status": options["status"],
                                            "kind": options["kind"]}).or_refuse()
            except DomainError as error:
                raise _refused(error) from None
            exercises = selectors.exercise_list(viewer=viewer, filters=filters)
            if options["verb"] == "list":
                for exercise in exercises:
                    self.stdout.write("\t".join([
                        str(exercise.public_id), exercise.name, exercise.get_kind_display(),
                        exercise.host_state.name, exercise.starts_on.isoformat(),
                        exercise.ends_on.isoformat(), exercise.get_status_display()]))
                return
            path: Path = options["file"]
            found = list(exercises.prefetch_related("places", "phases"))
            path.write_bytes(exercises_ical(exercises=found, base_url=options["base_url"]))
            self.stdout.write(f"Wrote {len(found)} exercises to {path}.")

    def _exercise(self, viewer: Any, name: str) -> Exercise:
        try:
            return selectors.exercise_get(viewer=viewer, public_id=name)
        except (NotFound, ValueError, DomainError):
            pass
        series, _dash, year = name.rpartition("-")
        if series and year.isdigit():
            for exercise in selectors.exercise_list(viewer=viewer).filter(year=int(year)):
                if series.casefold() in (exercise.series_ru.casefold(),
                                         exercise.series_en.casefold()):
                    return exercise
        raise CommandError(f"exercise: no exercise {name}.")

    def _report(self, viewer: Any, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        write = WRITERS.get(path.suffix.lower())
        if write is None:
            raise CommandError(f"file: {path.name} is neither .docx nor .pdf.")
        exercise = self._exercise(viewer, options["exercise"])
        path.write_bytes(write(viewer=viewer, exercise=exercise, language=options["language"]))
        self.stdout.write(f"Wrote the after-action report of {exercise.name} to {path}.")
