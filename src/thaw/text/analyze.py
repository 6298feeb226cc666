"""Turn a name into comparison tokens (first version; refined by the name-analysis work)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from normality import ascii_text

_SPLIT = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Token:
    """One comparison token.

    ``text`` is the canonical Latin ASCII form; ``role`` is one of ``name`` (an
    ordinary name part), ``legal_form`` (LLC, JSC, GmbH …), ``generic`` (company,
    trading, group …), ``honorific`` (Mr, Dr, Sheikh …) or ``initial``;
    ``weight`` is the informativeness of the token in [0, 1] before rarity.
    """

    text: str
    role: str = "name"
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class AnalyzedName:
    """A name ready for comparison: the original text and its tokens in order."""

    original: str
    tokens: tuple[Token, ...]

    @property
    def texts(self) -> tuple[str, ...]:
        """The token texts, in order."""
        return tuple(t.text for t in self.tokens)

    @property
    def key(self) -> str:
        """All token texts joined by spaces: a normalised form of the name."""
        return " ".join(self.texts)


@lru_cache(maxsize=65536)
def analyze_name(name: str, schema: str | None = None) -> AnalyzedName:
    """Analyse ``name`` (written in any script) for a party of ``schema``."""
    latin = (ascii_text(name) or "").lower()
    tokens = tuple(Token(t) for t in _SPLIT.split(latin) if t)
    return AnalyzedName(name, tokens)


def index_keys(name: AnalyzedName) -> set[str]:
    """Retrieval keys of a name: its informative tokens (and, later, phonetic keys)."""
    return {t.text for t in name.tokens if t.role in ("name", "initial")}
