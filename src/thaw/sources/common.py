"""Value cleaning shared by the readers: countries, dates, genders, identifiers.

These helpers turn what authorities print ("Russian Federation", "12 Apr 1975",
"circa 1958", "M") into the model's conventions (ISO-2 country codes, ISO partial
dates, ``male``/``female``). They never raise on odd input: an unparseable value
returns ``None`` (or an empty list) and the reader keeps the raw text in ``remarks`` or
``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache

from rigour.territories import get_territories
from rigour.territories.territory import Territory

from thaw.model import Record
from thaw.sources import territories

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}

_EXTRA_COUNTRIES = {
    "ussr": "su",
    "soviet union": "su",
    "kosovo": "xk",
    "crimea": "ua",
    "crimea region of ukraine": "ua",
    "palestinian": "ps",
    "gaza": "ps",
    "netherlands antilles": "an",
    "yugoslavia": "yu",
    "serbia and montenegro": "cs",
    "czechoslovakia": "cs",
    "region: gaza": "ps",
}


_NULLS = frozenset(("", "-0-", "-0", "N/A", "n/a", "NULL", "null", "None"))
"""Values that stand for "nothing published" (OFAC writes ``-0-``)."""


def clean(value: object) -> str | None:
    """Collapse whitespace; return ``None`` for empty values and OFAC's ``-0-``."""
    if value is None:
        return None
    text = " ".join((value if type(value) is str else str(value)).split())
    return None if text in _NULLS else text


def country_code(value: str | None) -> str | None:
    """ISO 3166-1 alpha-2 (lower case) for a country name or code, else ``None``.

    Sub-national territories resolve to their country ("Kyiv, Ukraine" → ``ua``),
    and a few historical names the lists still use are known (USSR → ``su``).

    Results are memoised per process. A territory's own name or full name
    ("Russian Federation") is found in a small table; other spellings in the
    table of every territory name that thaw ships (:mod:`thaw.sources.territories`;
    rigour's own lookup would first build it, seconds of CPU per process).
    """
    if value is None:
        return None
    if type(value) is not str:  # e.g. an lxml string: do not pin its document in the cache
        return _country_code(value)
    return _country_code_cached(value)


def _country_code(value: object) -> str | None:
    text = clean(value)
    if text is None:
        return None
    key = text.lower().strip(" .")
    if key in _EXTRA_COUNTRIES:
        return _EXTRA_COUNTRIES[key]
    for spelling in _spellings(key):
        code = _territory_code(spelling)
        if code is not None:
            return code or None
    return None


def _spellings(key: str) -> Iterator[str]:
    """The readings of a lower-cased country value to look up, in order: the value,
    the part after its last comma ("Kyiv, Ukraine"), then for "X (Y)" the
    qualifier first ("Congo (Democratic Republic)", "Sudan (South)": it names
    another country than the word before it), and X alone last."""
    yield key
    if "," in key:
        yield key.rsplit(",", 1)[-1].strip()
    if "(" in key:
        head, _, rest = key.partition("(")
        head, qualifier = head.strip(), rest.split(")", 1)[0].strip()
        yield f"{qualifier} {head}"
        yield f"{qualifier} of the {head}"
        yield f"{qualifier} of {head}"
        yield f"{head}, {qualifier}"
        yield head


def _territory_code(name: str) -> str | None:
    """The ISO-2 code of the territory called ``name`` ("" for a known territory
    with none), ``None`` when no territory is called so: rigour's strong names
    from a small table first, every name after."""
    code = _territory_names().get(name)
    if code is not None:
        return code
    territory = territories.lookup(name)
    return None if territory is None else _iso2(territory)


def _iso2(territory: Territory) -> str:
    """The country code of a territory (of its country for a subdivision), or ""."""
    code = str(territory.code).split("-", 1)[0]
    return code if len(code) == 2 else ""


_country_code_cached = lru_cache(maxsize=8192)(_country_code)


@lru_cache(maxsize=1)
def _territory_names() -> dict[str, str]:
    """Country code by lower-cased territory name, full name and other strong
    names ("Ivory Coast", "Turkey"): rigour's own names, which its lookup
    resolves to the same territory."""
    named: list[tuple[Territory, list[str]]]
    try:  # the strong names, as rigour's lookup reads them
        from rigour.territories.lookup import _load_territory_names

        named = [(territory, strong) for territory, strong, _, _ in _load_territory_names()]
    except Exception:  # pragma: no cover - rigour internals moved: names only
        named = [(t, [t.name, t.full_name]) for t in get_territories()]
    out: dict[str, str] = {}
    for territory, names in named:
        code = _iso2(territory)
        if not code:
            continue
        for name in names:
            if name:
                out.setdefault(" ".join(name.lower().split()), code)
    return out


def country_codes(value: str | None) -> list[str]:
    """All countries in a value that may list several ("Russia; Ukraine")."""
    out: list[str] = []
    text = clean(value)
    if text is None:
        return out
    whole = country_code(text)
    if whole:
        return [whole]
    for part in re.split(r"[;/]|\band\b", text):
        code = country_code(part)
        if code and code not in out:
            out.append(code)
    return out


_DMY = re.compile(r"^(\d{1,2})[ ./-]([A-Za-z]{3,9})[ ./-](\d{4})$")
_MY = re.compile(r"^([A-Za-z]{3,9})[ ./-](\d{4})$")
_NUM_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*)?$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*(?:-|to)\s*(\d{4})$")


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1800 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return f"{year:04d}"
    if day is None or day == 0:
        return f"{year:04d}-{month:02d}"
    try:
        date(year, month, day)
    except ValueError:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


_ESTIMATE_WORDS = r"(?:circa|approximately|approx\.?|about|around|ca\.?|c\.)"
"""The words before a date that say it is an estimate ("circa 1975", "c. 1960")."""
_APPROXIMATE = re.compile(rf"^{_ESTIMATE_WORDS}\s*", re.I)

APPROXIMATE_YEARS = 1
"""How many years either side of a birth year published as an estimate ("circa
1975", "approximately 1958", "c. 1960", the UN's ``APPROXIMATELY``, the EU's
``circa="true"``) the year stands for: circa 1975 is 1974 to 1976. Readers keep
the year as published and name it in :attr:`thaw.model.Record.birth_estimates`
(:func:`add_estimates`); the matcher reads it as those years, so that a customer
born 1974 agrees with a listing born circa 1975 as one born 1975 agrees with a
listing born 1975."""

_ESTIMATED_YEAR = re.compile(
    rf"(?<![\w.]){_ESTIMATE_WORDS}\s*(\d{{4}})\b"
    r"(?!\s*(?:-|–|to)\s*\d{4})",
    re.I,
)


def estimated_years(value: str | None) -> list[str]:
    """The years a published date value gives as estimates, as published:
    ``"circa 1975"`` → ``["1975"]``, ``"12 Apr 1975; c. 1980"`` → ``["1980"]``.
    An estimated range (``"circa 1979-1982"``) is not one: its years are the
    estimate already."""
    if not value:
        return []
    return list(dict.fromkeys(m[1] for m in _ESTIMATED_YEAR.finditer(value)))


def add_estimates(record: Record, years: Iterable[str]) -> None:
    """Name ``years`` (published as estimates) in the record's
    :attr:`~thaw.model.Record.birth_estimates`, once each, where the record holds
    them as birth years. A date with a month or a day is not named: an authority
    that knows the month does not estimate the year."""
    for year in years:
        if len(year) != 4 or not year.isdigit():
            continue
        if year in record.birth_dates and year not in record.birth_estimates:
            record.birth_estimates.append(year)


_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y/%m/%d")
_DATES_SPLIT = re.compile(r";|\bor\b|,(?=\s*\d{1,2}\s+[A-Za-z]{3}\s+\d{4})")


def parse_date(value: str | None, dayfirst: bool = True) -> str | None:
    """One date at the precision given: ``"12 Apr 1975"`` → ``"1975-04-12"``,
    ``"Apr 1975"`` → ``"1975-04"``, ``"1975"`` → ``"1975"``, ``"12/04/1975"`` →
    ``"1975-04-12"`` (day first unless ``dayfirst=False``). Zeros stand for unknown
    parts (``"00/00/1975"`` → ``"1975"``).

    Results are memoised: lists repeat the same dates thousands of times."""
    if value is None:
        return None
    if type(value) is not str:
        return _parse_date(value, dayfirst)
    return _parse_date_cached(value, dayfirst)


def _parse_date(value: object, dayfirst: bool) -> str | None:
    text = clean(value)
    if text is None:
        return None
    text = _APPROXIMATE.sub("", text).strip(" .")
    if m := _ISO.match(text):
        return _iso(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    if m := _DMY.match(text):
        month = _MONTHS.get(m[2].lower())
        return _iso(int(m[3]), month, int(m[1])) if month else None
    if m := _MY.match(text):
        month = _MONTHS.get(m[1].lower())
        return _iso(int(m[2]), month) if month else None
    if m := _NUM_DMY.match(text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        day, month = (a, b) if dayfirst else (b, a)
        if year and not month:
            return _iso(year)
        return _iso(year, month or None, day or None)
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.date().isoformat()
    return None


_parse_date_cached = lru_cache(maxsize=1 << 16)(_parse_date)


def parse_dates(value: str | None, dayfirst: bool = True) -> list[str]:
    """Every date in a value that may hold several or a range: ``"1958 to 1960"``
    → ``["1958", "1959", "1960"]``, also after an estimate's word (``"circa
    1979-1982"``); ``"12 Apr 1975; 13 Apr 1975"`` → both; ``"circa 1975"`` → the
    year published (which of them are estimates: :func:`estimated_years`)."""
    if value is None:
        return []
    if type(value) is not str:
        return list(_parse_dates(value, dayfirst))
    return list(_parse_dates_cached(value, dayfirst))


def _parse_dates(value: object, dayfirst: bool) -> tuple[str, ...]:
    text = clean(value)
    if text is None:
        return ()
    estimated = _APPROXIMATE.match(text)
    if m := _YEAR_RANGE.match(text[estimated.end() :] if estimated else text):
        # a range is already the estimate: "circa 1979-1982" is those years
        start, end = int(m[1]), int(m[2])
        if 0 <= end - start <= 10:
            return tuple(str(y) for y in range(start, end + 1))
    out: list[str] = []
    for part in _DATES_SPLIT.split(text):
        parsed = parse_date(part, dayfirst=dayfirst)
        if parsed and parsed not in out:
            out.append(parsed)
    return tuple(out)


_parse_dates_cached = lru_cache(maxsize=1 << 14)(_parse_dates)


def parse_gender(value: str | None) -> str | None:
    """``male`` / ``female`` from "M", "Male", "Masculin", … else ``None``."""
    text = clean(value)
    if text is None:
        return None
    key = text.lower()
    if key in ("m", "male", "man", "masculin", "masculine", "männlich"):
        return "male"
    if key in ("f", "female", "woman", "féminin", "feminine", "weiblich"):
        return "female"
    return None


_ID_KINDS: tuple[tuple[str, str], ...] = (
    ("passport", "passport"),
    ("national id", "national_id"),
    ("national identification", "national_id"),
    ("identification number", "national_id"),
    ("cedula", "national_id"),
    ("tax id", "tax_id"),
    ("inn", "tax_id"),
    ("tin", "tax_id"),
    ("vat", "tax_id"),
    ("ogrn", "registration"),
    ("registration", "registration"),
    ("company number", "registration"),
    ("business number", "registration"),
    ("imo", "imo"),
    ("mmsi", "mmsi"),
    ("call sign", "call_sign"),
    ("lei", "lei"),
    ("swift", "swift"),
    ("bic", "swift"),
    ("digital currency", "crypto"),
    ("serial", "aircraft_serial"),
    ("tail number", "aircraft_tail"),
    ("ssn", "ssn"),
    ("social security", "ssn"),
    ("driver", "driving_license"),
)


_ID_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b{re.escape(needle)}"), kind) for needle, kind in _ID_KINDS
)


def identifier_kind(label: str | None) -> str:
    """Map an authority's identifier label to the model's ``kind`` key."""
    if type(label) is str:
        return _identifier_kind_cached(label)
    return _identifier_kind(label)


def _identifier_kind(label: object) -> str:
    text = (clean(label) or "").lower()
    for pattern, kind in _ID_PATTERNS:
        if pattern.search(text):
            return kind
    return "other"


_identifier_kind_cached = lru_cache(maxsize=4096)(_identifier_kind)
