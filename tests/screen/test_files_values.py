"""The values of customer files, one by one: headers (:mod:`thaw.screen.columns`),
dates of birth (:mod:`thaw.screen.dates`) and genders (:mod:`thaw.screen.inputs`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from thaw.screen.columns import (
    date_hint,
    field_values,
    header_role,
    normalise_header,
    plan_columns,
)
from thaw.screen.dates import FileDates, month_number, read_date
from thaw.screen.inputs import (
    FileGenders,
    ScreenInputError,
    parse_birth_date,
    parse_countries,
    parse_gender,
    parse_kind,
)


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Given Names", "first_name"),
        ("FIRST_NAME", "first_name"),
        ("firstname", "first_name"),
        ("Forename", "first_name"),
        ("Middle name(s)", "middle_name"),
        ("Surname", "last_name"),
        ("Family name", "last_name"),
        ("Full Name", "name"),
        ("Customer Name", "bare_name"),  # a qualifier, then a bare "name"
        ("Client Surname", "last_name"),
        ("Date of Birth", "birth_date"),
        ("D.O.B.", "birth_date"),
        ("Birth date", "birth_date"),
        ("DOB (MM/DD/YYYY)", "birth_date"),
        ("Sex", "gender"),
        ("Nationality", "country"),
        ("Citizenship", "country"),
        ("Country of residence", "country"),
        ("Passport No.", "id_number"),
        ("Tax ID", "id_number"),
        ("Customer ID", "id"),
        ("Reference", "id"),
        ("Nachname", "last_name"),
        ("Vorname", "first_name"),
        ("Geburtsdatum", "birth_date"),
        ("Staatsangehörigkeit", "country"),
        ("Prénom", "first_name"),
        ("Date de naissance", "birth_date"),
        ("Nationalité", "country"),
        ("Apellidos", "last_name"),
        ("Fecha de nacimiento", "birth_date"),
        ("Cognome", "last_name"),
        ("Data di nascita", "birth_date"),
        ("Sobrenome", "last_name"),
        ("Data de nascimento", "birth_date"),
        ("Фамилия", "last_name"),
        ("Имя", "first_name"),
        ("Отчество", "middle_name"),
        ("Дата рождения", "birth_date"),
        ("Ф.И.О.", "name"),
        ("Прізвище", "last_name"),
        ("Ім’я", "first_name"),
        ("По батькові", "middle_name"),
        ("Дата народження", "birth_date"),
        ("Громадянство", "country"),
        ("DateOfBirth", "birth_date"),
        ("CustomerRef", "id"),
        ("IdNumber", "id_number"),
        ("Nationality 2", "country"),
        ("Nationality2", "country"),
        ("Address Country", "country"),
        ("Country of Birth", None),
        ("Customer Type", "kind"),
        ("Type de client", "kind"),
        ("Type", None),  # an account's type as often as a customer's
        ("Occupation", None),
        ("Mother's maiden name", None),
    ],
)
def test_header_roles(header: str, role: str | None) -> None:
    assert header_role(header) == role


def test_normalised_form() -> None:
    assert normalise_header("  Middle  NAME(s) ") == "middle name"
    assert normalise_header("Passport No.") == "passport no"
    assert normalise_header("Prénoms") == "prenom"
    assert normalise_header("\ufeffFull_Name") == "full name"


@pytest.mark.parametrize(
    ("headers", "keys"),
    [
        # a bare "name" beside a first name only is the surname, and the reverse
        (["Name", "Vorname"], ["last_name", "first_name"]),
        (["Nom", "Prénom"], ["last_name", "first_name"]),
        (["Nombre", "Apellidos"], ["first_name", "last_name"]),
        (["Nome", "Cognome"], ["first_name", "last_name"]),
        (["name", "first_name", "last_name"], ["name", "first_name", "last_name"]),
        (["Name"], ["name"]),
        # several surname, country and identifier columns are all read
        (
            ["Nombre", "Primer apellido", "Segundo apellido"],
            ["first_name", "last_name", "last_name_2"],
        ),
        (["Nationality", "Citizenship"], ["country", "country_2"]),
        (["Passport No.", "Tax ID"], ["id_number", "id_number_2"]),
        # a second gender or id column is not read
        (["full_name", "Sex", "Gender", "ID", "Reference"], ["name", "gender", None, "id", None]),
    ],
)
def test_plans(headers: list[str], keys: list[str | None]) -> None:
    assert list(plan_columns(headers).keys) == keys


def test_field_values_of_each_column_of_a_role() -> None:
    fields: dict[str, object] = {"country": "RU", "country_2": "UA", "country_3": "BY", "id": 7}
    assert list(field_values(fields, "country")) == ["RU", "UA", "BY"]
    assert list(field_values(fields, "id")) == [7]
    assert list(field_values(fields, "id_number")) == [None]  # no such column
    assert list(field_values({"last_name": "a", "last_name_2": None}, "last_name")) == ["a", None]


def test_whole_name_mapping_keeps_name() -> None:
    assert plan_columns(["name", "first_name"], whole_name=True).keys == ("name", "first_name")


@pytest.mark.parametrize(
    ("header", "order"),
    [
        ("DOB (MM/DD/YYYY)", "mdy"),
        ("Date of birth [dd.mm.yyyy]", "dmy"),
        ("Geburtsdatum (TT.MM.JJJJ)", "dmy"),
        ("Date de naissance (JJ/MM/AAAA)", "dmy"),
        ("Дата рождения (ДД.ММ.ГГГГ)", "dmy"),
        ("Birth date (YYYY-MM-DD)", "ymd"),
        ("Date of birth", None),
        ("DOB (optional)", None),
    ],
)
def test_date_hints(header: str, order: str | None) -> None:
    assert date_hint(header) == order


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("1976-10-05", "1976-10-05"),
        ("1976-10", "1976-10"),
        ("1976", "1976"),
        ("19761005", "1976-10-05"),
        ("1976/10/05", "1976-10-05"),
        ("05.10.1976", "1976-10-05"),  # dots: day first
        ("5.10.1976", "1976-10-05"),
        ("13/04/1975", "1975-04-13"),  # only one order is a date
        ("04/13/1975", "1975-04-13"),
        ("04/04/1975", "1975-04-04"),
        ("10/1976", "1976-10"),
        ("05.10.76", "1976-10-05"),
        ("5 Oct 1976", "1976-10-05"),
        ("05-OCT-1976", "1976-10-05"),
        ("October 5, 1976", "1976-10-05"),
        ("5th October 1976", "1976-10-05"),
        ("Oct 1976", "1976-10"),
        ("12-APR-75", "1975-04-12"),
        ("00.00.0000", None),  # a date of zeros: no date
        ("0000-00-00", None),
        ("5. Oktober 1976", "1976-10-05"),
        ("5 octobre 1976", "1976-10-05"),
        ("23 de marzo de 1990", "1990-03-23"),
        ("5 октября 1976 г.", "1976-10-05"),
        ("5 жовтня 1976", "1976-10-05"),
        ("1976-10-05T00:00:00", "1976-10-05"),
        ("1976-10-05 00:00:00", "1976-10-05"),
        ("13/10/1976 12:00:00 AM", "1976-10-13"),
        (dt.datetime(1976, 10, 5, 13, 30), "1976-10-05"),
        (dt.date(1976, 10, 5), "1976-10-05"),
        (1976, "1976"),
        (19761005, "1976-10-05"),
        (27673, "1975-10-06"),  # an Excel serial day number
        (27673.75, "1975-10-06"),
        ("27673", "1975-10-06"),  # the same cell saved to CSV
        ("27673.0", "1975-10-06"),
        ("", None),
        (None, None),
    ],
)
def test_dates_read(value: Any, iso: str | None) -> None:
    reading = read_date(value)
    assert (reading.iso, reading.error, reading.day_month) == (iso, None, None)


@pytest.mark.parametrize(
    "value",
    [
        "31/02/1980",
        "1980-02-30",
        "unknown",
        "13/13/1990",
        "2999-01-01",
        "1976-13",
        "1900-01-01",  # placeholders for an unknown date
        "01/01/1900",
        "0001-01-01",
    ],
)
def test_dates_unreadable(value: str) -> None:
    reading = read_date(value)
    assert reading.iso is None and reading.error


@pytest.mark.parametrize(
    "value",
    [
        "1976-10-05",
        "2000-02-29",
        "1901-01-01",
        "1900-02-29",  # no such day, and a placeholder's year
        "1999-02-29",
        "1980-00-10",
        "2999-01-01",
        "0976-10-05",
        "\u0661\u0669\u0667\u0666-\u0661\u0660-\u0660\u0665",  # Arabic-Indic digits
        "\uff11\uff19\uff17\uff16-10-05",  # full-width digits
    ],
)
def test_iso_dates_read_alike_on_every_path(value: str) -> None:
    """A full ISO date is read in one call where it reads as itself
    (``dates._plain_iso``); every other value of that shape, as before, by its
    parts: both paths, and :class:`FileDates`, say the same."""
    day = None
    if value.isascii():
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            day = None
    reading = read_date(value)
    expected = (
        day.isoformat() if day is not None and 1901 <= day.year <= dt.date.today().year else None
    )
    if value.isascii():
        assert reading.iso == expected
    else:  # other digits: read by their values, written in ASCII
        assert reading.iso == "1976-10-05" and reading.iso != value
    assert FileDates().read(value) == (
        reading.iso,
        None if reading.error is None else f"unreadable date of birth {value!r} ({reading.error})",
    )


def test_day_or_month_first() -> None:
    assert read_date("05/10/1976") == read_date("05-10-1976")
    reading = read_date("05/10/1976")
    assert (reading.iso, reading.day_month) == ("1976", (5, 10, 1976))
    assert read_date("05/10/1976", "dmy").iso == "1976-10-05"
    assert read_date("05/10/1976", "mdy").iso == "1976-05-10"
    assert read_date("76/10/05", "ymd").iso == "1976-10-05"
    assert month_number("Mar") == 3 and month_number("ju") is None  # June or July?


def test_file_dates_say_once() -> None:
    dates = FileDates()
    assert dates.read("05/10/1976")[0] == "1976" and dates.read("05/10/1976")[1] is None
    fresh = FileDates()
    iso, warning = fresh.read("05/10/1976")
    assert iso == "1976" and warning is not None and "5 October 1976 or 10 May 1976" in warning
    assert fresh.read("06/11/1977") == ("1977", None)
    notes: list[str] = []
    told = FileDates(scan=lambda: [("line 9", "25/12/1980")], note=notes.append)
    assert told.read("05/10/1976") == ("1976-10-05", None)
    assert notes == [
        "dates of birth read as day/month/year: line 9 has '25/12/1980' "
        "(pass --date-order to read them otherwise)"
    ]


def test_one_date_alone() -> None:
    """``thaw screen --dob`` and the API: forms whose order is certain are read;
    one whose day and month may be either way round is refused, saying both."""
    assert parse_birth_date("12.04.1975") == "1975-04-12"
    assert parse_birth_date("5 Oct 1976") == "1976-10-05"
    with pytest.raises(ScreenInputError, match="write 1975-04-12 or 1975-12-04"):
        parse_birth_date("12/04/1975")
    with pytest.raises(ScreenInputError, match="invalid date of birth 'yesterday'"):
        parse_birth_date("yesterday")


@pytest.mark.parametrize(
    ("value", "gender"),
    [
        ("M", "male"),
        ("f", "female"),
        ("Male", "male"),
        ("männlich", "male"),
        ("Weiblich", "female"),
        ("W", "female"),
        ("Masculin", "male"),
        ("Féminin", "female"),
        ("Masculino", "male"),
        ("Femenino", "female"),
        ("mujer", "female"),
        ("maschio", "male"),
        ("Femmina", "female"),
        ("мужской", "male"),
        ("Ж", "female"),
        ("жін.", "female"),
        ("чоловіча", "male"),
        ("diverse", None),
        ("X", None),
        ("", None),
    ],
)
def test_genders(value: str, gender: str | None) -> None:
    assert parse_gender(value) == gender


def test_file_genders_m_for_mujer() -> None:
    spanish = FileGenders(scan=lambda: [("line 2", "H"), ("line 3", "M")])
    assert spanish.read("M") == "female" and spanish.read("H") == "male"
    french = FileGenders(scan=lambda: [("line 2", "H"), ("line 3", "F")])
    assert french.read("M") == "male"
    assert FileGenders().read("M") == "male"


@pytest.mark.parametrize(
    ("value", "schema"),
    [
        ("Individual", "Person"),
        ("natural person", "Person"),
        ("Personne physique", "Person"),
        ("Физическое лицо", "Person"),
        ("Corporate", "Organization"),
        ("Legal Entity", "Organization"),
        ("Persona jurídica", "Organization"),
        ("Vessel", "Vessel"),
        ("Trust", None),  # not known: the kind stays open
        ("", None),
    ],
)
def test_customer_kinds(value: str, schema: str | None) -> None:
    assert parse_kind(value) == schema


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("RUS", ("ru",)),
        ("Russland", ("ru",)),
        ("RU, UA", ("ru", "ua")),
        ("RUS/UKR", ("ru", "ua")),
        ("Russia/Ukraine", ("ru", "ua")),
        ("Russia; Ukraine", ("ru", "ua")),
        ("Kyiv, Ukraine", ("ua",)),  # a place, then its country: one
        ("Korea, Republic of", ("kr",)),
    ],
)
def test_countries(value: str, codes: tuple[str, ...]) -> None:
    assert parse_countries(value) == codes
