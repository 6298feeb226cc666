"""The README's monitoring example, run exactly as the README writes it (its bash
blocks, in bash, beside ``../shared``), answers what the README shows: Dmitriev's
and RDIF's ``new_hit`` on 2022-02-28, and the ``hit_removed`` events a US lifting
of RUSSIA-EO14024 would cause, with who still lists each party."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_shared

SECTION = "## Monitor a portfolio"


def _blocks() -> list[tuple[str, str]]:
    """The section's first two ``bash`` blocks, each with the output block after it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION) :]
    section = section[: section.index("\n## ", len(SECTION))]
    fenced = re.findall(r"```(\w*)\n(.*?)```", section, flags=re.S)
    pairs = []
    for (kind, code), (after, shown) in zip(fenced, fenced[1:], strict=False):
        if kind == "bash" and after == "":
            pairs.append((code, shown))
    assert len(pairs) >= 2, "the README's monitoring example has moved"
    return pairs[:2]


def _cells(line: str) -> list[str]:
    return line.replace("│", " ").split()


@pytest.mark.realdata
def test_the_readme_example_runs_as_written(tmp_path: Path) -> None:
    lists = require_shared()
    (first, shown_events), (second, shown_relief) = _blocks()
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "shared").symlink_to(lists.parent.parent)  # ../shared, as in a checkout
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "TMPDIR": str(tmp_path),  # (mktemp -d: the example's fresh home)
        "COLUMNS": "400",
    }
    env.pop("THAW_HOME", None)
    marker = "\n=== relief ===\n"
    script = f"set -euo pipefail\n{first}\necho '{marker.strip()}'\n{second}"
    run = subprocess.run(
        ["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr[-3000:]
    events, relief = run.stdout.split(marker.strip(), 1)
    # the events table: every row the README shows, cell for cell
    got = [_cells(line) for line in events.splitlines() if " new_hit " in line]
    want = [_cells(line) for line in shown_events.splitlines() if " new_hit " in line]
    assert want and got == want, events
    # the lifting: the README's header line, and per row its listing and who still lists it
    header = next(line for line in shown_relief.splitlines() if line.startswith("Scenario"))
    assert header in relief, relief
    rows = [_cells(line) for line in relief.splitlines() if re.match(r"\W*c-\d{3}\b", line)]
    assert [r[:2] for r in rows] == [
        ["c-001", "us_ofac_sdn:34336"],
        ["c-002", "us_ofac_sdn:34337"],  # registered in Russia: the row's country agrees
        ["c-002", "us_ofac_sdn:34036"],
    ]
    dmitriev = " ".join(rows[0])
    for authority in ("UK HM Treasury (OFSI)", "Canada (SEMA/JVCFOA)", "Australia DFAT"):
        assert authority in dmitriev
