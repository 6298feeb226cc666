"""``algorithm="ofac"``: a reproduction of OFAC Sanctions List Search's public description.

OFAC's FAQ 249 describes its score as follows: candidates are first gated on the
first letter of the input terms and on being at least 50 % similar by edit
distance; then two techniques run and the higher score is reported:

1. **Whole name**: Jaro-Winkler similarity of the entire name entered against the
   entire listed name.
2. **Name parts**: the name is split into parts; each part is compared with the
   parts of the listed name using Jaro-Winkler and Soundex; a score per part and a
   composite over all parts entered result.

How Soundex enters the part score is not published; here a part whose Soundex
code equals that of a listed part scores at least 0.9 (a phonetic match), and
the composite is the mean over the parts entered (parts of one or two letters are
ignored when longer parts exist). Names are compared upper-case, transliterated
to ASCII, punctuation removed. The score uses the name only: dates, countries
and identifiers are not considered, as in OFAC's tool. This is a reading of the
public description, not OFAC's code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein
from rigour._core import soundex

from thaw.index.entry import Entry
from thaw.match.types import MatchResult, Query

#: OFAC's tool defaults to 100; 85 is the customary minimum in practice.
OFAC_THRESHOLD = 0.85
#: Least part score that still counts (OFAC's "at least 50 % similar").
PART_FLOOR = 0.5
SOUNDEX_SCORE = 0.9

_SPLIT = re.compile(r"[^A-Z0-9]+")


@lru_cache(maxsize=65536)
def _prepare(name: str) -> tuple[str, tuple[str, ...]]:
    from normality import ascii_text  # imported when this algorithm is first used

    text = (ascii_text(name) or "").upper()
    parts = tuple(p for p in _SPLIT.split(text) if p)
    return " ".join(parts), parts


@lru_cache(maxsize=200_000)
def _part_score(a: str, b: str) -> float:
    s = JaroWinkler.similarity(a, b)
    if s < SOUNDEX_SCORE and a.isalpha() and b.isalpha() and soundex(a) == soundex(b):
        s = SOUNDEX_SCORE
    return s if s >= PART_FLOOR else 0.0


def ofac_name_score(query: str, listed: str) -> float:
    """OFAC-style score of two name strings, in [0, 1]."""
    qfull, qparts = _prepare(query)
    lfull, lparts = _prepare(listed)
    if not qparts or not lparts:
        return 0.0
    # gate: a first letter in common and at least 50 % edit similarity somewhere
    first = {p[0] for p in lparts}
    if not any(p[0] in first for p in qparts):
        return 0.0
    whole = JaroWinkler.similarity(qfull, lfull) if qfull[0] == lfull[0] else 0.0
    parts = [p for p in qparts if len(p) > 2] or list(qparts)
    total = 0.0
    for p in parts:
        total += max(_part_score(p, lp) for lp in lparts)
    composite = total / len(parts)
    if (
        max(whole, composite) > 0
        and Levenshtein.normalized_similarity(qfull, lfull) < 0.5
        and composite < PART_FLOOR
    ):
        return 0.0
    return max(whole, composite)


def ofac_score(query: Query, entry: Entry) -> MatchResult:
    """Score ``query`` against every name of ``entry`` the OFAC way; best name wins."""
    best = 0.0
    best_name = entry.caption
    for name, _kind in entry.names:
        s = ofac_name_score(query.name, name.original)
        if s > best:
            best, best_name = s, name.original
    return MatchResult(
        score=best,
        matched_name=best_name,
        explanation=f"ofac: Jaro-Winkler/Soundex name score {best:.2f} against {best_name!r}",
        features={"ofac_name": best},
    )
