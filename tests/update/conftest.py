"""Fixtures of the update tests: an HTTP server on 127.0.0.1 (see ``_http.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.update._http import Server


@pytest.fixture
def http() -> Iterator[Server]:
    server = Server()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
