"""Fixture stores for the profile tests, built from :class:`Record` objects."""

from __future__ import annotations

from collections.abc import Sequence

from tests.conftest import publish
from thaw.model import Identifier, Link, Name, Record
from thaw.profiles import Features, features_of
from thaw.store import Store


def add(store: Store, source: str, records: list[Record], published: str = "2024-01-01") -> None:
    """Store ``records`` as a new active publication of ``source``."""
    publish(store, source, records, published)


def person(
    source: str,
    source_id: str,
    name: str,
    *,
    dob: list[str] | None = None,
    nationality: list[str] | None = None,
    aliases: list[str] | None = None,
    ids: list[Identifier] | None = None,
    links: list[Link] | None = None,
    programs: list[str] | None = None,
    listed_on: str | None = None,
) -> Record:
    """A Person record."""
    names = [Name(name, "primary")] + [Name(a, "alias") for a in aliases or []]
    return Record(
        source,
        source_id,
        "Person",
        names=names,
        birth_dates=dob or [],
        nationalities=nationality or [],
        identifiers=ids or [],
        links=links or [],
        programs=programs or ["TEST"],
        listed_on=listed_on,
    )


def org(
    source: str,
    source_id: str,
    name: str,
    *,
    countries: list[str] | None = None,
    ids: list[Identifier] | None = None,
    links: list[Link] | None = None,
    schema: str = "Organization",
    programs: list[str] | None = None,
) -> Record:
    """An organisation record."""
    return Record(
        source,
        source_id,
        schema,
        names=[Name(name, "primary")],
        countries=countries or [],
        identifiers=ids or [],
        links=links or [],
        programs=programs or ["TEST"],
    )


def un_ref(ref: str) -> Link:
    """A UN reference link as quoted by UK/EU/CA/AU listings."""
    return Link("un_reference", "un_sc", ref)


def listed(
    source: str,
    source_id: str,
    schema: str,
    *names: str,
    programs: Sequence[str] = ("TEST",),
    countries: Sequence[str] = (),
    dob: Sequence[str] = (),
    nationality: Sequence[str] = (),
) -> Features:
    """The linker's view of a listing of ``schema`` under ``names`` (the
    first its primary name), without a store."""
    record = Record(
        source,
        source_id,
        schema,
        names=[Name(n, "primary" if i == 0 else "alias") for i, n in enumerate(names)],
        countries=list(countries),
        birth_dates=list(dob),
        nationalities=list(nationality),
        programs=list(programs),
    )
    return features_of(record)
