"""Which (row, listing) pairs the monitor scores: shared retrieval keys.

The monitor must find every row a changed listing matches without screening the
whole portfolio, and its answer must equal a full re-screen. It therefore scores
a pair exactly when the two **share a retrieval key** (:func:`pair_keys`): a
relation that depends on nothing but the row and the listing, so it is the same
whichever side is indexed. A full re-screen indexes the listings and probes them
with every row; an incremental one indexes the rows (:class:`KeyIndex`, kept on
disk per portfolio) and probes them with the changed listings. Both see the same
pairs and score them the same way, so they agree by construction, and the tests
and the benchmark check that they do.

The keys are those the candidate index of :mod:`thaw.index` posts for a name:

``t:<token>``   each retrieval token of a name (honorifics, legal forms, stop
                words and tokens of weight 0 do not count) and the join of two
                adjacent ones (``abdul rahman`` also gives ``t:abdulrahman``);
``k:<key>``     the other keys of :func:`thaw.text.index_keys` (consonant
                skeletons of three consonants or more, joins of short words);
``s:<key>``     the consonants of a Latin-script name token (vowel variants);
``i:<number>``  a normalised identifier number (passport, IMO, registration).

Two things the screener's candidate index does are left out, because neither is
a property of the pair alone: typo neighbours (found among the tokens of the
indexed side only) and the ranking cut (the best 50 by coverage, which depends on
every other listing). A benchmark reports how often a row's alerts differ from
``thaw screen-file`` because of this.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from thaw.index import COMPATIBLE, Entry
from thaw.index.candidates import FUZZY_MIN_LEN, SKIPPED_ROLES, id_keys
from thaw.text import AnalyzedName, Token, index_keys, skeleton

SKELETON_MIN = 3
"""Least consonants of a ``~`` skeleton key (shorter ones join unrelated words)."""


def _vowel_free(token: Token) -> str | None:
    if token.abjad or token.script_form or token.role not in ("name", "patronymic"):
        return None
    text = token.text
    if len(text) < FUZZY_MIN_LEN or not text.isalpha():
        return None
    key = skeleton(text)
    return key if 2 <= len(key) < len(text) else None


def name_keys(name: AnalyzedName) -> set[str]:
    """The retrieval keys of one analysed name (see the module docs)."""
    tokens = [t for t in name.tokens if t.text and t.weight > 0 and t.role not in SKIPPED_ROLES]
    if not tokens:
        return set()
    texts = [t.text for t in tokens]
    keys = {"t:" + t for t in texts}
    keys.update("t:" + a + b for a, b in zip(texts, texts[1:], strict=False))
    for key in index_keys(name) - set(texts):
        if key.startswith("~") and len(key) - 1 < SKELETON_MIN:
            continue
        keys.add("k:" + key)
    for token in tokens:
        vowel_free = _vowel_free(token)
        if vowel_free is not None:
            keys.add("s:" + vowel_free)
    return keys


def number_keys(numbers: Iterable[str]) -> set[str]:
    """The ``i:`` keys of identifier numbers."""
    return {"i:" + key for number in numbers for key in id_keys(number)}


def entry_keys(entry: Entry) -> set[str]:
    """Every retrieval key of a listing: of each of its names and identifiers."""
    keys: set[str] = set()
    for analyzed, _kind in entry.names:
        keys |= name_keys(analyzed)
    keys |= number_keys(i.number for i in entry.identifiers)
    return keys


def compatible(row_schema: str | None, listing_schema: str) -> bool:
    """Whether a row of ``row_schema`` may match a listing of ``listing_schema``
    (the screener's rule: a person never matches a vessel …)."""
    if row_schema is None:
        return True
    allowed = COMPATIBLE.get("Organization" if row_schema == "Company" else row_schema)
    return allowed is None or listing_schema in allowed


class KeyIndex:
    """Postings ``key → sorted int ids`` (row numbers or listing positions), built
    once and then read-only; small enough to pickle to disk for a million rows."""

    def __init__(self, slots: dict[str, int], offsets: npt.NDArray[np.int64], ids: Any) -> None:
        self.slots = slots
        self.offsets = offsets
        self.ids: npt.NDArray[np.int64] = ids

    @classmethod
    def build(cls, items: Iterable[tuple[int, Iterable[str]]]) -> KeyIndex:
        """From ``(id, keys)`` pairs."""
        slots: dict[str, int] = {}
        key_ids: list[int] = []
        owners: list[int] = []
        for ident, keys in items:
            for key in keys:
                slot = slots.get(key)
                if slot is None:
                    slot = slots[key] = len(slots)
                key_ids.append(slot)
                owners.append(ident)
        k = np.asarray(key_ids, dtype=np.int64)
        o = np.asarray(owners, dtype=np.int64)
        order = np.lexsort((o, k))
        k, o = k[order], o[order]
        offsets = np.zeros(len(slots) + 1, dtype=np.int64)
        np.add.at(offsets, k + 1, 1)
        np.cumsum(offsets, out=offsets)
        return cls(slots, offsets, o)

    def lookup(self, keys: Iterable[str]) -> npt.NDArray[np.int64]:
        """The distinct ids carrying at least one of ``keys``, sorted."""
        parts = []
        for key in keys:
            slot = self.slots.get(key)
            if slot is not None:
                parts.append(self.ids[self.offsets[slot] : self.offsets[slot + 1]])
        if not parts:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate(parts))

    def __len__(self) -> int:
        return len(self.slots)

    def dumps(self) -> bytes:
        """The pickled form (see :meth:`loads`)."""
        return pickle.dumps((self.slots, self.offsets, self.ids), protocol=5)

    @classmethod
    def loads(cls, data: bytes) -> KeyIndex:
        """The inverse of :meth:`dumps` (the file is the user's own, like the
        screening index cache)."""
        slots, offsets, ids = pickle.loads(data)
        return cls(slots, offsets, ids)


def by_position(entries: Mapping[int, Entry]) -> Iterator[tuple[int, set[str]]]:
    """``(position, keys)`` of listing entries, for :meth:`KeyIndex.build`."""
    for position, entry in entries.items():
        yield position, entry_keys(entry)
