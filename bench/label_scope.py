"""What the label rule costs on a list: `visible_to(user)` against the same query unscoped.

The target is a scoped query at most 1.2 times its unscoped twin. The viewer who sees every
record makes the comparison fair (both return the same rows, so the difference is the rule);
a state delegate shows the rule where it hides much of the table.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet

from concord.accounts.models import User
from concord.core.labels import Classification, PartyKind
from concord.core.models import Party
from concord.core.release import mask_of
from tests.labelprobe.models import Dossier

TARGET = 1.2
PAGE = 50
# A sample runs the query as often as it takes to last this long, so that sub-millisecond
# pages are timed over many runs, not one.
SAMPLE_SECONDS = 0.05

# Of the dossiers made, the share the secretariat originates and the share released to all.
SECRETARIAT_SHARE, RELEASED_TO_ALL_SHARE = 0.4, 0.3

STATES = [("AM", "Армения", "Armenia"), ("BY", "Беларусь", "Belarus"),
          ("KZ", "Казахстан", "Kazakhstan"), ("KG", "Кыргызстан", "Kyrgyzstan"),
          ("RU", "Россия", "Russia"), ("TJ", "Таджикистан", "Tajikistan")]
CLASSIFICATION_MIX = {Classification.PUBLIC: 20, Classification.OFFICIAL_USE: 45,
                      Classification.CONFIDENTIAL: 25, Classification.SECRET: 10}


@dataclass(frozen=True)
class Row:
    viewer: str
    query: str
    rows: int
    unscoped: float
    scoped: float

    @property
    def ratio(self) -> float:
        return self.scoped / self.unscoped


def _full_list(queryset: QuerySet[Any]) -> list[Any]:
    return list(queryset.values_list("id", "title"))


def _first_page(queryset: QuerySet[Any]) -> list[Any]:
    return list(queryset.order_by("id").values_list("id", "title")[:PAGE])


SHAPES = {"full list": _full_list, f"page of {PAGE}": _first_page}


def populate(*, records: int, seed: int) -> tuple[User, User]:
    """Labels as the organization makes them: the secretariat originates many records, states
    submit theirs to the secretariat and to some partners, and a share goes to all members."""
    rng = random.Random(seed)
    # Other benchmarks in the same run may have loaded the demo organization's parties.
    secretariat, _ = Party.objects.get_or_create(
        code="SEC", defaults={"kind": PartyKind.SECRETARIAT, "name_ru": "Секретариат",
                              "name_en": "Secretariat"})
    states = [Party.objects.get_or_create(code=code, defaults={
        "kind": PartyKind.STATE, "name_ru": ru, "name_en": en})[0] for code, ru, en in STATES]
    officer = User.objects.create(username="bench.officer", party=secretariat,
                                  clearance=Classification.SECRET)
    delegate = User.objects.create(username="bench.delegate", party=states[2],
                                   clearance=Classification.CONFIDENTIAL)
    levels, weights = list(CLASSIFICATION_MIX), list(CLASSIFICATION_MIX.values())
    through: Any = Dossier.releasable_to.through
    batch = 5000
    for start in range(0, records, batch):
        labels = []
        for number in range(start, min(start + batch, records)):
            originator = secretariat if rng.random() < SECRETARIAT_SHARE else rng.choice(states)
            released = set(rng.sample(states, rng.choice([0, 0, 1, 2, 3])))
            if originator is not secretariat:
                released.add(secretariat)
            released.discard(originator)
            labels.append((Dossier(
                title=f"Документ {number}",
                classification=rng.choices(levels, weights)[0],
                originator=originator,
                release_to_all_members=rng.random() < RELEASED_TO_ALL_SHARE,
                # The through rows below skip the related manager, so the mask is set here.
                release_mask=mask_of(party.release_bit for party in released),
            ), released))
        with transaction.atomic():
            created = Dossier.objects.bulk_create([dossier for dossier, _ in labels])
            through.objects.bulk_create([
                through(dossier_id=dossier.pk, party_id=party.pk)
                for dossier, (_, released) in zip(created, labels, strict=True)
                for party in released
            ])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return officer, delegate


def _sample(query: Callable[[], list[Any]], runs: int) -> float:
    started = time.perf_counter()
    for _ in range(runs):
        query()
    return (time.perf_counter() - started) / runs


def compare(viewer: str, name: str, scoped: Callable[[], list[Any]],
            unscoped: Callable[[], list[Any]], repeat: int) -> Row:
    rows = len(scoped())
    unscoped()
    single = _sample(unscoped, 1)
    runs = max(1, int(SAMPLE_SECONDS / max(single, 1e-6)))
    times: dict[str, list[float]] = {"scoped": [], "unscoped": []}
    for repetition in range(repeat):
        # Alternating which goes first keeps a warming cache from favouring either side.
        order = ("scoped", "unscoped") if repetition % 2 == 0 else ("unscoped", "scoped")
        for side in order:
            times[side].append(_sample(scoped if side == "scoped" else unscoped, runs))
    return Row(viewer, name, rows, statistics.median(times["unscoped"]),
               statistics.median(times["scoped"]))


def _milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def report(rows: list[Row], *, records: int, repeat: int) -> None:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if vendor == "sqlite" else "SHOW server_version")
        version = cursor.fetchone()[0]
    print(f"\nLabel scope: {records:,} dossiers on {vendor} {version}; medians of {repeat} "
          f"interleaved samples; target scoped/unscoped <= {TARGET}")
    header = f"{'viewer':<10} {'query':<16} {'rows':>7} {'unscoped':>12} {'scoped':>12} " \
             f"{'ratio':>6}  verdict"
    print(header)
    print("-" * len(header))
    for row in rows:
        verdict = "PASS" if row.ratio <= TARGET else "OVER"
        print(f"{row.viewer:<10} {row.query:<16} {row.rows:>7} {_milliseconds(row.unscoped)} "
              f"{_milliseconds(row.scoped)} {row.ratio:>6.2f}  {verdict}")


def run(*, records: int, repeat: int, seed: int) -> int:
    started = time.perf_counter()
    officer, delegate = populate(records=records, seed=seed)
    print(f"Created {records:,} dossiers in {time.perf_counter() - started:.1f} s.")
    everything = Dossier.objects.unscoped(reason="benchmark baseline")
    if Dossier.objects.visible_to(officer).count() != everything.count():
        raise RuntimeError("the officer should see every dossier: the label mix is wrong")

    rows = []
    for name, user in (("officer", officer), ("delegate", delegate)):
        scoped = Dossier.objects.visible_to(user)
        for shape, query in SHAPES.items():
            rows.append(compare(name, shape, partial(query, scoped), partial(query, everything),
                                repeat))
    report(rows, records=records, repeat=repeat)
    print("\nThe officer's two sides return the same rows, so their ratio is the rule's cost; "
          "the delegate's scoped lists return fewer rows than their unscoped twins.")
    # A ratio over target is a finding to read, not a failed run: these machines are noisy.
    return 0
