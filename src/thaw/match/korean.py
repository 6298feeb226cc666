"""Korean names in Latin letters compared syllable by syllable.

A Korean name is written in Latin letters in several systems (the Revised
Romanization of the South, McCune–Reischauer and the North's own, the press's
and people's own spellings): 정철 is *Jeong-cheol*, *Chong-chol*, *Jung-chul*.
Compared letter by letter, two spellings of one syllable can be further apart
than two different syllables: *jeong* and *chong* (both 정) differ in two
letters, *jong* and *song* (종, 송) in one. Every syllable of a Korean name is
a morpheme with a small, published set of spellings, so when both names read
as Korean (:func:`thaw.text.korean.reads_as_korean_name`) their words are
compared by the Hangul syllables they spell instead
(:func:`thaw.text.korean.syllable_readings`): two words agree when they spell
the same syllables, one for one (:func:`thaw.text.korean.same_syllables`),
however far apart their letters are, and not at all otherwise, however near,
unless the difference looks like a slip of the pen rather than another
syllable (:func:`_slip`: a letter typed twice, a glide dropped), where the
letters are compared as usual.

:func:`syllable_best` aligns a query name with each listed name that reads as
Korean so: a word against a word, or against adjacent words that it writes
together (*Jaein* and *Jae-in*), greedily, equal spellings first, in any order
(a family name first or last); an aligned pair has similarity 1 when spelt
alike and :data:`SYLLABLE_SIM` when spelt otherwise. The alignment is scored as
the name alignment scores one (:func:`thaw.match.names.alignment_score`, the
same token weights and rarity), so a word left over on both sides is a
substitution: *Kim Jong-hoon* and *Kim Song Hun* (김종훈, 김송훈) differ in a
syllable and are other people.

A family name is no optional part of a Korean name. An alignment that leaves
one over on one side only, its words all paired with the other's given name,
is not trusted (:func:`_family_left`: *Jon Young*, an English name that reads
as Korean, against *CHOE Chun Yong*), and the pair is aligned as other names
are; and whichever way a query read as Korean was aligned, a family name of
its own that the listed name lacks altogether is scored as a word in place of
another, not as a word left out (:func:`family_left_over`: *Park Ji-sung*
against the vessel *JI SONG 6*).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from thaw.match.names import (
    MIN_SIM,
    AlignedPair,
    Alignment,
    BestName,
    aligned_mass,
    alignment_score,
    extra_of,
    string_similarity,
)
from thaw.text import AnalyzedName, Token, TokenStats
from thaw.text.korean import (
    KOREAN_SURNAMES,
    Readings,
    hangul_spellings,
    joined_readings,
    reads_as_korean_name,
    spell_same_syllables,
    syllable_readings,
)

#: Similarity of two words that spell the same Hangul syllables otherwise
#: (*Jeong*, *Chong*): a syllable's spellings are a published set, but one
#: spelling stands for several syllables (*chong* 정, 종, 청, 총).
SYLLABLE_SIM: Final = 0.9
#: The most adjacent words of one side that one word of the other may write
#: together (*Jae In* as *Jaein*).
MAX_JOINED: Final = 3

#: The declared magnitudes of this module, by name, with what each is.
TABLE: Final[tuple[tuple[str, float, str], ...]] = (
    ("SYLLABLE_SIM", SYLLABLE_SIM, "similarity of two Korean words spelling the same syllables"),
)

_WordReadings = tuple[tuple[Readings, ...], ...]


@lru_cache(maxsize=8192)
def _readings(words: tuple[str, ...]) -> tuple[_WordReadings, ...] | None:
    """Per word its :func:`~thaw.text.korean.syllable_readings`, when the words
    read as a Korean name; ``None`` otherwise."""
    if not reads_as_korean_name(list(words)):
        return None
    readings = tuple(syllable_readings(w) for w in words)
    return readings if all(readings) else None


def korean_readings(name: AnalyzedName) -> tuple[_WordReadings, ...] | None:
    """The syllable readings of each word of ``name`` (its informative tokens),
    when it is a name in Latin letters whose words are all name words and
    read as a Korean name; ``None`` otherwise."""
    tokens = name.informative
    if not 2 <= len(tokens) <= 4 or not name.original.isascii():
        return None
    if not all(t.raw.isalpha() and (t.role == "name" or _vowel_syllable(t)) for t in tokens):
        return None
    return _readings(tuple([t.raw for t in tokens]))


def _vowel_syllable(t: Token) -> bool:
    """Whether ``t`` is a single vowel that name analysis took for an initial
    (*U*, *O*: 우, 오), which in a name read as Korean is a syllable (*U
    Sang-ho*, *No Tae-u*)."""
    return t.role == "initial" and t.raw in _VOWEL_LETTERS


_VOWEL_LETTERS: Final = frozenset("aeiou")


def _weight(t: Token, stats: TokenStats | None) -> float:
    """A word's weight as the name alignment counts it, rarity included; a
    vowel syllable (:func:`_vowel_syllable`) weighs as a name word."""
    weight = 1.0 if _vowel_syllable(t) else t.weight
    return weight if stats is None else weight * stats.factor(t.text)


def _slip(a: _WordReadings, b: _WordReadings, q: Token, r: Token) -> bool:
    """Whether two words that spell other syllables may still be one word
    mistyped, and are compared by their letters as other names are
    (:func:`thaw.match.names.string_similarity`): when no reading of one has
    as many syllables as a reading of the other (*Jong-uun*, *Jong-un*: a
    letter typed twice), or when their letters differ only in a glide *y* or
    *w* after the first letter (*Pong*, *Pyong*), the commonest slip in
    writing Korean names, which spelling alone cannot tell from another
    syllable. A consonant or a vowel otherwise (*Jong*, *Song*; *Joong*,
    *Jong*; *Hoon*, *Hyun*) makes another syllable, and another name."""
    if not {len(x) for x in a} & {len(y) for y in b}:
        return True
    x, y = q.raw, r.raw
    return x != y and x[:1] + _GLIDES.sub("", x[1:]) == y[:1] + _GLIDES.sub("", y[1:])


_GLIDES: Final = re.compile("[yw]")


def _runs(n: int) -> list[tuple[int, ...]]:
    return [tuple(range(i, i + k)) for k in range(1, MAX_JOINED + 1) for i in range(n - k + 1)]


def syllable_alignment(
    query: AnalyzedName,
    q_read: tuple[_WordReadings, ...],
    listed: AnalyzedName,
    r_read: tuple[_WordReadings, ...],
    stats: TokenStats | None,
) -> Alignment:
    """The alignment of two names read as Korean (``q_read``, ``r_read``: their
    :func:`korean_readings`), word by word (see the module docs)."""
    qs, rs = query.informative, listed.informative
    cands: list[tuple[float, int, tuple[int, ...], tuple[int, ...]]] = []
    for qi in _runs(len(qs)):
        q_joined = joined_readings([q_read[i] for i in qi])
        q_raw = "".join([qs[i].raw for i in qi])
        q_text = "".join([qs[i].text for i in qi])
        for rj in _runs(len(rs)):
            if len(qi) > 1 and len(rj) > 1:
                continue
            r_joined = joined_readings([r_read[j] for j in rj])
            if not spell_same_syllables(q_joined, r_joined):
                single = len(qi) == 1 and len(rj) == 1
                q, r = qs[qi[0]], rs[rj[0]]
                if single and _slip(q_joined, r_joined, q, r):
                    sim = string_similarity(q.text, r.text)
                    if sim >= MIN_SIM:
                        cands.append((sim, 2, qi, rj))
                continue
            # (spelt alike: as written, or once folded, *Moon* and *Mun*)
            same = q_raw == "".join([rs[j].raw for j in rj]) or q_text == "".join(
                [rs[j].text for j in rj]
            )
            cands.append((1.0 if same else SYLLABLE_SIM, len(qi) + len(rj), qi, rj))
    cands.sort(key=lambda c: (-c[0], -c[1]))
    q_w = [_weight(t, stats) for t in qs]
    r_w = [_weight(t, stats) for t in rs]
    q_used: set[int] = set()
    r_used: set[int] = set()
    pairs: list[AlignedPair] = []
    agree = mass = 0.0
    for sim, _, qi, rj in cands:
        if any(i in q_used for i in qi) or any(j in r_used for j in rj):
            continue
        q_used.update(qi)
        r_used.update(rj)
        if len(qi) == 1 and len(rj) == 1:
            w = (q_w[qi[0]] + r_w[rj[0]]) / 2
        else:
            w = max(sum(q_w[i] for i in qi), sum(r_w[j] for j in rj))
        agree += w * sim
        mass += w
        pairs.append(AlignedPair(qi, rj, sim, "syllables"))
    eq = eq_full = er = er_full = 0.0
    for i, t in enumerate(qs):
        if i not in q_used:
            extra, full = extra_of(t, q_w[i])
            eq, eq_full = eq + extra, eq_full + full
    for j, t in enumerate(rs):
        if j not in r_used:
            extra, full = extra_of(t, r_w[j])
            er, er_full = er + extra, er_full + full
    score = alignment_score(agree, mass, eq, er, eq_full, er_full)
    return Alignment(score, pairs, q_used, r_used)


@lru_cache(maxsize=1)
def _family_spellings() -> frozenset[str]:
    """Every Latin spelling of the common Korean family names."""
    return frozenset(sp for syllable in KOREAN_SURNAMES for sp in hangul_spellings(syllable))


def _family_left(alignment: Alignment, qs: tuple[Token, ...], rs: tuple[Token, ...]) -> bool:
    """Whether ``alignment`` leaves words over on one side only, among them a
    family name that ends its name (*Jon Young* against *CHOE Chun Yong*: the
    query's words are all paired with the listed given name, *Jon* with
    *Chun*, and the listed family name *Choe* is left over). Its family name
    then met a syllable of the other's given name, which spelling alone does
    not tell from a given name written in part (*Jong Un* against *KIM Jong
    Un*): such a pair is compared as other names are."""
    q_left = [i for i in range(len(qs)) if i not in alignment.query_used]
    r_left = [j for j in range(len(rs)) if j not in alignment.result_used]
    if bool(q_left) == bool(r_left):
        return False
    tokens, left = (qs, q_left) if q_left else (rs, r_left)
    ends = (0, len(tokens) - 1)
    return any(k in ends and tokens[k].raw in _family_spellings() for k in left)


def syllable_best(
    query: AnalyzedName,
    q_read: tuple[_WordReadings, ...],
    names: tuple[tuple[AnalyzedName, str], ...],
    factors: dict[str, float],
    stats: TokenStats | None,
) -> tuple[BestName | None, tuple[tuple[AnalyzedName, str], ...]]:
    """The listed name of ``names`` read as Korean that the query (read as
    Korean: ``q_read``) aligns with best syllable by syllable
    (:func:`syllable_alignment`), its kind weighed as in ``factors`` (``None``
    when there is none), and the names to compare as usual: those that do not
    read as Korean, and those whose syllable alignment leaves a family name
    over on one side only (:func:`_family_left`)."""
    best: BestName | None = None
    usual: list[tuple[AnalyzedName, str]] = []
    for name, kind in names:
        r_read = korean_readings(name)
        if r_read is None:
            usual.append((name, kind))
            continue
        alignment = syllable_alignment(query, q_read, name, r_read, stats)
        if _family_left(alignment, query.informative, name.informative):
            usual.append((name, kind))
            continue
        found = BestName(alignment, name, kind, alignment.score * factors.get(kind, 1.0))
        if best is None or found.score > best.score:
            best = found
    return best, tuple(usual)


def family_index(query: AnalyzedName) -> int | None:
    """The position, among the informative words of a name read as Korean,
    of its family name: the first word when it is not hyphenated and spells a
    common family name (*Park* Ji-sung), else the last word so (Ji-sung
    *Park*: a hyphenated word is a given name); ``None`` when neither is."""
    words = query.original.split()
    tokens = query.informative
    if len(words) < 2 or len(tokens) < 2:
        return None
    family = _family_spellings()
    if "-" not in words[0] and tokens[0].raw in family:
        return 0
    if "-" not in words[-1] and tokens[-1].raw in family:
        return len(tokens) - 1
    return None


def _token_weight(t: Token, stats: TokenStats | None) -> float:
    # (as the name alignment weighs a token: rarity for a name word only)
    if stats is None or t.role in ("legal_form", "generic", "stop", "honorific"):
        return t.weight
    return _weight(t, stats)


def family_left_over(
    query: AnalyzedName, family: int, best: BestName, stats: TokenStats | None, factor: float
) -> BestName:
    """``best``, or ``best`` scored again with the query's family name (the
    word at ``family``: :func:`family_index`) counted as replaced, when the
    alignment left it over while every word of the listed name that is no
    number was aligned: the listed name then holds only the query's given
    name, in another party's name (*Park Ji-sung* against the vessel *JI
    SONG 6*, *Park Chun-ho* against *TE, Ho Chun*). A Korean family name is
    no optional part, as a middle name is: left over against nothing, it is
    scored as a word in place of another (``factor``: the weight of the
    listed name's kind)."""
    al = best.alignment
    qs, rs = query.informative, best.name.informative
    if family in al.query_used or family >= len(qs):
        return best
    if any(j not in al.result_used and t.role != "number" for j, t in enumerate(rs)):
        return best
    q_w = [_token_weight(t, stats) for t in qs]
    r_w = [_token_weight(t, stats) for t in rs]
    agree, mass = aligned_mass(al.pairs, q_w, r_w)
    eq = eq_full = 0.0
    for i, t in enumerate(qs):
        if i not in al.query_used:
            extra, full = extra_of(t, q_w[i])
            eq, eq_full = eq + extra, eq_full + full
    score = alignment_score(agree, mass, eq, 0.0, eq_full, q_w[family])
    if score >= al.score:
        return best
    alignment = Alignment(score, al.pairs, al.query_used, al.result_used)
    return BestName(alignment, best.name, best.kind, score * factor)
