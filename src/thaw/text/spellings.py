"""The Latin spellings of names written in Chinese characters or Hangul, per
language, for the matcher's spelling comparison (:mod:`thaw.match.spelling`)
and for candidate retrieval (:mod:`thaw.index.candidates`).

Each language gives, for one word of the original, its **edges**:
``(start, end, spellings)``, the characters ``word[start:end]`` may be
written as any of ``spellings`` (lower-case ASCII letters) by a romanisation
system or a customary spelling of names. Korean (:func:`thaw.text.korean.hangul_spellings`)
and Chinese (:func:`thaw.text.chinese.han_spellings`) give one edge per
character; Japanese (:func:`thaw.text.japanese.kanji_edges`) also gives
edges over several characters, for names a dictionary reads as a whole. A
name in Chinese characters alone may be Chinese or Japanese, so both are
tried (:func:`languages`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Final

from thaw.text.analyze import AnalyzedName

#: One edge of a word: its characters ``[start, end)`` and their spellings.
Edge = tuple[int, int, tuple[str, ...]]
#: A language's edges of one word of characters.
EdgesOf = Callable[[str], Sequence[Edge]]

_WORD_BREAK: Final = re.compile(r"[\s·・‧]+")


def _per_character(spell: Callable[[str], tuple[str, ...]]) -> EdgesOf:
    """The edges of a language that spells each character alone."""

    def edges(word: str) -> list[Edge]:
        return [(i, i + 1, spell(ch)) for i, ch in enumerate(word)]

    return edges


@lru_cache(maxsize=1)
def _languages() -> dict[str, tuple[EdgesOf, ...]]:
    from thaw.text import chinese, japanese, korean

    # INTERIM (until the language modules provide theirs): one reading each
    hangul = getattr(korean, "hangul_spellings", None) or (lambda ch: (korean.korean_rr(ch),))
    han = getattr(chinese, "han_spellings", None) or (lambda ch: tuple(chinese.han_words(ch)))
    kanji = getattr(japanese, "kanji_edges", None) or _per_character(
        lambda ch: tuple(re.sub("[^a-z]", "", r) for r in japanese.kanji_readings(ch))
    )
    return {
        "Hangul": (_per_character(hangul),),
        "Han": (_per_character(han), kanji),
    }


def languages(script: str) -> tuple[EdgesOf, ...]:
    """The languages whose spellings a name of ``script`` (``Hangul`` or
    ``Han``, :func:`thaw.text.chinese.cjk_script`) is tried in: Korean for
    Hangul; Chinese, then Japanese, for Chinese characters."""
    return _languages().get(script, ())


def query_chars(query: AnalyzedName) -> tuple[str, list[tuple[int, int]]] | None:
    """The name's characters (its informative tokens, each of which keeps one
    Chinese or Korean character as ``script_form``) and its words as
    ``(start, end)`` positions among them (split where the name as written has
    a space or a middle dot); ``None`` when a token of the name has no
    character of its own (a Latin word in it)."""
    tokens = query.informative
    if not tokens or any(len(t.script_form) != 1 for t in tokens):
        return None
    chars = "".join(t.script_form for t in tokens)
    words: list[tuple[int, int]] = []
    at = 0
    for word in _WORD_BREAK.split(query.original):
        start = at
        for ch in word:
            if at < len(chars) and chars[at] == ch:
                at += 1
        if at > start:
            words.append((start, at))
    return (chars, words) if at == len(chars) else None


def run_spellings(
    word: str, language: EdgesOf, longest: int, most: int
) -> Iterator[tuple[int, int, list[str]]]:
    """Each run of at most ``longest`` characters of ``word`` with the
    spellings of the whole run (its edges' spellings joined, every way
    through it; at most ``most`` per run): ``(start, end, spellings)``, for
    looking up listed words that a run may write (*Jaemyung*, *Sakamoto*)."""
    edges: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    for start, end, spellings in language(word):
        edges.setdefault(start, []).append((end, spellings))
    for start in range(len(word)):
        found: dict[int, list[str]] = {}
        paths: list[tuple[int, list[tuple[str, ...]]]] = [(start, [])]
        while paths:
            at, parts = paths.pop()
            for end, spellings in edges.get(at, ()):
                if end - start > longest:
                    continue
                path = [*parts, spellings]
                joined = found.setdefault(end, [])
                for combo in itertools.islice(itertools.product(*path), most - len(joined)):
                    joined.append("".join(combo))
                paths.append((end, path))
        for end, joined_all in sorted(found.items()):
            yield start, end, list(dict.fromkeys(joined_all))
