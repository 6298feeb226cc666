"""Every table of third-party data that thaw ships is accounted for.

``docs/THIRD_PARTY.md`` says, for each file under a ``data/`` folder of the
package, where it comes from, under which licence, and which script regenerates
it. A new table without a line there (or a line for a table that is gone) fails
here, and so does a share-alike table shipped without its attribution.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "thaw"
DOC = ROOT / "docs" / "THIRD_PARTY.md"


def shipped_data_files() -> set[str]:
    """Each file in a ``data/`` folder of the package, relative to ``src/thaw``."""
    return {
        path.relative_to(PACKAGE).as_posix()
        for folder in PACKAGE.rglob("data")
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def documented_rows() -> dict[str, str]:
    """The table of shipped files in the document: path -> the rest of its row."""
    rows: dict[str, str] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        found = re.match(r"\| `([^`]+/data/[^`]+)` \|(.*)", line)
        if found:
            rows[found.group(1)] = found.group(2)
    return rows


def test_every_shipped_table_is_documented() -> None:
    rows = documented_rows()
    shipped = shipped_data_files()
    assert shipped, "no data folder found: the package layout changed"
    assert sorted(shipped - rows.keys()) == [], "shipped but not in docs/THIRD_PARTY.md"
    assert sorted(rows.keys() - shipped) == [], "in docs/THIRD_PARTY.md but not shipped"


def test_share_alike_tables_carry_their_attribution() -> None:
    for path, row in documented_rows().items():
        if "BY-SA" not in row:
            continue
        notices = re.findall(r"`([^`]*NOTICE[^`]*)`", row)
        assert notices, f"{path}: a CC BY-SA table needs its NOTICE named in its row"
        for notice in notices:
            assert (PACKAGE / notice).is_file(), f"{path}: {notice} is missing"


def test_every_regenerating_script_exists() -> None:
    for path, row in documented_rows().items():
        for module in re.findall(r"`(?:python -m )?(thaw\.[\w.]+)`", row):
            parts = module.split(".")[1:]
            candidate = PACKAGE.joinpath(*parts)
            assert (
                candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file()
            ), f"{path}: {module} does not exist"
