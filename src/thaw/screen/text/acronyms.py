"""Acronyms that prose writes for a listed organisation and no list publishes.

*PDVSA* is how every newspaper names PETROLEOS DE VENEZUELA, S.A.; OFAC publishes
only the full name. An acronym is derived from each listed organisation name as
the initials of its words (every word, particles and a legal form's letters too:
P-D-V-S-A; and without English connectors: *of*, *and*, *the*), and a word of
prose names the organisation by it only when all of these hold:

- it is written in capitals, :data:`LETTERS` long (shorter acronyms are too many
  to be told apart: *NATO*, *OPEC*, *IBAN* would each be some listed name's
  initials; a SWIFT code has eight or eleven), in a line that has lower-case
  letters (text all in capitals has no acronyms to tell from words);
- no listed name holds it as a word (a published acronym is name screening's)
  and it is no common word of a language (:mod:`thaw.text.common_words`);
- the names it is derived from are one party's, and at most :data:`NAMES` of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from thaw.index import Entry
from thaw.screen.text.mentions import Hit, Mention

LETTERS: Final = range(5, 8)
"""How many capitals an acronym derived here has."""

NAMES: Final = 6
"""The most listed names one derived acronym may come from (one party's aliases)."""

SKIPPED: Final = frozenset("of and the for".split())
"""English connectors an acronym often leaves out (*Islamic Revolutionary Guard
Corps*, IRGC)."""

_WORD: Final = re.compile(r"[^\W\d_]+")
_CAPITALS: Final = re.compile(rf"(?<![\w-])[A-Z]{{{LETTERS.start},{LETTERS.stop - 1}}}(?![\w-])")


def derived(name: str) -> set[str]:
    """The acronyms of a listed name: the initials of all its words, and of all
    but :data:`SKIPPED`, in capitals, of :data:`LETTERS` length."""
    words = _WORD.findall(name)
    every = "".join(w[0] for w in words).upper()
    kept = "".join(w[0] for w in words if w.lower() not in SKIPPED).upper()
    return {a for a in (every, kept) if len(a) in LETTERS}


class DerivedAcronyms:
    """Every listed organisation name's :func:`derived` acronyms, each with the
    listing keys and published names it comes from."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.names: dict[str, list[tuple[str, str]]] = {}
        for entry in entries:
            key = f"{entry.source}:{entry.source_id}"
            for name, kind in entry.names:
                if kind == "weak" or not name.original.isascii():
                    continue
                for acronym in derived(name.original):
                    self.names.setdefault(acronym, []).append((key, name.original))

    def __call__(self, acronym: str) -> list[tuple[str, str]]:
        """The (listing key, published name) pairs ``acronym`` comes from, if
        few enough to be one party's."""
        names = self.names.get(acronym, [])
        return names if len(names) <= NAMES else []


def find_acronyms(text: str, lookup: Callable[[str], Sequence[Hit]]) -> list[Mention]:
    """Every word of ``text`` in capitals that may be a derived acronym, in a
    line with lower-case letters, that ``lookup(word)`` says names one party."""
    found: list[Mention] = []
    for m in _CAPITALS.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        stop = text.find("\n", m.end())
        line = text[start : len(text) if stop < 0 else stop]
        if not any(c.islower() for c in line):
            continue
        hits = lookup(m.group())
        if hits:
            found.append(Mention(m.start(), m.end(), m.group(), hits[0]))
    return found
