"""The index file shipped to the executors: prepared once, refused when missing
or stale, on the driver and on the executors."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

import thaw.spark
from tests.conftest import publish
from tests.index.fixture_store import fill, fixture_records
from thaw.model import Name, Record
from thaw.spark import SparkIndexError, open_index_file, prepare_index_file
from thaw.spark.index_file import load_screener, read_header
from thaw.store import Store


def _unique_home(root: Path) -> Path:
    """A store with the fixture listings and one listing of its own, so that its
    index digest is one no Python worker has cached yet."""
    home = root / uuid.uuid4().hex
    with Store(home) as store:
        fill(store, fixture_records())
        extra = Record("xx_test", uuid.uuid4().hex, "Person", names=[Name("Zebulon Quaxworth")])
        publish(store, "xx_test", [extra])
    return home


def test_prepared_once_and_reused(tmp_path: Path, fixture_home: Path) -> None:
    first = prepare_index_file(fixture_home)
    stamp = first.path.stat().st_mtime_ns
    again = prepare_index_file(fixture_home)
    assert again == first and again.path.stat().st_mtime_ns == stamp
    assert first.path.parent == fixture_home / "spark"
    header = read_header(first.path)
    assert header["digest"] == first.digest
    assert {p["source"] for p in header["publications"]} == {"uk_hmt_ofsi", "un_sc", "us_ofac_sdn"}
    screener = load_screener(first.path, first.digest)
    assert load_screener(first.path, first.digest) is screener  # cached by digest
    assert screener.screen("Kirill Dmitriev").hits


def test_not_an_index_file(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.thawidx"
    bogus.write_bytes(b"PK\x03\x04 something else\n")
    with pytest.raises(SparkIndexError, match="not a thaw screening index file"):
        read_header(bogus)


def test_missing_index_file_on_the_driver(spark: Any, tmp_path: Path) -> None:
    df = spark.createDataFrame([("a", "Kirill Dmitriev")], "customer_id string, full_name string")
    with pytest.raises(SparkIndexError, match="missing"):
        thaw.spark.screen(df, index_file=tmp_path / "nowhere.thawidx")


def test_missing_index_file_on_the_executors(spark: Any, tmp_path: Path) -> None:
    home = _unique_home(tmp_path)
    shared = prepare_index_file(home, tmp_path / "shared" / "index.thawidx")
    df = spark.createDataFrame([("a", "Kirill Dmitriev")], "customer_id string, full_name string")
    result = thaw.spark.screen(df, index_file=shared.path)  # planned: the file is there
    shared.path.unlink()
    with pytest.raises(Exception, match="screening index file .* is missing on"):
        result.collect()


def test_stale_index_file_on_the_driver(spark: Any, tmp_path: Path) -> None:
    home = _unique_home(tmp_path)
    shared = prepare_index_file(home, tmp_path / "index.thawidx")
    assert open_index_file(shared.path, home).digest == shared.digest
    with Store(home) as store:  # a new publication after the file was built
        publish(
            store,
            "xx_test",
            [Record("xx_test", "2", "Person", names=[Name("Other Person")])],
            "2024-02-01",
        )
    df = spark.createDataFrame([("a", "Kirill Dmitriev")], "customer_id string, full_name string")
    with pytest.raises(SparkIndexError, match="stale"):
        thaw.spark.screen(df, home=home, index_file=shared.path)
    # without a store to compare with, the file is taken as it is
    first = thaw.spark.screen(df, index_file=shared.path).first()
    assert first is not None and first["alert"]


def test_stale_index_file_on_the_executors(spark: Any, tmp_path: Path) -> None:
    home, other = _unique_home(tmp_path), _unique_home(tmp_path)
    path = tmp_path / "shared" / "index.thawidx"
    planned = prepare_index_file(home, path)
    df = spark.createDataFrame([("a", "Kirill Dmitriev")], "customer_id string, full_name string")
    result = thaw.spark.screen(df, index_file=path)
    replaced = prepare_index_file(other, path)  # rebuilt from other lists after planning
    assert replaced.digest != planned.digest
    with pytest.raises(Exception, match=f"is stale: it holds index {replaced.digest}"):
        result.collect()
