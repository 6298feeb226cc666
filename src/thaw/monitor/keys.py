"""The portfolio's row index: which rows a set of changed listings can affect.

``thaw screen-file`` screens a row by asking the candidate index
(:meth:`thaw.index.CandidateIndex.candidates`) for the listings worth scoring and
scoring the best of them. The index weighs each retrieval token of the query (a
*unit*) by its rarity on the lists and credits a listing, per unit, 1 for the
exact token, 0.95 × similarity for a typo neighbour, 0.9 for the join with the
next token and 0.75 for another key of the token; a listing is a candidate when
its *coverage*, the credited share of the units' weight, reaches the least
coverage (0.5), or when it shares an identifier number.

A portfolio pins the rarity weights (:class:`thaw.monitor.screening.Rarity`:
each token keeps the weight it had when the portfolio first met it). A listing's
coverage of a row then depends on the row and the listing alone, and a changed
listing (added, amended or removed) can change a row's candidate set, hence its
result, only by covering the row enough itself, in its new version or as a
candidate it was in its old one; apart from two list-wide effects named below.
So the index holds, per row, every key its query probes with the unit it credits
and the most coverage it can bring (the unit's share of the weight times the
credit):

``t:<text>``     each token of the row's name, credit 1 (retrieval tokens, and the
                 minor ones, honorifics, legal forms, stop words, at their small
                 weight), and the join of two adjacent retrieval tokens, 0.9 to both
                 (of two written in an abjad, also the ``k:`` key of their join);
``k:``/``a:``/``s:``/``t:``  the keys the index derives from one retrieval token
                 (skeletons, consonants, Latin spellings of another script; the
                 index's own ``token_keys``, so both sides agree by
                 construction), 0.75; in a name read as Korean, the other
                 spellings of each syllable (``respelt_keys``), 0.6; for a
                 word written in an abjad, Thai or Khmer, the abjad keys it
                 meets one edit away (``near_keys``), 0.5; the join of a
                 retrieval token with a legal form or stop word beside it, as
                 written (``minor_join_keys``), 0.9;
``o:``/``O:``/``r:``  what a name in Chinese characters, Hangul, kana (or
                 Cyrillic, Armenian, Georgian, Greek letters) looks up by its
                 sounds: the onset keys of its words and a key per run of
                 characters its spellings may write as a listed token
                 (:mod:`thaw.monitor.spelt`), with the index's credits for them;
``z:<text>``     a retrieval token of four characters or more, for a listing
                 holding a typo neighbour of it, 0.95;
``i:<number>``   a normalised identifier number, the row's or one its name is
                 written as (``screen.inputs.identifier_forms``): always reached;
``x:<text>``     every token, for the two list-wide effects: a minor token's unit
                 counts only while some listing carries the token (the change may
                 flip that), and the index keeps a token's 32 best typo neighbours
                 only, by similarity and document frequency (a change bringing or
                 taking a neighbour of a token with that many may move the cut).

:meth:`RowIndex.affected` sums, for each changed listing and each row, the best
share each unit gets from the keys the listing posts: an upper bound of the
listing's coverage of the row (shares are computed without the minor tokens'
weight in the total, and a minor token not pinned yet counts at the most it can
weigh); a listing posts, beside its own keys, the ``z:`` keys of the rows' tokens its
tokens are typo neighbours of and the ``r:`` keys of the rows' words whose spellings
write one of its tokens (:func:`thaw.monitor.spelt.spelt_keys`). The rows where a
listing may reach the least coverage, and the rows holding
a flipped or crowded token, are the rows to screen again; every other row keeps
its candidate set and its alerts, so screening exactly those gives a full
re-screen's answer. The walk of the rows' words' spellings is most of the cost
of a change: a word's ``r:`` keys reach only the rows holding the word, so the
words all of whose rows the listings' other keys reach already are not walked
(the rows to screen again are a union). A row with a token not pinned (a portfolio from before the
weights were pinned) is reached by any of its keys.

Names with another reading (kanji read as Japanese) probe the keys of every
reading; the bound is per reading. The index holds 64-bit hashes of the keys
(BLAKE2b) in sorted NumPy arrays with the rows, units and shares of their postings,
the distinct fuzzy tokens of the rows, by length, and the distinct words they
spell by sounds.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from hashlib import blake2b
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from thaw.index import DEFAULT_MIN_COVERAGE, CandidateIndex
from thaw.index.candidates import (
    ABJAD_NEAR_CREDIT,
    FUZZY_CREDIT,
    FUZZY_MIN_LEN,
    JOIN_CREDIT,
    KEY_CREDIT,
    MINOR_WEIGHT,
    RESPELLING_CREDIT,
    abjad_join_key,
    id_keys,
    korean_latin,
    max_edits,
    minor_join_keys,
    near_join,
    near_keys,
    respelt_keys,
    retrieval_tokens,
)
from thaw.monitor.spelt import onset_probes, run_keys, sounded, spelt_keys, spelt_probes
from thaw.screen.inputs import identifier_forms
from thaw.text import AnalyzedName, Token, analyze_name, name_variants

FUZZY_BLOCK = 20_000_000
"""Most distances computed in one block when looking for typo neighbours."""


MINOR_RARITY_BOUND = math.log(1.0 + 10**7)
"""The most rarity a token not pinned yet can have (``log(1 + N / df)`` for lists
of fewer than ten million listings)."""

MARGIN = 1e-4
"""Slack on the least coverage when deciding whether a row can be reached."""

FLAG = 2.0
"""The share of a key that reaches its rows whatever else (an identifier number,
a token whose weight is not pinned, a token the change affects as a whole)."""

MAX_UNITS = 127
"""Units of one reading of a name the index tells apart (a name with more is
reached by any of its keys)."""

Probe = tuple[str, int, float]
"""``(key, unit, share)``: a key a row probes, the unit of the row's query it
credits (its reading ``<< 8``, then the token's place) and the most coverage it
can bring that unit (its credit times the unit's share of the weight)."""


def _shares(
    analyzed: AnalyzedName, tokens: Sequence[Token], rarity: Mapping[str, float] | None
) -> tuple[list[float], list[tuple[str, float]]] | None:
    """Each retrieval token's share of the name's weight under the pinned
    ``rarity`` weights, and the minor tokens' (``None`` if a retrieval token is not
    pinned). Minor tokens count at their pinned weight, or the most they can
    weigh, and are left out of the total: the shares are then upper bounds."""
    if rarity is None or len(tokens) > MAX_UNITS:
        return None
    weights = []
    for token in tokens:
        pinned = rarity.get(token.text)
        if pinned is None:
            return None
        weights.append(pinned * token.weight)
    total = sum(weights)
    if total <= 0:
        return None
    retrieval = set(map(id, tokens))
    minors = [
        (t.text, MINOR_WEIGHT * rarity.get(t.text, MINOR_RARITY_BOUND) / total)
        for t in analyzed.tokens
        if t.text and id(t) not in retrieval
    ][:MAX_UNITS]
    return [w / total for w in weights], minors


def probe_keys(
    name: str,
    schema: str | None,
    id_numbers: Iterable[str],
    keyer: CandidateIndex,
    rarity: Mapping[str, float] | None = None,
) -> tuple[list[Probe], set[str], set[str]]:
    """The keys through which a changed listing can alter a row's screening, with
    what each can bring to its coverage (see the module docs), the row's
    tokens that look for typo neighbours and the words it spells by their sounds
    (:func:`thaw.monitor.spelt.spelt_probes`). ``keyer`` is any candidate index (its
    key derivation does not depend on what it holds); ``rarity`` the portfolio's
    pinned rarity weights (``None``: not pinned, every key reaches the row)."""
    probes: list[Probe] = []
    fuzzy: set[str] = set()
    words: set[str] = set()
    texts = [name, *name_variants(name, schema)]
    for reading, text in enumerate(texts):
        analyzed = analyze_name(text, schema)
        tokens = retrieval_tokens(analyzed)
        if not tokens:
            continue
        probes.extend(("x:" + t.text, 0, FLAG) for t in analyzed.tokens if t.text)
        found = _shares(analyzed, tokens, rarity)
        shares, minors = found if found is not None else ([FLAG] * len(tokens), [])
        base = reading << 8
        korean = korean_latin(analyzed, tokens)
        for i, token in enumerate(tokens):
            unit, share = base | i, shares[i]
            probes.append(("t:" + token.text, unit, share))
            probes.extend(
                (key, unit, KEY_CREDIT * share) for key in keyer.token_keys(analyzed, token)
            )
            if korean:
                probes.extend((key, unit, RESPELLING_CREDIT * share) for key in respelt_keys(token))
            probes.extend(
                (key, unit, ABJAD_NEAR_CREDIT * share) for key in near_keys(analyzed, token)
            )
            if i + 1 < len(tokens):
                for join in _join_keys(token, tokens[i + 1]):
                    probes.append((join, unit, JOIN_CREDIT * share))
                    probes.append((join, unit + 1, JOIN_CREDIT * shares[i + 1]))
                # (the typo neighbours of their join, which retrieval looks up
                # where one of the two is no listed word: 이승만, *Syngman*)
                near = near_join(token, tokens[i + 1])
                if near is not None:
                    probes.append(("z:" + near, unit, JOIN_CREDIT * share))
                    probes.append(("z:" + near, unit + 1, JOIN_CREDIT * shares[i + 1]))
                    fuzzy.add(near)
            if len(token.text) >= FUZZY_MIN_LEN:
                probes.append(("z:" + token.text, unit, FUZZY_CREDIT * share))
                fuzzy.add(token.text)
        for key, i in minor_join_keys(analyzed, tokens):
            probes.append((key, base | i, JOIN_CREDIT * shares[i]))
        if reading == 0 and sounded(analyzed):  # (retrieval spells the name as written)
            probes.extend(onset_probes(analyzed, tokens, shares))
            spelt, words = spelt_probes(analyzed, tokens, shares)
            probes.extend(spelt)
        if found is None:  # (the document frequencies of minor tokens weigh too)
            probes.extend(("t:" + t.text, 0, FLAG) for t in analyzed.tokens if t.text)
        for j, (minor, share) in enumerate(minors):
            probes.append(("t:" + minor, base | (128 + j), share))
    # (a name written as a number a listing may publish is screened as that
    # identifier once one does: thaw.screen.Screener.prepared)
    for number in dict.fromkeys([*id_numbers, *identifier_forms(name)]):
        probes.extend(("i:" + key, 0, FLAG) for key in id_keys(number))
    return probes, fuzzy, words


def _join_keys(left: Token, right: Token) -> list[str]:
    """The keys retrieval looks up for two adjacent retrieval tokens
    (:meth:`thaw.index.CandidateIndex.candidates`): their join, and for two words
    written apart in an abjad the consonant key of the join of their raw forms
    (:func:`thaw.index.candidates.abjad_join_key`: أبو بكر, *Abubakar*)."""
    joined = abjad_join_key(left, right)
    return ["t:" + left.text + right.text] + ([joined] if joined is not None else [])


def key_hashes(keys: Iterable[str]) -> npt.NDArray[np.uint64]:
    """Stable 64-bit hashes of keys (BLAKE2b), the form in which the index holds
    them. A collision can only add a row to screen, never leave one out."""
    return np.fromiter(
        (int.from_bytes(blake2b(k.encode(), digest_size=8).digest(), "little") for k in keys),
        dtype=np.uint64,
    )


Postings = tuple[
    npt.NDArray[np.uint64],
    npt.NDArray[np.int64],
    npt.NDArray[np.uint16],
    npt.NDArray[np.float32],
    list[str],
    list[str],
]
"""``(key hashes, row ids, units, shares, fuzzy tokens, words spelt by sounds)`` of
some rows: one posting per probe."""


def postings_of(rows: Iterable[tuple[int, list[Probe], set[str], set[str]]]) -> Postings:
    """The postings of ``(row id, probes, fuzzy tokens, words)`` tuples
    (:func:`probe_keys`)."""
    keys: list[str] = []
    ids: list[int] = []
    units: list[int] = []
    shares: list[float] = []
    fuzzy: set[str] = set()
    spelt: set[str] = set()
    for row, probes, tokens, words in rows:
        for key, unit, share in probes:
            keys.append(key)
            units.append(unit)
            shares.append(share)
        ids.extend([row] * len(probes))
        fuzzy |= tokens
        spelt |= words
    return (
        key_hashes(keys),
        np.asarray(ids, dtype=np.int64),
        np.asarray(units, dtype=np.uint16),
        np.asarray(shares, dtype=np.float32),
        sorted(fuzzy),
        sorted(spelt),
    )


def spans(starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Every position in the ranges ``starts[i]:ends[i]``, in order."""
    lengths = ends - starts
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    shift = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    return np.arange(total, dtype=np.int64) + shift


def handing(parts: list[Postings]) -> Iterator[Postings]:
    """The parts of ``parts``, each removed from the list as it is yielded (so
    that :meth:`RowIndex.from_postings` holds the only reference)."""
    parts.reverse()
    while parts:
        yield parts.pop()


class RowIndex:
    """Probe-key hashes → the rows probing them (with unit and share per
    posting), the rows' fuzzy tokens and the words they spell by sounds. Built
    once per portfolio revision, then read-only; :meth:`load` maps the arrays
    from their file rather than reading them (a step touches the postings of the
    changed listings' keys only, and the worker processes it forks none)."""

    def __init__(
        self,
        hashes: npt.NDArray[np.uint64],
        offsets: npt.NDArray[np.int64],
        ids: npt.NDArray[np.integer[Any]],
        units: npt.NDArray[np.uint16],
        shares: npt.NDArray[np.float32],
        vocab: npt.NDArray[Any],
        words: npt.NDArray[Any],
    ) -> None:
        self.hashes = hashes
        self.offsets = offsets
        self.ids = ids
        self.units = units
        self.shares = shares
        self.vocab = vocab
        self.words = words
        self._lengths: dict[int, list[str]] | None = None

    @property
    def _by_length(self) -> dict[int, list[str]]:
        """The fuzzy tokens by length (built when first looked for)."""
        if self._lengths is None:
            vocab = self.vocab
            lengths = np.char.str_len(vocab) if len(vocab) else np.zeros(0, dtype=np.int64)
            self._lengths = {
                int(length): vocab[lengths == length].tolist()
                for length in np.unique(lengths).tolist()
            }
        return self._lengths

    @classmethod
    def from_postings(cls, parts: Iterable[Postings]) -> RowIndex:
        """From postings (e.g. one part per worker's chunk; an iterator that
        forgets each part it yields, :func:`handing`, lets them be freed once
        they are joined)."""
        chunks = list(parts)
        if not chunks:
            none = np.zeros(0, dtype=np.int64)
            return cls(
                np.zeros(0, np.uint64),
                np.zeros(1, np.int64),
                none,
                np.zeros(0, np.uint16),
                np.zeros(0, np.float32),
                np.array([], dtype=np.str_),
                np.array([], dtype=np.str_),
            )
        h = np.concatenate([c[0] for c in chunks])
        o = np.concatenate([c[1] for c in chunks])
        u = np.concatenate([c[2] for c in chunks])
        w = np.concatenate([c[3] for c in chunks])
        vocab = sorted({t for c in chunks for t in c[4]})
        words = sorted({t for c in chunks for t in c[5]})
        del chunks  # (with an iterator that lets go of them, the parts are freed here)
        order = np.lexsort((u, o, h))
        # one array at a time: a million rows' postings are some 200 MB
        h = h[order]
        o = o[order]
        u = u[order]
        w = w[order]
        del order
        unique, starts = np.unique(h, return_index=True)
        offsets = np.append(starts, len(h)).astype(np.int64)
        # (row numbers are the store's row keys: four bytes each while they fit)
        small = not len(o) or (int(o.min()) >= 0 and int(o.max()) <= np.iinfo(np.uint32).max)
        rows = o.astype(np.uint32) if small else o
        return cls(
            unique, offsets, rows, u, w, np.array(vocab, dtype=np.str_), np.array(words, np.str_)
        )

    def __len__(self) -> int:
        return len(self.hashes)

    def _gather(self, keys: Iterable[str]) -> npt.NDArray[np.int64]:
        """The positions (in :attr:`ids`) of every posting of ``keys``."""
        starts, ends = self._ranges(sorted(set(keys)))
        return spans(starts, ends)

    def rows_with(self, keys: Iterable[str]) -> npt.NDArray[np.int64]:
        """The distinct rows probing at least one of ``keys``, sorted."""
        return np.unique(self.ids[self._gather(keys)]).astype(np.int64)

    def _bound(self, at: npt.NDArray[np.int64], min_coverage: float) -> npt.NDArray[np.int64]:
        """Of the postings at ``at`` (of the keys one listing posts), the rows they
        may bring to ``min_coverage``: per reading of a row's name, the sum over its
        units of the best share a posting brings the unit (an upper bound of the
        listing's coverage of that reading)."""
        if not len(at):
            return np.zeros(0, dtype=np.int64)
        # (row, unit) as one sortable number: rows are below 2**47
        pairs = (self.ids[at].astype(np.int64) << 16) | self.units[at].astype(np.int64)
        order = np.argsort(pairs)
        pairs, shares = pairs[order], self.shares[at][order]
        first = np.empty(len(pairs), dtype=np.bool_)
        first[0] = True
        np.not_equal(pairs[1:], pairs[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        best = np.maximum.reduceat(shares, starts).astype(np.float64)
        rows, readings = pairs[starts] >> 16, (pairs[starts] >> 8) & 0xFF
        first = np.empty(len(rows), dtype=np.bool_)
        first[0] = True
        first[1:] = (rows[1:] != rows[:-1]) | (readings[1:] != readings[:-1])
        starts = np.flatnonzero(first)
        sums = np.add.reduceat(best, starts)
        return rows[starts][sums >= min_coverage - MARGIN]

    def neighbours(self, tokens: Sequence[str], workers: int = 1) -> dict[str, set[str]]:
        """The rows' fuzzy tokens within reach of each of ``tokens`` (the indexed
        side): a row token ``q`` reaches ``t`` when their OSA distance is at most
        the edits the screener allows ``q`` (one, two from eight characters)."""
        found: dict[str, set[str]] = {}
        for length, choices in self._by_length.items():
            edits = max_edits("x" * length)
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
                for i, j in zip(*np.nonzero(distances <= edits), strict=True):
                    found.setdefault(block[int(i)], set()).add(choices[int(j)])
        return found

    def affected(
        self,
        delta: CandidateIndex,
        workers: int = 1,
        crowded: Callable[[str, int], bool] | None = None,
        flipped: Iterable[str] = (),
        min_coverage: float = DEFAULT_MIN_COVERAGE,
    ) -> npt.NDArray[np.int64]:
        """The rows whose screening result the listings of ``delta`` (an index of
        the changed listings, old and new versions) can change, sorted: the rows
        one of them may cover at least ``min_coverage`` through the keys it posts
        its tokens' typo neighbours and the rows' words whose spellings write
        one of its tokens (:meth:`_bound`), and the rows holding a
        token the change affects as a whole, ``crowded`` (the index's cut of its
        typo neighbours may move, given how many of them the change brings or
        takes) or ``flipped`` (its minor unit appears or goes)."""
        keys, offsets, posted = delta.posted_keys()
        slots = len(keys)
        near = self.neighbours(delta.fuzzy_vocabulary(), workers)
        fuzzy = sorted({q for qs in near.values() for q in qs})
        fuzzy_slot = {q: len(keys) + i for i, q in enumerate(fuzzy)}
        keys += ["z:" + q for q in fuzzy]
        starts, ends = self._ranges(keys)
        # each listing's slots (the keys it posts), and its tokens' neighbours
        slot_of = np.repeat(np.arange(slots, dtype=np.int64), np.diff(offsets))
        order = np.argsort(posted, kind="stable")
        posted, slot_of = posted[order], slot_of[order]
        bounds = np.flatnonzero(np.diff(posted)) + 1
        listings: dict[int, npt.NDArray[np.int64]] = {}
        for position, own in zip(
            posted[np.append(0, bounds)].tolist() if len(posted) else [],
            np.split(slot_of, bounds) if len(posted) else [],
            strict=True,
        ):
            extra = [
                fuzzy_slot[q]
                for slot in own.tolist()
                if keys[slot].startswith("t:")
                for q in near.get(keys[slot][2:], ())
            ]
            listings[position] = np.unique(np.concatenate([own, np.asarray(extra, np.int64)]))
        found = self._reached(listings.values(), starts, ends, workers, min_coverage)
        touched: list[str] = []
        if crowded is not None:
            near_count: dict[str, int] = {}
            for qs in near.values():
                for q in qs:
                    near_count[q] = near_count.get(q, 0) + 1
            touched = [q for q in fuzzy if crowded(q, near_count[q])]
        found.append(self.rows_with(["x:" + t for t in [*touched, *flipped]]))
        # the run keys of the rows' words whose spellings write a listing's
        # token reach the rows holding the word only: a word all of whose rows
        # are reached already is not walked (:meth:`_open_words`)
        reached = np.unique(np.concatenate(found))
        spelt = spelt_keys(delta, self._open_words(reached))
        runs = sorted({k for ks in spelt.values() for k in ks})
        if runs:
            run_slot = {k: len(keys) + i for i, k in enumerate(runs)}
            more_starts, more_ends = self._ranges(runs)
            starts = np.concatenate([starts, more_starts])
            ends = np.concatenate([ends, more_ends])
            spelling = [
                np.concatenate(
                    [listings.get(position, np.zeros(0, np.int64)), [run_slot[k] for k in ks]]
                ).astype(np.int64)
                for position, ks in spelt.items()
            ]
            found += self._reached(spelling, starts, ends, workers, min_coverage)
        found.append(reached)
        return np.unique(np.concatenate(found))

    def _reached(
        self,
        listings: Iterable[npt.NDArray[np.int64]],
        starts: npt.NDArray[np.int64],
        ends: npt.NDArray[np.int64],
        workers: int,
        min_coverage: float,
    ) -> list[npt.NDArray[np.int64]]:
        """For each listing (the slots of the keys it posts, into ``starts``
        and ``ends``, the ranges of their postings), the rows it may bring to
        ``min_coverage`` (:meth:`_bound`)."""
        unique: dict[tuple[int, ...], npt.NDArray[np.int64]] = {}
        for mine in listings:
            mine = np.unique(mine)
            mine = mine[ends[mine] > starts[mine]]
            # (versions posting the same keys reach the same rows: once)
            unique.setdefault(tuple(mine.tolist()), mine)

        def bound(mine: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
            return self._bound(spans(starts[mine], ends[mine]), min_coverage)

        # (NumPy's sorting runs outside the interpreter lock: threads share the cores)
        with ThreadPoolExecutor(max(1, workers)) as pool:
            return list(pool.map(bound, unique.values()))

    def _open_words(self, reached: npt.NDArray[np.int64]) -> list[str]:
        """The rows' words (:attr:`words`) held by a row not among ``reached``
        (sorted): the words whose run keys (:func:`thaw.monitor.spelt.run_keys`)
        may still bring a row."""
        words: list[str] = self.words.tolist()
        keys: list[str] = []
        owner: list[int] = []
        for w, word in enumerate(words):
            runs = run_keys(word)
            keys += runs
            owner += [w] * len(runs)
        starts, ends = self._ranges(keys)
        word_of = np.repeat(np.asarray(owner, dtype=np.int64), ends - starts)
        rows = self.ids[spans(starts, ends)]
        return [words[w] for w in np.unique(word_of[~np.isin(rows, reached)]).tolist()]

    def _ranges(self, keys: Sequence[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """For each of ``keys``, the range of its postings (empty if none)."""
        probe = key_hashes(keys)
        starts = np.zeros(len(keys), dtype=np.int64)
        ends = np.zeros(len(keys), dtype=np.int64)
        if not len(probe) or not len(self.hashes):
            return starts, ends
        at = np.minimum(np.searchsorted(self.hashes, probe), len(self.hashes) - 1)
        hit = self.hashes[at] == probe
        starts[hit] = self.offsets[at[hit]]
        ends[hit] = self.offsets[at[hit] + 1]
        return starts, ends

    _ARRAYS = ("hashes", "offsets", "ids", "units", "shares", "vocab", "words")

    def save(self, path: Path) -> None:
        """Write the arrays to ``path``: a JSON header (each array's type, shape
        and place) and the arrays' bytes, each at a multiple of 64 (no pickled
        objects), so that :meth:`load` can map them."""
        arrays = [np.ascontiguousarray(getattr(self, name)) for name in self._ARRAYS]
        places: dict[str, Any] = {}
        at = 0
        for name, array in zip(self._ARRAYS, arrays, strict=True):
            places[name] = {"dtype": array.dtype.str, "shape": list(array.shape), "at": at}
            at += -(-array.nbytes // 64) * 64
        header = json.dumps(places).encode()
        start = -(-(len(_MAGIC) + 8 + len(header)) // 64) * 64
        with open(path, "wb") as fh:
            fh.write(_MAGIC + len(header).to_bytes(8, "little") + header)
            for name, array in zip(self._ARRAYS, arrays, strict=True):
                fh.seek(start + places[name]["at"])
                fh.write(array.tobytes())
            fh.truncate(start + at)

    @classmethod
    def load(cls, path: Path) -> RowIndex:
        """Map an index written by :meth:`save` (read-only; the pages are read
        as they are used)."""
        with open(path, "rb") as fh:
            if fh.read(len(_MAGIC)) != _MAGIC:
                raise ValueError(f"{path}: not a row index")
            size = int.from_bytes(fh.read(8), "little")
            places = json.loads(fh.read(size))
        start = -(-(len(_MAGIC) + 8 + size) // 64) * 64
        arrays = []
        for name in cls._ARRAYS:
            place = places[name]
            shape = tuple(place["shape"])
            if not math.prod(shape):
                arrays.append(np.zeros(shape, dtype=np.dtype(place["dtype"])))
                continue
            arrays.append(
                np.memmap(
                    path,
                    dtype=np.dtype(place["dtype"]),
                    mode="r",
                    offset=start + place["at"],
                    shape=shape,
                )
            )
        return cls(*arrays)


_MAGIC = b"thaw-row-index-2\n"
"""The first bytes of a row index file (:meth:`RowIndex.save`)."""
