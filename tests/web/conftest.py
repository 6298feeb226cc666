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
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.api.conftest import base_home, server  # noqa: F401 (svc's fixtures, reused here)

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
SCREENSHOTS = Path(
    os.environ.get("THAW_SCREENSHOTS") or Path(tempfile.gettempdir()) / "thaw-screenshots"
)
"""Where the pages' screenshots go: one temporary folder, which each run overwrites
(so that a run leaves neither the repository nor the temp folder growing);
``THAW_SCREENSHOTS=docs/screenshots`` refreshes the README's."""
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
    """Save the visible page (1366×768) as NAME.png in :data:`SCREENSHOTS`."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    quantize = shutil.which("pngquant")
    if quantize:  # a 256-colour palette: a third of the size, the same to the eye
        import subprocess

        subprocess.run(
            [quantize, "--force", "--skip-if-larger", "--quality", "70-90"]
            + ["--output", str(path), str(path)],
            check=False,
        )
    return path


class WebServer:
    """A running ``thaw serve`` over the real lists: its base URL, its data home and
    an analyst key named "web analyst"."""

    def __init__(self, url: str, home: Path, analyst_key: str) -> None:
        self.url = url
        self.home = home
        self.analyst_key = analyst_key


@pytest.fixture(scope="session")
def web_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WebServer]:
    """``thaw serve`` (svc's :func:`tests.api.conftest.start_server`) over a copy of
    the real lists plus an older UN publication, so that Changes has two to compare.

    While developing, ``THAW_WEB_URL``, ``THAW_WEB_KEY`` (an analyst key) and
    ``THAW_WEB_HOME`` point the tests at a server already running instead."""
    import subprocess
    import sys

    from tests.api.conftest import start_server, stop_server
    from tests.conftest import LISTS, copy_home

    chromium_path()  # no browser, no server
    if os.environ.get("THAW_WEB_URL"):  # a server already running (while developing)
        yield WebServer(
            os.environ["THAW_WEB_URL"],
            Path(os.environ["THAW_WEB_HOME"]),
            os.environ["THAW_WEB_KEY"],
        )
        return
    # with the profiles already built (the pages read them: the server built them
    # itself over a copy of real_home, some 35 CPU-s)
    real_profiles_home = request.getfixturevalue("real_profiles_home")
    home = copy_home(real_profiles_home, tmp_path_factory.mktemp("web") / "home")
    older = LISTS / "un_sc" / "2025-04-19" / "consolidated.xml"
    subprocess.run(
        [sys.executable, "-c", "from thaw.cli import main; main()", "load", "--history"]
        + [str(older), "--home", str(home)],
        check=True,
        capture_output=True,
    )
    running = start_server(home)
    try:
        yield WebServer(running.url, home, running.create_key("analyst", "web analyst", rate=0))
    finally:
        stop_server(running)
