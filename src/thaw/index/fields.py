"""Entries, identifiers and analysed names made from their fields, compiled: how a
worker decodes them.

:class:`~thaw.index.entry.Entry`, :class:`~thaw.index.entry.IdNumber` and
:class:`~thaw.text.AnalyzedName` are frozen dataclasses, whose generated
``__init__`` is Python that sets each field through ``object.__setattr__``: about
twenty thousand instructions for an entry's fourteen fields, more than unpickling
its facts costs, and about ten thousand for each of its names. A batch worker
makes one for every listing it meets (:meth:`thaw.index.CandidateIndex.facts`,
then the entries it scores, with their names). The functions here do what that
``__init__`` does, field by field, but are compiled with the hot path
(:mod:`thaw._native`), where each ``object.__setattr__`` is one C call: the same
object, built in a fraction of the time. They take every field in declaration
order, as :mod:`thaw.index.codec` pickles them; a test checks that they set
exactly the dataclass's fields. An analysed name is made as analysis makes one
(:func:`thaw.text.analyze.new_analyzed_name`, compiled too).
"""

from __future__ import annotations

from thaw.index.entry import Entry, IdNumber
from thaw.text import AnalyzedName
from thaw.text.analyze import new_analyzed_name

__all__ = ["new_analyzed_name", "new_entry", "new_id_number"]


def new_entry(
    source: str,
    source_id: str,
    schema: str,
    caption: str,
    names: tuple[tuple[AnalyzedName, str], ...],
    birth_dates: tuple[str, ...],
    countries: tuple[str, ...],
    gender: str | None,
    identifiers: tuple[IdNumber, ...],
    programs: tuple[str, ...],
    listed_on: str | None,
    birth_estimates: tuple[str, ...] = (),
    form_countries: tuple[str, ...] | None = None,
    birth_countries: tuple[str, ...] = (),
) -> Entry:
    """``Entry(source, source_id, …)``: the same entry."""
    entry: Entry = Entry.__new__(Entry)
    setattr_ = object.__setattr__
    setattr_(entry, "source", source)
    setattr_(entry, "source_id", source_id)
    setattr_(entry, "schema", schema)
    setattr_(entry, "caption", caption)
    setattr_(entry, "names", names)
    setattr_(entry, "birth_dates", birth_dates)
    setattr_(entry, "countries", countries)
    setattr_(entry, "gender", gender)
    setattr_(entry, "identifiers", identifiers)
    setattr_(entry, "programs", programs)
    setattr_(entry, "listed_on", listed_on)
    setattr_(entry, "birth_estimates", birth_estimates)
    setattr_(entry, "form_countries", form_countries)
    setattr_(entry, "birth_countries", birth_countries)
    if form_countries is None:
        # (what ``__post_init__`` does, and all it does: a stored entry has its
        # countries of legal forms already, so the usual entry skips the call)
        entry.__post_init__()
    return entry


def new_id_number(kind: str, number: str, country: str | None = None) -> IdNumber:
    """``IdNumber(kind, number, country)``: the same identifier."""
    found: IdNumber = IdNumber.__new__(IdNumber)
    setattr_ = object.__setattr__
    setattr_(found, "kind", kind)
    setattr_(found, "number", number)
    setattr_(found, "country", country)
    return found
