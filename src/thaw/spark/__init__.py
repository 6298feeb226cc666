"""Screening on Apache Spark: the same results as ``thaw screen-file``, where the data is.

Usage::

    import thaw.spark
    result = thaw.spark.screen(customers, name="full_name", birth_date="dob",
                               country="nationality", id="customer_id")
    result.filter("alert").write.parquet("s3://bank/screening/2026-03-01")

:func:`screen` appends ``hits`` (the hits of ``screen-file``'s JSON contract),
``alert``, ``error``, ``warning`` and ``publications`` to the DataFrame's columns
(:mod:`thaw.spark.screening`). The driver prepares the screening index from the
embedded store once and ships it as a file; each executor's Python worker loads it
once (:mod:`thaw.spark.index_file`). ``thaw screen-file --engine spark`` runs the
same from the command line (:mod:`thaw.spark.job`). pyspark is the optional extra
``thaw[spark]``; importing this package does not import it.

See ``docs/SPARK.md`` for running on a cluster and sizing it.
"""

from __future__ import annotations

from thaw.spark.index_file import (
    IndexFile,
    Publication,
    SparkIndexError,
    open_index_file,
    prepare_index_file,
)
from thaw.spark.screening import RESULT_COLUMNS, detect_columns, screen

__all__ = [
    "RESULT_COLUMNS",
    "IndexFile",
    "Publication",
    "SparkIndexError",
    "detect_columns",
    "open_index_file",
    "prepare_index_file",
    "screen",
]
