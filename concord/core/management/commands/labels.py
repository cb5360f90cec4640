"""`concord labels check`: every labelled record's release mask (what the read rule tests) equals
its release list (what people edit); exits 1 naming the records that differ.
`concord labels repair`: recomputes those masks from the release lists."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from concord.core.actors import SYSTEM
from concord.core.audit import audit_record
from concord.core.release import labelled_models, refresh_masks, stale_masks

STALE = 1
# How many keys of stale rows a check names before it counts the rest.
STALE_SHOWN = 20


class Command(BaseCommand):
    help = "Labels: check that release masks equal release lists, or repair them."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("check", help="exit 1 naming each record whose mask is stale")
        sub.add_parser("repair", help="recompute the stale masks from the release lists")

    def handle(self, *args: Any, **options: Any) -> None:
        found = {model: stale_masks(model) for model in labelled_models()}
        stale = {model: pks for model, pks in found.items() if pks}
        if options["verb"] == "check":
            for model, pks in stale.items():
                shown = ", ".join(str(pk) for pk in pks[:STALE_SHOWN])
                more = f" and {len(pks) - STALE_SHOWN} more" if len(pks) > STALE_SHOWN else ""
                self.stdout.write(f"STALE  {model._meta.label}: {len(pks)} ({shown}{more})")
            if stale:
                raise CommandError("release masks differ from release lists: run "
                                   "`concord labels repair`", returncode=STALE)
            self.stdout.write(self.style.SUCCESS(
                f"All release masks of {len(found)} labelled models match their lists."))
            return
        with transaction.atomic():
            for model, pks in stale.items():
                refresh_masks(model, pks)
                audit_record(actor=SYSTEM, action="core.labels.repair",
                             target_type=model._meta.label, target_id="",
                             detail={"records": [str(pk) for pk in pks]})
                self.stdout.write(f"repaired {len(pks)} {model._meta.label}")
        if not stale:
            self.stdout.write("nothing to repair")
