"""`concord press list [--status STATUS]`: every publication with its status, languages, label
and dates. `concord press publish-scheduled`: publish now the approved items whose embargo has
ended (the task worker does it every minute; this is for a server without one).
`concord press feed check [--base-url URL]`: render every public Atom feed and check it against
RFC 4287; exit 1 if any breaks a rule."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.core.labels import Classification
from concord.press.models import LANGUAGE_CODES, Publication
from concord.press.outputs.feed_check import atom_problems
from concord.press.selectors.publications import publications_for_operator
from concord.press.services import publications as services
from concord.press.views.feeds import feed_bytes

BROKEN = 1


def _day(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


class Command(BaseCommand):
    help = "Press service: list publications, publish those due, check the public feeds."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        listing = sub.add_parser("list", help="every publication, the latest first")
        listing.add_argument("--status", choices=Publication.Status.values,
                             help="only the publications in this status")
        sub.add_parser("publish-scheduled",
                       help="publish the approved items whose embargo has ended")
        feed = sub.add_parser("feed", help="the public Atom feeds")
        feed.add_argument("action", choices=["check"])
        feed.add_argument("--base-url", default="http://localhost",
                          help="the site's address, which the feeds' links start with")

    def handle(self, *args: Any, **options: Any) -> None:
        verb = options["verb"]
        if verb == "list":
            self._list(options["status"])
        elif verb == "publish-scheduled":
            released = services.publications_release_due()
            for publication in released:
                self.stdout.write(f"published {publication.number}")
            self.stdout.write(f"{len(released)} publication(s) released from embargo.")
        else:
            self._check(options["base_url"].rstrip("/"))

    def _list(self, status: str | None) -> None:
        items = publications_for_operator(status=(status,) if status else ())
        self.stdout.write(f"{'number':<10} {'type':<14} {'status':<10} {'lang':<6} "
                          f"{'label':<14} {'embargo until':<16} {'published':<16} title")
        for item in items:
            current = {t.language: t for t in item.current}  # type: ignore[attr-defined]
            languages = "+".join(code for code in LANGUAGE_CODES if code in current)
            title = (current.get("ru") or current.get("en"))
            self.stdout.write(
                f"{item.number:<10} {item.pub_type:<14} {item.status:<10} {languages:<6} "
                f"{Classification(item.classification).name:<14} {_day(item.embargo_until):<16} "
                f"{_day(item.published_at):<16} {title.title if title else ''}")
        if not items:
            self.stdout.write("No publication.")

    def _check(self, base: str) -> None:
        broken = 0
        for language in LANGUAGE_CODES:
            for pub_type in ("", *Publication.Type.values):
                content = feed_bytes(language=language, pub_type=pub_type,
                                     absolute=lambda path: base + path)
                name = f"feed/{language}/{pub_type + '/' if pub_type else ''}"
                problems = atom_problems(content)
                entries = content.count(b"<entry")
                if problems:
                    broken += 1
                    self.stdout.write(f"BROKEN  {name}")
                    for problem in problems:
                        self.stdout.write(f"    {problem}")
                else:
                    self.stdout.write(f"valid   {name} ({entries} entries)")
        if broken:
            raise CommandError(f"{broken} feed(s) break RFC 4287.", returncode=BROKEN)
        self.stdout.write(self.style.SUCCESS("Every public feed is valid Atom."))
