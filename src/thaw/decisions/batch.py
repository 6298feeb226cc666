"""Decisions applied to the JSON lines of ``thaw screen-file``.

``screen-file`` writes one object per screened row; for rows with an ``id`` (the
customer id), :func:`apply_to_lines` re-reads the row from the input (to take the
customer's fingerprint from the same fields the API takes it from), drops hits
suppressed by a false-positive decision and marks the others ``reopened`` or
``true_match``, exactly as ``POST /screen/file`` does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from thaw.decisions import Judge, query_fingerprint
from thaw.match import Query
from thaw.screen.batch import check_row, open_source
from thaw.sources.base import json_loads
from thaw.store.state import Decision


@dataclass(slots=True)
class Applied:
    """Counts of what decisions did to a file's results."""

    suppressed: int = 0
    reopened: int = 0
    true_match: int = 0


def _queries(path: Path, fmt: str, date_order: str | None) -> Iterator[tuple[int, Query]]:
    source = open_source(path, fmt, date_order)
    try:
        for raw in source.rows():
            job, _ = check_row(raw)
            if job is not None:
                yield job.row, job.query()
    finally:
        source.close()


def apply_to_lines(
    input: Path,
    fmt: str,
    results: IO[str],
    output: IO[str],
    judge: Judge,
    date_order: str | None = None,
) -> Applied:
    """Copy ``results`` (JSON lines of ``input``, in input order) to ``output`` with
    the decisions of each row's customer applied. A line that is not a JSON object
    (JSON nested too deeply included) is a :class:`ValueError` naming it.
    ``date_order`` is the one the file was screened with (``screen-file
    --date-order``), so that each row is read as it was screened."""
    counts = Applied()
    queries = _queries(input, fmt, date_order)
    current: tuple[int, Query] | None = None
    for number, line in enumerate(results, 1):
        if not line.strip():
            continue
        try:
            data = json_loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"results line {number}: not JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise ValueError(f"results line {number}: not a JSON object")
        decisions = judge.of(data.get("id")) if data.get("hits") else {}
        if not decisions:
            output.write(line if line.endswith("\n") else line + "\n")
            continue
        while current is None or current[0] < data["row"]:
            current = next(queries)
        data["hits"] = apply_to_hits(
            judge, decisions, data["hits"], query_fingerprint(current[1]), counts
        )
        output.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    return counts


def apply_to_hits(
    judge: Judge,
    decisions: Mapping[str, Decision],
    hits: list[dict[str, Any]],
    customer_fp: str,
    counts: Applied | None = None,
) -> list[dict[str, Any]]:
    """One row's hits, in ``screen-file``'s JSON form, with its customer's
    ``decisions`` applied: a hit suppressed by a false positive still in force is
    dropped, one whose false positive was reopened or that was decided a true
    match carries ``decision`` (``reopened`` or ``true_match``). ``customer_fp``
    is the row's :func:`~thaw.decisions.query_fingerprint`; ``counts``, if given,
    is incremented for each outcome. ``screen-file`` and the Spark path
    (:mod:`thaw.spark.screening`) both decide through this."""
    kept: list[dict[str, Any]] = []
    for hit in hits:
        keys = [f"{x['source']}:{x['source_id']}" for x in hit["listings"]]
        applied = judge.outcome(decisions, hit.get("profile_id"), keys, customer_fp)
        if applied is None:
            kept.append(hit)
            continue
        if counts is not None:
            setattr(counts, applied.outcome, getattr(counts, applied.outcome) + 1)
        if applied.outcome != "suppressed":
            kept.append({**hit, "decision": applied.outcome})
    return kept
