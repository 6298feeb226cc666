"""A plain ownership CSV, for a firm's own KYC data.

Header (case-insensitive, in any order; the first four are required)::

    owner_id, owner_name, asset_id, asset_name, percentage, kind, start, end, source

Optional extra columns: ``owner_country``, ``asset_country`` (ISO-2 or a country
name), ``owner_schema`` (``Person`` or ``Organization``; default ``LegalEntity``),
``owner_lei``, ``asset_lei``, ``owner_inn``, ``asset_inn``, ``owner_ogrn``,
``asset_ogrn``, ``owner_registration``, ``asset_registration``.

* ``percentage``: ``0``–``100`` (``51``, ``51.5``, ``51,5 %``); empty means a stake
  *of unknown size*, never 0 %;
* ``kind``: ``ownership`` (default), ``voting``, ``control`` (a majority of the
  board, a right to appoint or remove directors), ``director``, ``family``,
  ``influence``, ``branch``, ``consolidation``;
* ``start``/``end``: ISO dates; an ``end`` before the day of the analysis means
  the link has ended;
* ``source``: where the fact came from (a register, a KYC questionnaire), shown in
  every explanation.

Anything else (a missing required value, a percentage that is no number or above
100, an unknown kind, a date that is not a date, an owner owning itself) refuses
the file with the line and the reason: a firm's own data is better fixed than
guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from thaw.sources.common import clean, country_code, parse_date
from thaw.sources.ownership import (
    KINDS,
    OwnershipLink,
    OwnershipPublication,
    OwnershipReader,
    PartyRef,
    SourceError,
    csv_rows,
    first_line,
    parse_share,
)

COLUMNS = (
    "owner_id",
    "owner_name",
    "asset_id",
    "asset_name",
    "percentage",
    "kind",
    "start",
    "end",
    "source",
)
REQUIRED = COLUMNS[:4]
ID_COLUMNS = {
    "lei": "lei",
    "inn": "inn",
    "ogrn": "ogrn",
    "registration": "registration",
}


def _party(row: dict[str, str], side: str, path: Path, where: str) -> PartyRef:
    key = clean(row.get(f"{side}_id"))
    name = clean(row.get(f"{side}_name"))
    if not key:
        raise SourceError(path, f"{side}_id is empty", where)
    raw_country = clean(row.get(f"{side}_country"))
    country = country_code(raw_country) if raw_country else None
    if raw_country and country is None:
        raise SourceError(path, f"{side}_country {raw_country!r} is not a country", where)
    schema = clean(row.get(f"{side}_schema")) or "LegalEntity"
    if schema not in ("Person", "Organization", "Company", "LegalEntity"):
        raise SourceError(path, f"{side}_schema {schema!r}: use Person or Organization", where)
    ids = tuple(
        (kind, value)
        for column, kind in ID_COLUMNS.items()
        if (value := clean(row.get(f"{side}_{column}")))
    )
    schema = "Organization" if schema == "Company" else schema
    return PartyRef(f"kyc:{key}", name or key, schema, country, ids)


def _date(row: dict[str, str], column: str, path: Path, where: str) -> str | None:
    raw = clean(row.get(column))
    if not raw:
        return None
    value = parse_date(raw, dayfirst=False)
    if value is None:
        raise SourceError(path, f"{column} {raw!r} is not a date (use YYYY-MM-DD)", where)
    return value


class OwnershipCsvReader(OwnershipReader):
    """The plain ownership CSV (see the module docs)."""

    source: ClassVar[str] = "ownership_csv"
    format: ClassVar[str] = "ownership_csv"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        """A CSV header naming ``owner_id`` and ``asset_id``."""
        first = first_line(head).lower()
        return b"owner_id" in first and b"asset_id" in first

    def read(self, path: Path) -> OwnershipPublication:
        pub = self.publication()
        pub.links = self._links(path)
        return pub

    def _links(self, path: Path) -> Iterator[OwnershipLink]:
        for line, row in csv_rows(path, REQUIRED, lower=True):
            where = f"line {line}"
            owner = _party(row, "owner", path, where)
            asset = _party(row, "asset", path, where)
            if owner.key == asset.key:
                raise SourceError(path, f"{owner.key[4:]!r} cannot own itself", where)
            kind = (clean(row.get("kind")) or "ownership").lower()
            if kind not in KINDS:
                raise SourceError(
                    path, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}", where
                )
            share = parse_share(row.get("percentage"), path, where)
            start = _date(row, "start", path, where)
            end = _date(row, "end", path, where)
            if start and end and end < start:
                raise SourceError(path, f"end {end} is before start {start}", where)
            yield OwnershipLink(
                link_id=f"line {line}",
                owner=owner,
                asset=asset,
                kind=kind,
                share_min=share,
                share_max=share,
                share_text=f"{share:g} %" if share is not None else None,
                start=start,
                end=end,
                origin=clean(row.get("source")),
            )
