"""Readers for ownership and control data: who owns or controls which company.

Sanctions lists name parties; most exposure, though, is a company *owned* by listed
parties. This package reads the formats that carry ownership, one module each:

* :mod:`~thaw.sources.ownership.ftm`: FollowTheMoney ``Ownership``, ``Directorship``
  and ``Family`` entities (OpenSanctions exports, ``zala.ftm.json``);
* :mod:`~thaw.sources.ownership.gleif`: GLEIF Level 2 relationship records (the
  official RR-CDF golden-copy CSV, "who owns whom" between LEIs);
* :mod:`~thaw.sources.ownership.psc`: the UK Companies House "persons with
  significant control" snapshot (JSON lines);
* :mod:`~thaw.sources.ownership.table`: a plain CSV for a firm's own KYC data
  (``owner_id, owner_name, asset_id, asset_name, percentage, kind, start, end,
  source``).

Every reader yields :class:`OwnershipLink` objects: an ``owner`` and an ``asset``
(:class:`PartyRef`, each with a key, name, schema, country and identifiers), a
``kind`` (see :data:`KINDS`), the size of the stake as a range (``share_min`` …
``share_max`` in per cent, ``None`` when unknown: *never* 0 % or 100 %), dates and
where the fact came from. The readers share the guarantees of the list readers: a
malformed line raises :class:`~thaw.sources.SourceError` naming file, line and
reason, so that nothing is activated from a half-read publication.

These readers are not :class:`~thaw.sources.Reader` subclasses on purpose:
``thaw load`` must never mistake a shareholder register for a sanctions list.
:func:`detect` picks the ownership reader for a file.
"""

from __future__ import annotations

import abc
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from thaw.sources.base import SourceError, inner_name, read_head

__all__ = [
    "KINDS",
    "OwnershipPublication",
    "OwnershipReader",
    "OwnershipLink",
    "PartyRef",
    "SourceError",
    "detect",
    "ownership_readers",
    "parse_share",
]

KINDS: dict[str, str] = {
    "ownership": "holds shares or other proprietary rights (the percentage is of the capital)",
    "voting": "holds voting rights (the percentage is of the votes)",
    "control": "controls otherwise: majority of the board, right to appoint or remove "
    "directors, significant influence, consolidation, fund management",
    "director": "is a director or other officer (a directorship)",
    "family": "is a family member (context only: never ownership or control)",
    "branch": "is the head office of a branch (the branch is the same legal person)",
    "consolidation": "consolidates the asset in its accounts (control; the stake is of "
    "unknown size unless given)",
    "influence": "has significant influence (a PSC nature): shown, not by itself control",
}
"""Link kinds and what the owner→asset link says."""

SCHEMATA = ("Person", "Organization", "LegalEntity")

_SOURCE_NAME = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@dataclass(frozen=True, slots=True)
class PartyRef:
    """One party of an ownership link as the data names it.

    ``key`` identifies the party within the data (an LEI ``lei:…``, a Companies
    House number ``gb-coh:…``, an FtM entity id ``ftm:…``, a KYC id ``kyc:…``);
    ``identifiers`` are ``(kind, number)`` pairs with thaw's identifier kinds
    (``lei``, ``registration``, ``tax_id`` …) and labels folded into the kind where
    useful (``inn``, ``ogrn``), used to resolve the party to listings.
    """

    key: str
    name: str | None = None
    schema: str = "LegalEntity"
    country: str | None = None
    identifiers: tuple[tuple[str, str], ...] = ()
    aliases: tuple[str, ...] = ()
    """Other names of the party (FtM ``alias``, other ``name`` values), used to find
    and resolve it."""


@dataclass(frozen=True, slots=True)
class OwnershipLink:
    """``owner`` owns or controls ``asset`` (see :data:`KINDS` for ``kind``).

    ``share_min``/``share_max`` bound the stake in per cent; both ``None`` means a
    stake *of unknown size*. ``min_exclusive`` marks a lower bound that is not
    reached (a PSC band "more than 25 %"). ``share_text`` says it as the data does
    ("more than 50 % but less than 75 % of shares"). ``start``/``end`` are ISO dates
    (``end`` in the past: the link has ended); ``ended`` marks a link the data calls
    inactive without a date. ``origin`` names the dataset the fact came from
    (``ext_ru_egrul``, a KYC file's ``source`` column), ``role`` the published role.
    """

    link_id: str
    owner: PartyRef
    asset: PartyRef
    kind: str = "ownership"
    share_min: float | None = None
    share_max: float | None = None
    min_exclusive: bool = False
    share_text: str | None = None
    start: str | None = None
    end: str | None = None
    ended: bool = False
    origin: str | None = None
    role: str | None = None

    @property
    def known(self) -> bool:
        """Whether the size of the stake is known (at least as a range)."""
        return self.share_min is not None


@dataclass(slots=True)
class OwnershipPublication:
    """An ownership publication being read: its links stream lazily from ``links``;
    ``published`` is the date the data carries (``None``: use ``--date`` or the
    folder name); ``notes`` say what was skipped and why."""

    source: str
    format: str
    links: Iterator[OwnershipLink]
    published: str | None = None
    notes: list[str] = field(default_factory=list)
    declared_count: int | None = None


class OwnershipReader(abc.ABC):
    """Base class of the ownership readers; subclasses register themselves."""

    source: ClassVar[str]
    """The default source name of publications read (``gleif_rr``, ``gb_coh_psc`` …)."""
    format: ClassVar[str]
    registry: ClassVar[list[type[OwnershipReader]]] = []

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        OwnershipReader.registry.append(cls)

    @classmethod
    @abc.abstractmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        """Whether a file called ``name`` starting with ``head`` is of this format."""

    @abc.abstractmethod
    def read(self, path: Path) -> OwnershipPublication:
        """Start reading ``path`` (links stream; errors raise :class:`SourceError`)."""

    def publication(self) -> OwnershipPublication:
        """A publication of this reader's source and format, its links yet to be set."""
        return OwnershipPublication(self.source, self.format, iter(()))


def first_line(head: bytes) -> bytes:
    """The first line of a file's ``head``, after a byte-order mark and any leading
    white space (what the readers' ``sniff`` look at)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]


def ownership_readers() -> list[type[OwnershipReader]]:
    """Every ownership reader (importing the reader modules once)."""
    from thaw.sources.ownership import ftm, gleif, psc, table  # noqa: F401

    return list(OwnershipReader.registry)


def detect(path: Path, format: str | None = None) -> type[OwnershipReader]:
    """The ownership reader for ``path`` (or the one whose ``format`` is given).

    Raises :class:`SourceError` for an empty, unreadable or unrecognised file.
    """
    readers = ownership_readers()
    if format is not None:
        chosen = [r for r in readers if format in (r.format, r.source)]
        if not chosen:
            known = ", ".join(r.format for r in readers)
            raise SourceError(path, f"unknown ownership format {format!r}; known: {known}")
        return chosen[0]
    try:
        if path.stat().st_size == 0:
            raise SourceError(path, "file is empty")
    except OSError as exc:
        raise SourceError(path, f"cannot open: {exc.strerror or exc}") from exc
    head = read_head(path)
    name = inner_name(path)
    for reader in readers:
        if reader.sniff(name, head):
            return reader
    from thaw.sources import describe_content

    known = ", ".join(r.format for r in readers)
    raise SourceError(
        path,
        f"not a recognised ownership format ({known}): the content looks like "
        f"{describe_content(head)}",
    )


def check_source_name(name: str) -> str:
    """``name`` if it is a valid ownership source name (lower case, digits, ``_``)."""
    if not _SOURCE_NAME.match(name):
        raise ValueError(
            f"invalid ownership source name {name!r}: use 2-40 lower-case letters, digits "
            "or underscores, starting with a letter"
        )
    return name


_PCT = re.compile(r"^\s*(\d{1,3}(?:[.,]\d+)?)\s*%?\s*$")


def parse_share(value: str | None, path: Path | str, where: str) -> float | None:
    """A percentage from text (``"51"``, ``"51.5 %"``, ``"0,5"``); ``None`` for an empty
    value (a stake of unknown size). Raises :class:`SourceError` for anything else,
    or a value outside 0..100."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    m = _PCT.match(text)
    if not m:
        raise SourceError(path, f"percentage {value!r} is not a number", where)
    share = float(m[1].replace(",", "."))
    if share < 0 or share > 100:
        raise SourceError(path, f"percentage {value!r} is outside 0..100", where)
    return share


def csv_rows(
    path: Path, required: tuple[str, ...] = (), *, lower: bool = False
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line number, row)`` of a UTF-8 CSV with a header (plain, gzip or zip), each
    row a dict keyed by the header's names (in lower case with ``lower``). Raises
    :class:`SourceError` with the line for text that is not UTF-8, a damaged
    archive, a row with more cells than the header has names, or a row without a
    value for one of the ``required`` columns (``column X is missing``)."""
    import csv
    import io
    import zipfile
    import zlib

    from thaw.sources.base import open_binary

    raw = open_binary(path)
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    line = 1
    try:
        try:
            header = next(reader)
        except StopIteration:
            raise SourceError(path, "file is empty", "line 1") from None
        names = [h.strip().lower() if lower else h.strip() for h in header]
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(names):
                raise SourceError(
                    path, f"{len(cells)} cells but the header names {len(names)}", f"line {line}"
                )
            row = dict(zip(names, cells, strict=False))
            missing = [c for c in required if c not in row]
            if missing:
                raise SourceError(path, f"column {missing[0]} is missing", f"line {line}")
            yield line, row
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text: {exc.reason}", f"after line {line}") from exc
    except csv.Error as exc:
        raise SourceError(path, f"malformed CSV: {exc}", f"line {reader.line_num}") from exc
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise SourceError(
            path, f"cannot read (truncated or corrupt?): {exc}", f"line {line}"
        ) from exc
    finally:
        text.close()
