"""Birth years published as estimates ("circa 1975") stay the year published and
are named as estimates (:attr:`thaw.model.Record.birth_estimates`), in every
format that publishes them; the matcher reads them as the years they stand for."""

from __future__ import annotations

from pathlib import Path

import pytest

from thaw.model import Record
from thaw.sources._tabular import dates_in
from thaw.sources.common import (
    APPROXIMATE_YEARS,
    add_estimates,
    estimated_years,
    parse_date,
    parse_dates,
)
from thaw.sources.eu_fsf_xml import EUFinancialSanctionsXMLReader


def test_window_is_declared() -> None:
    assert APPROXIMATE_YEARS == 1


@pytest.mark.parametrize(
    "value",
    [
        "circa 1975",
        "Circa 1975",
        "approximately 1975",
        "approx. 1975",
        "c. 1975",
        "ca. 1975",
        "around 1975",
    ],
)
def test_estimated_year_stays_the_year_published(value: str) -> None:
    assert parse_dates(value) == ["1975"]
    assert estimated_years(value) == ["1975"]


def test_what_is_not_an_estimate() -> None:
    assert estimated_years("1975") == []
    assert estimated_years("12 Apr 1975") == []
    # a range is itself the estimate: its years, none of them an estimate
    assert parse_dates("circa 1970 to 1972") == ["1970", "1971", "1972"]
    assert estimated_years("circa 1970 to 1972") == []
    assert estimated_years("circa 1979-1982") == []
    # "c." inside a word or an abbreviation is no estimate
    assert estimated_years("Inc. 1975") == []
    assert parse_dates("12 Apr 1975; circa 1980") == ["1975-04-12", "1980"]
    assert estimated_years("12 Apr 1975; circa 1980") == ["1980"]


def test_estimates_are_named_where_the_record_holds_them() -> None:
    record = Record("test", "1", birth_dates=["1975", "1980-04-12", "1985-06"])
    add_estimates(record, ["1975", "1975", "1990", "1980-04-12", "1985-06"])
    assert record.birth_estimates == ["1975"]  # a known month or day is no estimate


def test_single_date_parser_is_unchanged() -> None:
    # listing dates, document dates: one value, never a window
    assert parse_date("circa 1975") == "1975"


def test_free_text_date_fields() -> None:
    # OFSI / FCDO / DFAT free-text date cells
    assert dates_in("a) Approximately 1955-1958 b) 1945") == [
        "1955",
        "1956",
        "1957",
        "1958",
        "1945",
    ]
    assert dates_in("Approximately 1958") == ["1958"]
    assert dates_in("born circa 1960") == ["1960"]
    assert dates_in("dd/mm/1945") == ["1945"]


EU_CIRCA = """<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-03-15T16:02:11.482+01:00" globalFileId="1">
    <sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.1.1" logicalId="501">
        <regulation regulationType="regulation" organisationType="council" publicationDate="2014-03-17" entryIntoForceDate="2014-03-17" numberTitle="269/2014 (OJ L78)" programme="UKR" logicalId="502"/>
        <subjectType code="person" classificationCode="P"/>
        <nameAlias firstName="Ivan" middleName="" lastName="Exemplar" wholeName="Ivan Exemplar" function="" gender="M" title="" nameLanguage="" strong="true" logicalId="503" regulationLanguage="en"/>
        <birthdate circa="true" calendarType="GREGORIAN" city="" zipCode="" birthdate="" dayOfMonth="" monthOfYear="" year="1965" region="" place="" countryIso2Code="RU" countryDescription="RUSSIAN FEDERATION" logicalId="504" regulationLanguage="en"/>
    </sanctionEntity>
</export>
"""  # noqa: E501


def test_eu_circa_year(tmp_path: Path) -> None:
    path = tmp_path / "xmlFullSanctionsList_1_1.xml"
    path.write_text(EU_CIRCA, encoding="utf-8")
    (record,) = EUFinancialSanctionsXMLReader().read(path, {}).records
    assert record.birth_dates == ["1965"]
    assert record.birth_estimates == ["1965"]
    assert "Date of birth circa 1965" in record.remarks
