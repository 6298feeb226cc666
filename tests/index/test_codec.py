"""How the index stores entries (:mod:`thaw.index.codec`): each entry decodes to
the entry that was built, and its pickle names no class, only table numbers."""

from __future__ import annotations

import io
import pickle
import pickletools

from tests.index.fixture_store import fixture_records
from thaw.index import entry_from_record
from thaw.index.codec import (
    CLASSES,
    EntryPickler,
    decode_entry,
    decoding_table,
    dumps_facts,
    loads_facts,
)
from thaw.index.entry import Entry, IdNumber, listing_facts
from thaw.model import Identifier, Name, Record
from thaw.text import AnalyzedName, Token


def _encoded(entries: list[Entry]) -> tuple[list[bytes], list[Token]]:
    tokens: dict[Token, int] = {}
    blobs = []
    for entry in entries:
        blob = io.BytesIO()
        pickler = EntryPickler(blob, tokens)
        pickler.dump(entry)
        blobs.append(blob.getvalue())
    return blobs, sorted(tokens, key=tokens.__getitem__)


def _entries() -> list[Entry]:
    with_id = Record(
        source="us_ofac_sdn",
        source_id="32173",
        schema="Vessel",
        names=[Name("TRIPLE SUCCESS")],
        identifiers=[Identifier("imo", "IMO 9167148")],
    )
    return [entry_from_record(r) for r in [*fixture_records(), with_id]]


def test_entries_decode_to_the_entries_encoded() -> None:
    entries = _entries()
    blobs, tokens = _encoded(entries)
    table = decoding_table(tokens)
    decoded = [decode_entry(blob, table) for blob in blobs]
    assert decoded == entries
    assert any(e.identifiers for e in decoded)
    assert all(type(i) is IdNumber for e in decoded for i in e.identifiers)
    assert all(type(n) is AnalyzedName for e in decoded for n, _ in e.names)
    # equal tokens decode to the one object of the table
    first = decoded[0].names[0][0].tokens[0]
    assert any(first is t for t in tokens)


def test_pickles_name_no_class() -> None:
    blobs, tokens = _encoded(_entries())
    for blob in blobs:
        ops = {op.name for op, _arg, _pos in pickletools.genops(blob)}
        assert not ops & {"GLOBAL", "STACK_GLOBAL", "INST", "OBJ"}
        assert b"thaw" not in blob
    # classes are read from the end of the table: -1 is the last of CLASSES
    table = decoding_table(tokens)
    assert table[-len(CLASSES) :] == list(CLASSES)
    assert table[-1] is Entry and len(table) == len(tokens) + len(CLASSES)
    assert pickle.loads(pickle.dumps(CLASSES)) == CLASSES


def test_facts_load_to_the_facts_of_the_entry() -> None:
    """An entry's facts, pickled apart, load to :func:`listing_facts` of it: no
    name, caption, programme or listing date, every fact the features that read
    no name read."""
    entries = _entries()
    for entry in entries:
        facts = loads_facts(dumps_facts(entry))
        assert facts == listing_facts(entry)
        assert facts.names == () and facts.caption == "" and facts.programs == ()
        assert (facts.key, facts.schema, facts.birth_dates) == (
            entry.key,
            entry.schema,
            entry.birth_dates,
        )
        assert (facts.countries, facts.gender, facts.identifiers) == (
            entry.countries,
            entry.gender,
            entry.identifiers,
        )
    assert any(e.identifiers for e in entries) and any(e.birth_dates for e in entries)
