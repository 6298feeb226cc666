"""The two building blocks of the script readers (:mod:`thaw.text.translit`,
:mod:`thaw.text.korean`, :mod:`thaw.text.chinese`): compiled rewriting rules,
and ICU transliterators made once per process and shared by all of them."""

from __future__ import annotations

import re
from functools import lru_cache

import icu


def rules(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Rewriting rules ``(pattern, replacement)``, compiled, applied in order."""
    return tuple((re.compile(p), r) for p, r in pairs)


@lru_cache(maxsize=8)
def transliterator(ident: str) -> icu.Transliterator:
    """The ICU transliterator ``ident`` (e.g. ``"Any-Latin; Latin-ASCII"``),
    created once: creating one costs milliseconds, using it microseconds."""
    return icu.Transliterator.createInstance(ident)
