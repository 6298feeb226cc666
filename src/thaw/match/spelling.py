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

from thaw.match.names import (
    SYMBOL_SIM,
    AlignedPair,
    Alignment,
    BestName,
    alignment_score,
    extra_of,
)
from thaw.text import AnalyzedName, Token
from thaw.text.spellings import (
    SOUND_SCRIPTS,
    EdgesOf,
    Written,
    languages,
    query_chars,
    query_spelling_script,
    run_bounds,
    spelling_script,
    spells_in_part,
    spells_morae,
    spells_syllables,
    spells_whole,
)

#: The most listed words one run of characters may spell together (a given
#: name of three syllables written apart: *Yuet Ngor*, *Soi Chi Ro*).
MAX_GROUP: Final = 4
#: Listed names with more words than this are not compared (a spelling
#: search grows with the words' subsets).
MAX_WORDS: Final = 8
#: The least share of a written name's characters that some run must spell
#: before the runs are assigned: each character left over counts as a word
#: that did not match (:func:`_missed`), so a name spelt less than this far
#: cannot reach a match, and most listed names a query meets are spelt
#: nowhere near it.
MIN_COVERED: Final = 0.6

_NOT_LETTER = re.compile("[^a-z]+")


@lru_cache(maxsize=65536)
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
            # (and on, through letters spelt as nothing: the soft sign of
            # Шарль *Charl*, the Georgian ending of ბაიდენი *Biden*)
            found.setdefault(at, parts)
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


@lru_cache(maxsize=256)
def _prepared(
    chars: str, words: tuple[tuple[int, int], ...], language: EdgesOf
) -> tuple[dict[int, list[tuple[int, tuple[str, ...]]]], frozenset[str]]:
    """The edges of ``chars`` in ``language`` by their start, and every
    spelling of one edge (remembered: a query is compared with many listed
    names)."""
    by_start: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    singles: set[str] = set()
    for start, end in words:
        for s, ends in _word_edges(chars[start:end], language)[0].items():
            by_start[start + s] = [(start + e, spellings) for e, spellings in ends]
            singles.update(sp for _e, spellings in ends for sp in spellings)
    return by_start, frozenset(singles)


@lru_cache(maxsize=4096)
def _word_edges(
    word: str, language: EdgesOf
) -> tuple[dict[int, list[tuple[int, tuple[str, ...]]]], dict[int, frozenset[str]]]:
    """The edges of one ``word`` of characters in ``language`` by their
    start, and the first letters their spellings begin with (remembered: the
    words of names recur far more than the names)."""
    by_start: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    for s, e, spellings in language(word):
        by_start.setdefault(s, []).append((e, spellings))
    initials = {
        start: frozenset(sp[:1] for _end, spellings in ends for sp in spellings)
        for start, ends in by_start.items()
    }
    return by_start, initials


@lru_cache(maxsize=16384)
def _word_target_runs(
    word: str, language: EdgesOf, target: str, breaks: frozenset[int]
) -> tuple[tuple[int, int, tuple[tuple[str, str], ...]], ...]:
    """Every run ``(start, end, parts)`` of one ``word`` of characters that
    spells ``target`` in ``language``, within the stretches the language lets
    one run span (:func:`~thaw.text.spellings.run_bounds`; remembered)."""
    by_start, initials = _word_edges(word, language)
    out: list[tuple[int, int, tuple[tuple[str, str], ...]]] = []
    if not spells_syllables(language):
        # (a word spelt by its sounds is spelt whole: Наполитано is no
        # *Napoli*)
        if target[0] in initials.get(0, ()):
            for end, parts in _runs_from(word, by_start, 0, len(word), target, breaks):
                if end == len(word):
                    out.append((0, end, parts))
        return tuple(out)
    for w_start, w_end in run_bounds(language, ((0, len(word)),)):
        for start in range(w_start, w_end):
            if target[0] in initials.get(start, ()):
                for end, parts in _runs_from(word, by_start, start, w_end, target, breaks):
                    out.append((start, end, parts))
    return tuple(out)


@lru_cache(maxsize=8192)
def _target_runs(
    chars: str, words: tuple[tuple[int, int], ...], language: EdgesOf,
    target: str, breaks: frozenset[int],
) -> tuple[tuple[int, int, tuple[tuple[str, str], ...]], ...]:  # fmt: skip
    """Every run ``(start, end, parts)`` of ``chars`` that spells ``target``
    in ``language``: those of each word (:func:`_word_target_runs`; no run
    crosses a word's end), in the order of the words (remembered: listed
    names share their words)."""
    out: list[tuple[int, int, tuple[tuple[str, str], ...]]] = []
    for w_start, w_end in words:
        for start, end, parts in _word_target_runs(chars[w_start:w_end], language, target, breaks):
            out.append((start + w_start, end + w_start, parts))
    return tuple(out)


def spans(
    chars: str,
    words: tuple[tuple[int, int], ...],
    language: EdgesOf,
    listed: Sequence[str],
    alone: bool = True,
) -> list[Spelled]:
    """Every run of ``chars`` (the query's characters, its words at positions
    ``words``: ``(start, end)`` each, a run never crossing one's end) that
    spells a group of consecutive ``listed`` words (folded: :func:`fold_word`)
    of at most :data:`MAX_GROUP`, in ``language``. A group is extended only
    while it is spelt: a run that spells a longer group spells its first
    words too. A name of one word that ``language`` may not spell whole as one
    word (:func:`~thaw.text.spellings.spells_whole`: a Chinese name read in
    Japanese) is spelt whole only as the whole listed name: 黄岩 may be
    *Kogan* alone, a surname, but is not the *Kogan* of *Alexander Kogan*,
    whose family name and given name would both be written; nor the whole of
    a listed name of one word unless the listing is ``alone`` known by one
    word (:func:`known_by_one_word`: 黄宏 is not the alias *Kiko* of *Fabio
    Enrique Ochoa Vasco*)."""
    out: list[Spelled] = []
    whole = len(words) == 1 and not spells_whole(language, chars)
    for first in range(len(listed)):
        target = ""
        breaks: list[int] = []
        for last in range(first, min(len(listed), first + MAX_GROUP)):
            if not listed[last]:
                break
            if target:
                breaks.append(len(target))
            target += listed[last]
            runs = _target_runs(chars, words, language, target, frozenset(breaks))
            if not runs:
                break
            if whole and (first > 0 or last < len(listed) - 1 or not alone):
                # (a run over the whole name spells only a part of the listed
                # name: not as one word)
                runs = tuple(r for r in runs if r[1] - r[0] < len(chars))
            out += [Spelled(start, end, first, last, parts) for start, end, parts in runs]
    return out


#: The best runs from a position on (:func:`_best_from`): characters and
#: listed words explained, runs used, and the runs.
_Best = tuple[int, int, int, tuple[Spelled, ...]]

_NOTHING: Final[_Best] = (0, 0, 0, ())


def _best_from(
    at: int, used: int, size: int, by_start: dict[int, list[Spelled]],
    memo: dict[tuple[int, int], _Best],
) -> _Best:  # fmt: skip
    """:func:`best_assignment`'s search: the best runs from character ``at``
    on, the listed words of the bit mask ``used`` taken (a function of its
    own, not a closure: compiled, a closure is an object called through
    Python's protocol)."""
    if at >= size:
        return _NOTHING
    key = (at, used)
    known = memo.get(key)
    if known is not None:
        return known
    top = _best_from(at + 1, used, size, by_start, memo)  # ``at`` left unexplained
    for s in by_start.get(at, ()):
        bits = ((1 << (s.last + 1)) - 1) ^ ((1 << s.first) - 1)
        if used & bits:
            continue
        c, w, r, runs = _best_from(s.end, used | bits, size, by_start, memo)
        c, w, r = c + s.end - s.start, w + s.last - s.first + 1, r + 1
        if (c, w, r) > top[:3]:
            top = (c, w, r, (s, *runs))
    memo[key] = top
    return top


def best_assignment(size: int, found: Sequence[Spelled]) -> Assignment | None:
    """The runs of ``found`` (over ``size`` characters) that explain the most
    characters, then the most listed words, then in the most runs (each
    listed word with its own characters, where they can be told apart), no two
    overlapping in characters or in words; ``None`` when none explains a
    character."""
    by_start: dict[int, list[Spelled]] = {}
    for s in found:
        by_start.setdefault(s.start, []).append(s)
    chars, words, _runs, runs = _best_from(0, 0, size, by_start, {})
    return Assignment(chars, words, runs) if chars else None


#: A Latin name's words as :func:`_assign` compares them: folded
#: (:func:`fold_word`), joined, and those of one syllable (:func:`_missed`).
_LatinWords = tuple[list[str], str, list[str]]
#: The words of the Latin names compared lately, by the name's identity (the
#: name kept beside them, so that its identity is not reused).
_latin_memo: dict[int, tuple[AnalyzedName, _LatinWords | None]] = {}
#: The most names :data:`_latin_memo` holds (emptied when full).
LATIN_MEMO: Final = 8192


#: The roles of words that no name written in characters spells: a place, a
#: generic word or a legal form of an organisation's name (芳 龚 is not *Hong
#: Kong Energy Technology Co.*, whatever 芳 and 龚 may be spelt).
UNSPELT_ROLES: Final = frozenset({"location", "generic", "legal_form"})


def _latin_words(latin: AnalyzedName) -> _LatinWords | None:
    """``latin``'s informative words as :data:`_LatinWords` (a word of
    :data:`UNSPELT_ROLES` as an empty one, which no run spells), ``None`` for a
    name not compared by spelling (none, more than :data:`MAX_WORDS`, or one
    written in another script); remembered, as a listed name meets many
    queries."""
    key = id(latin)
    known = _latin_memo.get(key)
    if known is not None and known[0] is latin:
        return known[1]
    rs = latin.informative
    words: _LatinWords | None = None
    if rs and len(rs) <= MAX_WORDS and not any(t.script_form or t.abjad for t in rs):
        listed = ["" if t.role in UNSPELT_ROLES else fold_word(t.raw or t.text) for t in rs]
        syllables = [w for t, w in zip(rs, listed, strict=True) if _missed(t, False)]
        words = (listed, "".join(listed), syllables)
    if len(_latin_memo) >= LATIN_MEMO:
        _latin_memo.clear()
    _latin_memo[key] = (latin, words)
    return words


def _numbers(latin: AnalyzedName) -> int:
    """How many words of ``latin`` are numbers (a vessel's *1*, a series'
    *II*), which no spelling writes: such a name is not spelt whole."""
    return sum(1 for t in latin.informative if t.role == "number")


#: A written name's edges in one language, as :func:`_assign` tries them: the
#: language, the edges by their start and every spelling of one edge
#: (:func:`_prepared`).
_Prepared = tuple[EdgesOf, dict[int, list[tuple[int, tuple[str, ...]]]], frozenset[str]]


def _languages_of(written: Written, found_languages: Sequence[EdgesOf]) -> list[_Prepared]:
    """``written``'s edges in each of ``found_languages`` (:data:`_Prepared`),
    looked up once for all the names it is compared with."""
    return [(lang, *_prepared(written.chars, written.words, lang)) for lang in found_languages]


def _assign(
    written: Written,
    latin: AnalyzedName,
    prepared: list[_Prepared],
    named: frozenset[int] = frozenset(),
    alone: bool = True,
) -> Assignment | None:
    """The best assignment of ``written``'s characters to ``latin``'s words
    in any of the languages ``prepared`` (:func:`_languages_of`); the
    characters ``named`` (of words that share a name item with a word of
    ``latin``: :func:`_named`) count as spelt in the bounds that decide
    whether enough of the name is; ``alone``: whether ``latin``'s listing is
    known by one word (:func:`spans`)."""
    words = _latin_words(latin)
    if words is None:
        return None
    listed, joined, syllables = words
    size = len(written.chars)
    best: Assignment | None = None
    need = MIN_COVERED * size
    for language, by_start, singles in prepared:
        # quick bounds (most names a query meets fail them): a Latin word of
        # one syllable is written by one edge (in Japanese, a word of one
        # vowel run also by two: 土井 *Doi*) or counts as missed, and too
        # few characters written anywhere in the name cannot match
        by_syllable = spells_syllables(language)
        if syllables and by_syllable:
            morae = spells_morae(language)
            bad = sum(
                1 for w in syllables if w not in singles and not (morae and _two_edges(w, singles))
            )
            if bad and (len(syllables) - bad) < MIN_COVERED * len(syllables):
                continue
        seen: set[int] = set(named)
        if by_syllable:
            for start, ends in by_start.items():
                for end, spellings in ends:
                    if any(sp in joined for sp in spellings):
                        seen.update(range(start, end))
        else:
            # (a word spelt by its sounds is spelt whole, from its first
            # letter: only a word whose first letter may begin a listed word
            # can be)
            firsts = {w[:1] for w in listed}
            for start, end in written.words:
                if start not in seen and not firsts.isdisjoint(
                    _word_edges(written.chars[start:end], language)[1].get(0, ())
                ):
                    seen.update(range(start, end))
        if len(seen) < need:
            continue
        found = spans(written.chars, written.words, language, listed, alone)
        if not found:
            continue
        covered = {i for run in found for i in range(run.start, run.end)} | named
        if len(covered) < need:
            continue  # (too few characters spelt for a match: every one counts)
        chosen = best_assignment(size, found)
        if chosen is None:
            continue
        if (
            chosen.words < len(listed) - listed.count("") + _numbers(latin)
            and len(written.words) == 1
            and not spells_in_part(language, written.chars)
        ):
            # (a name spelt in this language only as a whole; a number of
            # the listed name is a part no name spells: 黎晶 is no *Yu Jong 1*)
            continue
        if best is None or (chosen.chars, chosen.words) > (best.chars, best.words):
            best = chosen
    return best


def _two_edges(word: str, singles: frozenset[str]) -> bool:
    """Whether ``word`` is two spellings of ``singles`` one after the other
    (a Japanese word of one vowel run written by two characters, 土井 *Doi*:
    *do*, *i*)."""
    return any(word[:k] in singles and word[k:] in singles for k in range(1, len(word)))


#: A spelling pair: the written name's tokens, the Latin words, the similarity.
_Pair = tuple[tuple[int, ...], tuple[int, ...], float]


def _pairs(written: Written, chosen: Assignment) -> list[_Pair]:
    """``chosen``'s runs as ``(tokens, listed words, similarity)``: the
    tokens that own each run's characters (:class:`~thaw.text.spellings.Written`),
    runs that share a token made one pair, its similarity the share of its
    tokens' characters explained (1 for Chinese characters and Hangul, whose
    tokens are characters)."""
    groups: list[tuple[set[int], set[int], int]] = []
    for run in chosen.runs:
        tokens = {t for i in range(run.start, run.end) for t in written.owners[i]}
        words = set(range(run.first, run.last + 1))
        explained = run.end - run.start
        for other in [g for g in groups if g[0] & tokens]:
            groups.remove(other)
            tokens |= other[0]
            words |= other[1]
            explained += other[2]
        groups.append((tokens, words, explained))
    out: list[_Pair] = []
    for tokens, words, explained in groups:
        size = sum(1 for owners in written.owners if set(owners) & tokens)
        out.append((tuple(sorted(tokens)), tuple(sorted(words)), explained / size))
    return out


#: A Latin word of one syllable (one run of vowels): what a character of a
#: Chinese, Korean or Japanese name is written as.
_SYLLABLE: Final = re.compile("[^aeiouy]*[aeiouy]+[^aeiouy]*")


def _missed(token: Token, written: bool) -> bool:
    """Whether ``token``, left over in a spelling match, is a part of the
    name that the other side lacks rather than an extra: a character of the
    written name (every syllable of a Chinese, Korean or Japanese name is part
    of it: 王明 is not *Wang Ming Hua*), or a Latin word of one syllable, as
    a character is written (*Thant Zin Oo* is not 陳武雄), where a longer word
    is a name of another language the person also goes by (*Carrie*,
    *Stanley*: 林鄭月娥 is *Carrie Lam Cheng Yuet-ngor*). Such a part counts
    as a word that did not match, not as an extra word."""
    if written:
        return True
    return token.role == "name" and _SYLLABLE.fullmatch(token.raw.lower()) is not None


def _best_name(
    query: AnalyzedName, name: AnalyzedName, kind: str, factors: dict[str, float],
    pairs: list[_Pair], reverse: bool, by_name: bool = False,
) -> BestName:  # fmt: skip
    """``pairs`` (:func:`_pairs`: written tokens, Latin words, similarity) as
    the alignment of ``query`` with the listed ``name``, as ``spelling``
    pairs (``reverse``: the query is the Latin side), scored as the name
    alignment scores one (:func:`~thaw.match.names.alignment_score`: a pair
    weighs as its heaviest token), except that a part of the name left over
    on either side (:func:`_missed`: a character, a Latin syllable) counts as
    a word that did not match; other Latin words left over count as
    extras. With ``by_name`` (a query spelt by its sounds: Cyrillic,
    Armenian, Georgian, Greek), a query word left over
    is also paired with a listed word left over that shares a name item
    with it (:data:`~thaw.match.names.SYMBOL_SIM`, as the name alignment
    pairs them: Майкл *Michael*, whose spelling no convention gives), so
    that a given name of the usual kind and a surname transcribed by sound
    make one match (:func:`_same_names`)."""
    aligned = [
        AlignedPair(*((words, tokens) if reverse else (tokens, words)), sim, "spelling")
        for tokens, words, sim in pairs
    ]
    qs, rs = query.informative, name.informative
    if by_name:
        aligned += _same_names(qs, rs, aligned)
    agree = mass = eq = er = eq_full = er_full = 0.0
    q_used: set[int] = set()
    r_used: set[int] = set()
    for pair in aligned:
        w = max(max(qs[i].weight for i in pair.query), max(rs[j].weight for j in pair.result))
        agree += w * pair.sim
        mass += w
        q_used.update(pair.query)
        r_used.update(pair.result)
    for i, token in enumerate(qs):
        if i not in q_used:
            if _missed(token, not reverse):
                mass += token.weight
                continue
            extra, full = extra_of(token, token.weight)
            eq, eq_full = eq + extra, eq_full + full
    for j, token in enumerate(rs):
        if j not in r_used:
            if _missed(token, reverse):
                mass += token.weight
                continue
            extra, full = extra_of(token, token.weight)
            er, er_full = er + extra, er_full + full
    score = alignment_score(agree, mass, eq, er, eq_full, er_full)
    alignment = Alignment(score, aligned, q_used, r_used)
    return BestName(alignment, name, kind, score * factors.get(kind, 1.0))


def _same_names(
    qs: tuple[Token, ...], rs: tuple[Token, ...], aligned: list[AlignedPair]
) -> list[AlignedPair]:
    """Pairs of a query token and a listed token that no pair of ``aligned``
    holds and that share a name item (rigour's symbols), in order, each token
    once."""
    q_used = {i for pair in aligned for i in pair.query}
    r_used = {j for pair in aligned for j in pair.result}
    out: list[AlignedPair] = []
    for i, q in enumerate(qs):
        if i in q_used or not q.symbols:
            continue
        for j, r in enumerate(rs):
            if j not in r_used and r.symbols and not q.symbols.isdisjoint(r.symbols):
                out.append(AlignedPair((i,), (j,), SYMBOL_SIM, "symbol"))
                r_used.add(j)
                break
    return out


def _named(query: AnalyzedName, written: Written, name: AnalyzedName) -> frozenset[int]:
    """The characters of ``written`` (the query's) whose token shares a name
    item with a word of the listed ``name`` (:func:`_same_names` pairs them)."""
    symbols = [t.symbols for t in name.informative if t.symbols]
    if not symbols:
        return frozenset()
    tokens = query.informative
    return frozenset(
        k
        for k, owners in enumerate(written.owners)
        if any(
            tokens[i].symbols and not tokens[i].symbols.isdisjoint(s)
            for i in owners
            for s in symbols
        )
    )


def longer_by_syllables(name: AnalyzedName, syllables: int) -> bool:
    """Whether ``name``, in Latin letters, is written a syllable a word, as
    Chinese, Korean and Burmese names are, in more words than ``syllables``:
    each informative word of one syllable (:data:`_SYLLABLE`; an initial of
    no vowel is none), and more of them. A name written as a Chinese name is
    (:func:`thaw.text.han_names.written_as_chinese`) in two characters is a
    family name and a given name of one syllable, all of the name: such a
    listed name is another person's, whose name has a syllable more (胡龍 is
    not *Ho Yong Il*, 林伟 not *Wei Lin Na*), however well the two syllables
    it shares align."""
    rs = name.informative
    return len(rs) > syllables and all(
        not (t.script_form or t.abjad) and _SYLLABLE.fullmatch(t.raw.lower()) is not None
        for t in rs
    )


def known_by_one_word(names: tuple[tuple[AnalyzedName, str], ...]) -> bool:
    """Whether the listing whose names are ``names`` is known by a name of
    one word: each of its primary names in Latin letters (else each of its
    names in Latin letters but the weak ones) has at most one informative
    word (*Reding*, *Walijan*). A name in characters written as a Chinese
    name is, a family name and a given name
    (:func:`thaw.text.han_names.written_as_chinese`), is a full name: read
    whole as one foreign or Japanese word, it may be such a listing's name,
    not a one-word alias of a listing whose full name has several words
    (黄龙 is not the *Haroon* of *Fazul Abdullah Mohammed*, 李作 not the
    *Reza* of *Mehrdad Omidi*)."""
    latin = [
        (name, kind)
        for name, kind in names
        if name.informative and not any(t.script_form or t.abjad for t in name.informative)
    ]
    main = [name for name, kind in latin if kind == "primary"]
    if not main:
        main = [name for name, kind in latin if kind != "weak"]
    return all(len(name.informative) <= 1 for name in main)


#: The last query compared, its characters and their edges in each language
#: (a query meets many listings).
_last_written: tuple[AnalyzedName | None, Written | None, list[_Prepared]] = (None, None, [])


def spelled_best(
    query: AnalyzedName,
    names: tuple[tuple[AnalyzedName, str], ...],
    factors: dict[str, float],
    alone: bool | None = None,
) -> BestName | None:
    """The listed name that the query spells best, or that spells the query,
    as a :class:`~thaw.match.names.BestName` whose aligned pairs are
    ``spelling`` pairs (the tokens of a run of characters against the Latin
    words it spells): a query written in Chinese characters, Hangul or kana
    against the listed names in Latin letters, or a Latin query against the
    listed names written so, under each language of the characters' script
    (:func:`thaw.text.spellings.languages`); a listed name's kind weighs as
    in ``factors``; ``alone`` (else worked out from ``names``): whether the
    listing is known by one word (:func:`known_by_one_word`, :func:`spans`).
    ``None`` when no name is spelt in any part."""
    global _last_written
    best: BestName | None = None
    script = query_spelling_script(query.original)
    last = _last_written  # (read once: another thread may replace it)
    if last[0] is query:
        mine, prepared = last[1], last[2]
    else:
        mine = query_chars(query) if script else None
        prepared = (
            _languages_of(mine, languages(script, len(mine.words))) if mine is not None else []
        )
        _last_written = (query, mine, prepared)
    if script and mine is None:
        return None
    if alone is None:
        alone = known_by_one_word(names)
    alone = mine is None or alone
    for name, kind in names:
        if mine is not None:
            written = mine
            named = _named(query, written, name) if script in SOUND_SCRIPTS else frozenset()
            chosen = _assign(written, name, prepared, named, alone)
        else:
            listed_script = spelling_script(name.original)
            listed = query_chars(name) if listed_script else None
            if listed is None:
                continue
            written = listed
            found_languages = languages(listed_script, len(written.words))
            chosen = _assign(written, query, _languages_of(written, found_languages))
        if chosen is None:
            continue
        found = _best_name(
            query, name, kind, factors, _pairs(written, chosen), not script, script in SOUND_SCRIPTS
        )
        if best is None or found.score > best.score:
            best = found
    return best


def spelled_parts(
    query: AnalyzedName, best: BestName
) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    """How ``best`` (an alignment of ``query`` with spelling pairs) spells:
    each run of characters as ``(characters, Latin words, how each edge was
    spelt)``, the edges as ``(characters, spelling)`` pairs (``坂本``,
    ``sakamoto``, ``(("坂", "saka"), ("本", "moto"))``), for the explanation
    and :func:`thaw.match.han_latin.rare_reading` (the assignment is found
    again: it is asked only of an alignment with spelling pairs)."""
    latin, other = query, best.name
    script = query_spelling_script(query.original)
    if script:
        latin, other = other, query
    else:
        script = spelling_script(other.original)
    written = query_chars(other)
    if written is None:
        return []
    chosen = _assign(written, latin, _languages_of(written, languages(script, len(written.words))))
    if chosen is None:
        return []
    words = latin.informative
    return [
        (
            written.chars[run.start : run.end],
            " ".join(words[j].raw for j in range(run.first, run.last + 1)),
            run.parts,
        )
        for run in sorted(chosen.runs, key=lambda r: r.start)
    ]
