"""Rows to screen: perturbed listed names, unlisted names and bad rows, and the
file command's results for the same rows (the reference for equivalence)."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from typing import Any

from thaw.profiles.screening import PartyScreener
from thaw.screen.batch import screen_file

LISTED = [
    ("Kirill Dmitriev", "Person", "1975-04-12", "ru"),
    ("DMITRIEV Kirill Aleksandrovich", "Person", "1975", "Russia"),
    ("Кирилл Дмитриев", None, None, None),
    ("Kiril Dmitriyev", "Person", None, "ru"),
    ("Kirill Petrov", "Person", "1981", None),
    ("Sergei Dmitriev", "Person", "1962-01-05", "ru"),
    ("Russian Direct Investment Fund", "Organization", None, "ru"),
    ("Banco Nacional de Cuba", "Company", None, "cu"),
    ("Ocean Princess", "Vessel", None, None),
    ("Abdul Rahman Yasin", None, "1960", "Iraq"),
    ("Mohammed Ali Hassan Al Sayed", "Person", "1958", "eg"),
    ("Jean Pierre Bemba", "Person", None, "cd"),
    ("Al Haramain Foundation", None, None, None),
]
FIRST = ["John", "Maria", "Wei", "Fatima", "Olga", "Pierre", "Kirill", "Ana", "Sergei", "Yuki"]
LAST = ["Smith", "Garcia", "Chen", "Haddad", "Ivanova", "Dubois", "Novak", "Silva", "Dmitrenko"]
BAD = [
    ("", "Person", None, None),  # no name
    ("   ", None, None, None),  # no name
    ("Kiril Dmitriev", "Person", "1975-13-01", None),  # invalid date
    ("Ocean Princess", "Dog", None, None),  # unknown schema
]
COLUMNS = ["id", "full_name", "schema", "date_of_birth", "nationality"]


def make_rows(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` rows: one in six listed (perturbed), one in fifty bad, the rest
    made-up people; ids ``r1`` … in order."""
    rnd = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for i in range(1, count + 1):
        if i % 50 == 0:
            name, schema, dob, country = BAD[(i // 50) % len(BAD)]
        elif i % 6 == 0:
            name, schema, dob, country = rnd.choice(LISTED)
            if rnd.random() < 0.3:
                name = name.upper()
        else:
            name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
            schema = "Person" if rnd.random() < 0.5 else None
            dob = f"{rnd.randint(1940, 2005)}" if rnd.random() < 0.5 else None
            country = rnd.choice(["us", "gb", "ru", "Narnia", None])  # Narnia: a warning
        rows.append(
            {
                "id": f"r{i}",
                "full_name": name,
                "schema": schema,
                "date_of_birth": dob,
                "nationality": country,
            }
        )
    return rows


def write_csv(rows: list[dict[str, Any]], path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return path


def file_results(csv_path: Path, home: Path, **kw: Any) -> dict[Any, list[dict[str, Any]]]:
    """``id → hits`` as ``thaw screen-file`` writes them (rows it skipped absent)."""
    out = io.StringIO()
    screen_file(csv_path, out, PartyScreener(home), workers=1, **kw)
    return {line["id"]: line["hits"] for line in map(json.loads, out.getvalue().splitlines())}


def spark_hits(hits: list[Any] | None) -> list[dict[str, Any]] | None:
    """Spark's ``hits`` as the file command's JSON (``profile_id``, ``decision``
    and a listing's ``birth_estimates`` only when set)."""
    if hits is None:
        return None
    out = []
    for hit in hits:
        data = hit.asDict(recursive=True)
        for key in ("profile_id", "decision"):
            if data.get(key) is None:
                data.pop(key, None)
        for listing in data.get("listings") or []:
            if listing.get("birth_estimates") is None:
                listing.pop("birth_estimates", None)
        out.append(data)
    return out
