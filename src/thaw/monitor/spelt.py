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
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence

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
    run_spellings,
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
            longest, whole, _japanese = _walk(language, word)
            for start in range(1 if whole else len(word)):
                limit = min([c for c in cuts if c > start], default=len(word))
                ends = [limit] if whole else range(start + 1, min(limit, start + longest) + 1)
                for end in ends:
                    owned = {t for i in range(w_start + start, w_start + end) for t in owners[i]}
                    run = f"r:{key}/{start}/{end}"
                    probes.extend(
                        (run, unit_of[t], SPELLING_CREDIT * shares[unit_of[t]])
                        for t in sorted(owned)
                        if unit_of[t] >= 0
                    )
    return probes, words


def _pruning(delta: CandidateIndex) -> tuple[Callable[[str], bool], Callable[[str], bool]]:
    """Whether a listed token of ``delta`` may begin with a joined spelling, as
    :meth:`~thaw.index.CandidateIndex._may_begin` (and, for Japanese,
    :meth:`~thaw.index.CandidateIndex._may_begin_short`) ask it, but of a
    spelling of one letter too (the index lets those pass, as a vocabulary of
    every list begins with every letter; a change's few listings do not): by
    every token the listings post, joins too."""
    keys: Iterable[str] = delta.state()["slots"]
    begins = frozenset(k[2:j] for k in keys if k.startswith("t:") for j in range(2, len(k) + 1))
    short = frozenset(k[2:j] for k in keys if k.startswith("j:") for j in range(2, len(k) + 1))

    def plain(text: str) -> bool:
        return fold_token(text)[:-1] in begins

    def japanese(text: str) -> bool:
        return plain(text) or long_vowels_unwritten(text)[:-1] in short

    return plain, japanese


def spelt_keys(delta: CandidateIndex, words: Iterable[str]) -> dict[int, list[str]]:
    """For each listing of ``delta`` (by position), the run keys of ``words``
    (:func:`word_key`) whose spellings write one of its tokens, found as
    :meth:`~thaw.index.CandidateIndex._word_spelled` finds them but pruned by
    ``delta``'s tokens alone and with no limit on the spellings of a run: every
    run of a row's word that the index before or after the change spells as a
    changed listing's token."""
    found: dict[int, list[str]] = {}
    pruning = _pruning(delta)
    for key in words:
        script, place, cut_text, word = key.split("/", 3)
        language = languages(script)[int(place)]
        cuts = tuple(int(c) for c in cut_text.split(",") if c)
        longest, whole, japanese = _walk(language, word)
        edges = unwritten_long(language) if japanese else language
        keep = pruning[1] if japanese else pruning[0]
        runs = run_spellings(word, edges, longest, sys.maxsize, keep, cuts, SPELLING_WIDTH, whole)
        for start, end, spellings in runs:
            slots = {delta._spelt_slot(sp) for sp in spellings}
            if japanese:
                slots.update(delta._spelt_slot(sp, "j:") for sp in spellings)
            for slot in slots:
                if slot >= 0:
                    for position in delta._posting(slot).tolist():
                        found.setdefault(position, []).append(f"r:{key}/{start}/{end}")
    return found
