"""Checking what is screened: names, schemata, dates of birth, countries, ids.

The same rules apply to one name (:meth:`thaw.screen.Screener.screen`, ``thaw
screen``) and to every row of a file (``thaw screen-file``). A value that cannot be
understood raises :class:`ScreenInputError` with a reason a user can act on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from thaw.match import Query

SCHEMA_NAMES: dict[str, str] = {
    "person": "Person",
    "organization": "Organization",
    "organisation": "Organization",
    "company": "Organization",
    "legalentity": "LegalEntity",
    "vessel": "Vessel",
    "aircraft": "Aircraft",
}
ANY_SCHEMA = ("any", "all", "*")
"""Schema values that ask for every kind of party explicitly (``thaw screen-file``
otherwise screens a row that describes a person as a Person only)."""
"""Accepted query schemata (case-insensitive) and the model schema each screens as.
``Company`` screens as ``Organization``, as the lists do not tell them apart."""

ACCEPTED_SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Aircraft")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_COUNTRY_SPLIT = re.compile(r"[;|]")
_COUNTRY_ALIASES = {"uk": "gb", "el": "gr"}


MAX_NAME_CHARS = 1_000
"""The longest name screened, in characters. The longest published name on any list
is under 400; anything longer is not a name but a pasted document or an attack."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ASCII_NOT_ALNUM = frozenset(c for c in map(chr, range(128)) if not c.isalnum())
"""The ASCII characters that are neither letters nor digits."""


class ScreenInputError(ValueError):
    """A queried value is missing or malformed; the message says which and why."""


def clean_name(value: Any) -> str:
    """The name with whitespace collapsed and control characters (NUL …) dropped.

    Raises :class:`ScreenInputError` when there is no name, when the value is not
    text (a JSON object or list given as a name is refused rather than screened as
    its Python form), when it is longer than :data:`MAX_NAME_CHARS`, or when it
    carries too little information to screen (fewer than two distinct letters or
    digits, such as ``"aa"``: any listed name with two ``a``'s would align with it).
    """
    if value is None:
        raise ScreenInputError("no name")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        kind = "a JSON object" if isinstance(value, dict) else type(value).__name__
        if isinstance(value, list | tuple):
            kind = "a list"
        raise ScreenInputError(f"the name must be text, not {kind}")
    if not isinstance(value, str):
        value = str(value)
    if len(value) > MAX_NAME_CHARS * 4:  # do not even scan a huge value
        raise ScreenInputError(f"name longer than {MAX_NAME_CHARS:,} characters")
    if not value.isprintable():  # (every control character is unprintable)
        value = _CONTROL.sub(" ", value)
    text = " ".join(value.split())
    if not text:
        raise ScreenInputError("no name")
    if len(text) > MAX_NAME_CHARS:
        raise ScreenInputError(f"name longer than {MAX_NAME_CHARS:,} characters")
    if text.isascii():
        # (nearly every name: its distinct characters less the ASCII ones that
        # are no letter or digit, without a call of str.isalnum per character)
        distinct = set(text.lower()) - _ASCII_NOT_ALNUM
    else:
        distinct = set(filter(str.isalnum, text.casefold()))
    if len(distinct) < 2 and not _is_ideographic(distinct):
        raise ScreenInputError(
            f"name {text!r} carries too little information to screen "
            "(it needs at least two different letters or digits)"
        )
    return text


def _is_ideographic(chars: set[str]) -> bool:
    """Whether the one character of a name is a CJK ideograph or Hangul syllable
    (one such character is a whole syllable of a name, not a stray letter)."""
    return any(
        "\u4e00" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7a3" or "\u3400" <= c <= "\u4dbf"
        for c in chars
    )


def parse_schema(value: Any) -> str | None:
    """The model schema to screen as (``None`` for any), from an accepted name
    (``any``, ``all`` or ``*`` ask for every kind explicitly: ``None`` too)."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or text.lower() in ANY_SCHEMA:
        return None
    schema = SCHEMA_NAMES.get(text.replace(" ", "").replace("_", "").lower())
    if schema is None:
        accepted = ", ".join(ACCEPTED_SCHEMATA)
        raise ScreenInputError(f"unknown schema {text!r} (use one of {accepted}, or any)")
    return schema


def parse_birth_date(value: Any) -> str | None:
    """An ISO partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) checked
    against the calendar; dates and datetimes (Parquet columns) are accepted, and
    so is every form :func:`thaw.screen.dates.read_date` reads whose order is
    certain (``05.10.1976``, ``13/04/1975``, ``5 Oct 1976``, ``19761005`` …). A
    value whose day and month may be either way round (``05/10/1976``) is refused,
    saying so: one value alone cannot tell."""
    if value is None:
        return None
    if not isinstance(value, dt.date) and not _DATE.match(str(value).strip()):
        return _other_date(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = str(value).strip()
    if not text:
        return None
    m = _DATE.match(text)
    if m is None:
        raise ScreenInputError(f"invalid date of birth {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.groups()
    try:
        if day is not None:
            dt.date(int(year), int(month), int(day))
        elif month is not None and not 1 <= int(month) <= 12:
            raise ValueError("month out of range")
    except ValueError as exc:
        raise ScreenInputError(f"invalid date of birth {text!r} ({exc})") from None
    return text


def _other_date(value: Any) -> str | None:
    """A date of birth in a form other than ISO (:func:`parse_birth_date`)."""
    from thaw.screen.dates import read_date

    text = str(value).strip()
    if not text:
        return None
    reading = read_date(value)
    if reading.day_month is not None:
        a, b, year = reading.day_month
        raise ScreenInputError(
            f"invalid date of birth {text!r} (day and month may be either way round: "
            f"write {year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d})"
        )
    if reading.iso is None:
        raise ScreenInputError(f"invalid date of birth {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return reading.iso


@lru_cache(maxsize=1)
def _iso2_codes() -> frozenset[str]:
    from rigour.territories import get_territories

    return frozenset(t.code for t in get_territories() if len(t.code) == 2)


@lru_cache(maxsize=4096)
def _country(text: str) -> str:
    key = text.strip().lower()
    if len(key) == 2 and key.isalpha():
        key = _COUNTRY_ALIASES.get(key, key)
        if key in _iso2_codes():
            return key
    from thaw.sources.common import country_code

    code = country_code(text)
    if code is None:
        raise ScreenInputError(
            f"unknown country {text.strip()!r} (use an ISO-2 code or a country name)"
        )
    return code


def parse_countries(value: Any) -> tuple[str, ...]:
    """ISO-2 codes (lower case) from an ISO-2 or ISO-3 code, a country name,
    several of them separated by ``;`` or ``|`` (or by ``,`` between codes,
    ``RU, UA``, and by ``/`` between countries, ``Russia/Ukraine``; ``Kyiv,
    Ukraine``, ``Korea, Republic of`` and ``Samoa, American`` are one), or a list."""
    if value is None:
        return ()
    items: Iterable[Any]
    if isinstance(value, str):
        return _countries_text(value)
    if isinstance(value, list | tuple):
        items = value
    else:
        items = _COUNTRY_SPLIT.split(str(value))
    return _countries_in(items)


@lru_cache(maxsize=4096)
def _countries_text(value: str) -> tuple[str, ...]:
    """:func:`parse_countries` of a text (a file repeats few country values)."""
    return _countries_in(_COUNTRY_SPLIT.split(value))


def _countries_in(items: Iterable[Any]) -> tuple[str, ...]:
    """The countries of several items (see :func:`parse_countries`), in order."""
    out: list[str] = []
    for item in items:
        if item is None or not str(item).strip():
            continue
        for code in _countries_of(str(item)):
            if code not in out:
                out.append(code)
    return tuple(out)


_PARTS_SPLIT = re.compile(r"[,/]")


def _countries_of(item: str) -> tuple[str, ...]:
    """The countries of one item: each of its parts when it is codes separated by
    ``,`` or ``/``, or countries separated by ``/``, and every part is a country;
    else the item read whole (:func:`_country`)."""
    parts = [p.strip() for p in _PARTS_SPLIT.split(item) if p.strip()]
    codes_only = all(len(p) <= 3 and p.isalpha() for p in parts)
    if len(parts) > 1 and (codes_only or "," not in item):
        try:
            codes = tuple(_country(p) for p in parts)
        except ScreenInputError:
            codes = ()
        if len(codes) > 1:
            return codes
    return (_country(item),)


KINDS: dict[str, tuple[str, ...]] = {
    "Person": (
        "individual", "individuals", "natural person", "person", "private", "private person",
        "private individual", "retail", "consumer", "ind", "p", "i", "np",
        "natürliche person", "privatperson", "privatkunde", "personne physique",
        "particulier", "persona física", "persona fisica", "pessoa física",
        "pessoa fisica", "физическое лицо", "физлицо", "фізична особа",
    ),
    "Organization": (
        "corporate", "corporation", "company", "business", "entity", "legal entity",
        "legal person", "organisation", "organization", "institution", "firm", "c",
        "e", "o", "le", "corp", "juristische person", "firmenkunde", "unternehmen",
        "personne morale", "entreprise", "société", "persona jurídica",
        "persona juridica", "empresa", "persona giuridica", "società", "pessoa jurídica",
        "pessoa juridica", "юридическое лицо", "юрлицо", "организация",
        "юридична особа", "організація",
    ),
    "Vessel": ("vessel", "ship", "boat", "schiff", "navire", "buque", "nave", "navio", "судно"),
    "Aircraft": ("aircraft", "airplane", "plane", "flugzeug", "avion", "aeronave", "самолёт"),
}  # fmt: skip
"""Customer kinds as banks' systems write them (``Customer Type``: Individual,
Corporate …), by the schema each screens as; compared in lower case."""


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {_fold(v): schema for schema, values in KINDS.items() for v in values}


def parse_kind(value: Any) -> str | None:
    """The schema a customer kind says (:data:`KINDS`), else ``None``: a kind this
    table does not know (``Trust``, ``Joint account``) leaves the row's kind open,
    as if the column were empty, rather than refuse it."""
    if not isinstance(value, str):
        return None
    return _kinds().get(_fold(" ".join(value.split())).rstrip("."))


def parse_id_number(value: Any) -> str | None:
    """An identifier number as given, or ``None`` when empty."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


_ID_LABEL = re.compile(
    r"^(?:(?:imo|inn|ogrnip|ogrn|kpp|okpo|mmsi|swift/bic|swift|bic|lei|passport|"
    r"national|tax|reg(?:istration)?|identification|id|number|num|nr|no|n°|#)"
    r"(?=[\s.:#/\-]|\d|$)[\s.:#/\-]*)+",
    re.IGNORECASE,
)
"""Labels written in front of an identifier number (``IMO``, ``INN``, ``OGRN``,
``Passport No.``, ``SWIFT/BIC``, ``Tax ID``, ``#``), with their punctuation."""

_ID_RUN = re.compile(r"^[A-Za-z0-9]+(?:[\s./\-][A-Za-z0-9]+)*$")
_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$")


def strip_id_label(number: str) -> str:
    """``number`` without the labels people write in front of it (``Passport No.
    006327129`` → ``006327129``, ``OGRN 1027700428480`` → ``1027700428480``);
    unchanged when nothing would remain. An ``IMO`` label is kept: the matcher
    reads it (:func:`thaw.match.features.id_kind`)."""
    if number[:3].upper() == "IMO":
        return number
    rest = _ID_LABEL.sub("", number)
    return rest if any(c.isalnum() for c in rest) else number


def id_forms(number: str) -> tuple[str, ...]:
    """The forms of an identifier number given for a query in which a listing
    may publish it: without the labels in front (:func:`strip_id_label`:
    ``Passport No. 006327129``), and as given, when that differs, since what
    reads as a label may be the number's own letters (``NO4435810``,
    ``N°235/MISPAT/DIRCAB``, as the lists publish them)."""
    stripped = strip_id_label(number)
    return (stripped,) if stripped == number else (stripped, number)


def name_as_identifier(name: str) -> str | None:
    """The identifier number a name typed as one stands for, else ``None``.

    Analysts paste an identifier where the name goes (``IMO 9218492``,
    ``Passport No. 006327129``, ``VTBRRUMM``, a crypto address). After the
    labels in front (:func:`strip_id_label`), a name that is one run of letters
    and digits, spaced, dashed or dotted at most, reads as an identifier when it
    holds at least five digits and no word of letters longer than three (a
    series, ``AB 123456``; not *Ivan 12345 Petrov*), or when it is written as a
    SWIFT/BIC is (eight or eleven capitals and digits, the first six letters).
    The name is screened as a name as well: the number only lets a listing that
    publishes it be found and decide (:class:`thaw.match.features.IdentifierFeature`).
    """
    text = name.strip()
    rest = _ID_LABEL.sub("", text)
    if not _ID_RUN.match(rest):
        return None
    compact = re.sub(r"[\s./\-]", "", rest)
    digits = sum(c.isdigit() for c in compact)
    words = re.split(r"[\s./\-]", rest)
    if (digits >= 5 and all(len(w) <= 3 for w in words if w.isalpha())) or (
        rest.isupper() and _BIC.match(compact)
    ):
        return strip_id_label(text)
    return None


_CAPITALS_CODE = re.compile(r"[A-Z]+(?:-[A-Z]+)*")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_DIGIT = re.compile(r"[0-9]")


def identifier_forms(name: str) -> tuple[str, ...]:
    """The identifier numbers a pasted name may be, as written and without the
    labels in front (:func:`strip_id_label`), when it is written as a number
    can be: with a digit (``481034886.``, ``FOCJ-690830``, ``BE 454,419,759``,
    ``129``), or as one code of four or more capitals (a call sign ``UHNY``, a
    tail ``EP-MMH``). Unlike :func:`name_as_identifier`, which decides by the
    form alone, these are only candidates: the screener takes one as the
    query's number when a listing publishes it
    (:meth:`thaw.index.CandidateIndex.publishes_identifier`), so that a number
    pasted as the authority wrote it finds the listing, while a name that
    merely looks so stays a name.

    (Every form is an end of the name, the labels in front left out: an ASCII
    name without a digit that does not end in a capital has none, which most
    names of a customer file are, answered without the labels' expression.)"""
    text = name.strip()
    if text[-1:] not in _CAPITALS and text.isascii() and _ASCII_DIGIT.search(text) is None:
        return ()
    forms = dict.fromkeys((text, strip_id_label(text)))
    return tuple(
        form
        for form in forms
        if any(c.isdigit() for c in form)
        or (len(form) >= 4 and _CAPITALS_CODE.fullmatch(form) is not None)
    )


GENDERS: dict[str, tuple[str, ...]] = {
    "male": (
        "m", "male", "man", "men", "mr", "masculine", "h",  # h: homme, hombre
        "mannlich", "maennlich", "mann", "herr",  # German
        "masculin", "homme", "monsieur",  # French
        "masculino", "hombre", "varon", "v",  # Spanish, Portuguese
        "maschio", "maschile", "uomo",  # Italian
        "homem",  # Portuguese
        "м", "муж", "мужской", "мужчина", "мужск",  # Russian
        "ч", "чол", "чоловіча", "чоловічий", "чоловік",  # Ukrainian
    ),
    "female": (
        "f", "female", "woman", "women", "mrs", "ms", "miss",
        "w", "weiblich", "frau",  # German
        "feminin", "feminine", "femme", "madame", "mme",  # French
        "femenino", "mujer",  # Spanish
        "femmina", "femminile", "donna",  # Italian
        "feminino", "mulher",  # Portuguese
        "ж", "жен", "женский", "женщина", "женск",  # Russian
        "жін", "жіноча", "жіночий", "жінка",  # Ukrainian
    ),
}  # fmt: skip
"""Gender values as customer files write them, by the gender each says; compared
in lower case, without accents or a final dot (``Féminin``, ``Männlich``, ``М.``).
``M`` is male here; a Spanish file that writes ``M`` for *mujer* writes men as
``H`` (:class:`FileGenders` reads such a file)."""

_MEN_AS_H = frozenset({"h", "hombre", "varon"})
"""Values for men in files whose ``M`` means *mujer* (and which have no ``F``)."""


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    return {_fold(v): gender for gender, values in GENDERS.items() for v in values}


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_gender(value: Any) -> str | None:
    """``male`` or ``female`` from a gender as customer files write it
    (:data:`GENDERS`: ``M``, ``F``, ``Male``, ``female``, ``Masculin``,
    ``weiblich``, ``мужской``, ``жіноча`` …, any case), else ``None``: an empty
    or unknown value, or one such as ``other`` or ``diverse`` that a listing's
    gender cannot be compared with, is not evidence either way.
    """
    if value is None or isinstance(value, bool) or not isinstance(value, str):
        return None
    return _gender_of(value)


@lru_cache(maxsize=1024)
def _gender_of(value: str) -> str | None:
    """:func:`parse_gender` of a text (a file repeats few gender values)."""
    return _genders().get(_fold(" ".join(value.split())).rstrip("."))


@dataclass
class FileGenders:
    """How one file's gender values are read: ``M`` is male, unless the file
    writes men as ``H`` (*hombre*) and has no ``F``: then ``M`` is *mujer*, female.

    ``scan`` yields ``(where, value)`` for the file's gender values from a fresh
    read, looked at when an ``M`` first needs it (``None``: ``M`` is male);
    ``note`` receives the reading when it is *mujer*."""

    scan: Callable[[], Iterable[tuple[str, Any]]] | None = None
    note: Callable[[str], None] | None = None
    _m: str | None = field(default=None, init=False)

    def read(self, value: Any) -> str | None:
        """``male`` or ``female`` (:func:`parse_gender`), ``M`` read as the file
        means it."""
        gender = parse_gender(value)
        if gender != "male" or not isinstance(value, str) or value.strip(" .").lower() != "m":
            return gender
        if self._m is None:
            self._m = self._infer()
        return self._m

    def _infer(self) -> str:
        if self.scan is None:
            return "male"
        men_as_h: tuple[str, Any] | None = None
        for where, value in self.scan():
            key = _fold(str(value).strip()).rstrip(".") if isinstance(value, str) else ""
            if key in ("f", "female", "femenino", "feminin", "feminino"):
                return "male"  # an F for women: M is for men
            if key in _MEN_AS_H and men_as_h is None:
                men_as_h = (where, value)
        if men_as_h is None:
            return "male"
        if self.note is not None:
            where, value = men_as_h
            self.note(
                f"gender 'M' read as female (mujer): the file writes men as "
                f"{value!r} ({where}) and has no 'F'"
            )
        return "female"


def make_query(
    name: Any,
    schema: Any = None,
    birth_date: Any = None,
    country: Any = None,
    id_number: Any = None,
    gender: Any = None,
) -> Query:
    """A checked :class:`~thaw.match.Query` (raises :class:`ScreenInputError`).

    The identifier number is taken without the labels written in front of it
    and as given (:func:`id_forms`); without one, a name typed as an
    identifier (:func:`name_as_identifier`) is also the query's number, in
    the same forms."""
    given = parse_id_number(id_number)
    clean = clean_name(name)
    numbers: tuple[str, ...] = ()
    if given:
        numbers = id_forms(given)
    elif name_as_identifier(clean) is not None:
        numbers = id_forms(clean)
    return Query(
        name=clean,
        schema=parse_schema(schema),
        birth_date=parse_birth_date(birth_date),
        countries=parse_countries(country),
        gender=parse_gender(gender),
        id_numbers=numbers,
    )
