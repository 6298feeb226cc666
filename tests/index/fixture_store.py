"""A small fixture list for index and screening tests, built from Record objects."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from tests.conftest import publish
from thaw.index import entry_from_record
from thaw.model import Name, Record
from thaw.screen import Screener
from thaw.store import Store

RECORDS = Path(__file__).resolve().parents[1] / "fixtures" / "screening" / "records.jsonl"


def fixture_records() -> list[Record]:
    """Twelve listings: people, organisations, vessels; US, UN and UK sources."""
    with open(RECORDS, encoding="utf-8") as fh:
        return [Record.from_dict(json.loads(line)) for line in fh if line.strip()]


def fill(store: Store, records: list[Record], published: str = "2024-01-01") -> None:
    """Store ``records`` as one active publication per source (no reader needed)."""
    by_source: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_source[record.source].append(record)
    for source, items in sorted(by_source.items()):
        publish(store, source, items, published, date_basis="given")


def screener_of(listed: Iterable[str | tuple[str, str]]) -> Screener:
    """A screener over one-name listings ``t:0``, ``t:1`` … of ``listed``: each a
    person's name, or a ``(schema, name)`` pair."""
    records = []
    for i, item in enumerate(listed):
        schema, name = ("Person", item) if isinstance(item, str) else item
        records.append(Record("t", str(i), schema, names=[Name(name)]))
    return Screener.from_entries(entry_from_record(r) for r in records)
