"""Dates of birth as customer files write them.

:func:`read_date` reads a value into an ISO partial date (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``). It accepts:

- ISO dates (``1976-10-05``, ``1976-10``, ``1976``), compact ``19761005``,
  ``1976/10/05`` and ``1976.10.05``;
- day, month and year in a row: ``05.10.1976`` (dots: always day first, as in
  Germany, Russia and most of Europe), ``05/10/1976`` and ``05-10-1976`` (day or
  month first: see below), with a two-digit year too (``05/10/76``: 1976, the
  century that puts the date in the past);
- month names in English, German, French, Spanish, Italian, Portuguese, Russian
  and Ukrainian, abbreviated or not (``5 Oct 1976``, ``October 5, 1976``,
  ``05-OCT-1976``, ``5. Oktober 1976``, ``5 октября 1976``);
- a time after the date (``1976-10-05T00:00:00``, ``10/5/1976 12:00:00 AM``);
- dates and datetimes (Excel date cells, Parquet date columns) and, as numbers,
  a year (``1976``), a compact date (``19761005``) or an Excel serial day
  number (``27673``: 1975-10-06) as an .xlsx cell without a date format holds it
  (five digits as text too, as such a cell is saved to CSV).

**Day or month first.** ``05/10/1976`` is 5 October in Europe and 10 May in the
United States. :class:`FileDates` reads one file's dates: an explicit order
(``thaw screen-file --date-order dmy|mdy|ymd``) wins, then a hint in the header
(``Date of Birth (MM/DD/YYYY)``), then the file's own rows: a value such as
``13/04/1975`` (no 13th month) decides for the whole file. When no row decides, or
rows decide both ways, only what is certain is kept, the year, and that is said
once, on the first row it applies to.

A value that cannot be read (``31/02/1980``, ``unknown``) is never a reason to
skip a row: the row is screened without it, with a warning naming the value.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

DATE_ORDERS = ("dmy", "mdy", "ymd")
"""The orders :class:`FileDates` can be told to read numeric dates in."""

MONTHS: dict[int, str] = {
    1: "january januar janvier enero gennaio janeiro января январь січня січень jänner",
    2: "february februar fevrier febrero febbraio fevereiro февраля февраль лютого лютий",
    3: "march marz maerz mars marzo marco марта март березня березень",
    4: "april avril abril aprile апреля апрель квітня квітень",
    5: "may mai mayo maggio maio мая май травня травень",
    6: "june juni juin junio giugno junho июня июнь червня червень",
    7: "july juli juillet julio luglio julho июля июль липня липень",
    8: "august aout agosto августа август серпня серпень",
    9: "september septembre septiembre settembre setembro sept сентября сентябрь вересня вересень",
    10: "october oktober octobre octubre ottobre outubro октября октябрь жовтня жовтень",
    11: "november novembre noviembre novembro ноября ноябрь листопада листопад",
    12: "december dezember decembre diciembre dicembre dezembro декабря декабрь грудня грудень",
}
"""Each month's names, space-separated; a value's month word may be any of them
or a prefix of at least three letters (``Oct``, ``Okt.``, ``févr``, ``сент``) that
names one month only."""

_TIME = re.compile(
    r"^(.*?\d)(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)$"
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[./](\d{1,2})(?:[./](\d{1,2}))?$")
_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$")
_TWO_FIRST = re.compile(r"^(\d{2})([./-])(\d{1,2})\2(\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[./-](\d{4})$")
_WORDS = re.compile(r"[^\w]+")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|er|e|º|°|o|a)?$")

_FILLERS = frozenset({"de", "del", "of", "the", "du", "di", "г", "года", "року", "р"})
"""Words between a date's parts (``23 de marzo de 1990``, ``5 октября 1976 г.``)."""

FIRST_YEAR = 1901
"""The first year read as a year of birth. Systems fill an unknown date of birth
with 1900-01-01, 1899-12-31 or 0001-01-01; no one living was born earlier, and
read as a date such a placeholder would count against the listing's own date."""

EXCEL_EPOCH = dt.date(1899, 12, 30)
_YEAR_AT_START = dt.date.today().year
"""This year when the module was loaded (a later year is looked up again)."""
"""Day 0 of Excel's serial day numbers (1900 date system, its leap-year bug included)."""


@dataclass(frozen=True, slots=True)
class DateReading:
    """What a value says: ``iso`` (``None``: nothing), or why it cannot be read."""

    iso: str | None
    error: str | None = None
    """Why the value cannot be read (``None``: it can, or it is empty)."""
    day_month: tuple[int, int, int] | None = None
    """``(first, second, year)`` of a value whose day and month may be either way
    round (``05/10/1976``); ``iso`` is then only the year."""


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _month_names() -> list[tuple[str, int]]:
    return [(_fold(name), month) for month, names in MONTHS.items() for name in names.split()]


@lru_cache(maxsize=1024)
def month_number(word: str) -> int | None:
    """The month a word names (a name or an unambiguous prefix of three letters
    or more, in any of :data:`MONTHS`' languages), else ``None``."""
    key = _fold(word).rstrip(".")
    if len(key) < 3 or not key.isalpha():
        return None
    found = {month for name, month in _month_names() if name.startswith(key)}
    return found.pop() if len(found) == 1 else None


def _iso(year: int, month: int | None = None, day: int | None = None) -> DateReading:
    """A checked reading (the calendar, and a year from :data:`FIRST_YEAR` to
    this one)."""
    if year < FIRST_YEAR:
        return DateReading(None, f"year {year}: a placeholder, not a date of birth")
    if year > _YEAR_AT_START and year > dt.date.today().year:
        return DateReading(None, f"year {year} is not a year of birth")
    if month is None:
        return DateReading(f"{year:04d}")
    if not 1 <= month <= 12:
        return DateReading(None, f"no month {month}")
    if day is None:
        return DateReading(f"{year:04d}-{month:02d}")
    try:
        date = dt.date(year, month, day)
    except ValueError as exc:
        return DateReading(None, str(exc))
    return DateReading(date.isoformat())


def _year(text: str) -> int:
    """A four-digit year, or a two-digit one in the century that puts it in the
    past (``76`` → 1976, ``05`` → 2005)."""
    year = int(text)
    if len(text) == 2:
        now = dt.date.today().year
        year += (now // 100) * 100
        if year > now:
            year -= 100
    return year


def _from_number(value: float) -> DateReading:
    """A number: a year, a compact date or an Excel serial day number."""
    if value != int(value):
        value = float(int(value))  # an Excel datetime: the day is the integer part
    number = int(value)
    if 1800 <= number <= 2200:
        return _iso(number)
    if 18000101 <= number <= 22001231:
        return read_date(str(number))
    if 1 <= number < 100_000:
        return _iso_date(EXCEL_EPOCH + dt.timedelta(days=number))
    return DateReading(None, "not a date")


def _iso_date(date: dt.date) -> DateReading:
    return _iso(date.year, date.month, date.day)


def read_date(value: Any, order: str | None = None) -> DateReading:
    """Read a date of birth (see the module docs). ``order`` (``dmy``, ``mdy``,
    ``ymd``) settles a value whose order the value itself does not tell; without
    it such a value gives its year and :attr:`DateReading.day_month`."""
    if value is None or isinstance(value, bool):
        return DateReading(None)
    if isinstance(value, dt.datetime):
        return _iso_date(value.date())
    if isinstance(value, dt.date):
        return _iso_date(value)
    if isinstance(value, int | float):
        return _from_number(value)
    if type(value) is str and len(value) == 10 and value[0] != "0" and (m := _ISO.match(value)):
        if _plain_iso(value):  # the usual value
            return DateReading(value)
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    text = " ".join(str(value).split())
    if not text or not text.strip("0-./ :T"):
        return DateReading(None)  # empty, or a date of zeros (00.00.0000): none
    m = _TIME.match(text)
    if m is not None:
        text = m.group(1)
    if m := _ISO.match(text):
        y, mo, d = m.groups()
        return _iso(int(y), int(mo) if mo else None, int(d) if d else None)
    if _SERIAL.match(text):  # an Excel date cell without its format, saved as text
        return _from_number(float(text))
    if m := _COMPACT.match(text):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _YEAR_FIRST.match(text):
        y, mo, d = m.groups()
        return _iso(int(y), int(mo), int(d) if d else None)
    if order == "ymd" and (m := _TWO_FIRST.match(text)):
        return _iso(_year(m.group(1)), int(m.group(3)), int(m.group(4)))
    if m := _NUMERIC.match(text):
        return _day_month(int(m.group(1)), int(m.group(3)), _year(m.group(4)), m.group(2), order)
    if m := _MONTH_YEAR.match(text):
        return _iso(int(m.group(2)), int(m.group(1)))
    return _with_month_name(text)


def _plain_iso(value: str) -> bool:
    """Whether ``value``, ``YYYY-MM-DD`` in ten characters, is in ASCII digits a day
    of the calendar from :data:`FIRST_YEAR` to this year: it then reads as itself,
    as most files write a date of birth (checked in one call, where taking it
    apart and writing it again costs a quarter of reading a customer file's row)."""
    if not value.isascii():
        return False
    try:
        year = dt.date.fromisoformat(value).year
    except ValueError:
        return False
    return FIRST_YEAR <= year <= _YEAR_AT_START


def _day_month(a: int, b: int, year: int, sep: str, order: str | None) -> DateReading:
    """``a`` and ``b`` of ``a/b/year``: day and month in the order the value tells
    (one of them over 12, or both equal), the separator tells (dots: day first),
    or ``order`` tells; else the year, with :attr:`DateReading.day_month` set."""
    if a > 12 and b > 12:
        return DateReading(None, "neither part is a month")
    if a > 12 or a == b or (sep == "." and order != "mdy"):
        return _iso(year, b, a)
    if b > 12:
        return _iso(year, a, b)
    if order == "dmy":
        return _iso(year, b, a)
    if order == "mdy":
        return _iso(year, a, b)
    reading = _iso(year)
    if reading.iso is None:
        return reading
    return DateReading(reading.iso, None, (a, b, year))


def _with_month_name(text: str) -> DateReading:
    """``5 Oct 1976``, ``October 5, 1976``, ``05-OCT-1976``, ``Oct 1976`` …"""
    words = [w for w in _WORDS.split(text) if w and _fold(w) not in _FILLERS]
    if not 2 <= len(words) <= 3:
        return DateReading(None, "not a date")
    month = year = day = None
    for word in words:
        if month is None and (number := month_number(word)) is not None:
            month = number
        elif word.isdigit() and len(word) == 4 and year is None:
            year = int(word)
        elif (m := _ORDINAL.match(_fold(word))) is not None and day is None:
            day = int(m.group(1))
        elif word.isdigit() and len(word) == 2 and year is None and day is not None:
            year = _year(word)  # 12-APR-75, as Oracle writes a date
        else:
            return DateReading(None, "not a date")
    if month is None or year is None or (day is None and len(words) == 3):
        return DateReading(None, "not a date")
    return _iso(year, month, day)


DateNote = Callable[[str], None]


@dataclass
class FileDates:
    """How one file's dates of birth are read (see the module docs).

    ``order`` is the order given by the user; ``hint`` the order a header gave;
    ``scan`` yields ``(where, value)`` for the file's dates of birth from a fresh
    read, for the order to be inferred when a value first needs it (``None``: no
    inference, for a row given alone). ``note`` receives what the user should
    know once (the order inferred)."""

    order: str | None = None
    hint: str | None = None
    scan: Callable[[], Iterable[tuple[str, Any]]] | None = None
    note: DateNote | None = None
    _inferred: bool = field(default=False, init=False)
    _said: bool = field(default=False, init=False)
    _why: str = field(default="", init=False)

    def read(self, value: Any) -> tuple[str | None, str | None]:
        """The ISO partial date of ``value`` (``None``: none) and a warning to
        give with its row (``None``: none)."""
        if type(value) is str and len(value) == 10 and _ISO.match(value) and _plain_iso(value):
            return value, None  # (what read_date would say, without building its reading)
        reading = read_date(value, self.order or self.hint)
        if reading.error is not None:
            shown = value if isinstance(value, str) else str(value)
            return None, f"unreadable date of birth {shown!r} ({reading.error})"
        if reading.day_month is None:
            return reading.iso, None
        order = self._infer()
        if order in ("dmy", "mdy"):
            resolved = read_date(value, order)
            if resolved.error is None:
                return resolved.iso, None
            return None, f"unreadable date of birth {value!r} ({resolved.error})"
        if self._said:
            return reading.iso, None
        self._said = True
        a, b, year = reading.day_month
        return reading.iso, (
            f"date of birth {value!r} may be {_spell(a, b, year)} or {_spell(b, a, year)}, "
            f"and {self._why or 'nothing in the file tells which'}: only the year is used, "
            "here and in every such row (--date-order dmy or mdy reads them whole)"
        )

    def _infer(self) -> str | None:
        """The order the file's rows decide (once, on first need)."""
        if self._inferred:
            return self.order
        self._inferred = True
        if self.scan is None:
            return None
        votes: dict[str, tuple[str, Any]] = {}
        for where, value in self.scan():
            if not isinstance(value, str):
                continue
            text = " ".join(value.split())
            if (m := _TIME.match(text)) is not None:
                text = m.group(1)
            m = _NUMERIC.match(text)
            if m is None or m.group(2) == ".":
                continue
            a, b = int(m.group(1)), int(m.group(3))
            vote = "dmy" if a > 12 >= b else "mdy" if b > 12 >= a else None
            if vote is not None and vote not in votes:
                votes[vote] = (where, value)
                if len(votes) == 2:
                    break
        if len(votes) == 1:
            (self.order, (where, value)), *_ = votes.items()
            spelled = "day/month/year" if self.order == "dmy" else "month/day/year"
            if self.note is not None:
                self.note(
                    f"dates of birth read as {spelled}: {where} has {value!r} "
                    f"(pass --date-order to read them otherwise)"
                )
        elif len(votes) == 2:
            (w1, v1), (w2, v2) = votes["dmy"], votes["mdy"]
            self._why = f"the file has both orders ({w1}: {v1!r}; {w2}: {v2!r})"
        return self.order


def _spell(day: int, month: int, year: int) -> str:
    """A date spelled out in English (``5 October 1976``)."""
    return f"{day} {MONTHS[month].split()[0].capitalize()} {year}"
