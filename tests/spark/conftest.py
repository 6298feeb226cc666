"""One local Spark session for the whole test session (local[2], no UI, few
shuffle partitions): starting Spark costs seconds, so every Spark test shares it."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.index.fixture_store import fill, fixture_records
from thaw.store import Store


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the Spark tests: {what}")
    pytest.skip(what)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """A local[2] SparkSession; skipped without Java or pyspark outside CI, a
    failure in CI."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        _missing("pyspark is not installed")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _missing("java is not installed (Spark needs Java 17)")
    # the executors' Python workers must run this interpreter (it has thaw)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("thaw-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
        # start-up CPU halves with the quick JIT only and the serial collector
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def fixture_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store home holding the twelve fixture listings (shared: read-only)."""
    home = tmp_path_factory.mktemp("spark-home")
    with Store(home) as store:
        fill(store, fixture_records())
    return home
