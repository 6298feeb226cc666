"""Listing counts over time, per source and programme, from the stored publications.

Each stored version is decoded once (for its programmes) and each span adds one
listing to every publication it covers, through running sums over the source's
publication sequence: the cost grows with the number of versions, not with
versions × publications.
"""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from dataclasses import dataclass

from thaw.catalogue import normalise_code
from thaw.store import PublicationRow, Store
from thaw.store.queries import source_spans, source_versions

TOTAL = "*"
"""The programme key of the all-listings count."""


@dataclass(slots=True)
class SourceCounts:
    """Counts of one source per publication: ``totals[i]`` listings in
    ``publications[i]``, ``programs[code][i]`` of them under ``code``."""

    source: str
    publications: list[PublicationRow]
    totals: list[int]
    programs: dict[str, list[int]]

    def dates(self) -> list[str]:
        """The publication dates (``published``), in order."""
        return [p.published for p in self.publications]


def source_counts(store: Store, source: str, by_program: bool = True) -> SourceCounts | None:
    """Listing counts of every publication of ``source`` (``None`` if none held)."""
    pubs = store.publications(source)
    if not pubs:
        return None
    n = len(pubs)
    index = {p.seq: i for i, p in enumerate(pubs)}
    total_delta = [0] * (n + 1)
    prog_delta: dict[str, list[int]] = defaultdict(lambda: [0] * (n + 1))
    spelling: dict[str, str] = {}
    programs_of: dict[int, list[str]] = {}
    if by_program:
        for vid, blob in source_versions(store, source):
            data = json.loads(zlib.decompress(blob))
            programs_of[vid] = list(
                dict.fromkeys(" ".join(str(p).split()) for p in data.get("programs", ()))
            )
    for vid, first, last in source_spans(store, source):
        start = index.get(first)
        if start is None:
            continue
        end = index.get(last, n - 1) + 1 if last is not None else n
        total_delta[start] += 1
        total_delta[end] -= 1
        for code in programs_of.get(vid, ()):
            key = normalise_code(code)
            spelling.setdefault(key, code)
            prog_delta[key][start] += 1
            prog_delta[key][end] -= 1

    def running(delta: list[int]) -> list[int]:
        out, acc = [], 0
        for d in delta[:n]:
            acc += d
            out.append(acc)
        return out

    programs = {spelling[k]: running(v) for k, v in prog_delta.items()}
    return SourceCounts(source, pubs, running(total_delta), programs)


@dataclass(slots=True)
class Series:
    """One line of a chart: a label and ``(date, value)`` points in date order."""

    label: str
    points: list[tuple[str, int]]


def chart_series(
    store: Store,
    source: str | None = None,
    program: str | None = None,
    top: int = 8,
) -> list[Series]:
    """The lines to draw.

    * no ``source``, no ``program``: one line per source (all its listings);
    * a ``source``: its total and its ``top`` largest programmes (by the newest count);
    * a ``program``: that programme's count in every source (or the one given) that
      uses it.
    """
    sources = [source] if source else store.sources()
    out: list[Series] = []
    for src in sources:
        counts = source_counts(store, src, by_program=bool(source or program))
        if counts is None:
            continue
        dates = [d[:10] for d in counts.dates()]
        if program:
            wanted = normalise_code(program)
            for code, values in counts.programs.items():
                if normalise_code(code) == wanted:
                    label = f"{src} {code}" if not source else code
                    out.append(Series(label, list(zip(dates, values, strict=True))))
            continue
        out.append(
            Series(
                src if not source else f"{src} (all)", list(zip(dates, counts.totals, strict=True))
            )
        )
        if source:
            ranked = sorted(counts.programs.items(), key=lambda kv: (-kv[1][-1], kv[0]))
            for code, values in ranked[:top]:
                out.append(Series(code, list(zip(dates, values, strict=True))))
    return out
