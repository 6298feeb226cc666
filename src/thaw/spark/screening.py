"""``thaw.spark.screen``: screen a Spark DataFrame, batch by batch, on the executors.

The driver prepares the screening index file (:mod:`thaw.spark.index_file`) and
ships it with ``SparkContext.addFile`` (or names a file on shared storage). The
DataFrame is then screened with ``mapInArrow``: each task receives its partition
as Arrow record batches (``spark.sql.execution.arrow.maxRecordsPerBatch`` rows
each), and the Python worker screens every row of a batch with the same row
model and the same party screener as ``thaw screen-file``
(:func:`thaw.screen.batch.check_fields`,
:class:`~thaw.profiles.screening.PartyScreener`), then returns the batch's own
columns followed by the result columns. The index is loaded once per Python
worker (Spark reuses its workers across tasks) and cached by digest.

Result columns (appended to the input's, whose names must not clash with them):

``hits``          array of structs, best first, each as one hit of
                  ``screen-file``'s JSON contract: ``score``, ``schema``, ``name``,
                  ``matched_name``, ``listings`` (``source``, ``source_id``,
                  ``programs``, ``listed_on``), ``profile_id``, ``explanation``, ``features``;
``alert``         whether there is any hit;
``error``         why the row was not screened (no name, an invalid date, an
                  unknown schema …); ``hits`` and ``alert`` are then null, so an
                  unscreened row never reads as clear;
``warning``       a value that was dropped while the row was screened (an unknown
                  country), as ``screen-file`` warns;
``publications``  the active publication of every source the index was built
                  from (``source``, ``publication_id``, ``published``, ``sha256``),
                  for audit.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from thaw.match import threshold_for
from thaw.screen.batch import KNOWN_COLUMNS, check_fields
from thaw.spark.index_file import (
    IndexFile,
    Publication,
    load_screener,
    open_index_file,
    prepare_index_file,
)

if TYPE_CHECKING:  # pyspark is an optional dependency, imported when screening
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

RESULT_COLUMNS = ("hits", "alert", "error", "warning", "publications")
"""The columns :func:`screen` appends to the input's."""

NAME_PARTS = ("first_name", "middle_name", "last_name")

TASKS_PER_CORE = 64
"""At most this many partitions per core are screened as they are; more are
coalesced (see :func:`screen`): a task's fixed cost then stays small beside its
rows, and 64 tasks per core still balance uneven partitions."""

LISTING_TYPE = pa.struct(
    [
        ("source", pa.string()),
        ("source_id", pa.string()),
        ("programs", pa.list_(pa.string())),
        ("listed_on", pa.string()),
    ]
)
HIT_TYPE = pa.struct(
    [
        ("score", pa.float64()),
        ("schema", pa.string()),
        ("name", pa.string()),
        ("matched_name", pa.string()),
        ("listings", pa.list_(LISTING_TYPE)),
        ("profile_id", pa.string()),
        ("explanation", pa.string()),
        (
            "features",
            pa.list_(
                pa.struct(
                    [
                        ("feature", pa.string()),
                        ("contribution", pa.float64()),
                        ("detail", pa.string()),
                    ]
                )
            ),
        ),
    ]
)
HITS_TYPE = pa.list_(HIT_TYPE)
PUBLICATIONS_TYPE = pa.list_(
    pa.struct(
        [
            ("source", pa.string()),
            ("publication_id", pa.int64()),
            ("published", pa.string()),
            ("sha256", pa.string()),
        ]
    )
)


@dataclass(frozen=True, slots=True)
class ScreenPlan:
    """What every task needs, sent to the executors with the batch function:
    which input column feeds which field of the row model, the index file, and
    the screening options."""

    columns: tuple[tuple[str, int], ...]
    """(row-model field, position of the input column) pairs."""
    index_name: str
    index_path: str | None
    """A path every executor can read, or ``None``: the file was shipped with
    ``addFile`` and is found with ``SparkFiles.get(index_name)``."""
    digest: str
    publications: tuple[Publication, ...]
    threshold: float | None
    limit: int
    algorithm: str


def _resolve(columns: list[str], wanted: str, role: str) -> int:
    """The position of column ``wanted`` (exact name first, then ignoring case, as
    Spark resolves names)."""
    if wanted in columns:
        return columns.index(wanted)
    folded = [i for i, c in enumerate(columns) if c.lower() == wanted.lower()]
    if len(folded) == 1:
        return folded[0]
    if folded:
        raise ValueError(f"{role} column {wanted!r} is ambiguous: {len(folded)} columns match")
    raise ValueError(
        f"{role} column {wanted!r} not found; the DataFrame has {', '.join(columns) or 'none'}"
        + (" (pass id=None for no id)" if role == "id" else "")
    )


def column_plan(
    columns: list[str],
    *,
    name: str | None,
    schema: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    id_number: str | None = None,
    id: str | None = None,
    first_name: str | None = None,
    middle_name: str | None = None,
    last_name: str | None = None,
) -> tuple[tuple[str, int], ...]:
    """Which input column (by position) feeds which row-model field; a clear
    ``ValueError`` for a missing column or when no name column is given."""
    if name is None and not (first_name or middle_name or last_name):
        raise ValueError("give a name column (name=...) or name-part columns (first_name=...)")
    clash = [c for c in columns if c.lower() in RESULT_COLUMNS]
    if clash:
        raise ValueError(
            f"the DataFrame already has column(s) {', '.join(clash)}, which screening "
            "adds; rename them first"
        )
    mapped = {
        "name": name,
        "schema": schema,
        "birth_date": birth_date,
        "country": country,
        "id_number": id_number,
        "id": id,
        "first_name": first_name,
        "middle_name": middle_name,
        "last_name": last_name,
    }
    return tuple(
        (field, _resolve(columns, column, field))
        for field, column in mapped.items()
        if column is not None
    )


def detect_columns(columns: list[str]) -> dict[str, str]:
    """The row-model fields found among ``columns`` by the file command's rules
    (case-insensitive names: ``name`` or ``full_name``, ``birth_date`` or
    ``date_of_birth``, ``nationality`` or ``country``, ``id``, ``schema``,
    ``id_number``, and ``first_name``, ``middle_name``, ``last_name``); keyword
    arguments for :func:`screen`."""
    found: dict[str, str] = {}
    by_lower = {c.lower().lstrip("\ufeff").strip(): c for c in reversed(columns)}
    for field, aliases in (
        ("name", ("name", "full_name")),
        ("birth_date", ("birth_date", "date_of_birth")),
        ("country", ("nationality", "country")),
        ("id", ("id",)),
        ("schema", ("schema",)),
        ("id_number", ("id_number",)),
        *((part, (part,)) for part in NAME_PARTS),
    ):
        for alias in aliases:
            if alias in by_lower:
                found[field] = by_lower[alias]
                break
    return found


def screen(
    df: DataFrame,
    name: str | None = "full_name",
    schema: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    id_number: str | None = None,
    id: str | None = "customer_id",
    threshold: float | None = None,
    home: str | Path | None = None,
    first_name: str | None = None,
    middle_name: str | None = None,
    last_name: str | None = None,
    *,
    limit: int = 10,
    algorithm: str = "thaw",
    index_file: str | Path | None = None,
    max_partitions: int | None = None,
) -> DataFrame:
    """Screen every row of ``df`` against the lists of the store under ``home``
    (default ``$THAW_HOME``); the result is lazy, like any DataFrame.

    Each keyword names the column holding that field (``None``: no such column):
    ``name`` the full name; ``first_name``, ``middle_name`` and ``last_name`` its
    parts, used when the row has no full name; ``schema``, ``birth_date``,
    ``country`` (ISO-2 codes or names, ``;``-separated or an array) and
    ``id_number`` as in ``screen-file``; ``id`` the row's identifier. Values are
    checked and screened exactly as ``screen-file`` does.

    Returns the input's columns followed by ``hits``, ``alert``, ``error``,
    ``warning`` and ``publications`` (see the module docs). ``threshold`` and
    ``limit`` are those of ``screen-file``.

    ``index_file`` names an index file already on storage every executor can read
    (made by :func:`~thaw.spark.prepare_index_file`); by default the index is
    prepared from the store and shipped with ``SparkContext.addFile``. With both
    ``index_file`` and ``home``, a file not built from the store's current lists
    is refused as stale.

    Each partition is one Spark task, and each task costs some fixed time (tens of
    milliseconds) whatever its size. A DataFrame with more partitions than
    ``max_partitions`` (default: :data:`TASKS_PER_CORE` per core of the cluster)
    is therefore coalesced to that many first: no shuffle, neighbouring
    partitions are merged, no row moves between machines needlessly.
    """
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], not {threshold}")
    threshold_for(algorithm)  # an unknown algorithm is refused here, not per row
    columns = column_plan(
        list(df.columns),
        name=name,
        schema=schema,
        birth_date=birth_date,
        country=country,
        id_number=id_number,
        id=id,
        first_name=first_name,
        middle_name=middle_name,
        last_name=last_name,
    )
    shipped: IndexFile
    if index_file is None:
        shipped = prepare_index_file(home)
        ship(df, shipped)
        where: str | None = None
    else:
        shipped = open_index_file(index_file, home)
        where = str(shipped.path)
    plan = ScreenPlan(
        columns=columns,
        index_name=shipped.name,
        index_path=where,
        digest=shipped.digest,
        publications=shipped.publications,
        threshold=threshold,
        limit=limit,
        algorithm=algorithm,
    )
    cap = max_partitions if max_partitions is not None else default_max_partitions(df)
    if cap is not None and df.rdd.getNumPartitions() > cap:
        df = df.coalesce(max(1, cap))
    return df.mapInArrow(functools.partial(screen_batches, plan=plan), result_schema(df.schema))


def default_max_partitions(df: DataFrame) -> int | None:
    """:data:`TASKS_PER_CORE` times the cores the job can use: the executors' cores,
    or with dynamic allocation the most it may allocate (``None``, no limit, when
    that is unbounded or unknown, as under Spark Connect)."""
    try:
        context = df.sparkSession.sparkContext
    except Exception:  # Spark Connect: no SparkContext on the client
        return None
    conf = context.getConf()
    if conf.get("spark.dynamicAllocation.enabled", "false").lower() == "true":
        most = conf.get("spark.dynamicAllocation.maxExecutors")
        if most is None or not most.isdigit():
            return None
        cores = int(most) * int(conf.get("spark.executor.cores", "1") or "1")
    else:
        cores = context.defaultParallelism
    return TASKS_PER_CORE * max(1, cores)


def ship(df: DataFrame, index: IndexFile) -> None:
    """Send the index file to every executor of ``df``'s session (once per
    session: Spark ignores a path it already distributes). Under Spark Connect,
    which has no ``SparkContext``, the file goes as a session artifact."""
    spark = df.sparkSession
    try:
        context = spark.sparkContext
    except Exception:  # Spark Connect: no SparkContext on the client
        spark.addArtifacts(str(index.path), file=True)
        return
    context.addFile(str(index.path))


def result_schema(input_schema: StructType) -> StructType:
    """The input's schema followed by the result columns (the Spark types of the
    Arrow types above)."""
    from pyspark.sql.types import (
        ArrayType,
        BooleanType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    def struct(*fields: tuple[str, Any]) -> StructType:
        return StructType([StructField(name, kind) for name, kind in fields])

    text = StringType()
    listing = struct(
        ("source", text), ("source_id", text), ("programs", ArrayType(text)), ("listed_on", text)
    )
    hit = struct(
        ("score", DoubleType()),
        ("schema", text),
        ("name", text),
        ("matched_name", text),
        ("listings", ArrayType(listing)),
        ("profile_id", text),
        ("explanation", text),
        (
            "features",
            ArrayType(struct(("feature", text), ("contribution", DoubleType()), ("detail", text))),
        ),
    )
    publication = struct(
        ("source", text), ("publication_id", LongType()), ("published", text), ("sha256", text)
    )
    result = [
        StructField("hits", ArrayType(hit)),
        StructField("alert", BooleanType()),
        StructField("error", text),
        StructField("warning", text),
        StructField("publications", ArrayType(publication)),
    ]
    return StructType([*input_schema.fields, *result])


# -- on the executors ------------------------------------------------------------------


def index_location(plan: ScreenPlan) -> str:
    """Where this executor finds the plan's index file."""
    if plan.index_path is not None:
        return plan.index_path
    from pyspark import SparkFiles

    return SparkFiles.get(plan.index_name)


_NAME_PARTS_KNOWN = all(part in KNOWN_COLUMNS for part in NAME_PARTS)
"""Whether the file command's row model reads name parts itself."""


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    """The row-model fields of one row; the full name is joined from its parts when
    the row has none and the row model does not do so itself."""
    if not _NAME_PARTS_KNOWN and not _has_text(values.get("name")):
        parts = [str(values[p]).strip() for p in NAME_PARTS if _has_text(values.get(p))]
        if parts:
            values = {**values, "name": " ".join(parts)}
    return values


def _has_text(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def screen_batches(batches: Iterator[pa.RecordBatch], plan: ScreenPlan) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: each input batch, with the result columns."""
    publications = pa.array(
        [
            {
                "source": p.source,
                "publication_id": p.publication_id,
                "published": p.published,
                "sha256": p.sha256,
            }
            for p in plan.publications
        ],
        type=PUBLICATIONS_TYPE.value_type,
    )
    options: dict[str, Any] = {
        "threshold": plan.threshold,
        "limit": plan.limit,
        "algorithm": plan.algorithm,
    }
    fields = [field for field, _ in plan.columns]
    for batch in batches:
        rows = batch.num_rows
        hits: list[list[dict[str, Any]] | None] = []
        alerts: list[bool | None] = []
        errors: list[str | None] = []
        warnings: list[str | None] = []
        if rows:
            screener = load_screener(index_location(plan), plan.digest)
            values = zip(*(batch.column(i).to_pylist() for _, i in plan.columns), strict=True)
            for number, row in enumerate(values, start=1):
                query, ident, problems = check_fields(_fields(dict(zip(fields, row, strict=True))))
                warning = "; ".join(p.reason for p in problems if not p.skipped) or None
                error = "; ".join(p.reason for p in problems if p.skipped) or None
                if query is not None:
                    try:
                        result = screener.screen_query(query, row=number, id=ident, **options)
                    except Exception as exc:  # one odd row must not sink the job
                        error = f"could not be screened ({exc!r})"
                    else:
                        found = [_hit(h.to_dict()) for h in result.hits]
                        hits.append(found)
                        alerts.append(bool(found))
                        errors.append(None)
                        warnings.append(warning)
                        continue
                hits.append(None)
                alerts.append(None)
                errors.append(error or "not screened")
                warnings.append(warning)
        yield pa.RecordBatch.from_arrays(
            [
                *batch.columns,
                pa.array(hits, type=HITS_TYPE),
                pa.array(alerts, type=pa.bool_()),
                pa.array(errors, type=pa.string()),
                pa.array(warnings, type=pa.string()),
                _repeat(publications, rows),
            ],
            names=[*batch.schema.names, *RESULT_COLUMNS],
        )


def _repeat(publications: pa.Array, rows: int) -> pa.Array:
    """The publications list once per row, sharing one set of values (building
    ``rows`` copies from Python objects would cost more than it should)."""
    count = len(publications)
    offsets = pa.array(np.arange(rows + 1, dtype=np.int32) * count)
    values = publications.take(pa.array(np.tile(np.arange(count, dtype=np.int32), rows)))
    return pa.ListArray.from_arrays(offsets, values, type=PUBLICATIONS_TYPE)


def _hit(data: dict[str, Any]) -> dict[str, Any]:
    data.setdefault("profile_id", None)
    return data
