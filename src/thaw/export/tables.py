"""Records as thaw JSON lines and as a flat CSV table.

``json``: one :meth:`~thaw.model.Record.to_json` object per line, plus the
``published`` date of its publication; :meth:`~thaw.model.Record.from_dict` reads a
line back (after removing ``published``).

``csv``: one row per listing with the fields a spreadsheet user screens by; lists
are joined with ``"; "``, identifiers written ``kind:number``; ``birth_estimates``
names the years of ``birth_dates`` published as an estimate (circa).
"""

from __future__ import annotations

import json
from typing import TextIO

from thaw.model import Record
from thaw.spreadsheet import SafeDictWriter

CSV_COLUMNS: tuple[str, ...] = (
    "source",
    "source_id",
    "schema",
    "name",
    "aliases",
    "weak_aliases",
    "former_names",
    "birth_dates",
    "birth_estimates",
    "birth_places",
    "nationalities",
    "citizenships",
    "countries",
    "gender",
    "programs",
    "listed_on",
    "identifiers",
    "addresses",
    "published",
)


def _join(values: list[str]) -> str:
    return "; ".join(v for v in values if v)


class JsonWriter:
    """Writes records as thaw JSON lines."""

    def __init__(self, fh: TextIO) -> None:
        self.fh = fh
        self.records = 0

    def write(self, record: Record, published: str | None = None) -> None:
        """Append one record."""
        data = record.to_dict()
        if published:
            data["published"] = published
        self.fh.write(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
        self.fh.write("\n")
        self.records += 1


class CsvWriter:
    """Writes records as rows of :data:`CSV_COLUMNS` (header first)."""

    def __init__(self, fh: TextIO) -> None:
        self.writer = SafeDictWriter(fh, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
        self.writer.writeheader()
        self.records = 0

    def write(self, record: Record, published: str | None = None) -> None:
        """Append one record."""

        def names(kind: str) -> str:
            return _join([n.value for n in record.names if n.kind == kind])

        self.writer.writerow(
            {
                "source": record.source,
                "source_id": record.source_id,
                "schema": record.schema,
                "name": record.caption,
                "aliases": _join(
                    [n.value for n in record.names if n.kind in ("alias", "original")]
                    + [n.value for n in record.names if n.kind == "primary"][1:]
                ),
                "weak_aliases": names("weak"),
                "former_names": names("former"),
                "birth_dates": _join(record.birth_dates),
                "birth_estimates": _join(record.birth_estimates),
                "birth_places": _join(record.birth_places),
                "nationalities": _join(record.nationalities),
                "citizenships": _join(record.citizenships),
                "countries": _join(record.countries),
                "gender": record.gender or "",
                "programs": _join(record.programs),
                "listed_on": record.listed_on or "",
                "identifiers": _join([f"{i.kind}:{i.number}" for i in record.identifiers]),
                "addresses": _join([a.full for a in record.addresses]),
                "published": published or "",
            }
        )
        self.records += 1
