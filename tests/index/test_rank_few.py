"""Ranking a handful of proposed listings in plain Python gives what the NumPy
ranking gives: the same positions, coverages (bit for bit) and order.

:meth:`CandidateIndex.candidates` ends in ``_rank_few`` when the strongest units
propose few positions, and in ``_rank`` otherwise. Both are run here on the same
inputs, over an index of overlapping names (shared given names and surnames,
joined and split spellings, four schemata, identifiers), at several coverages,
limits and schemata.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from thaw.index import CandidateIndex, entry_from_record
from thaw.index.candidates import id_keys
from thaw.model import Identifier, Name, Record
from thaw.text import analyze_name

GIVEN = ["Abdul", "Rahman", "Omar", "Mohammed", "Ali", "Ivan", "Anna", "Maria", "Kim"]
FAMILY = ["Abdulrahman", "Petrov", "Petrova", "Hassan", "Al Hassan", "Jong Un", "Smith"]
SCHEMATA = ["Person", "Organization", "LegalEntity", "Vessel"]


def _records() -> list[Record]:
    records = []
    for n, (given, family) in enumerate(itertools.product(GIVEN, FAMILY)):
        schema = SCHEMATA[n % len(SCHEMATA)]
        names = [Name(f"{given} {family}")]
        if n % 3 == 0:
            names.append(Name(f"{family}, {given}", kind="alias"))
        ids = [Identifier("passport", f"P{n:07d}")] if n % 5 == 0 else []
        records.append(Record("un_sc", f"X{n}", schema, names=names, identifiers=ids))
    records.append(Record("un_sc", "TRADING", "Organization", names=[Name("Omar Trading LLC")]))
    return records


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    return CandidateIndex.build(entry_from_record(r) for r in _records())


QUERIES = [
    "Abdul Rahman Hassan",
    "Abdulrahman Omar",
    "Omar Abdul Rahman",
    "Ivan Petrov",
    "Anna Petrova Smith",
    "Maria Smith",
    "Kim Jong Un",
    "Mohamed Ali Al Hassan",
    "Mr Omar Hassan",
    "Omar Trading",
    "Smith",
    "Ali",
    "Zebulon Quaxley",
]


@pytest.mark.parametrize("query", QUERIES)
def test_both_rankings_agree(index: CandidateIndex, query: str) -> None:
    compared = 0
    for schema in (None, "Person", "Organization", "Vessel"):
        name = analyze_name(query, schema)
        units, joins = index._units(name)
        allowed = index._schema_mask(schema) if schema is not None else None
        for numbers in ((), ("P0000000",), ("P0000005", "P0000010")):
            forced = [
                index._posting(index._slots["i:" + key])
                for number in numbers
                for key in id_keys(number)
                if "i:" + key in index._slots
            ]
            for cover in (0.0, 0.3, 0.5, 0.8):
                arrays = index._essential(units, cover)
                arrays.extend(index._posting(slot) for slot, _, _ in joins)
                if not arrays and not forced:
                    continue
                for limit in (1, 2, 3, 50):
                    args = (units, joins, list(arrays), list(forced), allowed, limit, cover)
                    plain = index._rank_few(*args)
                    numpy = index._rank(*args)
                    assert [(c.position, c.coverage) for c in plain] == [
                        (c.position, c.coverage) for c in numpy
                    ], (query, schema, numbers, cover, limit)
                    compared += 1
    if query != "Zebulon Quaxley":
        assert compared  # (each query meets some listing)


def test_coverage_is_summed_unit_by_unit_as_numpy_sums() -> None:
    # the plain ranking adds weighted single-precision credits row by row; NumPy's
    # sum over the units' axis must do the same for fewer than eight units
    rng = np.random.default_rng(7)
    levels = np.array([0.0, 0.75, 0.9, 0.95 * 0.83, 1.0], dtype=np.float32)
    for _ in range(2_000):
        units = int(rng.integers(1, 8))
        size = int(rng.integers(1, 12))
        credit = rng.choice(levels, size=(units, size)).astype(np.float32)
        raw = (rng.random(units) * 5).tolist()
        total = sum(raw)
        weights = [w / total for w in raw]
        expected = (credit * np.array(weights)[:, None]).sum(axis=0).tolist()
        rows = credit.tolist()
        for n in range(size):
            value = rows[0][n] * weights[0]
            for k in range(1, units):
                value += rows[k][n] * weights[k]
            assert value == expected[n]
