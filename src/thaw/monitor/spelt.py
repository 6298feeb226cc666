"""The row index's keys for what retrieval looks up by a name's sounds.

A name written in Chinese characters, Hangul or kana (or in Cyrillic, Armenian,
Georgian or Greek letters) finds listings in Latin letters two more ways than by
its tokens' keys (:meth:`thaw.index.CandidateIndex._with_onsets`):

* each word of a transcription in Chinese characters or Hangul looks up its
  onset keys (``o:``, credited :data:`~thaw.index.candidates.ONSET_CREDIT`;
  ``O:``, :data:`~thaw.index.candidates.FINE_ONSET_CREDIT`) for the units of
  its syllables: they depend on the word alone, so a row probes them as it
  probes its tokens (:func:`onset_probes`);
* each run of a word's characters looks up the listed tokens its spellings
  write (:meth:`~thaw.index.CandidateIndex._spelled`: 大野 *Ohno*, 이승만
  *Syngman*), credited :data:`~thaw.index.candidates.SPELLING_CREDIT` for the
  units of the run's characters. Those spellings are walked only as far as a
  listed token may begin with them, so which a row writes depends on the lists:
  written out, a name has thousands. A row probes instead one key per run,
  ``r:<word>/<start>/<end>`` (:func:`spelt_probes`, with the word as
  :func:`word_key` names it), and keeps its words; a change's listings post the
  run keys of the words whose spellings write one of their tokens
  (:func:`spelt_keys`), walked as the index walks them, pruned by the changed
  listings' own tokens and with no limit on how many spellings a run has, so
  that they find every spelling of a listing's token the index can find, in the
  index before the change or after it.

A word has thousands of spellings, and a change's few tokens begin with most
letters: pruned by their beginnings alone, the walk of a portfolio's words took
seconds. What folding leaves of a spelling as it is, its *invariant*
(:func:`fold_invariant`: the letters *a b g l m n r*, *o*/*u*, *p*/*f*, *v*/*w*,
a repeated one once), is the same in the spelling and in what it folds to, and
what the rest of a run may add to it is known before the walk (:func:`_rests`):
a joined spelling is extended only if, with some rest, its invariant may become
one of the changed texts its folding begins; a run's spelling is looked up only
if its invariant is one of them; and a word spelt whole stops spelling an
invariant once all of its texts are found (:func:`_word_runs`). The same runs
are found, faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from thaw.index import CandidateIndex
from thaw.index.candidates import (
    FINE_ONSET_CREDIT,
    KANA_RUN,
    ONSET_CREDIT,
    ONSET_MIN,
    ONSET_VARIANTS,
    SPELLING_CREDIT,
    SPELLING_RUN,
    SPELLING_WIDTH,
    kana_only,
    long_vowels_unwritten,
    unit_places,
    unwritten_long,
)
from thaw.text import AnalyzedName, Token, fold_token
from thaw.text.sounds import cjk_onset_keys, korean_shaped, query_words
from thaw.text.spellings import (
    EdgesOf,
    languages,
    query_chars,
    query_spelling_script,
    run_bounds,
    spells_morae,
    spells_syllables,
)

Probe = tuple[str, int, float]
"""As :data:`thaw.monitor.keys.Probe`: ``(key, unit, share)``."""


def sounded(name: AnalyzedName) -> bool:
    """Whether retrieval looks ``name`` up by its sounds at all (as
    :meth:`~thaw.index.CandidateIndex._with_onsets` asks)."""
    return any(t.script_form for t in name.tokens) or bool(query_spelling_script(name.original))


def onset_probes(name: AnalyzedName, tokens: list[Token], shares: Sequence[float]) -> list[Probe]:
    """The onset keys of each word of ``name`` that retrieval looks up
    (:meth:`~thaw.index.CandidateIndex._onsets`), for each unit of the word's
    syllables, with the unit's ``shares`` times the key's credit."""
    unit_of = unit_places(name.informative, tokens)
    out: list[Probe] = []
    for word, run in query_words(name):
        if len(run) < 2 or korean_shaped(word):
            continue
        units = [unit_of[i] for i in run if unit_of[i] >= 0]
        for prefix, fine, credit in (("o:", False, ONSET_CREDIT), ("O:", True, FINE_ONSET_CREDIT)):
            for key in cjk_onset_keys(word, ONSET_VARIANTS, fine):
                if len(key) >= ONSET_MIN:
                    out.extend((prefix + key, u, credit * shares[u]) for u in units)
    return out


def word_key(script: str, language: int, cuts: Sequence[int], word: str) -> str:
    """The name of a word as a row's run keys write it: the script, the place of
    its language among the script's (:func:`thaw.text.spellings.languages`), the
    places no run crosses and its characters."""
    return f"{script}/{language}/{','.join(map(str, cuts))}/{word}"


def _walk(language: EdgesOf, word: str) -> tuple[int, bool, bool]:
    """How retrieval walks the runs of ``word`` in ``language``: the most
    characters of a run, whether only the whole word is a run (a word spelt by
    its sounds), whether the language writes Japanese."""
    whole = not spells_syllables(language)
    japanese = spells_morae(language)
    if whole:
        return len(word), True, japanese
    return (KANA_RUN if japanese and kana_only(word) else SPELLING_RUN), False, japanese


def spelt_probes(
    name: AnalyzedName, tokens: list[Token], shares: Sequence[float]
) -> tuple[list[Probe], set[str]]:
    """The run keys of ``name`` (every run of a word retrieval may spell, see
    the module docs), for each unit of the run's characters with the unit's
    ``shares`` times :data:`~thaw.index.candidates.SPELLING_CREDIT`, and its
    words (:func:`word_key`)."""
    written = query_chars(name)
    if written is None:
        return [], set()
    chars, owners = written.chars, written.owners
    unit_of = unit_places(name.informative, tokens)
    script = query_spelling_script(name.original)
    probes: list[Probe] = []
    words: set[str] = set()
    for k, language in enumerate(languages(script, len(written.words))):
        for w_start, w_end in written.words:
            bounds = run_bounds(language, ((w_start, w_end),))
            cuts = [end - w_start for _start, end in bounds[:-1]]
            word = chars[w_start:w_end]
            key = word_key(script, k, cuts, word)
            words.add(key)
            for start, end in _runs(language, word, cuts):
                owned = {t for i in range(w_start + start, w_start + end) for t in owners[i]}
                run = f"r:{key}/{start}/{end}"
                probes.extend(
                    (run, unit_of[t], SPELLING_CREDIT * shares[unit_of[t]])
                    for t in sorted(owned)
                    if unit_of[t] >= 0
                )
    return probes, words


def _runs(language: EdgesOf, word: str, cuts: Sequence[int]) -> list[tuple[int, int]]:
    """The runs ``(start, end)`` of ``word`` that retrieval may spell in
    ``language``, none across a place of ``cuts``: the whole word for a word
    spelt by its sounds, else every run of at most its longest."""
    longest, whole, _japanese = _walk(language, word)
    out: list[tuple[int, int]] = []
    for start in range(1 if whole else len(word)):
        limit = min([c for c in cuts if c > start], default=len(word))
        if whole:
            out.append((start, limit))
        else:
            out.extend((start, end) for end in range(start + 1, min(limit, start + longest) + 1))
    return out


def run_keys(key: str) -> list[str]:
    """The run keys (``r:``) the rows holding the word ``key``
    (:func:`word_key`) may probe, one per run of :func:`spelt_probes` (a
    row probes those of its runs that write a retrieval token)."""
    script, place, cut_text, word = key.split("/", 3)
    cuts = tuple(int(c) for c in cut_text.split(",") if c)
    language = languages(script)[int(place)]
    return [f"r:{key}/{start}/{end}" for start, end in _runs(language, word, cuts)]


_INVARIANT = str.maketrans(
    {c: None for c in map(chr, range(128)) if c not in "abfglmnopruvw"}
    | {"o": "u", "p": "f", "w": "v"}
)
_RUNS = re.compile(r"(.)\1+")


def fold_invariant(text: str) -> str:
    """What :func:`thaw.text.fold_token` (and, of a Japanese spelling,
    :func:`~thaw.index.candidates.long_vowels_unwritten`) leave of ``text`` as
    it is: its letters *a*, *b*, *g*, *l*, *m*, *n*, *r*, *o* or *u* (one
    letter), *p* or *f*, *v* or *w*, in order, a letter repeated once. No
    folding rule makes, drops or changes one of them but as these classes
    (*ph* → *f*, *w* → *v*, *ou* → *u*), or collapses a repeated one (the
    others, *c*, *k*, *t*, *s*, *h*, *e*, *i*, *y*, *z*, *d*, *j*, ..., come and go:
    *kh* → *h*, *tsch* → *ch*, *cz* → *ch*, *ee* → *i*): a spelling can fold to
    a text only if both have the same invariant."""
    letters = text.translate(_INVARIANT)
    return _collapsed(letters) if len(letters) > 1 else letters


@lru_cache(maxsize=65536)
def _collapsed(letters: str) -> str:
    return _RUNS.sub(r"\1", letters)


@lru_cache(maxsize=65536)
def _edge_invariants(spellings: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`fold_invariant` of each of an edge's ``spellings`` (remembered
    from one change to the next: a word's edges are the same)."""
    return tuple(map(fold_invariant, spellings))


REMAINDERS = 256
"""Most invariants of the rest of a run a walk tells apart (more: any)."""

Rests = frozenset[str] | None
"""The invariants (:func:`fold_invariant`) of what a walk may still join to a
spelling, ``None`` for any."""


class _Targets:
    """What a change's listings let a spelling fold to: for each beginning of
    a ``t:`` text (and of a ``j:`` one, looked up as Japanese spellings are),
    the invariants (:func:`fold_invariant`) of the texts it begins; with the
    invariants of the spellings met and the answers of :meth:`may_write`
    remembered (the words of a portfolio's names share their characters)."""

    def __init__(self, delta: CandidateIndex) -> None:
        found: dict[str, dict[str, set[str]]] = {"t:": {}, "j:": {}}
        keys = delta.posted_keys()[0]
        for key in keys:
            kind = found.get(key[:2])
            if kind is not None:
                text = key[2:]
                invariant = fold_invariant(text)
                for j in range(len(text) + 1):
                    kind.setdefault(text[:j], set()).add(invariant)
        self.texts: dict[str, list[tuple[str, str]]] = {}
        for key in keys:
            if key[:2] in found:
                self.texts.setdefault(fold_invariant(key[2:]), []).append((key[:2], key[2:]))
        self.plain = {k: frozenset(v) for k, v in found["t:"].items()}
        self.short = {k: frozenset(v) for k, v in found["j:"].items()}
        self.every = self.plain.get("", frozenset()) | self.short.get("", frozenset())
        self._invariants: dict[str, str] = {}
        self._writes: dict[tuple[str, Rests, frozenset[str]], bool] = {}
        self._aims: dict[tuple[str, bool], frozenset[str]] = {}

    def of(self, text: str, japanese: bool) -> frozenset[str]:
        """The invariants of the texts a spelling that begins with ``text``
        may fold to: of those that begin with its folding (its last letter
        left out, as the index's :meth:`~thaw.index.CandidateIndex._may_begin`
        asks) or, of a Japanese spelling, with it written without long vowels
        (:meth:`~thaw.index.CandidateIndex._may_begin_short`)."""
        known = self._aims.get((text, japanese))
        if known is not None:
            return known
        found = self.plain.get(fold_token(text)[:-1], frozenset())
        if japanese:
            found = found | self.short.get(long_vowels_unwritten(text)[:-1], frozenset())
        self._aims[(text, japanese)] = found
        return found

    def spent(self, spelling: str, japanese: bool, found: set[tuple[str, str]]) -> str | None:
        """Notes in ``found`` the text a run's ``spelling`` folds to (and, of a
        Japanese one, the text it writes without long vowels), and gives its
        invariant if every text of that invariant is found now (``None`` if not)."""
        found.add(("t:", fold_token(spelling)))
        if japanese:
            found.add(("j:", long_vowels_unwritten(spelling)))
        invariant = self.invariant(spelling)
        texts = self.texts.get(invariant, ())
        if all(t in found for t in texts if japanese or t[0] == "t:"):
            return invariant
        return None

    def invariants(self, spellings: tuple[str, ...]) -> tuple[str, ...]:
        """:func:`fold_invariant` of each of an edge's ``spellings`` (remembered)."""
        return _edge_invariants(spellings)

    def invariant(self, spelling: str) -> str:
        """:func:`fold_invariant` of ``spelling`` (remembered)."""
        found = self._invariants.get(spelling)
        if found is None:
            found = self._invariants[spelling] = fold_invariant(spelling)
        return found

    def may_write(self, invariant: str, rests: Rests, aims: frozenset[str]) -> bool:
        """Whether a text of ``invariant`` followed by a rest of one of the
        invariants ``rests`` may have one of the invariants ``aims``."""
        if rests is None or not aims:
            return bool(aims)
        key = (invariant, rests, aims)
        found = self._writes.get(key)
        if found is None:
            found = self._writes[key] = _may_write(invariant, rests, aims)
        return found


def _then(head: str, tail: str) -> str:
    """The invariant of a text whose parts have the invariants ``head`` and
    ``tail`` (:func:`fold_invariant` of their join)."""
    return head + tail[1:] if head and tail and head[-1] == tail[0] else head + tail


def _may_write(invariant: str, rests: frozenset[str], aims: frozenset[str]) -> bool:
    """:meth:`_Targets.may_write`, worked out: by the rests or by the aims,
    whichever are fewer."""
    if len(rests) <= len(aims):
        return any(_then(invariant, rest) in aims for rest in rests)
    last = invariant[-1:]
    for aim in aims:
        if aim.startswith(invariant):
            tail = aim[len(invariant) :]
            if tail in rests or (last and last + tail in rests):
                return True
    return False


Edges = dict[int, list[tuple[int, tuple[str, ...], tuple[str, ...]]]]
"""A word's edges by where they start: ``(end, spellings, their invariants)``."""


def _rests(edges: Edges, start: int, stop: int, whole: bool) -> dict[int, Rests]:
    """For each place of a run from ``start`` to at most ``stop``, the
    invariants of what a walk may join after it (the edges' first
    :data:`~thaw.index.candidates.SPELLING_WIDTH` spellings, as a walk joins
    them after its first edge): to ``stop`` exactly (``whole``), or to any
    place up to it (nothing too)."""
    rests: dict[int, Rests] = {stop: frozenset([""])}
    for at in range(stop - 1, start, -1):
        out: set[str] | None = set() if whole else {""}
        for end, _spellings, invariants in edges.get(at, ()):
            after = rests.get(end) if end <= stop else frozenset()
            if after is None or out is None:
                out = None
                break
            for mine in set(invariants[:SPELLING_WIDTH]):
                out.update([_then(mine, rest) for rest in after])
            if len(out) > REMAINDERS:
                out = None
                break
        rests[at] = None if out is None else frozenset(out)
    return rests


def _word_runs(
    word: str,
    edges_of: EdgesOf,
    longest: int,
    cuts: Sequence[int],
    whole: bool,
    japanese: bool,
    targets: _Targets,
) -> list[tuple[int, int, list[str]]]:
    """The runs of ``word`` with those of their spellings that may fold to a
    text of the change, walked as :func:`thaw.text.spellings.run_spellings`
    walks them (every spelling of a run's first edge, the first
    :data:`~thaw.index.candidates.SPELLING_WIDTH` of the next, extended while
    the index would, no limit on their number), but a joined spelling extended
    only while its folding begins a text whose invariant
    (:func:`fold_invariant`) its own and the rest of the run's may make, and a
    run's spelling kept only if its invariant is one of such a text."""
    edges: Edges = {}
    for start, end, spellings in edges_of(word):
        edges.setdefault(start, []).append((end, spellings, targets.invariants(spellings)))
    width = SPELLING_WIDTH
    out: list[tuple[int, int, list[str]]] = []
    for start in range(1 if whole else len(word)):
        limit = min([c for c in cuts if c > start], default=len(word))
        stop = len(word) if whole else min(limit, start + longest)
        if stop > limit:
            continue  # (a word spelt whole, cut: no run spans it)
        rests: dict[int, Rests] | None = None  # (made when a spelling is first extended)
        found: dict[int, list[str]] = {}
        seen: set[tuple[int, str]] = set()
        # (a word spelt whole has one run: the texts its spellings fold to, and
        # the invariants all of whose texts they fold to, spent: a spelling of
        # a spent invariant finds nothing new)
        written: set[tuple[str, str]] = set()
        spent: set[str] = set()
        stack: list[tuple[int, str, str, frozenset[str]]] = [(start, "", "", targets.every)]
        while stack:
            at, joined, mine, aims = stack.pop()
            if spent:
                aims = aims - spent
                if not aims:
                    continue
            for end, every, invariants in edges.get(at, ()):
                if end > stop or not every:
                    continue
                first = at == start
                if not whole or end == stop:
                    texts = found.setdefault(end, [])
                    pairs = zip(every if first else every[:width], invariants, strict=False)
                    if mine:
                        kept = [joined + sp for sp, inv in pairs if _then(mine, inv) in aims]
                    else:
                        kept = [joined + sp for sp, inv in pairs if inv in aims]
                    if whole:
                        for text in kept:
                            if targets.invariant(text) not in spent:
                                texts.append(text)
                                if (gone := targets.spent(text, japanese, written)) is not None:
                                    spent.add(gone)
                    else:
                        texts.extend(kept)
                if end == stop or end not in edges:
                    continue
                # (a word spelt whole extends every spelling of its first
                # letter, as :func:`thaw.text.spellings.run_spellings` does)
                extended = every if whole and first else every[:width]
                for k, spelling in enumerate(extended):
                    text = joined + spelling
                    if (end, text) in seen:
                        continue
                    seen.add((end, text))
                    ahead = targets.of(text, japanese)
                    if not ahead:
                        continue  # (its folding begins no changed text)
                    if rests is None:
                        rests = _rests(edges, start, stop, whole)
                    after = rests.get(end)
                    invariant = _then(mine, invariants[k])
                    if not targets.may_write(invariant, after, aims):
                        continue
                    if targets.may_write(invariant, after, ahead):
                        stack.append((end, text, invariant, ahead))
        out.extend((start, end, list(dict.fromkeys(t))) for end, t in sorted(found.items()) if t)
    return out


def spelt_keys(delta: CandidateIndex, words: Iterable[str]) -> dict[int, list[str]]:
    """For each listing of ``delta`` (by position), the run keys of ``words``
    (:func:`word_key`) whose spellings write one of its tokens, found as
    :meth:`~thaw.index.CandidateIndex._word_spelled` finds them but pruned by
    ``delta``'s tokens alone and with no limit on the spellings of a run: every
    run of a row's word that the index before or after the change spells as a
    changed listing's token (:func:`_word_runs`)."""
    found: dict[int, list[str]] = {}
    targets = _Targets(delta)
    for key in words:
        script, place, cut_text, word = key.split("/", 3)
        language = languages(script)[int(place)]
        cuts = tuple(int(c) for c in cut_text.split(",") if c)
        longest, whole, japanese = _walk(language, word)
        edges = unwritten_long(language) if japanese else language
        for start, end, spellings in _word_runs(
            word, edges, longest, cuts, whole, japanese, targets
        ):
            for position in sorted(delta.spelt_positions(spellings, japanese)):
                found.setdefault(position, []).append(f"r:{key}/{start}/{end}")
    return found
