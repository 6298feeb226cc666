"""The plausibility limits against the 308 scraped OFAC sdn.csv versions: no real
publication is refused, the issue's truncated file is (thaw.store.limits)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tarfile
from pathlib import Path

import pytest
from tests.conftest import require_shared

from thaw.store.limits import limits_of

pytestmark = pytest.mark.realdata


def _ids(data: bytes) -> frozenset[str]:
    """The listing ids of an sdn.csv: the first field of each row, where it is a
    number. The same as ``csv.reader`` reads (:func:`_csv_ids`; equal over all 308
    versions, and checked on two below), in a third of the time: the lines that
    start a row are those before which every quote is closed (a quoted field may
    hold a line break)."""
    ids: set[str] = set()
    quoted = False
    for line in data.replace(b"\x1a", b"").splitlines():
        if not quoted:
            first = line.partition(b",")[0].strip()
            if first.isdigit():
                ids.add(first.decode())
        if line.count(b'"') & 1:
            quoted = not quoted
    return frozenset(ids)


def _csv_ids(data: bytes) -> frozenset[str]:
    """:func:`_ids` by ``csv.reader`` (slower; the reference)."""
    text = data.decode("utf-8", "replace").replace("\x1a", "")
    return frozenset(
        r[0].strip() for r in csv.reader(io.StringIO(text)) if r and r[0].strip().isdigit()
    )


@pytest.fixture(scope="module")
def versions() -> list[tuple[dt.date, frozenset[str]]]:
    archive = require_shared() / "us_ofac" / "2021-08-18_to_2024-05-03" / "sdn_csv_history.tar.xz"
    out = []
    with tarfile.open(archive) as tf:
        for member in tf.getmembers():
            fh = tf.extractfile(member) if member.isfile() else None
            if fh is None:
                continue
            stamp = re.search(r"sdn_(\d{8})T", member.name)
            assert stamp is not None
            day = dt.datetime.strptime(stamp[1], "%Y%m%d").date()
            out.append((day, _ids(fh.read())))
    out.sort(key=lambda v: v[0])
    assert len(out) == 308
    return out


WORST = {"2021-09-16", "2021-08-18", "2021-12-29"}
"""Start dates of the largest removals found over all pairs (thaw.store.limits)."""


def test_no_real_publication_exceeds_the_limits(
    versions: list[tuple[dt.date, frozenset[str]]],
) -> None:
    sdn = limits_of("us_ofac_sdn")
    worst = 0.0
    # consecutive versions, and every tenth against every third later one (the worst
    # pairs of the module docs are among them)
    pairs = {(i, i + 1) for i in range(len(versions) - 1)}
    pairs |= {(i, j) for i in range(0, len(versions), 10) for j in range(i + 1, len(versions), 3)}
    pairs |= {
        (i, j)
        for i in range(len(versions))
        for j in range(i + 1, len(versions))
        if versions[i][0].isoformat() in WORST
    }
    for i, j in sorted(pairs):
        (a_day, a), (b_day, b) = versions[i], versions[j]
        days = (b_day - a_day).days
        removed = len(a - b)
        assert removed <= sdn.max_removed(len(a), days), (a_day, b_day, removed)
        assert len(b) <= sdn.max_count(len(a), days), (a_day, b_day, len(b))
        worst = max(worst, removed / sdn.max_removed(len(a), days))
    assert worst > 0.5  # the limits are not loose by an order of magnitude


def test_the_issue_truncated_file_is_refused(lists_dir: Path) -> None:
    """2024-05-03 without its last 2,000 rows, against the active 2023-12-28."""
    base = lists_dir / "us_ofac"
    data = (base / "2023-12-28" / "sdn.csv").read_bytes()
    old = _ids(data)
    rows = (base / "2024-05-03" / "sdn.csv").read_bytes().rstrip(b"\x1a").split(b"\r\n")
    cut = _ids(b"\r\n".join(rows[:-2001]))
    assert (old, cut) == (_csv_ids(data), _csv_ids(b"\r\n".join(rows[:-2001])))
    assert len(old) > 10_000
    removed = len(old - cut)
    days = (dt.date(2024, 5, 3) - dt.date(2023, 12, 28)).days
    assert removed > limits_of("us_ofac_sdn").max_removed(len(old), days), removed
