"""Value cleaning shared by the readers: countries, dates, genders, identifiers.

These helpers turn what authorities print ("Russian Federation", "12 Apr 1975",
"circa 1958", "M") into the model's conventions (ISO-2 country codes, ISO partial
dates, ``male``/``female``). They never raise on odd input: an unparseable value
returns ``None`` (or an empty list) and the reader keeps the raw text in ``remarks`` or
``extra``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from rigour.territories import lookup_territory

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


def clean(value: object) -> str | None:
    """Collapse whitespace; return ``None`` for empty values and OFAC's ``-0-``."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text or text in ("-0-", "-0", "N/A", "n/a", "NULL", "null", "None"):
        return None
    return text


@lru_cache(maxsize=8192)
def country_code(value: str | None) -> str | None:
    """ISO 3166-1 alpha-2 (lower case) for a country name or code, else ``None``.

    Sub-national territories resolve to their country ("Kyiv, Ukraine" → ``ua``),
    and a few historical names the lists still use are known (USSR → ``su``).
    """
    text = clean(value)
    if text is None:
        return None
    key = text.lower().strip(" .")
    if key in _EXTRA_COUNTRIES:
        return _EXTRA_COUNTRIES[key]
    territory = lookup_territory(key)
    if territory is None and "," in key:
        territory = lookup_territory(key.rsplit(",", 1)[-1].strip())
    if territory is None and "(" in key:
        territory = lookup_territory(key.split("(", 1)[0].strip())
    if territory is None:
        return None
    code = str(territory.code).split("-", 1)[0]
    return code if len(code) == 2 else None


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


def parse_date(value: str | None, dayfirst: bool = True) -> str | None:
    """One date at the precision given: ``"12 Apr 1975"`` → ``"1975-04-12"``,
    ``"Apr 1975"`` → ``"1975-04"``, ``"1975"`` → ``"1975"``, ``"12/04/1975"`` →
    ``"1975-04-12"`` (day first unless ``dayfirst=False``). Zeros stand for unknown
    parts (``"00/00/1975"`` → ``"1975"``)."""
    text = clean(value)
    if text is None:
        return None
    text = re.sub(r"^(circa|approximately|approx\.?|about|ca\.?|c\.)\s*", "", text, flags=re.I)
    text = text.strip(" .")
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
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y/%m/%d"):
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.date().isoformat()
    return None


def parse_dates(value: str | None, dayfirst: bool = True) -> list[str]:
    """Every date in a value that may hold several or a range: ``"1958 to 1960"``
    → ``["1958", "1959", "1960"]``; ``"12 Apr 1975; 13 Apr 1975"`` → both."""
    text = clean(value)
    if text is None:
        return []
    if m := _YEAR_RANGE.match(text):
        start, end = int(m[1]), int(m[2])
        if 0 <= end - start <= 10:
            return [str(y) for y in range(start, end + 1)]
    out: list[str] = []
    for part in re.split(r";|\bor\b|,(?=\s*\d{1,2}\s+[A-Za-z]{3}\s+\d{4})", text):
        parsed = parse_date(part, dayfirst=dayfirst)
        if parsed and parsed not in out:
            out.append(parsed)
    return out


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


def identifier_kind(label: str | None) -> str:
    """Map an authority's identifier label to the model's ``kind`` key."""
    text = (clean(label) or "").lower()
    for needle, kind in _ID_KINDS:
        if re.search(rf"\b{re.escape(needle)}", text):
            return kind
    return "other"
