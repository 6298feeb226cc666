"""Downloading publications: conditional requests, timeouts, retries, verification.

:class:`Fetcher` downloads one URL to a file:

* **conditional requests**: the ``ETag`` and ``Last-Modified`` of the last download
  that was loaded successfully are remembered per URL (:class:`DownloadCache`, a JSON
  file in the store home) and sent back as ``If-None-Match`` / ``If-Modified-Since``;
  a ``304 Not Modified`` answer costs no transfer;
* **timeouts** on connecting and on every read;
* **retries** with exponential backoff (``backoff * 2**attempt`` seconds, or the
  server's ``Retry-After``, at most :data:`MAX_WAIT`) on connection failures,
  timeouts, truncated bodies and HTTP 408/425/429/5xx; other HTTP errors fail at once;
* **verification**: a body shorter than its ``Content-Length`` is a truncated
  download, retried and finally refused; the file is written to ``NAME.part`` and
  renamed only when complete.

A failure raises :class:`FetchError` naming the URL and the precise reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
from rich.progress import Progress, TaskID

import thaw

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_WAIT = 60.0
"""The longest wait between two attempts, in seconds."""
CHUNK = 1 << 16
USER_AGENT = f"thaw/{getattr(thaw, '__version__', '0')} (sanctions list updater)"


class FetchError(Exception):
    """A download failed; the message names the URL and the reason."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


@dataclass(slots=True)
class CacheEntry:
    """What is remembered of a URL's last successfully loaded download."""

    etag: str | None = None
    last_modified: str | None = None
    path: str | None = None
    sha256: str | None = None
    fetched_at: str | None = None


class DownloadCache:
    """Validators of past downloads per URL, kept as JSON in ``path``.

    Entries are written (:meth:`save`) only after the downloaded publication was
    loaded, so that a download that failed to load is fetched again next time
    rather than answered ``304``.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, CacheEntry] = {}
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = {}
        if isinstance(raw, dict):
            for url, data in raw.items():
                if isinstance(data, dict):
                    known = {k: v for k, v in data.items() if k in CacheEntry.__slots__}
                    self.entries[url] = CacheEntry(**known)

    def get(self, url: str) -> CacheEntry | None:
        """The entry of ``url`` if its file is still there."""
        entry = self.entries.get(url)
        if entry is None or not entry.path or not Path(entry.path).is_file():
            return None
        return entry

    def put(self, url: str, entry: CacheEntry) -> None:
        self.entries[url] = entry

    def save(self) -> None:
        """Write the cache atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".part")
        data = {url: asdict(entry) for url, entry in sorted(self.entries.items())}
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A finished request: ``modified`` is ``False`` for a ``304`` (then ``path`` is
    the cached file)."""

    url: str
    path: Path
    modified: bool
    entry: CacheEntry
    size: int
    attempts: int


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def last_modified_date(entry: CacheEntry) -> str | None:
    """The ``Last-Modified`` header as ``YYYY-MM-DD`` (UTC), if there was one."""
    if not entry.last_modified:
        return None
    try:
        return parsedate_to_datetime(entry.last_modified).astimezone(UTC).date().isoformat()
    except (TypeError, ValueError):
        return None


class _Retry(Exception):
    """An attempt failed in a way worth retrying."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, (when - datetime.now(UTC)).total_seconds())


class Fetcher:
    """Downloads files over HTTP(S) with conditional requests and retries.

    ``retries`` is the number of further attempts after the first; ``backoff`` the
    first wait in seconds (doubled at every attempt). ``progress`` (a
    :class:`rich.progress.Progress`) shows a bar per download.
    """

    def __init__(
        self,
        *,
        timeout: float = 60.0,
        retries: int = 3,
        backoff: float = 1.0,
        progress: Progress | None = None,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        self.progress = progress
        self.sleep = sleep
        self._own_client = client is None
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 20.0)),
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, dest: Path, cached: CacheEntry | None = None) -> FetchResult:
        """Download ``url`` to ``dest`` unless ``cached`` is still current (``304``)."""
        attempt = 0
        while True:
            try:
                return self._attempt(url, dest, cached, attempt + 1)
            except _Retry as exc:
                if attempt >= self.retries:
                    tries = f"{attempt + 1} attempt{'s' if attempt else ''}"
                    raise FetchError(url, f"{exc.reason} (gave up after {tries})") from None
                wait = self.backoff * (2**attempt)
                if exc.wait is not None:
                    wait = max(wait, exc.wait)
                self.sleep(min(wait, MAX_WAIT))
                attempt += 1

    def _attempt(
        self, url: str, dest: Path, cached: CacheEntry | None, attempts: int
    ) -> FetchResult:
        headers: dict[str, str] = {}
        if cached is not None:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        part = dest.with_name(dest.name + ".part")
        dest.parent.mkdir(parents=True, exist_ok=True)
        task: TaskID | None = None
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304 and cached is not None and cached.path:
                    path = Path(cached.path)
                    return FetchResult(url, path, False, cached, path.stat().st_size, attempts)
                reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                if response.status_code in RETRY_STATUS:
                    raise _Retry(reason, _retry_after(response))
                if response.status_code != 200:
                    raise FetchError(url, reason)
                declared = response.headers.get("Content-Length", "")
                total = int(declared) if declared.isdigit() else None
                if self.progress is not None:
                    task = self.progress.add_task(dest.name, total=total)
                with open(part, "wb") as fh:
                    for chunk in response.iter_bytes(CHUNK):
                        fh.write(chunk)
                        if task is not None and self.progress is not None:
                            self.progress.update(task, completed=response.num_bytes_downloaded)
                # Content-Length counts the bytes on the wire (before any decoding).
                received = response.num_bytes_downloaded
                if total is not None and received < total:
                    raise _Retry(f"truncated download: {received} of {total} bytes")
                entry = CacheEntry(
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                    fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
        except BaseException as exc:
            part.unlink(missing_ok=True)
            if isinstance(exc, httpx.TimeoutException):
                raise _Retry(f"timed out ({type(exc).__name__})") from exc
            if isinstance(exc, httpx.RemoteProtocolError):
                raise _Retry(f"connection broken, download incomplete: {exc}") from exc
            if isinstance(exc, httpx.DecodingError):
                raise _Retry(f"corrupt transfer encoding: {exc}") from exc
            if isinstance(exc, httpx.TransportError):
                raise _Retry(f"network error: {exc or type(exc).__name__}") from exc
            if isinstance(exc, OSError):
                raise FetchError(url, f"cannot write {part}: {exc.strerror or exc}") from exc
            raise
        finally:
            if task is not None and self.progress is not None:
                self.progress.remove_task(task)
        os.replace(part, dest)
        entry.path = str(dest)
        entry.sha256 = file_sha256(dest)
        return FetchResult(url, dest, True, entry, dest.stat().st_size, attempts)


def describe(result: FetchResult) -> dict[str, Any]:
    """A JSON-ready summary of one fetch."""
    return {
        "url": result.url,
        "path": str(result.path),
        "modified": result.modified,
        "size": result.size,
        "attempts": result.attempts,
    }
