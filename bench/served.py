"""What the benchmarks against a running server share: starting `concord serve` (or another
server) on 127.0.0.1 and always stopping it, signing the personas in as a person would, a
keep-alive HTTP client, and the arithmetic of latencies.

The client is plain `http.client`, one persistent connection per simulated user, in threads:
each request costs the client some tens of microseconds of Python, far below what Django spends
answering it, and the client's own CPU time is printed beside every run so that a client that
became the bottleneck shows.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http import HTTPStatus
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# The bench settings: the test overlay with the database task queue and the bare view.
SETTINGS = "bench.settings"
STOP_SECONDS = 40  # beyond the worker's own grace period for the task in hand


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def child_env(**extra: str) -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")]))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "PYTHONPATH": path, **extra}
    env.pop("PORT", None)
    return env


@dataclass
class Server:
    """A server process in its own process group, its output read by a thread (so that a full
    pipe never stalls it) and kept for the report of a failure."""

    name: str
    process: subprocess.Popen[str]
    port: int = 0
    lines: list[str] = field(default_factory=list)
    worker_pids: list[int] = field(default_factory=list)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            if found := re.search(r"worker running \(pid (\d+)\)", line):
                self.worker_pids.append(int(found.group(1)))

    def wait_for(self, pattern: str, seconds: float = 60) -> re.Match[str]:
        deadline = time.monotonic() + seconds
        seen = 0
        while time.monotonic() < deadline:
            for line in self.lines[seen:]:
                if found := re.search(pattern, line):
                    return found
            seen = len(self.lines)
            if self.process.poll() is not None and seen == len(self.lines):
                break
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not print {pattern!r}:\n{''.join(self.lines)}")

    def wait_listening(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with socket.create_connection((HOST, self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.name} is not listening on {HOST}:{self.port}:\n"
                           f"{''.join(self.lines)}")

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server's process group (a server and its own worker
        processes, as gunicorn's; not Concord's task worker, which has a group of its own)."""
        return group_cpu_seconds(self.process.pid)

    def stop(self) -> None:
        """SIGTERM first, so that `concord serve` stops its worker itself; then SIGKILL to the
        group and to any worker still alive (a worker has a group of its own)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            with suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=STOP_SECONDS)
        for pid in [self.process.pid, *self.worker_pids]:
            with suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        self.process.wait()


def group_cpu_seconds(group: int) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command may hold spaces and parentheses: fields are counted after the last ')'.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group:  # pgrp
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


@contextmanager
def running(name: str, command: list[str], *, port: int | None = None,
            env: dict[str, str] | None = None) -> Iterator[Server]:
    """Start a server and yield it once it accepts connections; stop it whatever happens.
    With no port given the command is `concord serve --port 0` and says where it listens."""
    # The commands are this package's own: Python with fixed arguments.
    process = subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=env or child_env(), text=True, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, process_group=0)
    server = Server(name=name, process=process)
    threading.Thread(target=server._read, daemon=True).start()
    try:
        if port is None:
            url = server.wait_for(r"serving on http://[^:]+:(\d+)/").group(1)
            server.port = int(url)
        else:
            server.port = port
        server.wait_listening()
        yield server
    finally:
        server.stop()


def concord_serve(*, threads: int, worker: bool = True) -> list[str]:
    command = [sys.executable, "-m", "concord.cli", "serve", "--host", HOST, "--port", "0",
               "--threads", str(threads)]
    return command if worker else [*command, "--no-worker"]


# --- The client --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Request:
    kind: str  # what the report groups by: "page", "api read", "api write", "bare"
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None = None


class Connection:
    """One persistent HTTP/1.1 connection to the server, opened again after a failure."""

    def __init__(self, port: int, timeout: float = 60) -> None:
        self.port = port
        self.timeout = timeout
        self._conn: http.client.HTTPConnection | None = None

    def send(self, request: Request) -> tuple[int, bytes, http.client.HTTPResponse | None]:
        # A kept-alive connection the server closed between requests is opened again and the
        # request sent once more; a second failure is answered as status 0.
        for _attempt in range(2):
            if self._conn is None:
                self._conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            try:
                self._conn.request(request.method, request.path, body=request.body,
                                   headers=request.headers)
                response = self._conn.getresponse()
                body = response.read()
                if response.will_close:
                    self.close()
                return response.status, body, response
            except (OSError, http.client.HTTPException):
                self.close()
        return 0, b"", None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def json_request(kind: str, method: str, path: str, token: str,
                 payload: Any = None) -> Request:
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    body = None
    if payload is not None:
        body = json.dumps(payload).encode("utf-8")
        headers["Content-Type"] = "application/json"
    return Request(kind, method, path, headers, body)


def _cookies(response: http.client.HTTPResponse, jar: dict[str, str]) -> None:
    for header in response.headers.get_all("Set-Cookie") or []:
        parsed: SimpleCookie = SimpleCookie()
        parsed.load(header)
        for name, morsel in parsed.items():
            jar[name] = morsel.value


def sign_in(port: int, *, username: str, password: str,
            code: Callable[[], str] | None = None) -> dict[str, str]:
    """Sign in through the login form, and the one-time code when the account needs one, as a
    browser would; return the cookies a page request then sends."""
    jar: dict[str, str] = {}
    connection = Connection(port)

    def step(path: str, fields: dict[str, str] | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
        body = None
        if fields is not None:
            form_status, form, _response = connection.send(Request("login", "GET", path, headers))
            if form_status != HTTPStatus.OK:
                raise RuntimeError(f"GET {path} answered {form_status}")
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form)
            if token is None:
                raise RuntimeError(f"no CSRF token in {path}")
            fields = {**fields, "csrfmiddlewaretoken": token.group(1).decode()}
            body = urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, _body, response = connection.send(
            Request("login", "POST" if body else "GET", path, headers, body))
        if response is None:
            raise RuntimeError(f"{path}: no answer")
        _cookies(response, jar)
        return status, response.headers.get("Location", "")

    step("/accounts/login/")  # the CSRF cookie
    status, location = step("/accounts/login/", {"username": username, "password": password})
    if status == HTTPStatus.FOUND and "/verify/" in location:
        if code is None:
            raise RuntimeError(f"{username} needs a one-time code")
        status, location = step(location, {"code": code()})
    connection.close()
    if status != HTTPStatus.FOUND or "sessionid" not in jar:
        raise RuntimeError(f"{username} could not sign in (answer {status}, to {location!r})")
    return jar


def session_headers(jar: dict[str, str]) -> dict[str, str]:
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}


# --- Load and its figures ----------------------------------------------------------------------

@dataclass
class Sample:
    kind: str
    status: int
    seconds: float


@dataclass
class Run:
    seconds: float
    samples: list[Sample]
    client_cpu: float
    server_cpu: float = float("nan")

    def of(self, kind: str | None = None) -> list[Sample]:
        return [s for s in self.samples if kind is None or s.kind == kind]

    @property
    def rate(self) -> float:
        return len(self.samples) / self.seconds

    def statuses(self) -> Counter[int]:
        return Counter(s.status for s in self.samples)


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def hammer(port: int, *, clients: int, seconds: float,
           plan: Callable[[int, int], Request], pause: float = 0.0,
           stop: threading.Event | None = None, server: Server | None = None) -> Run:
    """`clients` threads, each with its own connection, each sending `plan(client, n)` as soon
    as its previous answer arrived (or `pause` seconds after the previous one started), until
    the time is up or `stop` is set. Returns every answer's status and latency."""
    stop = stop or threading.Event()
    samples: list[list[Sample]] = [[] for _ in range(clients)]
    start = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(number: int) -> None:
        connection = Connection(port)
        own = samples[number]
        start.wait()
        sent = 0
        try:
            while (began := time.perf_counter()) < deadline[0] and not stop.is_set():
                request = plan(number, sent)
                status, _body, _response = connection.send(request)
                own.append(Sample(request.kind, status, time.perf_counter() - began))
                sent += 1
                if pause:
                    stop.wait(max(0.0, began + pause - time.perf_counter()))
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    cpu = time.process_time()
    server_cpu = server.cpu_seconds() if server else float("nan")
    began = time.perf_counter()
    deadline[0] = began + seconds
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    server_cpu = (server.cpu_seconds() - server_cpu) if server else float("nan")
    return Run(seconds=elapsed, samples=[s for own in samples for s in own],
               client_cpu=(time.process_time() - cpu) / elapsed, server_cpu=server_cpu / elapsed)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"
