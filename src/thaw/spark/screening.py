"""``thaw.spark.screen``: screen a Spark DataFrame, batch by batch, on the executors.

The driver prepares the screening index file (:mod:`thaw.spark.index_file`) and
ships it with ``SparkContext.addFile`` (or names a file on shared storage). The
DataFrame is then screened with ``mapInArrow``: each task receives its partition
as Arrow record batches (``spark.sql.execution.arrow.maxRecordsPerBatch`` rows
each), and the Python worker screens every row of a batch with the same row
model and the same party screener as ``thaw screen-file``
(:func:`thaw.screen.batch.check_mapping`,
:class:`~thaw.profiles.screening.PartyScreener`), then returns the batch's own
columns followed by the result columns. The index is loaded once per Python
worker (Spark reuses its workers across tasks) and cached by digest.

Result columns (appended to the input's, whose names must not clash with them):

``hits``          array of structs, best first, each as one hit of
                  ``screen-file``'s JSON contract: ``score``, ``schema``, ``name``,
                  ``matched_name``, ``listings`` (``source``, ``source_id``,
                  ``programs``, ``listed_on``, ``birth_estimates``: null where
                  the file's JSON leaves it out), ``profile_id``, ``explanation``,
                  ``features``;
``alert``         whether there is any hit;
``error``         why the row was not screened (no name, an invalid date, an
                  unknown schema …); ``hits`` and ``alert`` are then null, so an
                  unscreened row never reads as clear;
``warning``       a value that was dropped while the row was screened (an unknown
                  country), as ``screen-file`` warns;
``publications``  the active publication of every source the index was built
                  from (``source``, ``publication_id``, ``published``, ``sha256``),
                  for audit;
``ownership``     only with ``ownership=True``: the JSON array ``screen-file
                  --ownership`` writes under the same key (the ownership exposure of
                  every ownership party matching the screened name).

Analysts' decisions apply as in ``screen-file`` (unless ``decisions=False``): a
false positive still in force removes its hit, and a hit whose false positive was
reopened (the listing or the row changed) or that was decided a true match carries
``decision`` (``reopened`` or ``true_match``).
"""

from __future__ import annotations

import functools
import json
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pyarrow as pa

from thaw.decisions import Judge, query_fingerprint
from thaw.decisions.batch import apply_to_hits
from thaw.match import Query, threshold_for
from thaw.profiles.screening import PartyScreener
from thaw.screen.batch import (
    COUNTRY_COLUMNS,
    DATE_COLUMNS,
    FIRST_NAME_COLUMNS,
    GENDER_COLUMNS,
    LAST_NAME_COLUMNS,
    MIDDLE_NAME_COLUMNS,
    NAME_COLUMNS,
    CheckedRow,
    RowProblem,
    check_mapping,
)
from thaw.screen.columns import plan_columns
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

    from thaw.ownership.annotate import OwnershipAnnotator
    from thaw.store.state import Decision, Decisions

RESULT_COLUMNS = ("hits", "alert", "error", "warning", "publications")
"""The columns :func:`screen` appends to the input's."""

ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "name": NAME_COLUMNS,
    "schema": ("schema",),
    "birth_date": DATE_COLUMNS,
    "country": COUNTRY_COLUMNS,
    "id_number": ("id_number",),
    "id": ("id",),
    "gender": GENDER_COLUMNS,
    "first_name": FIRST_NAME_COLUMNS,
    "middle_name": MIDDLE_NAME_COLUMNS,
    "last_name": LAST_NAME_COLUMNS,
}
"""The row-model fields a DataFrame column can feed, each with the column names
``screen-file`` reads it from (:mod:`thaw.screen.batch`'s input contract). Each
field's own name is one of its column names, so a row given as ``{field: value}``
is checked by the file command's row model as it is."""

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
        ("birth_estimates", pa.list_(pa.string())),
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
        ("decision", pa.string()),
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
    decisions: Any = None
    """The team's decisions (``customer id → target id → decision``), as a Spark
    broadcast variable or the mapping itself; ``None``: none to apply."""
    ownership: Any = None
    """The ownership annotator (broadcast or itself); ``None``: no ``ownership`` column."""


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
    gender: str | None = None,
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
        "gender": gender,
    }
    return tuple(
        (field, _resolve(columns, column, field))
        for field, column in mapped.items()
        if column is not None
    )


def detect_columns(columns: list[str]) -> dict[str, str]:
    """The row-model fields found among ``columns`` as ``screen-file`` finds them
    (:func:`thaw.screen.columns.plan_columns`: headers as banks write them, in
    eight languages, ``Surname``, ``Given Names``, ``Date of Birth``,
    ``Geburtsdatum`` …), the first column of each field; keyword arguments for
    :func:`screen`. Further columns of one field (a second surname or country),
    which the file command joins, are not read here."""
    found: dict[str, str] = {}
    for position, key in plan_columns(columns).wanted():
        if key in ROW_FIELDS and key not in found:
            found[key] = columns[position]
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
    gender: str | None = None,
    limit: int = 10,
    algorithm: str = "thaw",
    index_file: str | Path | None = None,
    max_partitions: int | None = None,
    decisions: bool = True,
    ownership: bool = False,
) -> DataFrame:
    """Screen every row of ``df`` against the lists of the store under ``home``
    (default ``$THAW_HOME``); the result is lazy, like any DataFrame.

    Each keyword names the column holding that field (``None``: no such column):
    ``name`` the full name; ``first_name``, ``middle_name`` and ``last_name`` its
    parts, used when the row has no full name; ``schema``, ``birth_date``,
    ``country`` (ISO-2 codes or names, ``;``-separated or an array),
    ``id_number`` and ``gender`` as in ``screen-file``; ``id`` the row's
    identifier. Values are checked and screened exactly as ``screen-file`` does.

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
        gender=gender,
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
        decisions=_share(df, team_decisions(home)) if decisions else None,
        ownership=_share(df, ownership_annotator(home)) if ownership else None,
    )
    cap = max_partitions if max_partitions is not None else default_max_partitions(df)
    if cap is not None and df.rdd.getNumPartitions() > cap:
        df = df.coalesce(max(1, cap))
    output = result_schema(df.schema, ownership=ownership)
    return df.mapInArrow(functools.partial(screen_batches, plan=plan), output)


def team_decisions(home: str | Path | None) -> dict[str, dict[str, Decision]] | None:
    """Every customer's current decisions (``customer id → target id → latest
    decision``) from the team state of ``home``, or ``None`` when none was ever
    recorded (no state is created for a home that has none), as ``screen-file``
    reads them."""
    import os

    from thaw.store import default_home
    from thaw.store.state import open_state

    if not os.environ.get("THAW_DATABASE_URL") and not (default_home(home) / "state.db").exists():
        return None
    with open_state(Path(home) if home is not None else None) as state:
        found: dict[str, dict[str, Decision]] = {}
        for decision in state.decisions.list():  # in order: the latest wins
            found.setdefault(decision.customer_id, {})[decision.target_id] = decision
    return found or None


def ownership_annotator(home: str | Path | None) -> OwnershipAnnotator:
    """The ownership annotator of ``screen-file --ownership`` for the store of
    ``home`` (its analysis is done here, on the driver, once)."""
    from thaw.ownership.annotate import OwnershipAnnotator

    return OwnershipAnnotator(Path(home) if home is not None else None)


def _share(df: DataFrame, value: Any) -> Any:
    """``value``, pickled with cloudpickle (the ownership analysis holds lambdas),
    as a broadcast variable of ``df``'s session (sent once per executor, not with
    every task), or as the pickle itself under Spark Connect."""
    if value is None:
        return None
    from pyspark import cloudpickle

    data: bytes = cloudpickle.dumps(value)  # type: ignore[no-untyped-call]
    try:
        context = df.sparkSession.sparkContext
    except Exception:  # Spark Connect: no SparkContext on the client
        return data
    return context.broadcast(data)


_UNPICKLED: dict[int, tuple[bytes, Any]] = {}
"""Values of :func:`_share` unpickled in this Python worker, by the id of their
pickle (Spark keeps a broadcast's value for the worker's life)."""


def _shared(value: Any) -> Any:
    """The value :func:`_share` shared, unpickled once per worker."""
    from pyspark.broadcast import Broadcast

    data: bytes = value.value if isinstance(value, Broadcast) else value
    cached = _UNPICKLED.get(id(data))
    if cached is not None and cached[0] is data:
        return cached[1]
    unpickled = pickle.loads(data)
    _UNPICKLED[id(data)] = (data, unpickled)
    return unpickled


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


def result_schema(input_schema: StructType, *, ownership: bool = False) -> StructType:
    """The input's schema followed by the result columns (the Spark types of the
    Arrow types above), and ``ownership`` when asked for."""
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
        ("source", text),
        ("source_id", text),
        ("programs", ArrayType(text)),
        ("listed_on", text),
        ("birth_estimates", ArrayType(text)),
    )
    hit = struct(
        ("score", DoubleType()),
        ("schema", text),
        ("name", text),
        ("matched_name", text),
        ("listings", ArrayType(listing)),
        ("profile_id", text),
        ("explanation", text),
        ("decision", text),
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
    if ownership:
        result.append(StructField("ownership", text))
    return StructType([*input_schema.fields, *result])


# -- on the executors ------------------------------------------------------------------


def index_location(plan: ScreenPlan) -> str:
    """Where this executor finds the plan's index file."""
    if plan.index_path is not None:
        return plan.index_path
    from pyspark import SparkFiles

    return SparkFiles.get(plan.index_name)


def checked_rows(
    batch: pa.RecordBatch, columns: tuple[tuple[str, int], ...]
) -> Iterator[tuple[CheckedRow | None, list[RowProblem]]]:
    """Each row of ``batch`` read through the file command's row model
    (:func:`thaw.screen.batch.check_mapping`): the checked row (``None`` when it
    cannot be screened) and its problems. ``columns`` is a :func:`column_plan`;
    rows are numbered from 1 within the batch."""
    fields = [field for field, _ in columns]
    values = zip(*(batch.column(i).to_pylist() for _, i in columns), strict=True)
    for number, row in enumerate(values, start=1):
        yield check_mapping(dict(zip(fields, row, strict=True)), number)


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
    names = [*RESULT_COLUMNS, *(("ownership",) if plan.ownership is not None else ())]
    judge: Judge | None = None
    annotator = _shared(plan.ownership) if plan.ownership is not None else None
    for batch in batches:
        rows = batch.num_rows
        hits: list[list[dict[str, Any]] | None] = []
        alerts: list[bool | None] = []
        errors: list[str | None] = []
        warnings: list[str | None] = []
        owned: list[str | None] = []
        if rows:
            screener = load_screener(index_location(plan), plan.digest)
            if judge is None and plan.decisions is not None:
                judge = _judge(screener, _shared(plan.decisions))
            for job, problems in checked_rows(batch, plan.columns):
                warning = "; ".join(p.reason for p in problems if not p.skipped) or None
                error = "; ".join(p.reason for p in problems if p.skipped) or None
                if job is not None:
                    query, ident = job.query(), job.id
                    try:
                        result = screener.screen_query(query, row=job.row, id=ident, **options)
                    except Exception as exc:  # one odd row must not sink the job
                        error = f"could not be screened ({exc!r})"
                    else:
                        found = [_hit(h.to_dict()) for h in result.hits]
                        if judge is not None and found:
                            found = _decide(judge, ident, query, found)
                        hits.append(found)
                        alerts.append(bool(found))
                        errors.append(None)
                        warnings.append(warning)
                        if annotator is not None:
                            owned.append(_ownership(annotator, result.name))
                        continue
                hits.append(None)
                alerts.append(None)
                errors.append(error or "not screened")
                warnings.append(warning)
                owned.append(None)
        extra = [pa.array(owned, type=pa.string())] if annotator is not None else []
        yield pa.RecordBatch.from_arrays(
            [
                *batch.columns,
                pa.array(hits, type=HITS_TYPE),
                pa.array(alerts, type=pa.bool_()),
                pa.array(errors, type=pa.string()),
                pa.array(warnings, type=pa.string()),
                _repeat(publications, rows),
                *extra,
            ],
            names=[*batch.schema.names, *names],
        )


class _Recorded:
    """Decisions read on the driver, looked up per customer as
    :class:`~thaw.store.state.Decisions` looks them up in the state store."""

    def __init__(self, by_customer: dict[str, dict[str, Decision]]) -> None:
        self.by_customer = by_customer

    def for_customer(self, customer_id: str) -> dict[str, Decision]:
        return self.by_customer.get(customer_id, {})


def _judge(screener: PartyScreener, decisions: dict[str, dict[str, Decision]]) -> Judge:
    """The judge ``screen-file`` applies decisions with, over this worker's index."""
    members: dict[str, list[str]] = {}
    for (source, source_id), pid in screener.profile_of.items():
        members.setdefault(pid, []).append(f"{source}:{source_id}")
    # Judge reads a customer's decisions only through ``for_customer``
    return Judge(cast("Decisions", _Recorded(decisions)), screener.index, members)


def _decide(
    judge: Judge, ident: Any, query: Query, hits: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The hits of one row with its customer's decisions applied, as
    :func:`thaw.decisions.batch.apply_to_lines` applies them to ``screen-file``'s:
    suppressed hits dropped, the others marked ``reopened`` or ``true_match``."""
    decisions = judge.of(ident)
    if not decisions:
        return hits
    return apply_to_hits(judge, decisions, hits, query_fingerprint(query))


def _ownership(annotator: Any, name: str) -> str:
    """The ``ownership`` value of ``screen-file --ownership`` for a screened name, as JSON."""
    return json.dumps(annotator.exposures(name), ensure_ascii=False, separators=(",", ":"))


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
