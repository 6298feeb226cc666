"""Reading portfolio files: the inputs of ``thaw screen-file`` with a required ``id``.

CSV, JSON lines or Parquet, with the columns of :mod:`thaw.screen.batch` (``name``,
``schema``, ``birth_date``, ``country``, ``id_number`` …) and an ``id`` column that
names each row uniquely. Unlike ``screen-file``, which skips a bad row and goes on,
a portfolio file is taken whole or not at all: a row left out would look like a
removal to ``thaw portfolio update``. :class:`PortfolioInputError` lists every
problem with its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from thaw.monitor.screening import RowData
from thaw.screen.batch import BatchError, check_mapping, check_row, detect_format, open_source


class PortfolioInputError(ValueError):
    """The file cannot be a portfolio; ``problems`` says where and why."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems or []
        shown = "; ".join(self.problems[:10])
        more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
        super().__init__(f"{message}: {shown}{more}" if self.problems else message)


def read_rows(path: Path, fmt: str | None = None) -> list[tuple[str, RowData]]:
    """The rows of a portfolio file as ``(row id, data)``, in file order."""
    return list(iter_rows(path, fmt))


def iter_rows(path: Path, fmt: str | None = None) -> Iterator[tuple[str, RowData]]:
    """The rows of a portfolio file as ``(row id, data)``, in file order, one at
    a time (:meth:`thaw.monitor.Monitor.add` stores them page by page). The whole
    file is still checked: a bad row is not yielded, and once the file is read
    every problem is raised (:class:`PortfolioInputError`), so that a caller
    storing rows as they come drops them all (``Monitor.add`` removes the
    portfolio again)."""
    try:
        source = open_source(Path(path), detect_format(Path(path), fmt))
    except (BatchError, OSError) as exc:
        raise PortfolioInputError(f"{path}: {exc}") from exc
    problems: list[str] = []
    seen: dict[str, str] = {}
    try:
        for raw in source.rows():
            job, found = check_row(raw)
            problems += [f"{p.where}: {p.reason}" for p in found]
            if job is None:
                continue
            where, ident = job.where, job.id
            text = "" if ident is None else str(ident).strip()
            if not text:
                problems.append(f"{where}: no id (a portfolio row needs an id)")
                continue
            if text in seen:
                problems.append(f"{where}: id {text!r} already used at {seen[text]}")
                continue
            seen[text] = where
            if not problems:  # (after a problem the file is refused: only checked)
                yield text, RowData.of(job)
    except BatchError as exc:
        raise PortfolioInputError(f"{path}: {exc}") from exc
    finally:
        source.close()
    if problems:
        raise PortfolioInputError(f"{path} was not taken", problems)
    if not seen:
        raise PortfolioInputError(f"{path}: no rows")


def row_from_fields(fields: dict[str, object], where: str = "row") -> tuple[str, RowData]:
    """One row given as a mapping (an API request): the columns and checks of a
    file row (:func:`thaw.screen.batch.check_mapping`: ``name`` or name parts,
    ``gender``, a person inferred from a birth date …); any problem refuses it
    (:class:`PortfolioInputError`), as in a file."""
    lowered = {str(k).lower(): v for k, v in fields.items()}
    ident = lowered.get("id")
    text = "" if ident is None else str(ident).strip()
    if not text:
        raise PortfolioInputError(f"{where}: no id (a portfolio row needs an id)")
    job, problems = check_mapping(lowered, where=where)
    if problems or job is None:
        reason = problems[0].reason if problems else "cannot be screened"
        raise PortfolioInputError(f"{where} ({text}): {reason}")
    return text, RowData.of(job)
