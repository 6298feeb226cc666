"""How the index stores entries (:mod:`thaw.index.codec`): each entry decodes to
the entry that was built, and its pickle names no class, only table numbers."""

from __future__ import annotations

import dataclasses
import io
import pickle
import pickletools
from typing import Any

from tests.index.fixture_store import fixture_records
from thaw.index import entry_from_record
from thaw.index.codec import (
    CLASSES,
    MAKERS,
    EntryPickler,
    decode_entry,
    decoding_table,
    dumps_facts,
    loads_facts,
)
from thaw.index.entry import Entry, IdNumber, listing_facts
from thaw.index.fields import new_analyzed_name, new_entry, new_id_number
from thaw.model import Identifier, Name, Record
from thaw.text import AnalyzedName, Token, analyze_name


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
    # classes are read from the end of the table: -1 is the last of CLASSES,
    # made by the last of MAKERS
    table = decoding_table(tokens)
    assert table[-len(CLASSES) :] == list(MAKERS)
    assert table[-1] is new_entry and len(table) == len(tokens) + len(CLASSES)
    assert pickle.loads(pickle.dumps(CLASSES)) == CLASSES


def _fields(obj: Any) -> tuple[Any, ...]:
    """Every field of the dataclass instance ``obj``, in declaration order."""
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))


def test_makers_make_what_the_constructors_make() -> None:
    """Each maker of :data:`MAKERS`, given every field of an object in order (as
    an entry pickle holds them), makes the object the class's constructor makes:
    equal, of the class, with every field set (a field added to the class and
    not to its maker fails here). An entry given no countries of legal forms
    works them out, as ``__post_init__`` does."""
    assert len(MAKERS) == len(CLASSES)
    for entry in _entries():
        made = new_entry(*_fields(entry))
        assert type(made) is Entry and made == entry
        assert _fields(made) == _fields(entry)
        for identifier in entry.identifiers:
            again = new_id_number(*_fields(identifier))
            assert type(again) is IdNumber and _fields(again) == _fields(identifier)
        for name, _kind in entry.names:
            remade = new_analyzed_name(*_fields(name))
            assert type(remade) is AnalyzedName and remade == name
            assert _fields(remade) == _fields(name)
    caption = "ALPHA TECH TRADING FZE"
    names = ((analyze_name(caption, "Organization"), "primary"),)
    fields: list[Any] = [
        *_fields(Entry("s", "1", "Organization", caption, names, (), (), None, (), (), None))
    ]
    fields[-2] = None  # (form_countries, before __post_init__ works them out)
    made = new_entry(*fields)
    assert made == Entry(*fields) and made.form_countries == ("ae",)


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
