"""Helpers for driving the real ``thaw`` command line in-process (typer's CliRunner)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from thaw.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
UN_BASE = FIXTURES / "cli" / "un_sc" / "consolidated.xml"
"""20 invented listings (14 individuals, 6 entities) in the UN format, dated 2026-02-27."""
UN_KEYS = ("un_sc:QDi.101", "un_sc:KPe.101")
"""Listings of :data:`UN_BASE` looked at before and after each bad load."""


@dataclass(frozen=True, slots=True)
class Run:
    """The outcome of one command: exit code, standard output and standard error."""

    code: int
    out: str
    err: str

    def __str__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


WIDE = {"COLUMNS": "240", "TERM": "xterm"}
"""An environment in which tables are not wrapped (rich reads ``COLUMNS``)."""


def thaw(*args: str | Path, env: dict[str, str] | None = None) -> Run:
    """Run ``thaw ARGS`` in-process and capture what it prints."""
    runner = CliRunner(env={**WIDE, **(env or {})})
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def ok(*args: str | Path, env: dict[str, str] | None = None) -> Run:
    """:func:`thaw`, asserting success."""
    run = thaw(*args, env=env)
    assert run.code == 0, str(run)
    return run


def as_json(*args: str | Path) -> Any:
    """The parsed output of ``thaw ARGS --json``."""
    return json.loads(ok(*args, "--json").out)


def state(home: Path, keys: tuple[str, ...] = UN_KEYS) -> dict[str, Any]:
    """What a user sees of the active data: ``thaw lists --json`` and ``thaw entity
    KEY --json`` for each of ``keys``, exactly as printed."""
    snapshot = {"lists": ok("lists", "--home", home, "--json").out}
    for key in keys:
        snapshot[key] = ok("entity", key, "--home", home, "--json").out
    return snapshot
