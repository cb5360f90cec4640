"""`concord forces readiness|stale|formations`: the collective forces from the command line, read
through a named user's eyes (or the public's, without --user), as the pages show them: readiness
per formation and per state with what is stale, the units not reported within their period, and
the formations."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from concord.accounts.models import User
from concord.core import clock
from concord.forces.models import DEFAULT_READINESS_PERIOD_DAYS, Level
from concord.forces.selectors import formations as formation_reads
from concord.forces.selectors import readiness as reads


def reader(username: str) -> User | AnonymousUser:
    """The user whose eyes a command reads with; without a name, the public's."""
    if not username:
        return AnonymousUser()
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"--user: no active user {username}.")
    return user


def day_of(value: str) -> date:
    if not value:
        return clock.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--day: {value} is not a date (YYYY-MM-DD).") from None


def _personnel(row: reads.StateReadiness) -> str:
    # Units whose strength the reader may not see make the total a lower bound, as on the page.
    return f"≥{row.personnel}" if row.personnel_withheld else str(row.personnel)


class Command(BaseCommand):
    help = "The collective forces: readiness per formation and state, stale units, formations."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        glance = verbs.add_parser("readiness", help="readiness per formation and per state")
        glance.add_argument("--formation", default="", help="one formation's code, e.g. crrf")
        glance.add_argument("--by-state", action="store_true",
                            help="every unit in service per state, whatever its formation")
        stale = verbs.add_parser("stale", help="units with no readiness report in their period")
        stale.add_argument("--period", type=int, default=DEFAULT_READINESS_PERIOD_DAYS,
                           help="days within which a unit reports")
        verbs.add_parser("formations", help="the formations")
        for verb in (glance, stale, verbs.choices["formations"]):
            verb.add_argument("--user", default="", help="whose eyes to read with")
            verb.add_argument("--day", default="", help="the day to judge by (YYYY-MM-DD)")
            verb.add_argument("--language", default="ru", choices=("ru", "en"))

    def handle(self, *args: Any, **options: Any) -> None:
        viewer = reader(options["user"])
        day = day_of(options["day"])
        with translation.override(options["language"]):
            if options["verb"] == "readiness":
                self._readiness(viewer, day, options)
            elif options["verb"] == "stale":
                self._stale(viewer, day, options["period"])
            else:
                self._formations(viewer)

    def _table(self, rows: list[reads.StateReadiness], total: reads.StateReadiness | None) -> None:
        levels = [str(Level(level).label) for level in reads.LEVELS_DOWN]
        self.stdout.write("\t".join(["state", "units", *levels, "unreported", "stale",
                                     "personnel"]))
        for row in [*rows, *([total] if total is not None else [])]:
            self.stdout.write("\t".join([row.name or "Σ", str(row.units),
                                         *(str(n) for _level, n in row.levels),
                                         str(row.unknown), str(row.stale), _personnel(row)]))

    def _readiness(self, viewer: Any, day: date, options: dict[str, Any]) -> None:
        if options["by_state"]:
            self.stdout.write(f"# {day.isoformat()}")
            self._table(reads.readiness_by_state(viewer=viewer, day=day), None)
            return
        code = options["formation"]
        if code and formation_reads.formation_by_code(viewer=viewer, code=code) is None:
            raise CommandError(f"--formation: no formation {code}.")
        for found in reads.readiness_overview(viewer=viewer, day=day):
            if code and found.formation.code != code:
                continue
            self.stdout.write(f"# {found.formation.name} ({found.formation.code}), "
                              f"{day.isoformat()}, period "
                              f"{found.formation.readiness_period_days} d")
            self._table(found.glance.states, found.glance.total)

    def _stale(self, viewer: Any, day: date, period: int) -> None:
        if period < 1:
            raise CommandError(f"--period: {period} is not a number of days.")
        units = reads.stale_units(viewer=viewer, day=day, period_days=period)
        for unit in units:
            reported_on = getattr(unit, "latest_reported_on", None)
            last = reported_on.isoformat() if reported_on else "never"
            self.stdout.write(f"{unit.state.name}\t{unit.name}\t{last}")
        self.stdout.write(f"{len(units)} units not reported since "
                          f"{reads.stale_limit(day=day, period_days=period).isoformat()}.")

    def _formations(self, viewer: Any) -> None:
        for formation in formation_reads.formation_list(viewer=viewer):
            decision = formation.governing_decision.symbol if formation.governing_decision else ""
            self.stdout.write("\t".join([
                formation.code, formation.name, formation.get_kind_display(),
                formation.established_on.isoformat() if formation.established_on else "",
                decision, formation.headquarters, str(formation.target_personnel or "")]))
