"""A change's listings reach the rows whose words spell one of their tokens: the
walk of a word's spellings (:func:`thaw.monitor.spelt.spelt_keys`), pruned by what
folding keeps of a spelling (:func:`thaw.monitor.spelt.fold_invariant`), finds
every run the walk pruned by the change's tokens' beginnings alone finds."""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Callable
from pathlib import Path

from tests.monitor.test_monitor import person
from thaw.index import CandidateIndex, entry_from_record
from thaw.index.candidates import SPELLING_WIDTH, long_vowels_unwritten, unwritten_long
from thaw.monitor.keys import probe_keys
from thaw.monitor.spelt import _walk, fold_invariant, spelt_keys
from thaw.text import fold_token
from thaw.text.spellings import EdgesOf, languages, run_spellings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "match"


def _pairs() -> list[tuple[str, str]]:
    """The dev pairs ``(name as written, Latin name)`` of every cross-script set."""
    out = []
    for path in sorted(FIXTURES.glob("cross_script_pairs*.csv")):
        with open(path, encoding="utf-8") as fh:
            out += [(r["original"], r["latin"]) for r in csv.DictReader(fh) if r["split"] == "dev"]
    return out


def _words(names: list[str]) -> list[str]:
    """The words the row index keeps of ``names`` (their run keys' words)."""
    keyer = CandidateIndex.build(())
    found: set[str] = set()
    for name in names:
        found |= probe_keys(name, "Person", (), keyer)[2]
    return sorted(found)


def _edges(key: str) -> tuple[str, EdgesOf, int, tuple[int, ...], bool, bool]:
    """A run key's word, its edges and how a walk goes through them."""
    script, place, cut_text, word = key.split("/", 3)
    language = languages(script)[int(place)]
    longest, whole, japanese = _walk(language, word)
    cuts = tuple(int(c) for c in cut_text.split(",") if c)
    return word, unwritten_long(language) if japanese else language, longest, cuts, whole, japanese


def _plain_walk(delta: CandidateIndex, words: list[str]) -> dict[int, set[str]]:
    """The run keys of ``words`` whose spellings fold to a token of ``delta``, by
    listing: every run's spellings, extended while their folding begins one of
    its tokens (the walk before the invariant pruned it)."""
    slots = delta.posted_keys()[0]
    begins = {k[2:j] for k in slots if k.startswith("t:") for j in range(2, len(k) + 1)}
    short = {k[2:j] for k in slots if k.startswith("j:") for j in range(2, len(k) + 1)}

    def plain(text: str) -> bool:
        return fold_token(text)[:-1] in begins

    def japanese(text: str) -> bool:
        return plain(text) or long_vowels_unwritten(text)[:-1] in short

    found: dict[int, set[str]] = {}
    for key in words:
        word, edges, longest, cuts, whole, jp = _edges(key)
        keep: Callable[[str], bool] = japanese if jp else plain
        runs = run_spellings(
            word,
            edges,
            longest,
            sys.maxsize,
            keep,
            cuts,
            SPELLING_WIDTH,
            whole,
        )
        for start, end, spellings in runs:
            for position in delta.spelt_positions(spellings, jp):
                found.setdefault(position, set()).add(f"r:{key}/{start}/{end}")
    return found


def test_folding_keeps_a_spellings_invariant() -> None:
    # every spelling of the fixtures' words, joins of them, and letters at random
    words = _words([written for written, _latin in _pairs()[::7]])
    spellings: set[str] = set()
    for key in words:
        word, edges, _longest, _cuts, _whole, _jp = _edges(key)
        for _start, _end, written in edges(word):
            spellings.update(written)
    rng = random.Random(11)
    pool = sorted(spellings)
    texts = pool + ["".join(rng.sample(pool, rng.randint(2, 4))) for _ in range(20_000)]
    letters = "aeiouyjhwkcqxstzdgpfvbmnlr'-"
    texts += ["".join(rng.choices(letters, k=rng.randint(1, 9))) for _ in range(20_000)]
    assert len(pool) > 1_000
    for text in texts:
        assert fold_invariant(fold_token(text)) == fold_invariant(text), text
        assert fold_invariant(long_vowels_unwritten(text)) == fold_invariant(text), text


def test_the_pruned_walk_finds_every_run_the_plain_walk_finds() -> None:
    pairs = _pairs()
    words = _words([written for written, _latin in pairs])
    rng = random.Random(5)
    # (and the names that write a Japanese long vowel, looked up by their ``j:`` keys)
    long = [n for _w, n in pairs if any(long_vowels_unwritten(w) != w for w in n.lower().split())]
    assert len(long) > 10
    for latin in (rng.sample([latin for _written, latin in pairs], 60), long):
        delta = CandidateIndex.build(
            [entry_from_record(person("x", str(i), name)) for i, name in enumerate(latin)]
        )
        expected = _plain_walk(delta, words)
        found = {k: set(v) for k, v in spelt_keys(delta, words).items()}
        assert sum(map(len, expected.values())) > 500
        assert found == expected
