"""Portfolio rows are read as ``screen-file`` reads its rows: a name in one column
or in parts, the gender as evidence, a person inferred from a birth date; from a
file (``thaw portfolio add``) and from a mapping (the API) alike."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import publish
from tests.monitor.test_monitor import BASE
from thaw.index import ensure_index
from thaw.model import Name, Record
from thaw.monitor import Monitor, RowData
from thaw.monitor.inputs import PortfolioInputError, read_rows, row_from_fields
from thaw.screen.batch import check_mapping
from thaw.store import Store

PRIGOZHIN = Record(
    "us_ofac_sdn",
    "77",
    "Person",
    names=[Name("Yevgeniy Viktorovich Prigozhin")],
    programs=["RUSSIA-EO14024"],
    gender="male",
)


def test_a_file_row_with_name_parts_and_gender(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(
        "id,first_name,middle_name,last_name,sex,date_of_birth\n"
        "a,Ivan,Petrovich,Sidorov,M,1961-04-12\n"
        "b,Evgeniya,,Prigozhina,F,\n",
        encoding="utf-8",
    )
    rows = dict(read_rows(path))
    assert rows["a"] == RowData("Ivan Petrovich Sidorov", "Person", "1961-04-12", gender="male")
    assert rows["b"] == RowData("Evgeniya Prigozhina", "Person", gender="female")
    # the API reads a row's fields alike
    fields: dict[str, object] = {
        "id": "b",
        "first_name": "Evgeniya",
        "last_name": "Prigozhina",
        "gender": "female",
    }
    assert row_from_fields(fields) == ("b", rows["b"])
    with pytest.raises(PortfolioInputError, match="no id"):
        row_from_fields({"name": "Ivan Sidorov"})
    with pytest.raises(PortfolioInputError, match="row 3"):
        row_from_fields({"id": "c", "name": ""}, "row 3")


def test_rows_without_gender_keep_their_fingerprints() -> None:
    data = RowData("Acme Bakery Ltd", "Organization", countries=("gb",))
    stored_before = {
        "name": "Acme Bakery Ltd",
        "schema": "Organization",
        "birth_date": None,
        "countries": ["gb"],
        "id_numbers": [],
    }
    text = json.dumps(stored_before, sort_keys=True, ensure_ascii=False)
    assert data.fingerprint == hashlib.sha256(text.encode()).hexdigest()
    assert RowData.from_dict(stored_before) == data
    gendered = RowData("Evgeniya Prigozhina", "Person", gender="female")
    assert gendered.to_dict()["gender"] == "female"
    assert RowData.from_dict(gendered.to_dict()) == gendered
    assert gendered.fingerprint != RowData("Evgeniya Prigozhina", "Person").fingerprint


def test_gender_is_evidence_as_in_screen_file(store: Store) -> None:
    publish(store, "us_ofac_sdn", [*BASE, PRIGOZHIN], "2022-02-01")
    ensure_index(store)
    # the listed man's very name, in a row that says the customer is a woman
    # (a woman's form of the name, Evgeniya Prigozhina, is another person by
    # the name alone: match.gender)
    job, problems = check_mapping(
        {"id": "b", "name": "Yevgeniy Prigozhin", "gender": "F"}, where="row"
    )
    assert job is not None and not problems
    rows = [
        ("b", RowData.of(job)),
        ("b-unknown", RowData("Yevgeniy Prigozhin", "Person")),
    ]
    with Monitor(store, workers=1, decisions=False) as monitor:
        monitor.add("p", rows, threshold=0.3)
        alerts = monitor.stored_alerts("p")
    female = alerts[("b", "us_ofac_sdn", "77")]
    unknown = alerts[("b-unknown", "us_ofac_sdn", "77")]
    assert female < unknown - 0.1  # a woman against a man's listing
