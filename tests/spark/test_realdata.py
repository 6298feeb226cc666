"""Spark against the real lists: the bench rows alert and score as with screen-file."""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

import pytest

import thaw.spark
from tests.conftest import BENCH
from tests.spark.rows import file_results, spark_hits


@pytest.mark.realdata
def test_bench_rows_match_screen_file(spark: Any, real_home: Path, tmp_path: Path) -> None:
    rows: list[dict[str, str]] = []
    for name, count in (("positives_un.csv", 150), ("negatives_us.csv", 450)):
        with open(BENCH / name, encoding="utf-8") as fh:
            sample = list(csv.DictReader(fh))
        rows += random.Random(3).sample(sample, count)
    source = tmp_path / "bench.csv"
    columns = [
        "id",
        "full_name",
        "first_name",
        "middle_name",
        "last_name",
        "gender",
        "date_of_birth",
        "nationality",
    ]
    with open(source, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns, extrasaction="ignore")
        writer.writeheader()
        for i, row in enumerate(rows):
            writer.writerow({**row, "id": f"b{i}"})
    expected = file_results(source, real_home)
    df = spark.read.options(header=True).csv(str(source))
    result = thaw.spark.screen(
        df,
        birth_date="date_of_birth",
        country="nationality",
        id="id",
        home=real_home,
        first_name="first_name",
        middle_name="middle_name",
        last_name="last_name",
        gender="gender",
    )
    rows_out = result.select("id", "hits", "error").collect()
    assert len(rows_out) == len(rows)
    got = {r["id"]: spark_hits(r["hits"]) for r in rows_out if r["error"] is None}
    assert got == expected  # the same rows screened, with the same hits, scores and profiles
    assert sum(bool(h) for h in got.values()) >= 145  # the UN positives alert
