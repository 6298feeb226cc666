"""Every CSV of the team state that a user-supplied string reaches (``thaw
decisions export``, ``thaw audit export`` and ``GET /audit?format=csv``, which
share :func:`thaw.schemas.state.audit_lines`) writes cells that no spreadsheet
evaluates (``thaw.spreadsheet``): a customer id, a reason, a key's name or an
audited query starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading quote, and a NUL becomes U+FFFD."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.cli._cli import ok
from thaw.store.state import AuditRecord, Decision, open_state

ATTACKS = ("=cmd|' /C calc'!A0", "+SUM(1+1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=x\x00y")
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_safe(cells: list[str]) -> None:
    assert not [c for c in cells if c.startswith(TRIGGERS)], cells
    assert not [c for c in cells if "\x00" in c], cells


def test_decisions_csv_neutralises_formulas(tmp_path: Path) -> None:
    with open_state(tmp_path) as state:
        for attack in ATTACKS:
            state.decisions.record(
                Decision(attack, attack, "false_positive", attack, attack, listing_fingerprint=None)
            )
    out = ok("decisions", "export", "--format", "csv", "--home", tmp_path).out
    cells = _cells(out)
    _assert_safe(cells)
    assert "'=cmd|' /C calc'!A0" in cells and "'=x\ufffdy" in cells


def test_audit_csv_neutralises_formulas(tmp_path: Path) -> None:
    with open_state(tmp_path) as state:
        for attack in ATTACKS:
            state.audit.append(
                AuditRecord(
                    action=attack, query=attack, key_id=attack, key_name=attack, dataset=attack
                )
            )
    out = ok("audit", "export", "--format", "csv", "--home", tmp_path).out
    cells = _cells(out)
    _assert_safe(cells)
    assert "'@SUM(A1)" in cells and "'\t=1" in cells
