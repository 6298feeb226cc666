"""Reading stored listing versions by id, with their content hash.

:func:`thaw.history.diff.membership` gives a publication's ``source_id → version
id``; :func:`versions_by_id` turns version ids into the version's content hash (a
listing's *fingerprint*: it changes exactly when the published listing does) and
its :class:`~thaw.model.Record`. The monitor reads the listings an activation
changed this way.
"""

from __future__ import annotations

from collections.abc import Iterable

from thaw.model import Record
from thaw.store.db import Store, decode_record


def versions_by_id(store: Store, ids: Iterable[int]) -> dict[int, tuple[str, Record]]:
    """``version id → (content hash, record)`` for the given version ids."""
    out: dict[int, tuple[str, Record]] = {}
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for vid, digest, blob in store.db.execute(
            f"SELECT id, hash, data FROM versions WHERE id IN ({marks})", chunk
        ):
            out[int(vid)] = (str(digest), decode_record(blob))
    return out


def version_hashes(store: Store, ids: Iterable[int]) -> dict[int, str]:
    """``version id → content hash`` without decoding the records."""
    out: dict[int, str] = {}
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), 900):
        chunk = wanted[i : i + 900]
        marks = ",".join("?" * len(chunk))
        for vid, digest in store.db.execute(
            f"SELECT id, hash FROM versions WHERE id IN ({marks})", chunk
        ):
            out[int(vid)] = str(digest)
    return out
