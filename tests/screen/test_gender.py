"""A row's gender is evidence: ``screen-file`` reads it from the ``gender`` or
``sex`` column, and the matcher's gender feature weighs it against the listing's."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli._cli import thaw
from tests.index.fixture_store import fill, fixture_records
from thaw.index import entry_from_record
from thaw.screen import Screener
from thaw.screen.batch import CheckedRow, check_fields, check_mapping, screen_file
from thaw.screen.inputs import make_query, parse_gender
from thaw.store import Store


@pytest.mark.parametrize(
    ("value", "gender"),
    [
        ("M", "male"),
        ("f", "female"),
        ("Male", "male"),
        (" FEMALE ", "female"),
        ("weiblich", "female"),
        ("", None),
        ("unknown", None),
        ("diverse", None),
        (None, None),
        (1, None),
        (True, None),
    ],
)
def test_parse_gender(value: Any, gender: str | None) -> None:
    assert parse_gender(value) == gender


def test_the_row_model_carries_the_gender_into_the_query() -> None:
    job, problems = check_mapping({"id": "c1", "name": "Kirill Dmitriev", "sex": "M"}, 3)
    assert problems == []
    assert job == CheckedRow(3, "row 3", "c1", "Kirill Dmitriev", "Person", None, (), (), "male")
    assert job.query().gender == "male"
    query, ident, _ = check_fields({"name": "Kirill Dmitriev", "gender": "female"})
    assert query is not None and query.gender == "female" and ident is None
    # a value that says nothing still makes the row a person, with no gender
    job, _ = check_mapping({"name": "Kirill Dmitriev", "gender": "other"})
    assert job is not None and job.schema == "Person" and job.gender is None
    assert make_query("Kirill Dmitriev", gender="F").gender == "female"
    assert make_query("Kirill Dmitriev").gender is None


def _records() -> list[Any]:
    """The fixture listings, with Kirill Dmitriev (OFAC 34336, UK 14200) listed as male."""
    return [
        dataclasses.replace(r, gender="male") if r.source_id in ("34336", "14200") else r
        for r in fixture_records()
    ]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entries(entry_from_record(r) for r in _records())


def _best(lines: list[dict[str, Any]], row: int) -> dict[str, Any]:
    line = next(x for x in lines if x["row"] == row)
    return next(h for h in line["hits"] if h["listings"][0]["source_id"] == "34336")


def test_screen_file_weighs_the_gender(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "id,name,gender,dob\n"
        "c1,Kirill Dmitriev,,1975-04-12\n"
        "c2,Kirill Dmitriev,M,1975-04-12\n"
        "c3,Kirill Dmitriev,F,1975-04-12\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    summary = screen_file(path, out, screener, workers=1, threshold=0.0)
    assert summary.screened == 3 and summary.warnings == 0
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    none, male, female = (_best(lines, n) for n in (1, 2, 3))
    assert male["score"] == none["score"]  # the same gender is no evidence either way
    assert female["score"] < male["score"]
    (conflict,) = [f for f in female["features"] if f["feature"] == "gender"]
    assert conflict["contribution"] < 0 and "conflicts" in conflict["detail"]
    assert not [f for f in male["features"] if f["feature"] == "gender"]


def test_one_name_with_a_gender(screener: Screener, tmp_path: Path) -> None:
    def score(gender: str | None) -> float:
        result = screener.screen("Kirill Dmitriev", birth_date="1975", gender=gender)
        return next(h.score for h in result.hits if h.listings[0].source_id == "34336")

    assert score("F") < score("M") == score(None)
    # thaw screen --gender, against a store of the same listings
    home = tmp_path / "home"
    with Store(home) as store:
        fill(store, _records())
    scores = {}
    for gender in ("M", "F"):
        run = thaw("screen", "Kirill Dmitriev", "--gender", gender, "--json", "--home", home)
        assert run.code == 0, run
        scores[gender] = json.loads(run.out)["hits"][0]["score"]
    assert scores["F"] < scores["M"]
