"""Territory look-up by name without rigour's start-up cost.

rigour's :func:`~rigour.territories.lookup_territory` resolves a name through a
table of about 25,700 normalised names (strong and weak names in many languages, and
places). It builds that table on the first name it does not find among the codes,
and building it normalises every name: about 2 s of CPU, 15 to 28 s of wall time on
a busy machine, paid again by every new process (each ``thaw`` command, each forked
worker that had not built it yet) on its first unusual country name.

This module ships the finished table instead (``data/territory_names.txt.gz``: one
``normalised name<TAB>territory code`` per line, made by :func:`build_table` from the
pinned rigour version) and looks names up in it, normalised as rigour does. Loading
it takes a few milliseconds. ``python -m thaw.sources.territories`` writes it again;
``tests/sources/test_territories.py`` fails when rigour's own table differs from it.
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from rigour.territories import get_territories, lookup_territory
from rigour.territories.lookup import lookup_by_identifier
from rigour.territories.territory import Territory
from rigour.territories.util import normalize_territory_name

__all__ = ["TABLE", "build_table", "ftm_country", "lookup", "write_table"]

TABLE = Path(__file__).with_name("data") / "territory_names.txt.gz"
"""The shipped table of normalised territory names."""


def lookup(text: str) -> Territory | None:
    """The territory ``text`` names (a code, a name in any language or a place), as
    ``rigour.territories.lookup_territory(text)`` finds it (without fuzzy search),
    ``None`` when none."""
    territory = lookup_by_identifier(text)
    if territory is not None:
        return territory
    code = _names().get(normalize_territory_name(text))
    return None if code is None else _by_code().get(code)


def ftm_country(value: str, fuzzy: bool = False) -> str | None:
    """FollowTheMoney's country code for ``value``, exactly as
    ``followthemoney.registry.country.clean(value, fuzzy=fuzzy)`` gives it
    (``"Russia"`` → ``"ru"``), which is what yente answers with: that cleaning
    looks the name up with rigour's :func:`~rigour.territories.lookup_territory`,
    and so builds rigour's name table (about 1.3 s of CPU) in every new process,
    for the first country name that is not a code. The shipped table answers
    every name it holds; a name it lacks goes to rigour's own look-up (and its
    fuzzy search), so the answer is the same either way."""
    from followthemoney.util import sanitize_text  # FtM loads its model: only here

    text = sanitize_text(value)
    if text is None:
        return None
    territory = lookup(text)
    if territory is None:
        territory = lookup_territory(text, fuzzy=fuzzy)
    return None if territory is None else territory.ftm_country


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Territory]:
    return {t.code: t for t in get_territories()}


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Territory code by normalised name, read from :data:`TABLE`."""
    with gzip.open(TABLE, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


def build_table() -> dict[str, str]:
    """Territory code by normalised name, computed from rigour's data the way its
    lookup builds it (the slow path this module avoids: seconds of CPU)."""
    from rigour.territories.lookup import _get_territory_names

    return {name: territory.code for name, territory in _get_territory_names().items()}


def write_table(path: Path = TABLE) -> int:
    """Write :func:`build_table` to ``path``; returns the number of names."""
    table = build_table()
    lines = [f"# rigour {version('rigour')}: normalised territory name, territory code"]
    lines += [f"{name}\t{code}" for name, code in sorted(table.items())]
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as fh:  # reproducible bytes
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(table)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    print(f"{write_table()} names written to {TABLE}", file=sys.stderr)
