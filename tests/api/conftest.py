"""A real ``thaw serve`` process for HTTP tests, reusable by every router's tests.

``server`` (shared by the whole run) starts ``thaw serve`` on a free loopback port over a
copy of a small home (the UN fixture list, 20 invented listings, plus the OFAC
fixture), with an admin key, and yields a :class:`Server`: its ``url``, the admin
key's secret, the home, and helpers to make more keys and requests. Modules whose
tests change what other tests see (decisions, profile links) use ``module_server``;
tests that change what the server serves (new lists) use ``fresh_server``
(function-scoped) or start their own with :func:`start_server`.
"""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from thaw.store import Store
from thaw.store.state import open_state

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
UN_LIST = FIXTURES / "cli" / "un_sc" / "consolidated.xml"
OFAC_CSV = FIXTURES / "ofac" / "csv"
TLS = ssl.create_default_context()
"""One TLS context for the tests' HTTP clients (``verify=TLS``): httpx otherwise
builds one for every client and every ``httpx.get``, loading the CA bundle (some
20 ms of CPU each, though the tests speak plain HTTP to loopback), and the suite
makes thousands (each server start polls ``/readyz``)."""


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_home(home: Path, *paths: Path, date: str = "2024-05-03") -> Path:
    """A thaw home holding the publications at ``paths`` (files or folders; ``date``
    for those that carry none), indexed and profiled."""
    from thaw.index import ensure_index
    from thaw.profiles import Profiles
    from thaw.sources import plan
    from thaw.store import load

    with Store(home) as store:
        files = [f for p in paths for f in (sorted(p.iterdir()) if p.is_dir() else [p])]
        for job in plan(files):
            load(store, job, date=date)
        ensure_index(store)
        Profiles(store).refresh()
    return home


@dataclass
class Server:
    """A running ``thaw serve`` (see the module docs)."""

    url: str
    key: str
    home: Path
    process: subprocess.Popen[bytes]
    env: dict[str, str] = field(default_factory=dict)
    log: Path | None = None

    def headers(self, key: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {key or self.key}"}

    def client(self, key: str | None = None, **kw: Any) -> httpx.Client:
        """An HTTP client with a key (the admin's by default)."""
        kw.setdefault("verify", TLS)
        return httpx.Client(base_url=self.url, headers=self.headers(key), timeout=60, **kw)

    def create_key(self, role: str, name: str | None = None, rate: float | None = None) -> str:
        """A new key of ``role`` (made through the state, as ``thaw keys create`` does)."""
        with open_state(self.home, self.env.get("THAW_DATABASE_URL")) as state:
            _, secret = state.keys.create(name or f"test {role}", role, rate=rate)
        return secret

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log else ""


def start_server(
    home: Path, extra_env: dict[str, str] | None = None, args: tuple[str, ...] = ()
) -> Server:
    """Start ``thaw serve`` over ``home`` with a new admin key and wait until it is
    ready (the caller stops it with :func:`stop_server`)."""
    env = {**os.environ, "THAW_HOME": str(home), "THAW_RELOAD_EVERY": "0.5", **(extra_env or {})}
    with open_state(home, env.get("THAW_DATABASE_URL")) as state:
        _, key = state.keys.create("test admin", "admin", rate=0)
    port = free_port()
    log = home / f"serve-{port}.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from thaw.cli import main; main()",
            "serve",
            "--port",
            str(port),
            *args,
        ],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    server = Server(f"http://127.0.0.1:{port}", key, home, process, env, log)
    deadline = time.monotonic() + 90
    with httpx.Client(timeout=2, verify=TLS) as http:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"thaw serve exited with {process.returncode}:\n{server.output()}"
                )
            try:
                if http.get(f"{server.url}/readyz").status_code == 200:
                    return server
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
    stop_server(server)
    raise RuntimeError(f"thaw serve did not become ready:\n{server.output()}")


def stop_server(server: Server) -> None:
    """Stop the server (SIGTERM, then SIGKILL after 15 s)."""
    server.process.terminate()
    try:
        server.process.wait(15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def base_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with the UN and OFAC fixture lists (read-only: copy it)."""
    return build_home(tmp_path_factory.mktemp("api-base") / "home", UN_LIST, OFAC_CSV)


def copy_home(base: Path, target: Path) -> Path:
    """A writable copy of a home."""
    shutil.copytree(base, target)
    return target


@pytest.fixture(scope="session")
def server(base_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A ``thaw serve`` shared by every test of the run (of a pytest-xdist worker)
    that asks for it: each start costs some 4 CPU-s. Tests may add and revoke their
    own keys and read anything; a module whose tests change what the others see
    (decisions, profile links, the lists) defines its own ``server`` fixture
    returning :func:`module_server`."""
    yield from _serving_a_copy(base_home, tmp_path_factory)


@pytest.fixture(scope="module")
def module_server(base_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A ``thaw serve`` shared by the tests of one module only (see :func:`server`)."""
    yield from _serving_a_copy(base_home, tmp_path_factory)


def _serving_a_copy(base: Path, factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``thaw serve`` over a copy of ``base`` while the generator runs."""
    srv = start_server(copy_home(base, factory.mktemp("api") / "home"))
    yield srv
    stop_server(srv)


@pytest.fixture
def fresh_server(base_home: Path, tmp_path: Path) -> Iterator[Server]:
    """A ``thaw serve`` of its own for one test."""
    srv = start_server(copy_home(base_home, tmp_path / "home"))
    yield srv
    stop_server(srv)
