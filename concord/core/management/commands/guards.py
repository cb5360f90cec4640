"""`concord guards list|check|repair`: the triggers the database keeps for Concord (the audit
log append-only, the incident tallies in step), whether they are all there as Concord installs
them, and putting back those that are not."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from concord.core.actors import SYSTEM
from concord.core.guards import GuardState, guards_inspect, guards_repair

# The exit code of `check` when a guard is missing or out of date (2 is argparse's own).
BROKEN = 1


class Command(BaseCommand):
    help = "List, check and repair the database guards (triggers) Concord relies on."
    # The system checks include the guards' own: they must not stop the command that repairs them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("list", help="each guard, what it keeps, its triggers and their state")
        sub.add_parser("check", help="exit 1 naming each trigger or function missing or changed")
        sub.add_parser(
            "repair",
            help="recreate every guard missing or out of date, audited; a repaired tally guard "
                 "also adds the tallies up again",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        if verb == "list":
            self._list(guards_inspect())
        elif verb == "check":
            self._check(guards_inspect())
        else:
            self._repair()

    def _list(self, states: list[GuardState]) -> None:
        for state in states:
            guard = state.guard
            self.stdout.write(f"{guard.name}: {guard.purpose} [{_state(state)}]")
            wrong = {problem.item: problem for problem in state.problems}
            for item in guard.objects(connection.vendor):
                problem = wrong.get(item)
                self.stdout.write(f"  {item}" + (f": {_what(problem.missing)}" if problem else ""))

    def _check(self, states: list[GuardState]) -> None:
        problems = [problem for state in states for problem in state.problems]
        for state in states:
            if state.pending_migrations:
                self.stdout.write(f"{state.guard.name}: not checked, migrations of "
                                  f"{state.guard.app_label} are not applied (`concord migrate`)")
        if problems:
            for problem in problems:
                self.stderr.write(f"{problem.guard.name}: {problem}")
            raise CommandError(f"{len(problems)} database guard object(s) missing or out of "
                               "date: run `concord guards repair`", returncode=BROKEN)
        checked = sum(not state.pending_migrations for state in states)
        self.stdout.write(f"all {checked} database guards in place on {connection.vendor}")

    def _repair(self) -> None:
        repaired = guards_repair(actor=SYSTEM)
        if not repaired:
            self.stdout.write("all database guards already in place: nothing repaired")
            return
        for done in repaired:
            self.stdout.write(f"{done.guard.name}: recreated {', '.join(done.recreated)}")
            for what, value in done.afterwards.items():
                self.stdout.write(f"  {what}: {value}")


def _state(state: GuardState) -> str:
    if state.pending_migrations:
        return "migrations not applied"
    return "in place" if state.ok else "NEEDS REPAIR"


def _what(missing: bool) -> str:
    return "missing" if missing else "differs from the one Concord installs"
