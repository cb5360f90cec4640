"""`python -m bench`: build a throwaway database, fill it, measure, and drop it again.

By default the database is an SQLite file in a temporary directory. With DATABASE_URL naming a
PostgreSQL server, a database `concord_bench` is created on that server and dropped afterwards.

With CONCORD_BENCH_KEEP naming a directory, the database (an SQLite file in that directory, or
the PostgreSQL database) and its files are kept after the run, and the next run with the same
setting measures them again: the monitoring benchmarks then reuse the incidents already there
instead of generating them anew, which takes tens of minutes at a million incidents. The
migrations still run first, so a new tally is filled from the kept incidents.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# Another name lets a second run share the PostgreSQL server without dropping the first's.
BENCH_DATABASE = os.environ.get("CONCORD_BENCH_DATABASE", "concord_bench")
KEEP = os.environ.get("CONCORD_BENCH_KEEP", "")


BENCHMARKS: tuple[str, ...] = (
    "council_lists", "serve_load", "writes_during_import", "label_scope", "monitoring_import",
    "monitoring_situation", "press_public", "forces_readiness", "forces_operations",
    "assistance_allocation", "assistance_pages", "crisis_case", "federation_exchange")


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--records", type=int, default=100_000,
                        help="labelled records to create (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=9,
                        help="interleaved repetitions per measurement (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=2013, help="seed of the label mix")
    parser.add_argument("--incidents", type=int, default=1_000_000,
                        help="incidents for the monitoring benchmarks (default: %(default)s)")
    parser.add_argument("--documents", type=int, default=10_000,
                        help="council documents for the list benchmarks (default: %(default)s)")
    parser.add_argument("--clients", type=int, default=50,
                        help="simulated users of the serve_load benchmark (default: %(default)s)")
    parser.add_argument("--seconds", type=float, default=20,
                        help="seconds of load on each side of serve_load (default: %(default)s)")
    parser.add_argument("--threads", type=int, default=8,
                        help="threads of `concord serve` (default: %(default)s, as serve's own)")
    parser.add_argument("--import-rows", type=int, default=50_000,
                        help="rows of the import in writes_during_import (default: "
                             "%(default)s; the target is set for 250000)")
    parser.add_argument("--writers", type=int, default=3,
                        help="API writers of writes_during_import, one write each per 100 ms "
                             "(default: %(default)s)")
    parser.add_argument("--units", type=int, default=10_000,
                        help="contributed units for forces_readiness (default: %(default)s)")
    parser.add_argument("--operation-results", type=int, default=100_000,
                        help="result rows of the joint operations' totals (default: %(default)s)")
    parser.add_argument("--requests", type=int, default=1_000,
                        help="assistance requests for assistance_pages (default: %(default)s)")
    parser.add_argument("--exchanged", type=int, default=100_000,
                        help="incidents in the federation's bundle (default: %(default)s)")
    parser.add_argument("--only", action="append", choices=BENCHMARKS, metavar="NAME",
                        help="run only this benchmark (repeatable): " + ", ".join(BENCHMARKS))
    return parser.parse_args(argv)


@contextmanager
def _sqlite_database() -> Iterator[str]:
    if KEEP:
        Path(KEEP).mkdir(parents=True, exist_ok=True)
        yield "sqlite:///" + str(Path(KEEP) / "bench.sqlite3")
        return
    with tempfile.TemporaryDirectory(prefix="concord-bench-") as directory:
        yield "sqlite:///" + str(Path(directory) / "bench.sqlite3")


@contextmanager
def _var_directory() -> Iterator[str]:
    # A kept database keeps the audit keys its chain was signed with.
    if KEEP:
        var = Path(KEEP) / "var"
        (var / "static").mkdir(parents=True, exist_ok=True)
        yield str(var)
        return
    with tempfile.TemporaryDirectory(prefix="concord-bench-var-") as directory:
        (Path(directory) / "static").mkdir()  # nothing is collected; whitenoise wants it
        yield directory


@contextmanager
def _postgresql_database(server_url: str) -> Iterator[str]:
    import dj_database_url
    import psycopg
    from psycopg import sql

    server = dj_database_url.parse(server_url)
    admin = psycopg.connect(
        dbname=server["NAME"] or "postgres", user=server["USER"], password=server["PASSWORD"],
        host=server["HOST"] or None, port=server["PORT"] or None, autocommit=True,
    )
    name = sql.Identifier(BENCH_DATABASE)
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                               [BENCH_DATABASE]).fetchone() is not None
        if not (KEEP and exists):
            # A run that was killed leaves its database behind; a benchmark starts from nothing.
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(name))
        try:
            yield server_url.rsplit("/", 1)[0] + "/" + BENCH_DATABASE
        finally:
            from django.db import connections

            connections.close_all()
            if not KEEP:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))


def _runners() -> dict[str, Callable[[argparse.Namespace], int]]:
    """Each benchmark by name, in the order they run, imported once Django is set up. The
    council benchmark loads the demo organization and the others add to what is there; the
    served ones start servers over the demo before the monitoring benchmarks fill the incident
    table with a million rows, whose import takes tens of seconds (three interleaved rounds
    suffice)."""
    from bench import (
        assistance_allocation,
        assistance_pages,
        council_lists,
        crisis_case,
        federation_exchange,
        forces_operations,
        forces_readiness,
        label_scope,
        monitoring_import,
        monitoring_situation,
        press_public,
        serve_load,
        writes_during_import,
    )

    return {
        "council_lists": lambda o: council_lists.run(documents=o.documents, repeat=o.repeat),
        "serve_load": lambda o: serve_load.run(clients=o.clients, seconds=o.seconds,
                                               threads=o.threads, seed=o.seed),
        "press_public": lambda o: press_public.run(clients=o.clients, seconds=o.seconds,
                                                   threads=o.threads),
        "writes_during_import": lambda o: writes_during_import.run(
            rows=o.import_rows, writers=o.writers, threads=o.threads, seed=o.seed),
        "label_scope": lambda o: label_scope.run(records=o.records, repeat=o.repeat,
                                                 seed=o.seed),
        "monitoring_import": lambda o: monitoring_import.run(
            records=o.incidents, repeat=min(o.repeat, 3), seed=o.seed),
        "monitoring_situation": lambda o: monitoring_situation.run(
            records=o.incidents, repeat=o.repeat, seed=o.seed),
        "forces_readiness": lambda o: forces_readiness.run(units=o.units, repeat=o.repeat,
                                                           seed=o.seed),
        "forces_operations": lambda o: forces_operations.run(
            rows=o.operation_results, repeat=o.repeat, seed=o.seed),
        "assistance_allocation": lambda o: assistance_allocation.run(repeat=min(o.repeat, 5),
                                                                     seed=o.seed),
        "assistance_pages": lambda o: assistance_pages.run(requests=o.requests,
                                                           repeat=o.repeat),
        "crisis_case": lambda o: crisis_case.run(records=o.records, repeat=o.repeat,
                                                 seed=o.seed),
        "federation_exchange": lambda o: federation_exchange.run(records=o.exchanged,
                                                                 repeat=min(o.repeat, 3)),
    }


def main(argv: list[str]) -> int:
    options = _arguments(argv)
    # The test settings, with the database task queue a served Concord uses (bench/settings.py).
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    server_url = os.environ.get("DATABASE_URL", "")
    if server_url.startswith(("postgres://", "postgresql://")):
        database = _postgresql_database(server_url.split("?", 1)[0])
    elif server_url and not server_url.startswith("sqlite:"):
        print(f"bench: DATABASE_URL must name SQLite or PostgreSQL, not {server_url!r}",
              file=sys.stderr)
        return 2
    else:
        database = _sqlite_database()

    with database as url, _var_directory() as var:
        os.environ["DATABASE_URL"] = url
        # Uploads, audit keys and checkpoints of a throwaway database are thrown away with it.
        os.environ["CONCORD_VAR_DIR"] = var
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0, interactive=False)
        chosen = set(options.only or BENCHMARKS)
        status = 0
        for name, run in _runners().items():
            if name in chosen:
                status |= run(options)
        return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
