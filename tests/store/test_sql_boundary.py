"""Only ``thaw.store`` speaks SQL: no module outside ``src/thaw/store/`` imports a
database driver (``sqlite3``, ``psycopg``), runs a statement (``execute``,
``executemany``, ``executescript``) or holds SQL text in a string. A package that
needs data from a table asks a function of ``thaw.store``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "thaw"
STORE = SRC / "store"

EXECUTE = frozenset({"execute", "executemany", "executescript"})
SQL = re.compile(
    r"\bSELECT\b[\s\S]+\bFROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bDELETE\s+FROM\b"
    r"|\bUPDATE\s+\w+\s+SET\b|\b(?:CREATE|DROP|ALTER)\s+(?:TABLE|INDEX|VIEW)\b"
    r"|\bBEGIN\s+(?:IMMEDIATE|EXCLUSIVE|DEFERRED|TRANSACTION)\b|\bPRAGMA\s+\w+"
)
"""SQL statements as written in thaw (keywords in capitals)."""

DRIVERS = frozenset({"sqlite3", "psycopg", "psycopg2", "psycopg_pool", "apsw"})
"""Database drivers: only ``thaw.store`` opens connections."""


def driver_imports(source: str) -> list[tuple[int, str]]:
    """``(line, module)`` for every import of a database driver in ``source``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        else:
            continue
        found.extend((node.lineno, name) for name in names if name.split(".")[0] in DRIVERS)
    return found


def sql_in(source: str) -> list[tuple[int, str]]:
    """``(line, what)`` for every statement call and SQL string in ``source``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in EXECUTE
        ):
            found.append((node.lineno, f".{node.func.attr}(...)"))
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):  # an f-string: its literal parts
            text = "".join(
                str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
            )
        else:
            continue
        match = SQL.search(text)
        if match:
            found.append((node.lineno, repr(match.group(0)[:40])))
    return found


def test_no_sql_outside_the_store() -> None:
    modules = [p for p in sorted(SRC.rglob("*.py")) if STORE not in p.parents]
    assert len(modules) > 50  # the tree was found
    offenders = [
        f"{path.relative_to(SRC.parent)}:{line}: {what}"
        for path in modules
        for line, what in sql_in(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "SQL outside thaw.store:\n" + "\n".join(offenders)


def test_no_database_driver_outside_the_store() -> None:
    modules = [p for p in sorted(SRC.rglob("*.py")) if STORE not in p.parents]
    offenders = [
        f"{path.relative_to(SRC.parent)}:{line}: import {name}"
        for path in modules
        for line, name in driver_imports(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "database drivers imported outside thaw.store:\n" + "\n".join(offenders)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import sqlite3", [(1, "sqlite3")]),
        ("def f() -> None:\n    import psycopg\n", [(2, "psycopg")]),
        ("from psycopg.rows import dict_row", [(1, "psycopg.rows")]),
        ("from thaw.store import sqlite3_home", []),
        ("import sqlite3_utils", []),
    ],
)
def test_the_check_finds_drivers(source: str, expected: list[tuple[int, str]]) -> None:
    assert driver_imports(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'db.execute("SELECT 1")',
        "cur.executemany(q, rows)",
        "conn.executescript(SCHEMA)",
        'Q = "SELECT source, source_id FROM profile_retired WHERE profile_id = ?"',
        'Q = ("SELECT a, b"\n     " FROM profile_links")',
        'Q = "INSERT OR REPLACE INTO profile_meta (key, value) VALUES (?, ?)"',
        'Q = "DELETE FROM profiles"',
        "Q = 'UPDATE keys SET revoked = 1'",
        'S = """CREATE TABLE IF NOT EXISTS t (a TEXT)"""',
        'f"SELECT {cols} FROM versions WHERE id IN ({marks})"',
        'db.run("BEGIN IMMEDIATE")',
    ],
)
def test_the_check_finds_sql(source: str) -> None:
    assert sql_in(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""Select the listings from the active publications."""',
        'text = "Delete the rows from the table"',
        'label = "updated at"',
        "store.caption_at(source, source_id)",
    ],
)
def test_the_check_leaves_prose_alone(source: str) -> None:
    assert not sql_in(source)
