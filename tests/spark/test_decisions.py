"""Decisions and ownership on the Spark path: the output of ``screen-file`` with the
same flags (false positives suppressed or reopened, true matches marked; the
``ownership`` key of ``--ownership``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli._cli import thaw
from tests.cli.test_ownership import KYC, _person
from tests.conftest import publish
from tests.spark.rows import make_rows, spark_hits, write_csv
from thaw.decisions import query_fingerprint
from thaw.screen.batch import check_fields
from thaw.spark import screen
from thaw.store import Store
from thaw.store.state import Decision, open_state

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _file_lines(*args: str | Path) -> dict[str, dict[str, Any]]:
    """``id → line`` of ``thaw screen-file ARGS`` (one worker) written to a file."""
    *rest, out = args
    run = thaw("screen-file", *rest, "--output", out, "--workers", "1")
    assert run.code in (0, 2), run
    lines = [json.loads(x) for x in Path(out).read_text().splitlines()]
    return {str(x["id"]): x for x in lines}


def test_decisions_as_screen_file_applies_them(
    spark: Any, fixture_home: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(fixture_home, home)
    rows = make_rows(300, seed=5)
    source = write_csv(rows, tmp_path / "rows.csv")
    before = _file_lines(source, "--home", home, "--no-decisions", tmp_path / "before.jsonl")
    alerting = [i for i, line in before.items() if line["hits"]]
    assert len(alerting) >= 3
    suppressed, reopened, confirmed = alerting[:3]

    def target(row_id: str) -> str:
        hit = before[row_id]["hits"][0]
        return str(
            hit.get("profile_id")
            or f"{hit['listings'][0]['source']}:{hit['listings'][0]['source_id']}"
        )

    row = next(r for r in rows if r["id"] == suppressed)
    query, _, _ = check_fields(
        {
            "id": row["id"],
            "name": row["full_name"],
            "schema": row["schema"],
            "birth_date": row["date_of_birth"],
            "country": row["nationality"],
        }
    )
    assert query is not None
    with open_state(home) as state:
        for customer, verdict, listing_fp, customer_fp in (
            (suppressed, "false_positive", None, query_fingerprint(query)),
            (reopened, "false_positive", "an older version of the listing", None),
            (confirmed, "true_match", None, None),
        ):
            state.decisions.record(
                Decision(
                    customer,
                    target(customer),
                    verdict,
                    "test",
                    "tester",
                    None,
                    listing_fp,
                    customer_fp,
                )
            )
    expected = _file_lines(source, "--home", home, tmp_path / "after.jsonl")
    assert len(expected[suppressed]["hits"]) == len(before[suppressed]["hits"]) - 1
    assert expected[reopened]["hits"][0]["decision"] == "reopened"
    assert expected[confirmed]["hits"][0]["decision"] == "true_match"

    df = spark.read.options(header=True).csv(str(source)).repartition(3)
    columns = {"schema": "schema", "birth_date": "date_of_birth", "country": "nationality"}
    mapped: dict[str, Any] = {"name": "full_name", "id": "id", "home": home, **columns}
    got = {r["id"]: r for r in screen(df, **mapped).collect()}
    for row_id, line in expected.items():
        assert spark_hits(got[row_id]["hits"]) == line["hits"], row_id
        assert got[row_id]["alert"] == bool(line["hits"])
    # and without decisions, as --no-decisions
    plain = screen(df, decisions=False, **mapped).filter(f"id = '{suppressed}'").collect()
    assert len(spark_hits(plain[0]["hits"]) or []) == len(before[suppressed]["hits"])


@pytest.fixture(scope="module")
def ownership_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ownership example of ``tests/cli/test_ownership.py``: two listed people
    and a KYC file of the companies they own."""
    home = tmp_path_factory.mktemp("spark-ownership") / "home"
    with Store(home) as store:
        publish(
            store,
            "us_ofac_sdn",
            [
                _person("us_ofac_sdn", "1001", "IVANOV, Ivan", ["RUSSIA-EO14024"], "771234567890"),
                _person("us_ofac_sdn", "1002", "ZUEVA, Zinaida", ["UKRAINE-EO13660"], None),
            ],
        )
    folder = home.parent / "kyc" / "2026-02-01"
    folder.mkdir(parents=True)
    (folder / "kyc.csv").write_text(KYC)
    assert thaw("ownership", "load", folder / "kyc.csv", "--home", home).code == 0
    return home


def test_ownership_column_as_screen_file_ownership(
    spark: Any, ownership_home: Path, tmp_path: Path
) -> None:
    source = tmp_path / "rows.csv"
    source.write_text(
        "id,name\n1,Alpha Trading LLC\n2,Delta Shipping\n3,Unrelated Bakery GmbH\n4,Ivan Ivanov\n5,\n"
    )
    expected = _file_lines(source, "--ownership", "--home", ownership_home, tmp_path / "o.jsonl")
    df = spark.read.options(header=True).csv(str(source))
    result = screen(df, name="name", id="id", home=ownership_home, ownership=True)
    assert result.columns[-1] == "ownership"
    got = {r["id"]: r for r in result.collect()}
    assert set(expected) == {"1", "2", "3", "4"}
    for row_id, line in expected.items():
        assert json.loads(got[row_id]["ownership"]) == line["ownership"], row_id
    assert json.loads(got["1"]["ownership"])[0]["party"]["key"] == "kyc:A1"
    assert got["5"]["ownership"] is None and got["5"]["error"] == "no name"
    # without the flag there is no such column
    assert "ownership" not in screen(df, name="name", id="id", home=ownership_home).columns


def test_decisions_then_ownership_as_screen_file(
    spark: Any, ownership_home: Path, tmp_path: Path
) -> None:
    """Both steps after screening, in ``screen-file``'s order: a row's false
    positive removes its hit, and its ownership exposure is still reported."""
    home = tmp_path / "home"
    shutil.copytree(ownership_home, home)
    source = tmp_path / "rows.csv"
    source.write_text("id,name\n1,Alpha Trading LLC\n4,Ivan Ivanov\n6,Zinaida Zueva\n")
    before = _file_lines(source, "--no-decisions", "--home", home, tmp_path / "b.jsonl")
    hit = before["4"]["hits"][0]
    listing = hit["listings"][0]
    target = hit.get("profile_id") or f"{listing['source']}:{listing['source_id']}"
    with open_state(home) as state:
        state.decisions.record(Decision("4", target, "false_positive", "test", "tester"))
    expected = _file_lines(source, "--ownership", "--home", home, tmp_path / "a.jsonl")
    assert len(expected["4"]["hits"]) == len(before["4"]["hits"]) - 1
    assert expected["4"]["ownership"] and expected["6"]["hits"]
    df = spark.read.options(header=True).csv(str(source))
    got = {
        r["id"]: r for r in screen(df, name="name", id="id", home=home, ownership=True).collect()
    }
    assert set(got) == set(expected)
    for row_id, line in expected.items():
        assert spark_hits(got[row_id]["hits"]) == line["hits"], row_id
        assert json.loads(got[row_id]["ownership"]) == line["ownership"], row_id
