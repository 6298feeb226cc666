"""A small HTTP server on 127.0.0.1 for the download tests.

Each route serves bytes with an ETag and Last-Modified, answers conditional
requests with 304, and can be told to fail a number of times first (HTTP 500),
to cut its body short (a truncated download) or to stall half-way.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Route:
    body: bytes
    last_modified: str | None = "Wed, 05 Mar 2025 10:00:00 GMT"
    etag: str | None = None
    fail_times: int = 0
    fail_status: int = 500
    retry_after: str | None = None
    truncate: bool = False
    stall: float = 0.0
    """Seconds to wait after the first half of the body (a slow download)."""
    status: int = 200
    hits: int = 0
    conditional_hits: int = 0
    headers: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.etag is None:
            self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return None

            def do_GET(self) -> None:  # noqa: N802
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                route.hits += 1
                route.headers.append(dict(self.headers))
                if route.fail_times > 0:
                    route.fail_times -= 1
                    self.send_response(route.fail_status)
                    if route.retry_after is not None:
                        self.send_header("Retry-After", route.retry_after)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    route.conditional_hits += 1
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                self.send_header("Content-Length", str(len(route.body)))
                if route.truncate:
                    self.send_header("Connection", "close")
                self.end_headers()
                if route.truncate:
                    self.wfile.write(route.body[: len(route.body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                if route.stall:
                    half = len(route.body) // 2
                    self.wfile.write(route.body[:half])
                    self.wfile.flush()
                    time.sleep(route.stall)
                    self.wfile.write(route.body[half:])
                    return
                self.wfile.write(route.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def serve(self, path: str, body: bytes | Path, **kw: object) -> Route:
        data = body.read_bytes() if isinstance(body, Path) else body
        route = Route(data, **kw)  # type: ignore[arg-type]
        self.routes[path] = route
        return route

    def serve_tree(self, root: Path, prefix: str = "") -> None:
        """Serve every file under ``root`` at ``prefix/<relative path>``."""
        for path in sorted(root.rglob("*")):
            if path.is_file():
                self.serve(f"{prefix}/{path.relative_to(root).as_posix()}", path)
