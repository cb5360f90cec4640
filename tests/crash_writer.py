"""A writer for the crash test: audited writes in a loop, each id printed only once committed.

Run as `python -m tests.crash_writer PARTY_CODE` with DATABASE_URL naming the test database;
the test kills it with SIGKILL at random moments and then checks what it acknowledged.
"""

from __future__ import annotations

import sys

import django


def main(party_code: str) -> None:
    django.setup()
    from django.db import transaction

    from concord.core.actors import SYSTEM
    from concord.core.audit import audit_record
    from concord.core.models import Party
    from tests.labelprobe.models import Dossier

    party = Party.objects.get(code=party_code)
    number = 0
    while True:
        number += 1
        with transaction.atomic():
            dossier = Dossier.objects.create(title=f"crash {number}", originator=party)
            audit_record(actor=SYSTEM, action="labelprobe.dossier.create", target=dossier)
        # Printed after the commit returned: from here on the write must survive anything.
        print(dossier.pk, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
