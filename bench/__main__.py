"""`python -m bench`: build a throwaway database, fill it, measure, and drop it again.

By default the database is an SQLite file in a temporary directory. With DATABASE_URL naming a
PostgreSQL server, a database `concord_bench` is created on that server and dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Another name lets a second run share the PostgreSQL server without dropping the first's.
BENCH_DATABASE = os.environ.get("CONCORD_BENCH_DATABASE", "concord_bench")


BENCHMARKS = ("council_lists", "serve_load", "writes_during_import", "label_scope",
              "monitoring_import", "monitoring_situation", "crisis_case")
BENCHMARKS = (*BENCHMARKS, "forces_readiness")  # type: ignore[assignment]


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
    parser.add_argument("--only", action="append", choices=BENCHMARKS, metavar="NAME",
                        help="run only this benchmark (repeatable): " + ", ".join(BENCHMARKS))
    return parser.parse_args(argv)


@contextmanager
def _sqlite_database() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="concord-bench-") as directory:
        yield "sqlite:///" + str(Path(directory) / "bench.sqlite3")


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
        # A run that was killed leaves its database behind; a benchmark starts from nothing.
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))
        try:
            yield server_url.rsplit("/", 1)[0] + "/" + BENCH_DATABASE
        finally:
            from django.db import connections

            connections.close_all()
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))


def _crisis_case(chosen: set[str], options: argparse.Namespace) -> int:
    if "crisis_case" not in chosen:
        return 0
    from bench import crisis_case

    return crisis_case.run(records=options.records, repeat=options.repeat, seed=options.seed)


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

    with database as url, tempfile.TemporaryDirectory(prefix="concord-bench-var-") as var:
        os.environ["DATABASE_URL"] = url
        # Uploads, audit keys and checkpoints of a throwaway database are thrown away with it.
        os.environ["CONCORD_VAR_DIR"] = var
        (Path(var) / "static").mkdir()  # nothing is collected; whitenoise wants the directory
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0, interactive=False)
        from bench import (
            council_lists,
            label_scope,
            monitoring_import,
            monitoring_situation,
            serve_load,
            writes_during_import,
        )

        chosen = set(options.only or BENCHMARKS)
        status = 0
        # The council benchmark loads the demo organization; the others add to what is there.
        if "council_lists" in chosen:
            status |= council_lists.run(documents=options.documents, repeat=options.repeat)
        # Both start servers on 127.0.0.1 over the demo organization (loaded if missing), before
        # the monitoring benchmarks fill the incident table with a million rows.
        if "serve_load" in chosen:
            status |= serve_load.run(clients=options.clients, seconds=options.seconds,
                                     threads=options.threads, seed=options.seed)
        if "writes_during_import" in chosen:
            status |= writes_during_import.run(rows=options.import_rows,
                                               writers=options.writers,
                                               threads=options.threads, seed=options.seed)
        if "label_scope" in chosen:
            status |= label_scope.run(records=options.records, repeat=options.repeat,
                                      seed=options.seed)
        # An import of a million rows takes tens of seconds: three interleaved rounds suffice.
        if "monitoring_import" in chosen:
            status |= monitoring_import.run(records=options.incidents,
                                            repeat=min(options.repeat, 3), seed=options.seed)
        if "monitoring_situation" in chosen:
            status |= monitoring_situation.run(records=options.incidents,
                                               repeat=options.repeat, seed=options.seed)
        status |= _crisis_case(chosen, options)
        if "forces_readiness" in chosen:
            from bench import forces_readiness

            status |= forces_readiness.run(units=options.units, repeat=options.repeat,
                                           seed=options.seed)
        return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
