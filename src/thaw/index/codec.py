"""How the index stores its entries: one pickle per entry, tokens in a shared table.

Entries are pickled one by one so that a process decodes only the listings it
scores. Tokens repeat across names (``mohammad``, ``al``), so each distinct
:class:`~thaw.text.Token` is stored once in a table and entries refer to it by
number (pickle persistent ids). Dataclasses are rebuilt through their
constructor, which is about twice as fast as the default slot-state protocol, and
the classes themselves are persistent ids too (negative numbers, :data:`CLASSES`):
a pickle that names a class makes the unpickler import its module and look the
class up, three times per entry, a fifth of its decoding.

Each entry's facts (:func:`~thaw.index.entry.listing_facts`, what the matcher
reads before the names) are pickled apart as a plain tuple (:func:`dumps_facts`),
so that a screener rejects most candidates without decoding an entry.

This module stays pure Python: :mod:`thaw.index.candidates` may be compiled
(:mod:`thaw._native`), and a compiled class cannot extend :class:`pickle.Pickler`.
"""

from __future__ import annotations

import copyreg
import io
import pickle
from collections.abc import Callable
from typing import Any, cast

from thaw.index.entry import Entry, IdNumber
from thaw.index.fields import new_analyzed_name, new_entry, new_id_number
from thaw.text import AnalyzedName, Token

CLASSES: tuple[type, ...] = (IdNumber, AnalyzedName, Entry)
"""The classes an entry pickle refers to by number: ``i - len(CLASSES)`` for the
``i``-th, so that the decoding table (:func:`decoding_table`) is the token table
with what makes them (:data:`MAKERS`) appended, and a negative id reads from its end."""

MAKERS: tuple[Callable[..., Any], ...] = (new_id_number, new_analyzed_name, new_entry)
"""What decoding calls with the fields of each of :data:`CLASSES`, in order: a
compiled function making the same object as the class would, faster
(:mod:`thaw.index.fields`)."""

_CLASS_IDS: dict[type, int] = {cls: i - len(CLASSES) for i, cls in enumerate(CLASSES)}


def decoding_table(tokens: list[Token]) -> list[Any]:
    """What :func:`decode_entry` looks persistent ids up in: the token table
    (in id order), then :data:`MAKERS`."""
    return [*tokens, *MAKERS]


def _fields_reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
    return type(obj), tuple(getattr(obj, name) for name in obj.__dataclass_fields__)


def dumps_fields(objects: list[Any]) -> bytes:
    """Pickle dataclass instances (all of one class) as constructor calls, which
    load fast."""
    blob = io.BytesIO()
    pickler = pickle.Pickler(blob, protocol=5)
    table = dict(copyreg.dispatch_table)
    for obj in objects[:1]:
        table[type(obj)] = _fields_reduce
    pickler.dispatch_table = table
    pickler.dump(objects)
    return blob.getvalue()


class EntryPickler(pickle.Pickler):
    """Pickles entries into ``file``, numbering each distinct token in ``tokens``
    (token → id) instead of storing it."""

    def __init__(self, file: io.BytesIO, tokens: dict[Token, int]) -> None:
        super().__init__(file, protocol=5)
        self.tokens = tokens
        table = dict(copyreg.dispatch_table)
        for cls in (Entry, IdNumber, AnalyzedName):
            table[cls] = _fields_reduce
        self.dispatch_table = table

    def persistent_id(self, obj: Any) -> int | None:
        kind = type(obj)
        if kind is Token:
            return self.tokens.setdefault(obj, len(self.tokens))
        if kind is type:
            return _CLASS_IDS.get(obj)
        return None


def dumps_facts(entry: Entry) -> bytes:
    """The facts of ``entry`` (:func:`~thaw.index.entry.listing_facts`) as a
    plain tuple pickled: they hold no token and no class but an identifier's, so
    they load without an unpickler of their own (:func:`loads_facts`), in a
    fraction of an entry's decoding."""
    ids = tuple((i.kind, i.number, i.country) for i in entry.identifiers)
    plain = (
        entry.source,
        entry.source_id,
        entry.schema,
        entry.birth_dates,
        entry.countries,
        entry.gender,
        ids,
        entry.birth_estimates,
        entry.form_countries,
    )
    return pickle.dumps(plain, protocol=5)


def loads_facts(blob: bytes) -> Entry:
    """The facts pickled in ``blob`` by :func:`dumps_facts`, as the
    :class:`~thaw.index.entry.Entry` :func:`~thaw.index.entry.listing_facts` gives."""
    (source, source_id, schema, birth_dates, countries, gender, ids, estimates, forms) = (
        pickle.loads(blob)
    )
    identifiers = tuple(new_id_number(kind, number, country) for kind, number, country in ids)
    return new_entry(
        source,
        source_id,
        schema,
        "",
        (),
        birth_dates,
        countries,
        gender,
        identifiers,
        (),
        None,
        estimates,
        forms,
    )


def decode_entry(blob: bytes, table: list[Any]) -> Entry:
    """The entry pickled in ``blob`` by :class:`EntryPickler`, its tokens and
    classes taken from ``table`` (:func:`decoding_table`)."""
    unpickler = pickle.Unpickler(io.BytesIO(blob))
    unpickler.persistent_load = table.__getitem__  # type: ignore[method-assign]
    return cast(Entry, unpickler.load())
