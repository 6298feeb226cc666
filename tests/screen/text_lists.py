"""A small fixture list for text-screening tests: real and invented listings plus decoys."""

from __future__ import annotations

from thaw.index import entry_from_record
from thaw.model import Identifier, Name, Record
from thaw.screen import Screener
from thaw.screen.text import TextResult, TextScreener


def text_screener(records: list[Record]) -> TextScreener:
    """A text screener over ``records`` alone."""
    return TextScreener(Screener.from_entries(entry_from_record(r) for r in records))


def listing(source: str, sid: str, schema: str, *names: str) -> Record:
    """A listing of ``schema`` under its names (the first primary, the others aliases)."""
    return Record(
        source,
        sid,
        schema,
        names=[Name(n, "primary" if i == 0 else "alias") for i, n in enumerate(names)],
        programs=["TEST"],
    )


def found_mentions(result: TextResult) -> dict[str, list[str]]:
    """``{listing key: [mention text, ...]}``, checking every mention's offsets."""
    out: dict[str, list[str]] = {}
    for party in result.parties:
        for m in party.mentions:
            assert result.text[m.start : m.end] == m.text
        for item in party.hit.listings:
            out[f"{item.source}:{item.source_id}"] = [m.text for m in party.mentions]
    return out


def _person(
    source: str,
    sid: str,
    primary: str,
    *aliases: str,
    dob: str | None = None,
    country: str | None = None,
    programs: tuple[str, ...] = ("TEST",),
) -> Record:
    names = [Name(primary, "primary")] + [
        Name(a, "original" if not a.isascii() else "alias") for a in aliases
    ]
    return Record(
        source,
        sid,
        "Person",
        names=names,
        birth_dates=[dob] if dob else [],
        nationalities=[country] if country else [],
        programs=list(programs),
    )


def _org(
    source: str,
    sid: str,
    primary: str,
    *aliases: str,
    schema: str = "Organization",
    programs: tuple[str, ...] = ("TEST",),
    ids: tuple[Identifier, ...] = (),
) -> Record:
    names = [Name(primary, "primary")] + [
        Name(a, "original" if not a.isascii() else "alias") for a in aliases
    ]
    return Record(source, sid, schema, names=names, programs=list(programs), identifiers=list(ids))


def fixture_records() -> list[Record]:
    """Records grouped by source; every source gets its own publication."""
    return [
        _person(
            "us_ofac_sdn",
            "34336",
            "DMITRIEV, Kirill Aleksandrovich",
            "Кирилл Александрович Дмитриев",
            dob="1975-04-12",
            country="ru",
            programs=("RUSSIA-EO14024",),
        ),
        _person(
            "us_ofac_sdn",
            "35096",
            "PUTIN, Vladimir Vladimirovich",
            "Владимир Владимирович Путин",
            dob="1952-10-07",
            country="ru",
            programs=("RUSSIA-EO14024",),
        ),
        _org(
            "us_ofac_sdn",
            "34340",
            "RUSSIAN DIRECT INVESTMENT FUND",
            "RDIF",
            "Российский фонд прямых инвестиций",
            programs=("RUSSIA-EO14024",),
        ),
        _org(
            "us_ofac_sdn",
            "21222",
            "ROSNEFT OIL COMPANY",
            "OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY",
            "ПАО НК Роснефть",
            programs=("UKRAINE-EO13662",),
        ),
        _org("us_ofac_sdn", "9880", "BANK MELLI IRAN", "بانک ملی ایران", programs=("IRAN",)),
        _org(
            "us_ofac_sdn",
            "50001",
            "OCEAN GLORY TRADER",
            schema="Vessel",
            programs=("IRAN",),
            ids=(Identifier("imo", "9123456"),),
        ),
        _person("us_ofac_sdn", "50002", "PETROV, Ivan Sergeyevich", dob="1970-01-01", country="ru"),
        _org("us_ofac_sdn", "50003", "WHITE HOUSE TRADING COMPANY LIMITED"),
        _org("us_ofac_sdn", "50004", "BLACK SEA SHIPPING LTD"),
        _person("us_ofac_sdn", "50005", "SMITH, Peter Robert", dob="1955-03-03", country="gb"),
        _person(
            "un_sc",
            "XXi.001",
            "ABDEL FATTAH EL-SISI",
            "عبد الفتاح السيسي",
            dob="1954-11-19",
            country="eg",
        ),
        _person("un_sc", "XXi.002", "AHMAD HASSAN KARIMI", dob="1961", country="ir"),
        _org("uk_ofsi", "90001", "SEVERNY POTOK TRADE LLC", "ООО Северный Поток Трейд"),
        _person("uk_ofsi", "90002", "IVANOVA, Olga Petrovna", dob="1980-02-02", country="ru"),
    ]
