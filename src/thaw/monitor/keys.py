"""Which (row, listing) pairs the monitor scores: weighted shared retrieval keys.

The monitor must find every row a changed listing matches without screening the
whole portfolio, and its answer must equal a full re-screen. It therefore scores
a pair exactly when a test that depends on nothing but the row and the listing
says so (:func:`coverage`), so that the answer is the same whichever side is
indexed: a full re-screen indexes the listings and probes them with every row;
an incremental one indexes the rows (:class:`KeyIndex`, kept on disk per
portfolio) and probes them with the changed listings. Both see the same pairs
and score them the same way, so they agree by construction, and the tests and
the benchmark check that they do.

The test is the screener's *coverage*, computed pair by pair: each retrieval token
of the row (:func:`row_tokens`) carries a share of the row's name weight (from
name analysis, in integer parts of :data:`SCALE` so that sums are exact in any
order), and is credited when the listing carries one of the token's keys; a pair
is scored when the credited share reaches :data:`MIN_COVERAGE` (more than half),
or when row and
listing share an identifier number. The keys are those the candidate index of
:mod:`thaw.index` posts for a name:

``t:<token>``   each retrieval token of a name (honorifics, legal forms, stop
                words and tokens of weight 0 do not count) and the join of two
                adjacent ones (``abdul rahman`` also gives ``t:abdulrahman``);
``k:<key>``     the other keys of :func:`thaw.text.index_keys` (abjad skeletons
                of three consonants or more, joins of short words);
``s:<key>``     the consonants of a Latin-script name token (vowel variants);
``i:<number>``  a normalised identifier number (passport, IMO, registration).

Two things the screener does are left out, because neither is a property of the
pair alone: typo neighbours (found among the tokens of the indexed side only)
and rarity weights and the ranking cut (the best 50 by coverage), which depend on
every other listing. The benchmark reports how far the portfolio's alerts are
from ``thaw screen-file``'s because of this.
"""

from __future__ import annotations

from collections.abc import Iterable
from hashlib import blake2b
from pathlib import Path

import numpy as np
import numpy.typing as npt

from thaw.index import COMPATIBLE, Entry
from thaw.index.candidates import FUZZY_MIN_LEN, SKIPPED_ROLES, id_keys
from thaw.text import AnalyzedName, Token, abjad_key, fold_token, index_keys, skeleton

SKELETON_MIN = 3
"""Least consonants of a ``~`` skeleton key (shorter ones join unrelated words)."""
SCALE = 10_000
"""A row's name weight is split into this many integer parts among its tokens."""
MIN_COVERAGE = SCALE // 2 + 1
"""Least credited share of the row's name weight for a pair to be scored: more
than half. (The screener takes half of a rarity-weighted share; without rarity, a
name of two equally weighted parts must have both credited, or any listing with
the same first name would be scored.)"""
ID_TOKEN = 63
"""The token number under which a row's identifier numbers are posted."""
TOKEN_BITS = 6
"""Row index ids are ``row << TOKEN_BITS | token number`` (at most 62 name tokens)."""


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


def row_tokens(name: AnalyzedName, numbers: Iterable[str] = ()) -> list[tuple[int, int, set[str]]]:
    """The retrieval tokens of a row as ``(token number, share, keys)``: the share of
    the name's weight (integer parts of :data:`SCALE`) and the keys that credit
    it; identifier numbers come last as token :data:`ID_TOKEN` with a full share."""
    tokens = [t for t in name.tokens if t.text and t.weight > 0 and t.role not in SKIPPED_ROLES]
    tokens = tokens[: ID_TOKEN - 1]
    total = sum(t.weight for t in tokens)
    out: list[tuple[int, int, set[str]]] = []
    for i, token in enumerate(tokens):
        keys = {"t:" + token.text}
        if i > 0:
            keys.add("t:" + tokens[i - 1].text + token.text)
        if i + 1 < len(tokens):
            keys.add("t:" + token.text + tokens[i + 1].text)
        if token.role != "number" and len(token.text) > 2:
            key = abjad_key(token.raw or token.text)
            if len(key) >= SKELETON_MIN:
                keys.add("k:~" + key)
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens):
                a, b = (tokens[j], token) if j < i else (token, tokens[j])
                if a.role == "name" and b.role == "name" and min(len(a.raw), len(b.raw)) <= 4:
                    keys.add("k:" + fold_token(a.raw + b.raw))
        vowel_free = _vowel_free(token)
        if vowel_free is not None:
            keys.add("s:" + vowel_free)
        out.append((i, int(round(SCALE * token.weight / total)), keys))
    ids = number_keys(numbers)
    if ids:
        out.append((ID_TOKEN, SCALE, ids))
    return out


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


def key_hashes(keys: Iterable[str]) -> npt.NDArray[np.uint64]:
    """Stable 64-bit hashes of keys (BLAKE2b), the form in which indexes hold them.
    Both sides of a pair are hashed alike, so even a collision could not make the
    incremental answer differ from the full one."""
    return np.fromiter(
        (int.from_bytes(blake2b(k.encode(), digest_size=8).digest(), "little") for k in keys),
        dtype=np.uint64,
    )


Postings = tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int32]]
"""``(key hashes, ids, weights)``: one posting per position, in any order."""


def postings_of(items: Iterable[tuple[int, int, Iterable[str]]]) -> Postings:
    """The postings of ``(id, weight, keys)`` triples."""
    hashes: list[npt.NDArray[np.uint64]] = []
    ids: list[int] = []
    weights: list[int] = []
    for ident, weight, keys in items:
        h = key_hashes(keys)
        hashes.append(h)
        ids.extend([ident] * len(h))
        weights.extend([weight] * len(h))
    if not hashes:
        return (
            np.zeros(0, dtype=np.uint64),
            np.zeros(0, dtype=np.int64),
            np.zeros(0, dtype=np.int32),
        )
    return (
        np.concatenate(hashes),
        np.asarray(ids, dtype=np.int64),
        np.asarray(weights, dtype=np.int32),
    )


class KeyIndex:
    """Postings ``key → sorted ids`` (listing positions, or row tokens
    ``row << TOKEN_BITS | token``) with an integer weight per posting. Keys are held
    as sorted 64-bit hashes and everything is a NumPy array, so that the index of a
    million rows is a few hundred megabytes on disk and in memory, and loads in
    seconds. Built once, then read-only."""

    def __init__(
        self,
        hashes: npt.NDArray[np.uint64],
        offsets: npt.NDArray[np.int64],
        ids: npt.NDArray[np.int64],
        weights: npt.NDArray[np.int32],
    ) -> None:
        self.hashes = hashes
        self.offsets = offsets
        self.ids = ids
        self.weights = weights

    @classmethod
    def from_postings(cls, parts: Iterable[Postings]) -> KeyIndex:
        """From postings (e.g. one part per worker's chunk)."""
        chunks = list(parts)
        h = np.concatenate([c[0] for c in chunks]) if chunks else np.zeros(0, np.uint64)
        o = np.concatenate([c[1] for c in chunks]) if chunks else np.zeros(0, np.int64)
        w = np.concatenate([c[2] for c in chunks]) if chunks else np.zeros(0, np.int32)
        order = np.lexsort((o, h))
        h, o, w = h[order], o[order], w[order]
        unique, starts = np.unique(h, return_index=True)
        offsets = np.append(starts, len(h)).astype(np.int64)
        return cls(unique, offsets, o, w)

    @classmethod
    def build(cls, items: Iterable[tuple[int, Iterable[str]]]) -> KeyIndex:
        """From ``(id, keys)`` pairs (weight 0)."""
        return cls.from_postings([postings_of((i, 0, keys) for i, keys in items)])

    def _slices(self, keys: Iterable[str]) -> list[tuple[int, int]]:
        probe = key_hashes(keys)
        if not len(probe) or not len(self.hashes):
            return []
        at = np.searchsorted(self.hashes, probe)
        found = at < len(self.hashes)
        at = at[found]
        at = at[self.hashes[at] == probe[found]]
        return [(int(self.offsets[a]), int(self.offsets[a + 1])) for a in at.tolist()]

    def postings(self, keys: Iterable[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32]]:
        """Every ``(id, weight)`` posted under one of ``keys`` (ids may repeat)."""
        slices = self._slices(keys)
        if not slices:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        return (
            np.concatenate([self.ids[a:b] for a, b in slices]),
            np.concatenate([self.weights[a:b] for a, b in slices]),
        )

    def lookup(self, keys: Iterable[str]) -> npt.NDArray[np.int64]:
        """The distinct ids carrying at least one of ``keys``, sorted."""
        slices = self._slices(keys)
        if not slices:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate([self.ids[a:b] for a, b in slices]))

    def __len__(self) -> int:
        return len(self.hashes)

    def save(self, path: Path) -> None:
        """Write the arrays to ``path`` (NumPy ``.npz``, no pickled objects)."""
        with open(path, "wb") as fh:
            np.savez(
                fh, hashes=self.hashes, offsets=self.offsets, ids=self.ids, weights=self.weights
            )

    @classmethod
    def load(cls, path: Path) -> KeyIndex:
        """Read an index written by :meth:`save`."""
        with np.load(path, allow_pickle=False) as data:
            return cls(data["hashes"], data["offsets"], data["ids"], data["weights"])


def listing_coverage(
    index: KeyIndex, tokens: list[tuple[int, int, set[str]]]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Forward: the listings of a listing index (keys only) with the credited share of
    a row's tokens, as ``(positions, coverage)`` (see the module docs)."""
    parts, shares = [], []
    for _token, share, keys in tokens:
        found = index.lookup(keys)
        if len(found):
            parts.append(found)
            shares.append(np.full(len(found), share, dtype=np.int64))
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    positions, inverse = np.unique(np.concatenate(parts), return_inverse=True)
    return positions, np.bincount(inverse, weights=np.concatenate(shares)).astype(np.int64)


def row_coverage(
    index: KeyIndex, keys: Iterable[str]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Reverse: the rows of a row index (row tokens with their shares) with the
    credited share of their tokens by a listing of ``keys``, as ``(rows, coverage)``."""
    ids, weights = index.postings(keys)
    if not len(ids):
        return ids, ids
    tokens, first = np.unique(ids, return_index=True)
    rows, inverse = np.unique(tokens >> TOKEN_BITS, return_inverse=True)
    return rows, np.bincount(inverse, weights=weights[first]).astype(np.int64)
