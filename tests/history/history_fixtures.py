"""Fixture stores for the history, what-if and catalogue tests, built from records."""

from __future__ import annotations

from tests.conftest import publish
from thaw.model import Address, Name, Record
from thaw.store import PublicationRow, Store


def add(
    store: Store, source: str, published: str, records: list[Record], activate: bool = True
) -> PublicationRow:
    """Store ``records`` as a publication of ``source`` dated ``published``."""
    return publish(store, source, records, published, activate=activate)


def rec(
    source: str,
    source_id: str,
    name: str,
    programs: list[str] | None = None,
    *,
    schema: str = "Person",
    aliases: list[str] | None = None,
    address: str | None = None,
    listed_on: str | None = None,
) -> Record:
    """A small record."""
    record = Record(source, source_id, schema, names=[Name(name)], programs=list(programs or []))
    for alias in aliases or []:
        record.names.append(Name(alias, "alias"))
    if address:
        record.addresses.append(Address(address))
    record.listed_on = listed_on
    return record
