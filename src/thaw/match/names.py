"""Comparing two analysed names: token alignment and the name score.

**Token similarity** (:func:`token_similarity`), in [0, 1]:

* equal folded text → 1 (``Dmitriyev``/``Dmitrijev``, ``ООО``/``LLC``);
* a shared rigour given-name symbol → 0.92 (``Aleksandr``/``Alexander``,
  ``Ben``/``Benjamin``);
* one side written in an abjad (Arabic, Persian, Hebrew): the vowel-free keys
  are compared (``mly``/``Melli``), equal → 0.9 (0.75 for keys of two
  consonants, 0.6 for one), one consonant apart → 0.6;
* otherwise an edit cost: consonant edits cost 1, edits that only touch vowels
  ½ (``Mosk``/``Musk``), transpositions count once; within a length-dependent
  budget (½ for ≤ 3 letters, 1 for ≤ 8, 2 for ≤ 11, else 2.5; 1 for words of
  nine letters or more whose first letters differ) the similarity falls from 1
  to 0.5, beyond it the tokens do not align; consonants that differ only in
  voicing or place (s/z, k/g, t/d, p/b, f/v, m/n, j/y) cost ½;
* two Chinese or Korean syllables agree only when they are the same character;
* an initial against a name with that first letter → 0.75;
* the last word of a name long enough to have been cut by a fixed-width field,
  against a listed word it begins → 0.85;
* numbers align only when equal.

**Alignment** (:func:`compare_names`): pairs are taken greedily, most similar
first, in any order (``Dmitriev Kirill`` = ``Kirill Dmitriev``). Compounds
compete with single pairs: two or three adjacent tokens of one side,
concatenated, against one of the other (``Abdul Rahman``/``Abdulrahman``,
``hua wei``/``Huawei``, ``VladimirPutin``, ``SiemensAG``). When both names
state a filiation (``X bin Y``), a father's name aligned with a person's own
name counts 0.3 of its similarity (``Abdullah bin Omar`` is not ``Omar bin Abdullah``).

**Name score**: with each token's weight ``w`` (role weight × rarity), aligned
pairs contribute ``w·sim`` to the agreement ``A`` and ``w`` to the mass ``M``;
unaligned query tokens sum to ``Eq`` and unaligned listing tokens to ``Er``
(optional parts such as patronymics count a third there). Then::

    score = A / (M + 0.35·Eq + 0.25·Er + 2.0·√(Eq*·Er*))

where the last term is the *substitution* penalty (numbers excluded: a fund or
series number differing is a sibling entity, reported but not a veto): a part present on both sides
but different (``Kirill Petrov`` against ``Kirill Dmitriev``; ``Ivanovich``
against ``Viktorovich``) is strong evidence of different people, whereas a part
present on one side only (a middle name, a patronymic, a legal form, a
qualifier) is weak. ``Eq*``/``Er*`` use full weights. A match made only of
low-weight tokens (``Management Company``) is scaled down by
``0.55 + 0.45·M`` while ``M < 1``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from thaw.text import AnalyzedName, Token, fold_token, get_token_stats, skeleton
from thaw.text.analyze import compound_runs
from thaw.text.stats import TokenStats

#: Least similarity at which two tokens may be aligned.
MIN_SIM = 0.5
#: Similarity of two tokens that share a given-name symbol.
SYMBOL_SIM = 0.92
#: Similarity of an initial and a name it abbreviates.
INITIAL_SIM = 0.75
#: Similarity of a cut-off last word and the word it begins.
TRUNCATED_SIM = 0.85
#: Weight of unaligned query tokens in the denominator.
QUERY_EXTRA = 0.35
#: Weight of unaligned listing tokens in the denominator.
RESULT_EXTRA = 0.2
#: Weight of a substitution (parts on both sides that did not align).
SUBSTITUTION = 2.0
#: Share of its weight an optional part (patronymic) counts as an extra.
OPTIONAL_SHARE = 1 / 3


@dataclass(frozen=True, slots=True)
class Pair:
    """Query tokens aligned with listing tokens, with their similarity and how
    they were matched (``exact``, ``symbol``, ``abjad``, ``fuzzy``, ``initial``,
    ``truncated``, ``compound``)."""

    query: tuple[Token, ...]
    result: tuple[Token, ...]
    sim: float
    how: str

    def describe(self) -> str:
        """``query~listing`` (``=`` when exact)."""
        q = " ".join(t.raw or t.text for t in self.query)
        r = " ".join(t.raw or t.text for t in self.result)
        sign = "=" if self.how == "exact" else "~"
        return f"{q}{sign}{r}" if q != r else q


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The comparison of one query name with one listed name."""

    score: float
    query: AnalyzedName
    result: AnalyzedName
    pairs: tuple[Pair, ...]
    query_extra: tuple[Token, ...]
    result_extra: tuple[Token, ...]

    def describe(self) -> str:
        """A one-line account: aligned tokens, then ``-tok`` query-only and
        ``+tok`` listing-only tokens."""
        parts = [p.describe() for p in self.pairs]
        parts += [f"-{t.raw or t.text}" for t in self.query_extra]
        parts += [f"+{t.raw or t.text}" for t in self.result_extra]
        return " ".join(parts)


def _budget(n: int) -> float:
    if n <= 3:
        return 0.5
    if n <= 5:
        return 1.0
    if n <= 8:
        return 1.5
    if n <= 11:
        return 2.0
    return 2.5


_VOWELS = frozenset("aeiouy")

#: Consonants that differ only in voicing or place: substituting them costs half.
_CLASSES = str.maketrans("zgdbfmj", "sktpvny")


@lru_cache(maxsize=500_000)
def string_similarity(a: str, b: str) -> float:
    """Similarity of two folded words by vowel-discounted edit cost (0 when apart)."""
    if a == b:
        return 1.0
    n = max(len(a), len(b))
    if n <= 2 or not a or not b:
        return 0.0
    budget = _budget(n)
    if n > 8 and a[0] != b[0]:
        # long words that differ from the first letter are different stems
        # (Jónsdóttir / Tómasdóttir) unless nearly equal
        budget = 1.0
    if abs(len(a) - len(b)) > 2 * budget:
        return 0.0
    d = OSA.distance(a, b)
    if d > 2 * budget:
        return 0.0
    sa, sb = skeleton(a), skeleton(b)
    ds = OSA.distance(sa, sb)
    dc = OSA.distance(sa.translate(_CLASSES), sb.translate(_CLASSES)) if ds else 0
    cost = dc + 0.5 * max(0, ds - dc) + 0.5 * max(0, d - ds)
    if cost > budget or (5 < n <= 8 and cost >= budget):
        return 0.0
    return 1.0 - 0.5 * cost / budget


@lru_cache(maxsize=200_000)
def _abjad_similarity(ka: str, kb: str) -> float:
    if ka == kb:
        # the fewer consonants the key keeps, the weaker the evidence
        return 0.9 if len(ka) >= 3 else 0.75 if len(ka) == 2 else 0.6
    n = max(len(ka), len(kb))
    if n < 3:
        return 0.0
    d = OSA.distance(ka, kb)
    if d <= 1:
        return 0.6
    return 0.0


def token_similarity(q: Token, r: Token) -> tuple[float, str]:
    """Similarity of two tokens and how it was found (see the module docs)."""
    if q.script_form and r.script_form:
        return (1.0, "exact") if q.script_form == r.script_form else (0.0, "")
    if q.text == r.text:
        return 1.0, "exact"
    qr, rr = q.role, r.role
    if qr != rr and q.raw == r.raw and q.raw:
        # the same word read differently on each side (a legal form or a generic
        # word for one schema, a name for the other: "SC Johnson", "Ko")
        return 1.0, "exact"
    if qr == "number" or rr == "number" or qr == "legal_form" or rr == "legal_form":
        return 0.0, ""
    if qr == "initial" or rr == "initial":
        if qr == rr:
            return 0.0, ""
        init, full = (q, r) if qr == "initial" else (r, q)
        if full.raw[:1] == init.raw[:1] and full.role != "generic":
            return INITIAL_SIM, "initial"
        return 0.0, ""
    if q.symbols and r.symbols and not q.symbols.isdisjoint(r.symbols):
        return SYMBOL_SIM, "symbol"
    if q.abjad != r.abjad:
        s = _abjad_similarity(q.key, r.key)
        if s > 0:
            return s, "abjad"
        return 0.0, ""
    s = string_similarity(q.text, r.text)
    if s > 0:
        return s, "fuzzy"
    return 0.0, ""


def _weight(t: Token, stats: TokenStats | None) -> float:
    if stats is None or t.role in ("legal_form", "generic", "stop", "honorific"):
        return t.weight
    return t.weight * stats.factor(t.text)


def _concat(tokens: list[Token]) -> str:
    return fold_token("".join(t.raw for t in tokens))


def _compounds(
    runs: tuple[tuple[int, int, str], ...], one: tuple[Token, ...], good: set[int],
    initials: frozenset[str] | None = None,
) -> list[tuple[float, list[int], int]]:
    """Runs of adjacent tokens (see :func:`thaw.text.analyze.compound_runs`) whose
    concatenation matches a token of ``one`` that has no close partner yet
    (``abdul rahman``/``abdulrahman``, ``hua wei``/``huawei``)."""
    out: list[tuple[float, list[int], int]] = []
    for j, target in enumerate(one):
        if j in good or target.role in ("number", "initial") or len(target.raw) < 3:
            continue
        if initials is not None and target.raw[:1] not in initials \
                and target.text[:1] not in initials and target.raw[:1] not in _VOWELS \
                and initials.isdisjoint(_VOWELS):
            # a compound starts with the sound of its first part (vowels aside:
            # "Ao ba ma" / "Obama", "Andrang Heta" / "'Ndrangheta")
            continue
        folded = target.text if target.role == "name" else fold_token(target.raw)
        tlen = len(folded)
        for start, end, joined in runs:
            if abs(len(joined) - tlen) > 2:
                continue
            s = string_similarity(joined, folded)
            if s >= 0.75:
                out.append((s, list(range(start, end)), j))
    return out


Alignment = tuple[float, list[tuple[tuple[int, ...], tuple[int, ...], float, str]], set[int],
                  set[int]]
"""The raw result of :func:`align`: score, pairs as index tuples with similarity and
method, and the query / listing token indices used."""

_EMPTY: Alignment = (0.0, [], set(), set())


def align(query: AnalyzedName, result: AnalyzedName, stats: TokenStats | None = None
          ) -> Alignment:
    """Align ``query`` with ``result`` and score it, without building result objects
    (the fast path used for every name of every candidate)."""
    qs = query.informative
    rs = result.informative
    if not qs or not rs:
        return _EMPTY
    cands: list[tuple[float, float, tuple[int, ...], tuple[int, ...], str]] = []
    last_q = len(qs) - 1
    truncated = query.truncated
    q_good: set[int] = set()
    r_good: set[int] = set()
    for i, q in enumerate(qs):
        qt = q.text
        plain_q = q.role == "name" and not q.script_form
        q_symbols = q.symbols
        q_abjad = q.abjad
        for j, r in enumerate(rs):
            if qt == r.text and not (q.script_form and r.script_form):
                s, how = 1.0, "exact"
            elif plain_q and r.role == "name" and r.abjad == q_abjad and not r.script_form:
                if q_symbols and r.symbols and not q_symbols.isdisjoint(r.symbols):
                    s, how = SYMBOL_SIM, "symbol"
                else:
                    s = string_similarity(qt, r.text)
                    how = "fuzzy"
                if s < MIN_SIM and truncated and i == last_q and len(q.raw) >= 2 \
                        and r.raw.startswith(q.raw):
                    s, how = TRUNCATED_SIM, "truncated"
            else:
                s, how = token_similarity(q, r)
                if s < MIN_SIM and truncated and i == last_q and len(q.raw) >= 2 \
                        and q.role == "name" and r.raw.startswith(q.raw):
                    s, how = TRUNCATED_SIM, "truncated"
            if s >= MIN_SIM:
                cands.append((s, q.weight + r.weight, (i,), (j,), how))
                if s >= 0.9:
                    q_good.add(i)
                    r_good.add(j)
    if (len(q_good) < len(qs) or len(r_good) < len(rs)) and (cands or len(qs) != len(rs)):
        # some token has no close partner: it may be part of a compound
        if len(qs) > 1:
            if query.active is not None:
                q_runs, q_init = query.compounds, query.compound_initials
            else:
                q_runs, q_init = compound_runs(qs), None
            for s, run, j in _compounds(q_runs, rs, r_good, q_init):
                cands.append((s + 0.01, 2.0, tuple(run), (j,), "compound"))
        if len(rs) > 1:
            if result.active is not None:
                r_runs, r_init = result.compounds, result.compound_initials
            else:
                r_runs, r_init = compound_runs(rs), None
            for s, run, i in _compounds(r_runs, qs, q_good, r_init):
                cands.append((s + 0.01, 2.0, (i,), tuple(run), "compound"))
    if not cands:
        return _EMPTY
    if len(cands) > 1:
        cands.sort(key=lambda c: (-c[0], -c[1]))
    q_used: set[int] = set()
    r_used: set[int] = set()
    pairs: list[tuple[tuple[int, ...], tuple[int, ...], float, str]] = []
    agree = mass = 0.0
    q_bin = r_bin = False
    for t in qs:
        if t.role == "particle" and t.text == "bin":
            q_bin = True
    if q_bin:
        for t in rs:
            if t.role == "particle" and t.text == "bin":
                r_bin = True
    for s, _w, qi, rj, how in cands:
        if len(qi) == 1 and len(rj) == 1:
            i, j = qi[0], rj[0]
            if i in q_used or j in r_used:
                continue
            q_used.add(i)
            r_used.add(j)
            q, r = qs[i], rs[j]
            if q_bin and r_bin and q.after_bin != r.after_bin:
                # "Abdullah bin Omar" is not "Omar bin Abdullah": the father's name
                # aligned with the person's own name
                s *= 0.3
                how = "filiation"
            if stats is None:
                w = (q.weight + r.weight) / 2
            else:
                w = (_weight(q, stats) + _weight(r, stats)) / 2
        else:
            if any(i in q_used for i in qi) or any(j in r_used for j in rj):
                continue
            q_used.update(qi)
            r_used.update(rj)
            s = min(s, 1.0)
            w = max(sum(_weight(qs[i], stats) for i in qi), sum(_weight(rs[j], stats) for j in rj))
        agree += w * s
        mass += w
        pairs.append((qi, rj, s, how))
    eq = er = eq_full = er_full = 0.0
    for i, t in enumerate(qs):
        if i in q_used:
            continue
        w = t.weight if stats is None else _weight(t, stats)
        eq += w * OPTIONAL_SHARE if t.optional else w
        if t.role != "number":
            eq_full += w
    for j, t in enumerate(rs):
        if j in r_used:
            continue
        w = t.weight if stats is None else _weight(t, stats)
        er += w * OPTIONAL_SHARE if t.optional else w
        if t.role != "number":
            er_full += w
    denom = mass + QUERY_EXTRA * eq + RESULT_EXTRA * er
    if eq_full and er_full:
        denom += SUBSTITUTION * math.sqrt(eq_full * er_full)
    score = agree / denom if denom > 0 else 0.0
    if mass < 1.0:
        score *= 0.55 + 0.45 * mass
    return (min(1.0, score), pairs, q_used, r_used)


def name_match(query: AnalyzedName, result: AnalyzedName, alignment: Alignment) -> NameMatch:
    """Build the :class:`NameMatch` of an :func:`align` result."""
    qs = query.informative
    rs = result.informative
    score, raw_pairs, q_used, r_used = alignment
    pairs = [Pair(tuple(qs[i] for i in qi), tuple(rs[j] for j in rj), s, how)
             for qi, rj, s, how in sorted(raw_pairs, key=lambda p: p[0][0])]
    return NameMatch(score, query, result, tuple(pairs),
                     tuple(t for i, t in enumerate(qs) if i not in q_used),
                     tuple(t for j, t in enumerate(rs) if j not in r_used))


def compare_names(
    query: AnalyzedName, result: AnalyzedName, stats: TokenStats | None = None
) -> NameMatch:
    """Align ``query`` with the listed name ``result`` and score the alignment."""
    if stats is None:
        stats = get_token_stats()
    return name_match(query, result, align(query, result, stats))
