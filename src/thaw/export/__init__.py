"""Export the store's active records: FollowTheMoney, thaw JSON or CSV.

:func:`export` writes the records of the active publication of every source (or of
the ``sources`` asked for) to a text stream in one of :data:`FORMATS`:

``ftm``   FollowTheMoney entity JSON lines (:mod:`thaw.export.ftm`), readable by any
          FtM tool and by thaw's own ``ftm`` reader;
``json``  thaw's record JSON, one record per line (:mod:`thaw.export.tables`);
``csv``   one flat row per listing (:mod:`thaw.export.tables`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TextIO

from thaw.export.ftm import FtmWriter, entity_id, record_entities
from thaw.export.tables import CSV_COLUMNS, CsvWriter, JsonWriter
from thaw.model import Record
from thaw.store import Store

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "ExportError",
    "ExportResult",
    "entity_id",
    "export",
    "record_entities",
]

FORMATS: tuple[str, ...] = ("ftm", "json", "csv")


class ExportError(Exception):
    """An export cannot be made (unknown format, source not loaded)."""


class _Writer(Protocol):
    records: int

    def write(self, record: Record, published: str | None = None) -> None: ...


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote: records per source and, for ``ftm``, entities."""

    format: str
    records: int
    by_source: dict[str, int]
    entities: int | None = None


def export(
    store: Store, fh: TextIO, format: str = "ftm", sources: Sequence[str] | None = None
) -> ExportResult:
    """Write the active records of ``sources`` (default: all) to ``fh``."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    active = store.active_publications()
    wanted = list(sources) if sources else sorted(active)
    missing = [s for s in wanted if s not in active]
    if missing:
        loaded = ", ".join(sorted(active)) or "none"
        raise ExportError(f"no active publication for {', '.join(missing)} (loaded: {loaded})")
    writer: _Writer
    ftm_writer: FtmWriter | None = None
    if format == "ftm":
        writer = ftm_writer = FtmWriter(fh)
    elif format == "json":
        writer = JsonWriter(fh)
    else:
        writer = CsvWriter(fh)
    by_source: dict[str, int] = {}
    for source in wanted:
        publication = active[source]
        before = writer.records
        for record in store.records_at(publication):
            writer.write(record, publication.published)
        by_source[source] = writer.records - before
    return ExportResult(
        format, writer.records, by_source, ftm_writer.entities if ftm_writer else None
    )
