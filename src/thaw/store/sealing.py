"""Secrets the store must be able to read back (webhook signing secrets), sealed at rest.

A webhook secret cannot be hashed like an API key: every delivery is signed with
it. It is stored encrypted instead, with Fernet (AES-128-CBC with HMAC-SHA256,
from the maintained ``cryptography`` package), under a key kept *outside* the
database, so that a copy of the database (a backup, a leaked file) does not give
away the secrets:

* ``THAW_SECRET_KEY``: a Fernet key (32 url-safe base64 bytes, e.g. from
  ``python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"``),
  for deployments that hold their keys in the environment; or else
* ``THAW_HOME/secret.key``: created on first use with permissions 0600; a key
  file that others may read or write is refused.

Sealed values are text ``fernet:`` + token; :func:`is_sealed` tells them from
values written before sealing existed (which the portfolio store migrates on
opening). :func:`fingerprint` is what lists show instead of a secret.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

PREFIX = "fernet:"
KEY_FILE = "secret.key"
ENV_KEY = "THAW_SECRET_KEY"


class SealingError(RuntimeError):
    """The sealing key is missing, unsafe or wrong for a stored secret."""


def is_sealed(value: str) -> bool:
    """Whether ``value`` is a sealed secret (rather than one stored in clear)."""
    return value.startswith(PREFIX)


def fingerprint(secret: str) -> str:
    """A short fingerprint of a secret for display (``sha256:`` and 12 hex digits):
    enough to tell two secrets apart or check one against a receiver's, not to
    recover it."""
    digest = hashlib.sha256(b"thaw-webhook-secret:" + secret.encode()).hexdigest()
    return "sha256:" + digest[:12]


def _key_from_file(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise SealingError(
                f"{path} may be read or written by other users (mode {stat.S_IMODE(mode):o});"
                f" run: chmod 600 {path}"
            ) from None
        return path.read_bytes().strip()
    key = Fernet.generate_key()
    with os.fdopen(fd, "wb") as fh:
        fh.write(key + b"\n")
    return key


class Sealer:
    """Seals and opens secrets with the key of one data home (see the module docs).
    The key is read (or created) on first use."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self._fernet: Fernet | None = None

    @property
    def key_source(self) -> str:
        """Where the key comes from (for messages)."""
        return ENV_KEY if os.environ.get(ENV_KEY) else str(self.home / KEY_FILE)

    def _cipher(self) -> Fernet:
        if self._fernet is None:
            given = os.environ.get(ENV_KEY)
            key = given.strip().encode() if given else _key_from_file(self.home / KEY_FILE)
            try:
                self._fernet = Fernet(key)
            except (ValueError, TypeError) as exc:
                raise SealingError(
                    f"{self.key_source} is not a Fernet key (32 url-safe base64 bytes)"
                ) from exc
        return self._fernet

    def seal(self, secret: str) -> str:
        """The sealed form of ``secret``."""
        return PREFIX + self._cipher().encrypt(secret.encode()).decode()

    def open(self, value: str) -> str:
        """The secret behind a sealed ``value`` (a value in clear is returned as is)."""
        if not is_sealed(value):
            return value
        try:
            return self._cipher().decrypt(value[len(PREFIX) :].encode()).decode()
        except InvalidToken:
            raise SealingError(
                f"a stored webhook secret cannot be opened with the key of {self.key_source}"
                " (was the key replaced?)"
            ) from None
