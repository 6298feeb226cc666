"""The rate limit per key, shared by every worker process of a server.

Each key has a token bucket: ``rate`` requests per second, bursts of
``rate * burst``. The buckets live in a small memory-mapped file in the data
home (``serve-rate.bin``, 4,096 slots of 32 bytes: a 16-byte digest of the key
id, then the tokens left and the time they were counted, two doubles). Every
``thaw serve`` worker on the machine maps the same file, and a take is one
``flock``-guarded read-modify-write of the key's slot, so the limit is exact
per key across ``--workers N`` (and across several servers over one home), at
about two system calls per request. Times are ``CLOCK_MONOTONIC``, which is one
clock for every process of a machine.

Several *machines* sharing the team state through PostgreSQL each keep their
own buckets: behind a load balancer over ``M`` instances a key may make up to
``M`` times its rate. (A shared budget there would cost a database round trip
per request; rate limits at that tier belong to the load balancer.)

If every slot is taken (more than 4,096 keys used since the file was created),
the table starts over: each key gets a full bucket once more.
"""

from __future__ import annotations

import fcntl
import hashlib
import mmap
import os
import struct
import threading
import time
from pathlib import Path

SLOTS = 4096
"""Keys the table holds."""
_SLOT = 32
_DIGEST = 16
_EMPTY = bytes(_DIGEST)
_PAIR = struct.Struct("=dd")


class SharedRateLimiter:
    """Token buckets per key in a file shared by processes (see the module docs)."""

    def __init__(self, path: Path, burst: float) -> None:
        self.path = path
        self.burst = burst
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        size = SLOTS * _SLOT
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            if os.fstat(self._fd).st_size < size:
                os.ftruncate(self._fd, size)
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._map = mmap.mmap(self._fd, size)
        self._lock = threading.Lock()  # flock is per open file, not per thread
        self._digests: dict[str, bytes] = {}

    def _digest(self, key_id: str) -> bytes:
        digest = self._digests.get(key_id)
        if digest is None:
            digest = hashlib.blake2b(key_id.encode(), digest_size=_DIGEST).digest()
            if digest == _EMPTY:  # pragma: no cover - a 2**-128 chance
                digest = b"\x01" + digest[1:]
            if len(self._digests) > SLOTS:
                self._digests.clear()
            self._digests[key_id] = digest
        return digest

    def take(self, key_id: str, rate: float) -> float:
        """Spend one of the key's tokens: 0.0 if allowed, else the seconds until one
        is available. A ``rate`` of 0 (or below) means no limit."""
        if rate <= 0:
            return 0.0
        capacity = max(1.0, rate * self.burst)
        digest = self._digest(key_id)
        first = int.from_bytes(digest[:4], "little") % SLOTS
        buf = self._map
        with self._lock:
            fcntl.flock(self._fd, fcntl.LOCK_EX)
            try:
                now = time.monotonic()
                offset = self._slot(digest, first)
                if offset is None:  # the table is full: start over
                    buf[:] = bytes(len(buf))
                    offset = first * _SLOT
                if buf[offset : offset + _DIGEST] != digest:
                    buf[offset : offset + _DIGEST] = digest
                    tokens, last = capacity, now
                else:
                    tokens, last = _PAIR.unpack_from(buf, offset + _DIGEST)
                elapsed = now - last if now >= last else 0.0  # (a reboot resets the clock)
                tokens = min(capacity, tokens + elapsed * rate)
                if tokens >= 1.0:
                    _PAIR.pack_into(buf, offset + _DIGEST, tokens - 1.0, now)
                    return 0.0
                _PAIR.pack_into(buf, offset + _DIGEST, tokens, now)
                return (1.0 - tokens) / rate
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _slot(self, digest: bytes, first: int) -> int | None:
        """The offset of the key's slot, or of the first free one after it (linear
        probing); ``None`` if the table is full."""
        buf = self._map
        for probe in range(SLOTS):
            offset = ((first + probe) % SLOTS) * _SLOT
            found = buf[offset : offset + _DIGEST]
            if found == digest or found == _EMPTY:
                return offset
        return None

    def close(self) -> None:
        """Unmap the file."""
        with self._lock:
            self._map.close()
            os.close(self._fd)
