"""The portfolio's row index: which rows a set of changed listings can affect.

``thaw screen-file`` screens a row by asking the candidate index
(:meth:`thaw.index.CandidateIndex.candidates`) for the listings worth scoring and
scoring the best of them. A changed listing (added, amended or removed) can change
a row's result only through that retrieval: it must be credited by one of the
row's query units, and the index credits a listing for a row exactly when the
listing *posts* one of the keys the row's query *probes*:

``t:<text>``     each token of the row's name (retrieval tokens and the minor ones,
                 honorifics, legal forms, stop words, whose document frequency
                 weighs their unit), and the join of two adjacent retrieval tokens;
``k:``/``a:``/``s:``/``t:``  the keys the index derives from one retrieval token
                 (skeletons, consonants, Latin spellings of another script; the
                 index's own ``_token_keys``, so both sides agree by construction);
``i:<number>``   a normalised identifier number;
fuzzy            an indexed token within one edit of a retrieval token of four
                 characters or more (two edits from eight characters), found among
                 the changed listings' vocabulary here.

Names with another reading (kanji read as Japanese) probe the keys of every
reading. A row whose probe keys meet none of the changed listings' posted keys (and
none of whose tokens is a typo neighbour of theirs) has the same candidates, the
same document frequencies behind its unit weights and the same typo neighbours as
before, hence the same result; so screening only the rows :meth:`RowIndex.affected`
returns gives ``screen-file``'s answer. (The one list-wide quantity left is the
number of listings in the rarity weights, ``log(1 + N / df)``; the replay
benchmark counts any difference it makes.)

The index holds 64-bit hashes of the probe keys (BLAKE2b, sorted NumPy arrays: a
million rows are a few hundred megabytes and load in about a second) and the
distinct fuzzy tokens of the rows, by length.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from hashlib import blake2b
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from thaw.index import DEFAULT_MIN_COVERAGE, CandidateIndex
from thaw.index.candidates import (
    FUZZY_MIN_LEN,
    MINOR_WEIGHT,
    _max_edits,
    _retrieval_tokens,
    id_keys,
)
from thaw.text import AnalyzedName, Token, analyze_name, name_variants

FUZZY_BLOCK = 20_000_000
"""Most distances computed in one block when looking for typo neighbours."""


MINOR_RARITY_BOUND = math.log(1.0 + 10**7)
"""The most rarity a token not pinned yet can have (``log(1 + N / df)`` for lists
of fewer than ten million listings)."""

MARGIN = 1e-4
"""Slack on the least coverage when deciding which units a candidate must credit."""


def essential(
    analyzed: AnalyzedName,
    tokens: Sequence[Token],
    rarity: Mapping[str, float] | None,
    min_coverage: float = DEFAULT_MIN_COVERAGE,
) -> list[int]:
    """The retrieval ``tokens`` of ``analyzed`` (their positions) of which a
    listing must credit one to cover the name at least ``min_coverage`` when the
    rarity weights are pinned at ``rarity``: the heaviest, until the others and
    every minor token (counted as present and credited, the most they can add)
    could not reach ``min_coverage`` together. Every token when one is not pinned
    (or ``rarity`` is ``None``)."""
    everything = list(range(len(tokens)))
    if rarity is None:
        return everything
    weights = []
    for token in tokens:
        pinned = rarity.get(token.text)
        if pinned is None:
            return everything
        weights.append(pinned * token.weight)
    retrieval = set(map(id, tokens))
    minor = sum(
        MINOR_WEIGHT * rarity.get(t.text, MINOR_RARITY_BOUND)
        for t in analyzed.tokens
        if t.text and id(t) not in retrieval
    )
    total = sum(weights)
    rest = total
    taken: list[int] = []
    for i in sorted(everything, key=lambda i: -weights[i]):
        if rest + minor < (min_coverage - MARGIN) * (total + minor):
            break
        taken.append(i)
        rest -= weights[i]
    return taken


def probe_keys(
    name: str,
    schema: str | None,
    id_numbers: Iterable[str],
    keyer: CandidateIndex,
    rarity: Mapping[str, float] | None = None,
) -> tuple[set[str], set[str]]:
    """The keys through which a changed listing can alter a row's screening, and
    the row's tokens that look for typo neighbours (see the module docs).
    ``keyer`` is any candidate index (its key derivation does not depend on what
    it holds); ``rarity`` the portfolio's pinned rarity weights (``None``: not
    pinned, every key the retrieval probes)."""
    keys: set[str] = set()
    fuzzy: set[str] = set()
    texts = [name, *name_variants(name, schema)]
    for text in texts:
        analyzed = analyze_name(text, schema)
        tokens = _retrieval_tokens(analyzed)
        if not tokens:
            continue
        keys.update("x:" + t.text for t in analyzed.tokens if t.text)
        if rarity is None:  # (document frequencies move the weights: every token)
            keys.update("t:" + t.text for t in analyzed.tokens if t.text)
        for i in essential(analyzed, tokens, rarity):
            token = tokens[i]
            keys.add("t:" + token.text)
            keys.update(keyer._token_keys(analyzed, token))
            if i > 0:
                keys.add("t:" + tokens[i - 1].text + token.text)
            if i + 1 < len(tokens):
                keys.add("t:" + token.text + tokens[i + 1].text)
            if len(token.text) >= FUZZY_MIN_LEN:
                keys.add("z:" + token.text)
        fuzzy.update(t.text for t in tokens if len(t.text) >= FUZZY_MIN_LEN)
    for number in id_numbers:
        keys.update("i:" + key for key in id_keys(number))
    return keys, fuzzy


def key_hashes(keys: Iterable[str]) -> npt.NDArray[np.uint64]:
    """Stable 64-bit hashes of keys (BLAKE2b), the form in which the index holds
    them. A collision can only add a row to screen, never leave one out."""
    return np.fromiter(
        (int.from_bytes(blake2b(k.encode(), digest_size=8).digest(), "little") for k in keys),
        dtype=np.uint64,
    )


Postings = tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], list[str]]
"""``(key hashes, row ids, fuzzy tokens)`` of some rows: one posting per key."""


def postings_of(rows: Iterable[tuple[int, set[str], set[str]]]) -> Postings:
    """The postings of ``(row id, probe keys, fuzzy tokens)`` triples."""
    hashes: list[npt.NDArray[np.uint64]] = []
    ids: list[int] = []
    fuzzy: set[str] = set()
    for row, keys, tokens in rows:
        h = key_hashes(keys)
        hashes.append(h)
        ids.extend([row] * len(h))
        fuzzy |= tokens
    return (
        np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64),
        np.asarray(ids, dtype=np.int64),
        sorted(fuzzy),
    )


class RowIndex:
    """Probe-key hashes → sorted row ids, and the rows' fuzzy tokens. Built once
    per portfolio revision, then read-only."""

    def __init__(
        self,
        hashes: npt.NDArray[np.uint64],
        offsets: npt.NDArray[np.int64],
        ids: npt.NDArray[np.int64],
        vocab: npt.NDArray[Any],
    ) -> None:
        self.hashes = hashes
        self.offsets = offsets
        self.ids = ids
        self.vocab = vocab
        lengths = np.char.str_len(vocab) if len(vocab) else np.zeros(0, dtype=np.int64)
        self._by_length: dict[int, list[str]] = {}
        for length in np.unique(lengths).tolist():
            self._by_length[int(length)] = vocab[lengths == length].tolist()

    @classmethod
    def from_postings(cls, parts: Iterable[Postings]) -> RowIndex:
        """From postings (e.g. one part per worker's chunk)."""
        chunks = list(parts)
        h = np.concatenate([c[0] for c in chunks]) if chunks else np.zeros(0, np.uint64)
        o = np.concatenate([c[1] for c in chunks]) if chunks else np.zeros(0, np.int64)
        vocab = sorted({t for c in chunks for t in c[2]})
        order = np.lexsort((o, h))
        h, o = h[order], o[order]
        unique, starts = np.unique(h, return_index=True)
        offsets = np.append(starts, len(h)).astype(np.int64)
        return cls(unique, offsets, o, np.array(vocab, dtype=np.str_))

    def __len__(self) -> int:
        return len(self.hashes)

    def rows_with(self, keys: Iterable[str]) -> npt.NDArray[np.int64]:
        """The distinct rows probing at least one of ``keys``, sorted."""
        probe = key_hashes(keys)
        if not len(probe) or not len(self.hashes):
            return np.zeros(0, dtype=np.int64)
        at = np.searchsorted(self.hashes, probe)
        found = at < len(self.hashes)
        at = at[found]
        at = at[self.hashes[at] == probe[found]]
        if not len(at):
            return np.zeros(0, dtype=np.int64)
        return np.unique(
            np.concatenate([self.ids[self.offsets[a] : self.offsets[a + 1]] for a in at.tolist()])
        )

    def neighbours(self, tokens: Sequence[str], workers: int = 1) -> set[str]:
        """The rows' fuzzy tokens within reach of ``tokens`` (the indexed side):
        a row token ``q`` reaches ``t`` when their OSA distance is at most the
        edits the screener allows ``q`` (one, two from eight characters)."""
        found: set[str] = set()
        for length, choices in self._by_length.items():
            edits = _max_edits("x" * length)
            queries = [t for t in tokens if abs(len(t) - length) <= edits]
            if not queries:
                continue
            step = max(1, FUZZY_BLOCK // max(len(choices), 1))
            for start in range(0, len(queries), step):
                block = queries[start : start + step]
                distances = process.cdist(
                    block,
                    choices,
                    scorer=OSA.distance,
                    score_cutoff=edits,
                    dtype=np.uint8,
                    workers=workers,
                )
                hit = np.flatnonzero((distances <= edits).any(axis=0))
                found.update(choices[i] for i in hit.tolist())
        return found

    def affected(
        self,
        delta: CandidateIndex,
        workers: int = 1,
        crowded: Callable[[str], bool] | None = None,
        flipped: Iterable[str] = (),
    ) -> npt.NDArray[np.int64]:
        """The rows whose screening result the listings of ``delta`` (an index of
        the changed listings, old and new versions) can change: the rows probing a
        key they post, or holding a typo neighbour of one of their tokens as an
        essential token, or as any token that is ``crowded`` (the index's cut of
        its neighbours may move), and the rows holding a token of ``flipped``."""
        state = delta.state()
        keys: list[str] = list(state["slots"])
        near = self.neighbours(state["vocab"], workers)
        keys += ["z:" + q for q in near]
        if crowded is not None:
            keys += ["x:" + q for q in near if crowded(q)]
        keys += ["x:" + t for t in flipped]
        return self.rows_with(keys)

    def save(self, path: Path) -> None:
        """Write the arrays to ``path`` (NumPy ``.npz``, no pickled objects)."""
        with open(path, "wb") as fh:
            np.savez(fh, hashes=self.hashes, offsets=self.offsets, ids=self.ids, vocab=self.vocab)

    @classmethod
    def load(cls, path: Path) -> RowIndex:
        """Read an index written by :meth:`save`."""
        with np.load(path, allow_pickle=False) as data:
            return cls(data["hashes"], data["offsets"], data["ids"], data["vocab"])
