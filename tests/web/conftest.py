"""Browser fixtures: Debian's Chromium driven by Playwright, against a real ``thaw serve``.

Playwright's own browser download needs the internet, so the tests drive the
system Chromium through its executable path (``$THAW_CHROMIUM``, default
``/usr/bin/chromium``; ``.ci/setup.d/50-chromium.sh`` installs it). Without it the
tests skip, except in CI (``CI=true``), where they fail.

Every page a test opens collects the console errors and uncaught exceptions of
the page; a test fails if there is any.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWPORT = {"width": 1366, "height": 768}


def chromium_path() -> str:
    """The Chromium to drive; skip (fail in CI) when there is none."""
    path = os.environ.get("THAW_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if Path(path).is_file():
        return path
    message = f"Chromium not found at {path} (apt-get install chromium chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail("CI must run the browser tests: " + message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - dev dependency missing
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: playwright is not installed")
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Watched:
    """A page and the console errors it produced."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url', '')})")


def screenshot(page: Any, name: str) -> Path:
    """Save the visible page (1366×768) as docs/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


class WebServer:
    """A running ``thaw serve``: its base URL, its data home and an analyst key."""

    def __init__(self, url: str, home: Path, analyst_key: str) -> None:
        self.url = url
        self.home = home
        self.analyst_key = analyst_key


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def web_server(real_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    """``thaw serve`` on a free loopback port over a copy of the real lists, plus an
    older UN publication (so that Changes has two to compare), with an analyst key
    named "web analyst"."""
    import subprocess
    import sys
    import time

    import httpx

    from tests.conftest import LISTS
    from thaw.store.state import open_state

    chromium_path()  # no browser, no server
    home = tmp_path_factory.mktemp("web-home") / "home"
    shutil.copytree(real_home, home)
    older = LISTS / "un_sc" / "2025-04-19" / "consolidated.xml"
    subprocess.run(
        [sys.executable, "-m", "thaw.cli", "load", "--history", str(older), "--home", str(home)],
        check=True,
        capture_output=True,
    )
    state = open_state(home)
    try:
        _, secret = state.keys.create("web analyst", "analyst")
    finally:
        state.close()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "THAW_HOME": str(home)}
    log = (home / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "thaw.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    "thaw serve exited: " + (home / "serve.log").read_text(errors="replace")
                )
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("thaw serve did not become ready within 120 s")
            time.sleep(0.3)
        yield WebServer(url, home, secret)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
