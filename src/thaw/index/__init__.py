"""The screening index: every name of every active listing, prepared for matching.

Built from the store's active records and cached on disk (:func:`ensure_index`).
:class:`Entry` is the prepared, compact form of one listing that the matcher scores;
:class:`CandidateIndex` finds, for a queried name, the few listings worth scoring.
"""

from __future__ import annotations

from thaw.index.candidates import (
    COMPATIBLE,
    DEFAULT_LIMIT,
    DEFAULT_MIN_COVERAGE,
    Candidate,
    CandidateIndex,
    schema_code,
)
from thaw.index.entry import Entry, IdNumber, entry_from_record
from thaw.index.storage import (
    build_index,
    ensure_index,
    fingerprint,
    index_path,
    load_index,
    save_index,
)

__all__ = [
    "COMPATIBLE",
    "DEFAULT_LIMIT",
    "DEFAULT_MIN_COVERAGE",
    "Candidate",
    "CandidateIndex",
    "Entry",
    "IdNumber",
    "build_index",
    "ensure_index",
    "entry_from_record",
    "fingerprint",
    "index_path",
    "load_index",
    "save_index",
    "schema_code",
]
