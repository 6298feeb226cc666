"""The embedded store: publications, versioned records, safe activation.

:class:`Store` is the SQLite database; :func:`load` reads a publication completely,
checks it and stores it in one transaction; :func:`default_home` says where the
database lives (``--home``, else ``$THAW_HOME``, else the per-user data directory).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from thaw.store.db import PublicationRow, Store, decode_record
from thaw.store.loader import DEFAULT_MAX_DROP, LoadError, LoadResult, load

__all__ = [
    "DEFAULT_MAX_DROP",
    "LoadError",
    "LoadResult",
    "PublicationRow",
    "Store",
    "decode_record",
    "default_home",
    "load",
]


def default_home(home: str | Path | None = None) -> Path:
    """The thaw data directory: ``home`` if given, else ``$THAW_HOME``, else the
    per-user data directory (``~/.local/share/thaw`` on Linux)."""
    if home:
        return Path(home).expanduser()
    env = os.environ.get("THAW_HOME")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("thaw", appauthor=False))
