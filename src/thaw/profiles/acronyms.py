"""Acronyms: one-word names that stand for the initials of a longer name.

Organisations publish their acronyms as names ("IRAN COMPOSITES INSTITUTE
(ICI)", "NNK JSC"), and a few letters are shared by many parties: the UK's
Iran Composites Institute and Iran Communications Industries are both "ICI".
An acronym is therefore a name only beside what it stands for: where each of
two listings publishes an acronym of its own (:func:`own_acronyms`, the
initials of a full name it also publishes) and their full names disagree, a
one-word name they share is a coincidence (or the acronym of a related party,
as the UK's National Standards and Calibration Laboratory, "NSCL", also gives
its parent's "SSRC"), no identity. A listing that spells out none of its
acronyms ("KPSK, OOO", or Australia's First Crimean Insurance Company, which
publishes "KPSK OOO" beside its English name) leaves the acronym a name.
"""

from __future__ import annotations

from collections.abc import Iterable

from thaw.profiles.features import NameF
from thaw.text import analyze_name

ACRONYM_LETTERS = 6
"""The most letters of a one-word name read as an acronym."""

_NOT_INITIALS = frozenset({"legal_form", "stop", "particle", "honorific"})
"""Word roles an acronym may leave out (and, of, de; JSC, LLC)."""


def _words(name: NameF, schema: str, skip: frozenset[str]) -> list[str]:
    """The words of a published name (transliterated, case folded) but for
    those of a role in ``skip``."""
    return [
        t.raw or t.text
        for t in analyze_name(name.original, schema).tokens
        if t.role not in skip and (t.raw or t.text)
    ]


def acronym(name: NameF, schema: str) -> str | None:
    """The letters of ``name`` where it is one word of two to
    :data:`ACRONYM_LETTERS` letters beside legal forms ("NNK JSC" → ``nnk``),
    else ``None``."""
    words = _words(name, schema, _NOT_INITIALS)
    if len(words) != 1:
        return None
    word = words[0]
    return word if 2 <= len(word) <= ACRONYM_LETTERS and word.isalpha() else None


def legal_forms(name: NameF, schema: str) -> set[str]:
    """The legal forms a published name gives, as name analysis reads them
    ("JSC ITC" → ``jsc``; "LIMITED LIABILITY COMPANY ITC" → ``llc``)."""
    return {t.text for t in analyze_name(name.original, schema).tokens if t.role == "legal_form"}


def initials(name: NameF, schema: str) -> set[str]:
    """The initials of a name of two words or more, with and without its
    small words ("Association de Secours Palestinien" → ``adsp``, ``asp``);
    legal forms never count."""
    out: set[str] = set()
    for skip in (frozenset({"legal_form"}), _NOT_INITIALS):
        words = _words(name, schema, skip)
        if len(words) >= 2:
            out.add("".join(w[0] for w in words))
    return out


def full_names(names: Iterable[NameF]) -> list[NameF]:
    """The names of two informative tokens or more."""
    return [n for n in names if len(n.tokens) >= 2]


def own_acronyms(names: list[NameF], schema: str) -> set[str]:
    """The acronyms among ``names`` that spell the initials of a full name
    among them: what the listing says its acronyms stand for."""
    spelled: set[str] = set()
    for n in full_names(names):
        spelled |= initials(n, schema)
    own: set[str] = set()
    for n in names:
        letters = acronym(n, schema) if len(n.tokens) == 1 else None
        if letters is not None and letters in spelled:
            own.add(letters)
    return own
