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

import pickle
from collections.abc import Iterable

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


class KeyIndex:
    """Postings ``key → sorted int ids`` (listing positions, or row tokens
    ``row << TOKEN_BITS | token``) with an integer weight per posting, built once
    and then read-only; small enough to pickle to disk for a million rows."""

    def __init__(
        self,
        slots: dict[str, int],
        offsets: npt.NDArray[np.int64],
        ids: npt.NDArray[np.int64],
        weights: npt.NDArray[np.int32],
    ) -> None:
        self.slots = slots
        self.offsets = offsets
        self.ids = ids
        self.weights = weights

    @classmethod
    def build(
        cls,
        items: Iterable[tuple[int, Iterable[str]]],
        weighted: Iterable[tuple[int, int, Iterable[str]]] = (),
    ) -> KeyIndex:
        """From ``(id, keys)`` pairs (weight 0) and ``(id, weight, keys)`` triples."""
        slots: dict[str, int] = {}
        key_ids: list[int] = []
        owners: list[int] = []
        weights: list[int] = []

        def add(ident: int, weight: int, keys: Iterable[str]) -> None:
            for key in keys:
                slot = slots.get(key)
                if slot is None:
                    slot = slots[key] = len(slots)
                key_ids.append(slot)
                owners.append(ident)
                weights.append(weight)

        for ident, keys in items:
            add(ident, 0, keys)
        for ident, weight, keys in weighted:
            add(ident, weight, keys)
        k = np.asarray(key_ids, dtype=np.int64)
        o = np.asarray(owners, dtype=np.int64)
        w = np.asarray(weights, dtype=np.int32)
        order = np.lexsort((o, k))
        k, o, w = k[order], o[order], w[order]
        offsets = np.zeros(len(slots) + 1, dtype=np.int64)
        np.add.at(offsets, k + 1, 1)
        np.cumsum(offsets, out=offsets)
        return cls(slots, offsets, o, w)

    def postings(self, keys: Iterable[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32]]:
        """Every ``(id, weight)`` posted under one of ``keys`` (ids may repeat)."""
        parts, weights = [], []
        for key in keys:
            slot = self.slots.get(key)
            if slot is not None:
                a, b = self.offsets[slot], self.offsets[slot + 1]
                parts.append(self.ids[a:b])
                weights.append(self.weights[a:b])
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        return np.concatenate(parts), np.concatenate(weights)

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
        return pickle.dumps((self.slots, self.offsets, self.ids, self.weights), protocol=5)

    @classmethod
    def loads(cls, data: bytes) -> KeyIndex:
        """The inverse of :meth:`dumps` (the file is the user's own, like the
        screening index cache)."""
        slots, offsets, ids, weights = pickle.loads(data)
        return cls(slots, offsets, ids, weights)


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
