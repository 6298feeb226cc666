"""``thaw.spark.screen`` on a real local Spark: the same results as ``screen-file``,
column mapping, rows with no name, empty and finely partitioned DataFrames."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import thaw.spark
from tests.index.fixture_store import fill, fixture_records
from tests.spark.rows import file_results, make_rows, spark_hits, write_csv
from thaw.spark import RESULT_COLUMNS, detect_columns
from thaw.spark.screening import column_plan
from thaw.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_same_results_as_screen_file(spark: Any, fixture_home: Path, tmp_path: Path) -> None:
    rows = make_rows(3000)
    expected = file_results(write_csv(rows, tmp_path / "rows.csv"), fixture_home)
    df = spark.read.options(header=True).csv(str(tmp_path / "rows.csv")).repartition(4)
    result = thaw.spark.screen(
        df,
        name="full_name",
        schema="schema",
        birth_date="date_of_birth",
        country="nationality",
        id="id",
        home=fixture_home,
    )
    got = {r["id"]: r for r in result.collect()}
    assert len(got) == 3000  # no row dropped
    screened = {i for i, r in got.items() if r["error"] is None}
    assert screened == set(expected)
    assert {i: spark_hits(got[i]["hits"]) for i in screened} == expected
    alerts = {i for i in screened if got[i]["alert"]}
    assert alerts == {i for i, hits in expected.items() if hits}
    assert 400 <= len(alerts) <= 600  # about one row in six is a listed name
    assert got["r50"]["error"] == "no name"
    # an unknown country is dropped with a warning, as screen-file does
    narnia = [r for r in got.values() if r["nationality"] == "Narnia"]
    assert narnia and all("unknown country" in r["warning"] for r in narnia)
    assert all(r["error"] is None for r in narnia)


def test_result_columns_and_audit(spark: Any, fixture_home: Path) -> None:
    df = spark.createDataFrame(
        [("c1", "Kirill Dmitriev", 7), ("c2", "Nobody Special", 8)],
        "customer_id string, full_name string, branch int",
    )
    result = thaw.spark.screen(df, home=fixture_home)  # the default column names
    assert result.columns == ["customer_id", "full_name", "branch", *RESULT_COLUMNS]
    rows = {r["customer_id"]: r for r in result.collect()}
    assert rows["c1"]["branch"] == 7
    assert rows["c1"]["alert"] is True and rows["c2"]["alert"] is False
    assert rows["c2"]["hits"] == []
    best = rows["c1"]["hits"][0]
    assert best["score"] >= 0.9
    assert {x["source_id"] for h in rows["c1"]["hits"] for x in h["listings"]} >= {"34336"}
    assert best["explanation"]
    listing = best["listings"][0]
    assert set(listing.asDict()) == {
        "source",
        "source_id",
        "programs",
        "listed_on",
        "birth_estimates",
    }
    pubs = {p["source"]: p for p in rows["c1"]["publications"]}
    assert set(pubs) == {"uk_hmt_ofsi", "un_sc", "us_ofac_sdn"}
    assert pubs["un_sc"]["published"].startswith("2024-01-01")
    assert len(pubs["un_sc"]["sha256"]) == 64


def test_column_mapping_with_name_parts(spark: Any, fixture_home: Path) -> None:
    df = spark.createDataFrame(
        [
            (1, None, "Kirill", None, "Dmitriev", dt.date(1975, 4, 12), ["ru"], "person"),
            (2, "Kirill Dmitriev", "Ignored", None, "Parts", None, None, None),
            (3, None, "Jean", "Pierre", "Bemba", None, ["cd"], None),
            (4, None, None, None, None, None, None, None),
            (5, "Ocean Princess", None, None, None, None, None, "vessel"),
        ],
        "kunde long, voller_name string, vorname string, zweitname string, nachname string, "
        "geboren date, land array<string>, art string",
    )
    result = thaw.spark.screen(
        df,
        name="voller_name",
        first_name="vorname",
        middle_name="zweitname",
        last_name="nachname",
        birth_date="geboren",
        country="land",
        schema="art",
        id="kunde",
        home=fixture_home,
    )
    got = {r["kunde"]: r for r in result.collect()}

    def ids(row: Any) -> set[str]:
        return {x["source_id"] for h in row["hits"] for x in h["listings"]}

    assert "34336" in ids(got[1])  # first + last name, a date column, an array of countries
    assert "34336" in ids(got[2])  # the full name wins over its parts
    assert "CDi.900" in ids(got[3])  # first + middle + last
    assert got[4]["error"] == "no name" and got[4]["hits"] is None and got[4]["alert"] is None
    assert ids(got[5]) == {"9001"}
    assert got[1]["geboren"] == dt.date(1975, 4, 12)  # input columns pass through unchanged


def test_rows_with_no_name_are_reported_not_dropped(spark: Any, fixture_home: Path) -> None:
    df = spark.createDataFrame(
        [("a", None), ("b", ""), ("c", "  "), ("d", "Kirill Dmitriev")],
        "customer_id string, full_name string",
    )
    rows = {r["customer_id"]: r for r in thaw.spark.screen(df, home=fixture_home).collect()}
    assert sorted(rows) == ["a", "b", "c", "d"]
    for key in "abc":
        assert rows[key]["error"] == "no name"
        assert rows[key]["hits"] is None and rows[key]["alert"] is None
    assert rows["d"]["error"] is None and rows["d"]["alert"]


def test_empty_dataframe(spark: Any, fixture_home: Path) -> None:
    df = spark.createDataFrame([], "customer_id string, full_name string")
    result = thaw.spark.screen(df, home=fixture_home)
    assert result.collect() == []
    assert result.columns == ["customer_id", "full_name", *RESULT_COLUMNS]


def test_ten_thousand_partitions_of_one_row(spark: Any, fixture_home: Path) -> None:
    names = ["Kirill Dmitriev", "Maria Garcia", "Banco Nacional de Cuba", "Wei Chen"]
    df = spark.range(0, 10_000, 1, numPartitions=10_000).selectExpr(
        "id AS customer_id",
        "element_at(array("
        + ", ".join(f"'{n}'" for n in names)
        + "), int(id % 4) + 1) AS full_name",
    )
    assert df.rdd.getNumPartitions() == 10_000
    result = thaw.spark.screen(df, home=fixture_home)
    # one task per partition would spend its time starting tasks: 64 per core at most
    assert result.rdd.getNumPartitions() == 64 * spark.sparkContext.defaultParallelism
    counts = {
        (r["full_name"], r["alert"]): r["count"]
        for r in result.groupBy("full_name", "alert").count().collect()
    }
    assert counts == {
        ("Kirill Dmitriev", True): 2500,
        ("Maria Garcia", False): 2500,
        ("Banco Nacional de Cuba", True): 2500,
        ("Wei Chen", False): 2500,
    }
    # kept as they are when asked to (planning only: nothing runs)
    kept = thaw.spark.screen(df, home=fixture_home, max_partitions=20_000)
    assert kept.rdd.getNumPartitions() == 10_000


def test_bad_arguments_are_refused_on_the_driver(spark: Any, fixture_home: Path) -> None:
    df = spark.createDataFrame([("a", "x")], "customer_id string, full_name string")
    with pytest.raises(ValueError, match="column 'nom' not found"):
        thaw.spark.screen(df, name="nom", home=fixture_home)
    with pytest.raises(ValueError, match="pass id=None"):
        thaw.spark.screen(df, id="client", home=fixture_home)
    with pytest.raises(ValueError, match="threshold"):
        thaw.spark.screen(df, threshold=2.0, home=fixture_home)
    with pytest.raises(ValueError, match="unknown algorithm"):
        thaw.spark.screen(df, algorithm="nope", home=fixture_home)
    clash = spark.createDataFrame(
        [("a", "x", True)], "customer_id string, full_name string, alert boolean"
    )
    with pytest.raises(ValueError, match="already has column"):
        thaw.spark.screen(clash, home=fixture_home)


def test_column_detection_follows_the_file_contract() -> None:
    found = detect_columns(
        ["ID", "Full_Name", "Date_of_Birth", "Nationality", "Notes", "Last_Name", "Sex"]
    )
    assert found == {
        "id": "ID",
        "name": "Full_Name",
        "birth_date": "Date_of_Birth",
        "country": "Nationality",
        "last_name": "Last_Name",
        "gender": "Sex",
    }
    # the file command's other spellings: dob, given_name, a header with spaces
    assert detect_columns(["\ufeffDOB", "Given Name", "Surname", "id"]) == {
        "birth_date": "\ufeffDOB",
        "first_name": "Given Name",
        "last_name": "Surname",
        "id": "id",
    }
    # headers as banks write them, as screen-file reads them
    assert detect_columns(
        ["Kundennummer", "Nachname", "Vorname", "Geburtsdatum", "Geschlecht"]
    ) == {
        "id": "Kundennummer",
        "last_name": "Nachname",
        "first_name": "Vorname",
        "birth_date": "Geburtsdatum",
        "gender": "Geschlecht",
    }
    assert detect_columns(["Customer ID", "Given Names", "Surname", "Country of Residence"]) == {
        "id": "Customer ID",
        "first_name": "Given Names",
        "last_name": "Surname",
        "country": "Country of Residence",
    }
    with pytest.raises(ValueError, match="name column"):
        column_plan(["a"], name=None)


def test_gender_column_as_screen_file(spark: Any, tmp_path: Path) -> None:
    """A row's gender is weighed as ``screen-file`` weighs it: against a listing
    of the other gender the score drops, with the gender feature saying why
    (Kirill Dmitriev's OFAC and UK listings, one profile, both say male)."""
    home = tmp_path / "home"
    records = [
        dataclasses.replace(r, gender="male") if r.source_id in ("34336", "14200") else r
        for r in fixture_records()
    ]
    with Store(home) as store:
        fill(store, records)
    source = tmp_path / "rows.csv"
    source.write_text(
        "id,name,sex\n1,Kirill Dmitriev,\n2,Kirill Dmitriev,M\n3,Kirill Dmitriev,F\n"
        "4,Kirill Dmitriev,unknown\n"
    )
    expected = file_results(source, home, threshold=0.0)
    df = spark.read.options(header=True).csv(str(source))
    columns = detect_columns(df.columns)
    assert columns["gender"] == "sex"
    result = thaw.spark.screen(
        df,
        name=columns["name"],
        id=columns["id"],
        gender=columns["gender"],
        home=home,
        threshold=0.0,
    )
    got = {r["id"]: spark_hits(r["hits"]) or [] for r in result.collect()}
    assert got == expected
    plain, male, female = (
        next(h for h in got[i] if "34336" in {x["source_id"] for x in h["listings"]})
        for i in ("1", "2", "3")
    )
    assert male["score"] == plain["score"] > female["score"]
    assert any(f["feature"] == "gender" for f in female["features"])
