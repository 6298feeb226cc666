"""The sex most bearers of a given name have, from recorded births.

:func:`recorded_gender` answers ``"female"`` for *Karin*, *Kristina*, *Michelle*
or *Milana*, ``"male"`` for *Ismail*, *Ismaila*, *Michael* or *Karim*, and
``None`` for a name given to both sexes (*Jan*, *Sasha*, *Milan*) or too rarely
recorded. The answers come from the US Social Security Administration's counts of
the names given to babies born in the United States since 1880 (public domain),
as ``data/given_name_genders.txt.gz``: a name that 50 babies or more bore, 90 %
of them or more of one sex (:mod:`thaw.match._make_genders` writes it). They are
an American reading: *Andrea*, *Simone* and *Valery*, men's names in Italy or
Russia, are women's there, so :mod:`thaw.match.gender` uses them only where the
form of the words leaves the question open.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path
from typing import Final, Literal

DATA_PATH: Final = Path(__file__).resolve().parent / "data" / "given_name_genders.txt.gz"

Gender = Literal["female", "male"]
_SEX: Final[dict[str, Gender]] = {"F": "female", "M": "male"}


@cache
def _table() -> dict[str, Gender]:
    with gzip.open(DATA_PATH, "rt", encoding="ascii") as fh:
        rows = (line.rstrip("\n").partition("\t") for line in fh)
        return {name: _SEX[sex] for name, _, sex in rows}


def recorded_gender(word: str) -> Gender | None:
    """The sex of nearly all recorded bearers of the given name ``word`` (lower
    case, ASCII letters), or ``None``."""
    return _table().get(word)
