"""A slow, plain reference implementation of the name alignment (a test oracle).

:class:`thaw.match.names.Aligner` is the one alignment in ``src/``: it remembers
per query name how each listed token compares, and writes the token comparison
out for speed. This module computes the same thing from scratch, pair by pair,
the obvious way; the tests check that both agree on every pair of a varied set
of names, with and without token statistics.
"""

from __future__ import annotations

from thaw.match.names import (
    _EMPTY,
    _VOWELS,
    MIN_SIM,
    OPTIONAL_SHARE,
    SYMBOL_SIM,
    TRUNCATED_SIM,
    AlignedPair,
    Alignment,
    _abjad_similarity,
    _weight,
    alignment_score,
    string_similarity,
    token_similarity,
)
from thaw.text import AnalyzedName, Token, abjad_key, fold_token
from thaw.text.analyze import compound_runs, run_indices
from thaw.text.stats import TokenStats


def _compounds(
    runs: tuple[tuple[int, int, str], ...],
    size: int,
    one: tuple[Token, ...],
    good: set[int],
    initials: frozenset[str] | None = None,
    written: tuple[Token, ...] | None = None,
) -> list[tuple[float, list[int], int]]:
    """Runs of adjacent tokens (see :func:`thaw.text.analyze.compound_runs`) whose
    concatenation matches a token of ``one`` that has no close partner yet
    (``abdul rahman``/``abdulrahman``, ``hua wei``/``huawei``). With
    ``written``, the runs' tokens (either side's), a run written in an abjad that
    matches no Latin token so is compared by its consonant key
    (``کمالی سروستانی``/``Kamalisarvestani``). ``size``: how many tokens the
    runs' name has (a run past its last token wraps round to the first:
    :func:`thaw.text.analyze.run_indices`)."""
    out: list[tuple[float, list[int], int]] = []
    for j, target in enumerate(one):
        if j in good or target.role in ("number", "initial") or len(target.raw) < 3:
            continue
        if (
            initials is not None
            and target.raw[:1] not in initials
            and target.text[:1] not in initials
            and target.raw[:1] not in _VOWELS
            and initials.isdisjoint(_VOWELS)
        ):
            # a compound starts with the sound of its first part (vowels aside:
            # "Ao ba ma" / "Obama", "Andrang Heta" / "'Ndrangheta")
            continue
        folded = target.text if target.role == "name" else fold_token(target.raw)
        tlen = len(folded)
        found = len(out)
        for start, end, joined in runs:
            if abs(len(joined) - tlen) > 2:
                continue
            s = string_similarity(joined, folded)
            if s >= 0.75:
                out.append((s, list(run_indices(start, end, size)), j))
        if written is None or len(out) > found or target.abjad:
            continue
        for start, end, joined in runs:
            if end > size:
                continue  # (a run in the order the name is said: not written so)
            part = written[start:end]
            if all(t.abjad for t in part):
                key = abjad_key(fold_token("".join(t.raw for t in part)))
                s = _abjad_similarity(key, target.key) if len(key) >= 4 else 0.0
                if s >= 0.9 and tlen >= len(joined) and string_similarity(joined, folded) > 0:
                    out.append((s, list(run_indices(start, end, size)), j))
    return out


def align_reference(
    query: AnalyzedName, result: AnalyzedName, stats: TokenStats | None = None
) -> Alignment:
    """The alignment computed from scratch: every token pair, then compounds, then
    the greedy alignment and the score (the reference the memoised path follows)."""
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
                if (
                    s < MIN_SIM
                    and truncated
                    and i == last_q
                    and len(q.raw) >= 2
                    and r.raw.startswith(q.raw)
                ):
                    s, how = TRUNCATED_SIM, "truncated"
            else:
                s, how = token_similarity(q, r)
                if (
                    s < MIN_SIM
                    and truncated
                    and i == last_q
                    and len(q.raw) >= 2
                    and q.role == "name"
                    and r.raw.startswith(q.raw)
                ):
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
            for s, run, j in _compounds(q_runs, len(qs), rs, r_good, q_init, qs):
                cands.append((s + 0.01, 2.0, tuple(run), (j,), "compound"))
        if len(rs) > 1:
            if result.active is not None:
                r_runs, r_init = result.compounds, result.compound_initials
            else:
                r_runs, r_init = compound_runs(rs), None
            for s, run, i in _compounds(r_runs, len(rs), qs, q_good, r_init, rs):
                cands.append((s + 0.01, 2.0, (i,), tuple(run), "compound"))
    if not cands:
        return _EMPTY
    if len(cands) > 1:
        cands.sort(key=lambda c: (-c[0], -c[1]))
    q_used: set[int] = set()
    r_used: set[int] = set()
    pairs: list[AlignedPair] = []
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
        pairs.append(AlignedPair(qi, rj, s, how))
    eq = er = eq_full = er_full = q_forms = r_forms = 0.0
    descriptive = ("generic", "location", "number", "stop")
    q_named = r_named = False
    for i, t in enumerate(qs):
        if i in q_used:
            continue
        w = t.weight if stats is None else _weight(t, stats)
        eq += w * OPTIONAL_SHARE if t.optional else w
        if t.role == "legal_form":
            q_forms += w
        elif t.role != "number":
            eq_full += w
        q_named = q_named or t.role not in descriptive + ("legal_form",)
    for j, t in enumerate(rs):
        if j in r_used:
            continue
        w = t.weight if stats is None else _weight(t, stats)
        er += w * OPTIONAL_SHARE if t.optional else w
        if t.role == "legal_form":
            r_forms += w
        elif t.role != "number":
            er_full += w
        r_named = r_named or t.role not in descriptive + ("legal_form",)
    if q_forms and (r_forms or r_named):
        eq_full += q_forms
    if r_forms and (q_forms or q_named):
        er_full += r_forms
    return Alignment(alignment_score(agree, mass, eq, er, eq_full, er_full), pairs, q_used, r_used)
