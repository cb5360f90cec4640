"""`concord tasks due`: queue the periodic tasks whose interval has passed (for a machine that
runs the worker without `concord serve`, from cron every few minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from concord.core.schedule import enqueue_due


class Command(BaseCommand):
    help = "Background tasks: queue the periodic ones that are due."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("due", help="queue each periodic task whose interval has passed")

    def handle(self, *args: Any, **options: Any) -> None:
        queued = enqueue_due()
        for name in queued:
            self.stdout.write(f"queued {name}")
        if not queued:
            self.stdout.write("nothing is due")
