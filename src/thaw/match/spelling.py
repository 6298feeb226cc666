"""Names written in Chinese characters or Hangul compared with a Latin name by
*spelling*: can the Latin words be cut into spellings of the characters?

A Korean, Chinese or Japanese name is written with one syllable (or one
reading) per character, and each character has a small, published set of
Latin spellings: the romanisation systems' (Revised Romanisation and
McCune–Reischauer for Korean, pinyin, Wade–Giles and the Cantonese
spellings of Hong Kong for Chinese, Hepburn and Kunrei-shiki for Japanese)
and the customary ones that passports and the press use (박 *Park*, 이 *Lee*,
*Rhee*). Name analysis reads each character *one* way (:mod:`thaw.text`),
and a reading can be compared with only one spelling of each syllable, so
이재명 read *i je myong* meets *Lee Jae-myung* only in part.

This module asks the question the other way round. Each language supplies,
for one word of the original, its **edges**: ``(start, end, spellings)``,
the characters ``word[start:end]`` may be written as any of ``spellings``
(lower-case ASCII letters). Korean and Chinese give one edge per character;
Japanese also gives edges over several characters, for names that a
dictionary reads as a whole (宗一郎 *Soichiro*). The listed name's words are
folded to lower-case ASCII letters (diacritics, apostrophes and hyphens
dropped: *Ch'oe* → ``choe``, *Ōtani* → ``otani``), and :func:`spans` finds
every run of the query's characters whose spellings, one after the other,
write a run of consecutive listed words exactly (*Jae-myung* is two words
written by 재명; *Jaemyung* one). :func:`best_assignment` then chooses runs
and word groups that do not overlap, in any order (a family name first or
last), explaining as many characters, then as many listed words, as it can.

Nothing is fuzzy here: a run either spells its words or it does not. What
makes a match loose is only the size of the spelling sets, which is why they
come from published tables, not from pairs. The matcher
(:mod:`thaw.match.score`) tries this only for a query written in Chinese
characters or Hangul whose readings align with no listed name well, and
declares it as the ``spelling`` feature (:mod:`thaw.match.features`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from thaw.match.names import AlignedPair, Alignment, BestName, alignment_score, extra_of
from thaw.text import AnalyzedName, Token
from thaw.text.spellings import Edge, EdgesOf, query_chars

#: The most listed words one run of characters may spell together (a given
#: name of three syllables written apart: *Yuet Ngor*, *Soi Chi Ro*).
MAX_GROUP: Final = 4
#: Listed names with more words than this are not compared (a spelling
#: search grows with the words' subsets).
MAX_WORDS: Final = 8

_NOT_LETTER = re.compile("[^a-z]+")


def fold_word(raw: str) -> str:
    """A listed word (its token's ASCII ``raw`` form) as spellings are
    written: lower-case letters only (*Ch'oe* → ``choe``, *Shin'ichi* →
    ``shinichi``)."""
    return _NOT_LETTER.sub("", raw.lower())


@dataclass(frozen=True, slots=True)
class Spelled:
    """One run of query characters that spells a group of listed words:
    characters ``[start, end)`` of the query's character sequence, listed
    words ``[first, last]``, and the spelling each edge of the run used
    (``(characters, spelling)``, for the explanation)."""

    start: int
    end: int
    first: int
    last: int
    parts: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Assignment:
    """The runs chosen (:func:`best_assignment`): how many characters and
    listed words they explain, and the runs themselves."""

    chars: int
    words: int
    runs: tuple[Spelled, ...]


def _runs_from(
    chars: str, edges: dict[int, list[tuple[int, tuple[str, ...]]]], start: int, stop: int,
    target: str, breaks: frozenset[int],
) -> list[tuple[int, tuple[tuple[str, str], ...]]]:  # fmt: skip
    """Every end ``e`` (up to ``stop``) such that the characters
    ``chars[start:e]`` spell ``target`` exactly, edge by edge, no spelling
    crossing a position of ``breaks`` (the boundaries of the listed words
    joined in ``target``), each with the parts that spelt it (the first such
    path found)."""
    found: dict[int, tuple[tuple[str, str], ...]] = {}
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[int, int, tuple[tuple[str, str], ...]]] = [(start, 0, ())]
    size = len(target)
    while stack:
        at, pos, parts = stack.pop()
        if pos == size:
            found.setdefault(at, parts)
            continue
        if at >= stop:
            continue
        for end, spellings in edges.get(at, ()):
            if end > stop:
                continue
            for sp in spellings:
                nxt = pos + len(sp)
                if nxt > size or not target.startswith(sp, pos):
                    continue
                if any(pos < b < nxt for b in breaks):
                    continue
                if (end, nxt) in seen:
                    continue
                seen.add((end, nxt))
                stack.append((end, nxt, (*parts, (chars[at:end], sp))))
    return sorted(found.items())


def spans(
    chars: str, words: Sequence[tuple[int, int]], edges: Sequence[Edge], listed: Sequence[str]
) -> list[Spelled]:
    """Every run of ``chars`` (the query's characters, its words at positions
    ``words``: ``(start, end)`` each, a run never crossing one's end) that
    spells a group of consecutive ``listed`` words (folded: :func:`fold_word`)
    of at most :data:`MAX_GROUP`, given the language's ``edges`` over
    ``chars``."""
    by_start: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    initials: dict[int, set[str]] = {}
    for start, end, spellings in edges:
        by_start.setdefault(start, []).append((end, spellings))
        initials.setdefault(start, set()).update(sp[:1] for sp in spellings)
    out: list[Spelled] = []
    for first in range(len(listed)):
        target = ""
        breaks: set[int] = set()
        for last in range(first, min(len(listed), first + MAX_GROUP)):
            if not listed[last]:
                break
            if target:
                breaks.add(len(target))
            target += listed[last]
            frozen = frozenset(breaks)
            for w_start, w_end in words:
                for start in range(w_start, w_end):
                    if target[0] not in initials.get(start, ()):
                        continue
                    for end, parts in _runs_from(chars, by_start, start, w_end, target, frozen):
                        out.append(Spelled(start, end, first, last, parts))
    return out


def best_assignment(size: int, found: Sequence[Spelled]) -> Assignment | None:
    """The runs of ``found`` (over ``size`` characters) that explain the most
    characters, then the most listed words, then in the most runs (each
    listed word with its own characters, where they can be told apart), no two
    overlapping in characters or in words; ``None`` when none explains a
    character."""
    by_start: dict[int, list[Spelled]] = {}
    for s in found:
        by_start.setdefault(s.start, []).append(s)
    memo: dict[tuple[int, int], tuple[int, int, int, tuple[Spelled, ...]]] = {}

    def best(at: int, used: int) -> tuple[int, int, int, tuple[Spelled, ...]]:
        if at >= size:
            return (0, 0, 0, ())
        key = (at, used)
        if key in memo:
            return memo[key]
        top = best(at + 1, used)  # the character at ``at`` left unexplained
        for s in by_start.get(at, ()):
            bits = ((1 << (s.last + 1)) - 1) ^ ((1 << s.first) - 1)
            if used & bits:
                continue
            c, w, r, runs = best(s.end, used | bits)
            mine = (c + s.end - s.start, w + s.last - s.first + 1, r + 1, (s, *runs))
            if mine[:3] > top[:3]:
                top = mine
        memo[key] = top
        return top

    chars, words, _runs, runs = best(0, 0)
    return Assignment(chars, words, runs) if chars else None


@lru_cache(maxsize=256)
def _edges(chars: str, words: tuple[tuple[int, int], ...], language: EdgesOf) -> list[Edge]:
    """The edges of every word of ``chars`` in ``language``, over ``chars``
    (remembered: a query is compared with many listed names)."""
    out: list[Edge] = []
    for start, end in words:
        out += [(start + s, start + e, sp) for s, e, sp in language(chars[start:end])]
    return out


def spelled_best(
    query: AnalyzedName,
    languages: Sequence[EdgesOf],
    names: tuple[tuple[AnalyzedName, str], ...],
    factors: dict[str, float],
) -> BestName | None:
    """The listed name in Latin letters that the query, a name written in
    Chinese characters or Hangul, spells best under any of ``languages``
    (each a function giving a word's edges), as a
    :class:`~thaw.match.names.BestName` whose aligned pairs are ``spelling``
    pairs (a run of characters against the listed words it spells, similarity
    1), scored as the name alignment scores one
    (:func:`~thaw.match.names.alignment_score`: a run weighs as its heaviest
    token, characters and words left over count as extras); a listed name's
    kind weighs as in ``factors``. ``None`` when no listed name is spelt in
    any part."""
    found_chars = query_chars(query)
    if found_chars is None:
        return None
    chars, words = found_chars
    qs = query.informative
    edge_sets = [_edges(chars, tuple(words), language) for language in languages]
    best: BestName | None = None
    for name, kind in names:
        rs = name.informative
        if not rs or len(rs) > MAX_WORDS or any(t.script_form or t.abjad for t in rs):
            continue
        listed = [fold_word(t.raw or t.text) for t in rs]
        for edges in edge_sets:
            chosen = best_assignment(len(chars), spans(chars, words, edges, listed))
            if chosen is None:
                continue
            s = _score(qs, rs, chosen)
            scored = s * factors.get(kind, 1.0)
            if best is None or scored > best.score:
                pairs = [
                    AlignedPair(
                        tuple(range(r.start, r.end)),
                        tuple(range(r.first, r.last + 1)),
                        1.0,
                        "spelling",
                    )
                    for r in chosen.runs
                ]
                q_used = {i for p in pairs for i in p.query}
                r_used = {j for p in pairs for j in p.result}
                best = BestName(Alignment(s, pairs, q_used, r_used), name, kind, scored)
    return best


def _score(qs: tuple[Token, ...], rs: tuple[Token, ...], chosen: Assignment) -> float:
    """The alignment score of ``chosen`` (see :func:`spelled_best`)."""
    agree = mass = eq = er = eq_full = er_full = 0.0
    q_used: set[int] = set()
    r_used: set[int] = set()
    for run in chosen.runs:
        w = max(
            max(qs[i].weight for i in range(run.start, run.end)),
            max(rs[j].weight for j in range(run.first, run.last + 1)),
        )
        agree += w
        mass += w
        q_used.update(range(run.start, run.end))
        r_used.update(range(run.first, run.last + 1))
    for i, token in enumerate(qs):
        if i not in q_used:
            extra, full = extra_of(token, token.weight)
            eq, eq_full = eq + extra, eq_full + full
    for j, token in enumerate(rs):
        if j not in r_used:
            extra, full = extra_of(token, token.weight)
            er, er_full = er + extra, er_full + full
    return alignment_score(agree, mass, eq, er, eq_full, er_full)


def spelled_pairs(query: AnalyzedName, best: BestName) -> list[tuple[str, str]]:
    """The ``spelling`` pairs of ``best`` as ``(characters, listed words)``,
    for the explanation."""
    qs, rs = query.informative, best.name.informative
    out: list[tuple[str, str]] = []
    for pair in best.alignment.pairs:
        if pair.how == "spelling":
            word = "".join(qs[i].script_form for i in pair.query)
            out.append((word, "-".join(rs[j].raw for j in pair.result)))
    return out
