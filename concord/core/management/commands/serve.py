"""`concord serve`: the production server (waitress) with the background task worker beside it
and the periodic tasks queued on time, so that one command runs the whole of Concord on one
machine. A worker that stops is started again (after a pause that grows while it keeps
failing); the web server never stops because of it."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.urls import get_resolver
from waitress.server import create_server

from concord.core.schedule import enqueue_due
from config.wsgi import application

# The worker finishes the task in hand before it exits; past this it is killed.
WORKER_GRACE_SECONDS = 30
# How often the periodic tasks are looked at (each has its own interval, in the settings).
SCHEDULE_SECONDS = 60
# A worker that ran at least this long before it stopped is restarted at once; one that keeps
# stopping sooner waits longer each time, up to the longest pause.
WORKER_STEADY_SECONDS = 60
WORKER_LONGEST_PAUSE_SECONDS = 60

HIGHEST_PORT = 65535


def _port_from_environment() -> int:
    raw = os.environ.get("PORT", "8000")
    if not raw.isdigit() or not 0 <= int(raw) <= HIGHEST_PORT:
        raise CommandError(f"PORT={raw!r} is not a TCP port number.")
    return int(raw)


# prctl(2): the signal the kernel sends a child when the thread that started it dies.
PR_SET_PDEATHSIG = 1


def _orphan_guard() -> Any:
    """A function for the worker to run between fork and exec so that the kernel stops it
    when this server dies without a chance to stop it (SIGKILL, out of memory). Looked up
    before the fork: only the call itself runs in the child. Linux only; elsewhere None."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    prctl = libc.prctl

    def guard() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)

    return guard


def _freeze_start_up_heap() -> int:
    """Load every view and URL pattern, then move everything alive into the permanent
    generation: the objects of start-up (modules, classes, compiled patterns, translations) live
    as long as the server, and a full collection that walks them again and again would otherwise
    land inside some request and make it the slowest of all. Returns the objects frozen."""
    get_resolver().url_patterns  # noqa: B018 - imports every view module now, not on a request
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    # waitress shuts down cleanly on KeyboardInterrupt; a service manager sends SIGTERM.
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Serve Concord over HTTP with waitress and run the task worker beside it."
    requires_migrations_checks = True

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=None,
                            help="default: $PORT, else 8000; 0 picks a free port")
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-worker", action="store_false", dest="worker",
                            help="do not start the task worker (it runs elsewhere)")

    def handle(self, *args: Any, **options: Any) -> None:
        port = _port_from_environment() if options["port"] is None else options["port"]
        if options["threads"] < 1:
            raise CommandError("--threads must be at least 1.")
        server: Any = create_server(application, host=options["host"], port=port,
                                    threads=options["threads"])
        host = server.effective_host
        shown = f"[{host}]" if ":" in str(host) else host
        frozen = _freeze_start_up_heap()
        self.stdout.write(f"Start-up heap frozen ({frozen} objects).")
        self.stdout.write(f"Concord is serving on http://{shown}:{server.effective_port}/")
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        self._stopping = threading.Event()
        self._worker: subprocess.Popen[bytes] | None = None
        self._worker_lock = threading.Lock()
        try:
            if options["worker"]:
                self._start_worker()
                threading.Thread(target=self._queue_periodic_tasks, daemon=True).start()
            self.stdout.flush()
            server.run()
        except KeyboardInterrupt:
            # A stop asked for before the server loop took over (waitress catches it inside).
            pass
        finally:
            self._stopping.set()
            server.close()
            with self._worker_lock:
                worker = self._worker
            if worker is not None:
                self._stop_worker(worker)

    def _start_worker(self) -> None:
        self._spawn_worker()
        threading.Thread(target=self._keep_worker_running, daemon=True).start()

    def _spawn_worker(self) -> subprocess.Popen[bytes]:
        """Start a worker process; the caller holds the lock once other threads run."""
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
        # Its own process group: a Ctrl-C at the terminal reaches the server only, which then
        # stops the worker once, letting it finish the task in hand.
        worker = subprocess.Popen(
            [sys.executable, "-m", "concord.cli", "worker"],
            # The guard is one prctl call, looked up before the fork: nothing in the child
            # takes a lock another thread could hold.
            env=env, process_group=0, preexec_fn=_orphan_guard(),  # noqa: PLW1509
        )
        self._worker = worker
        self.stdout.write(f"Task worker running (pid {worker.pid}).")
        self.stdout.flush()
        return worker

    def _queue_periodic_tasks(self) -> None:
        while not self._stopping.is_set():
            try:
                for name in enqueue_due():
                    self.stdout.write(f"Queued the periodic task {name}.")
            except Exception:  # a failed round is logged and tried again at the next
                logging.getLogger(__name__).exception("queueing the periodic tasks failed")
            finally:
                connections.close_all()  # this thread's own connections only
            self._stopping.wait(SCHEDULE_SECONDS)

    def _keep_worker_running(self) -> None:
        # This thread starts every later worker and lives as long as the server: the orphan
        # guard is tied to the thread that started the process.
        pause = 1.0
        while True:
            with self._worker_lock:
                worker = self._worker
            if worker is None:
                return
            started = time.monotonic()
            code = worker.wait()
            if self._stopping.is_set():
                return
            # Tasks that silently stop running are worse than a pause: the log says why, and the
            # worker comes back.
            pause = 1.0 if time.monotonic() - started >= WORKER_STEADY_SECONDS else pause
            logging.getLogger(__name__).error(
                "the task worker stopped (exit %s); starting it again in %.0f s", code, pause)
            self.stdout.write(f"Task worker stopped (exit {code}); starting it again in "
                              f"{pause:.0f} s.")
            self.stdout.flush()
            if self._stopping.wait(pause):
                return
            pause = min(pause * 2, WORKER_LONGEST_PAUSE_SECONDS)
            # Under the lock: a stop either sees the new worker or keeps it from starting.
            with self._worker_lock:
                if self._stopping.is_set():
                    return
                self._spawn_worker()

    def _stop_worker(self, worker: subprocess.Popen[bytes]) -> None:
        if worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=WORKER_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        self.stdout.write(f"Task worker stopped (exit {worker.returncode}).")
