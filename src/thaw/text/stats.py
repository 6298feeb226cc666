"""Token rarity: how much a name part identifies, given how often the lists use it.

A name part that occurs in one listing in fifty thousand (``Dmitriev``) says much
more than one found in every hundredth (``Mohammad``). The candidate-index builder
counts, once per build, in how many list names each token occurs
(:meth:`TokenStats.from_names`) and keeps the result with the index; whoever
matches against that index passes it explicitly to the matcher
(``thaw.match.Matcher(stats=...)``), which multiplies each token's weight by
:meth:`TokenStats.factor`. There is no process-wide current statistics: the
same pair scored with the same statistics always gets the same score. Without
statistics every factor is 1 and only the built-in commonness of
:data:`thaw.text.vocab.COMMON_NAMES` applies.

The factor is 1 for tokens in at most 0.1 % of list names and falls by 0.3 per
decade of frequency above that, never below 0.3: a token in 1 % of names weighs
0.7, in 10 % 0.4.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Final

from thaw.text.analyze import AnalyzedName

#: Frequency (share of list names) up to which a token counts as fully rare.
RARE_SHARE: Final = 0.001
#: Loss of weight per tenfold increase in frequency above :data:`RARE_SHARE`.
DECADE_PENALTY: Final = 0.3
#: The least weight factor a very frequent token keeps.
MIN_FACTOR: Final = 0.3


class TokenStats:
    """Document frequencies of comparison tokens over the list names.

    ``counts`` maps a token ``text`` to the number of names containing it and
    ``total`` is the number of names counted.
    """

    __slots__ = ("_cache", "counts", "total")

    def __init__(self, counts: Mapping[str, int], total: int) -> None:
        self.counts: dict[str, int] = dict(counts)
        self.total = max(int(total), 1)
        self._cache: dict[str, float] = {}

    @classmethod
    def from_names(cls, names: Iterable[AnalyzedName]) -> TokenStats:
        """Count, for each token text, how many of ``names`` contain it."""
        counts: Counter[str] = Counter()
        total = 0
        for name in names:
            total += 1
            counts.update({t.text for t in name.tokens if t.weight > 0})
        return cls(counts, total)

    def factor(self, text: str) -> float:
        """The rarity factor in [:data:`MIN_FACTOR`, 1] of the token ``text``."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        count = self.counts.get(text, 0)
        share = count / self.total
        if share <= RARE_SHARE or self.total < 1000:
            value = 1.0
        else:
            value = max(MIN_FACTOR, 1.0 - DECADE_PENALTY * math.log10(share / RARE_SHARE))
        self._cache[text] = value
        return value

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (for the on-disk index cache)."""
        return {"total": self.total, "counts": self.counts}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TokenStats:
        """The inverse of :meth:`to_dict`."""
        return cls(data.get("counts", {}), int(data.get("total", 1)))
