"""Listing counts over time and the SVG chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.history.history_fixtures import add, rec
from thaw.history import ChartError, Series, chart_series, render_svg, source_counts, write_chart
from thaw.history.chart import nice_step
from thaw.store import Store


def _store(store: Store) -> None:
    add(
        store, "src_a", "2022-01-01", [rec("src_a", "1", "A", ["X"]), rec("src_a", "2", "B", ["Y"])]
    )
    add(
        store,
        "src_a",
        "2023-01-01",
        [
            rec("src_a", "1", "A", ["X", "Y"]),
            rec("src_a", "2", "B", ["Y"]),
            rec("src_a", "3", "C", ["x"]),
        ],
    )
    add(store, "src_a", "2024-06-01", [rec("src_a", "3", "C", ["X"])])
    add(store, "src_b", "2023-06-01", [rec("src_b", "1", "A", ["X"])])


def test_source_counts(store: Store) -> None:
    _store(store)
    counts = source_counts(store, "src_a")
    assert counts is not None
    assert counts.totals == [2, 3, 1]
    assert counts.programs["X"] == [1, 2, 1]  # "x" and "X" are one programme
    assert counts.programs["Y"] == [1, 2, 0]
    assert source_counts(store, "nothing") is None


def test_chart_series_modes(store: Store) -> None:
    _store(store)
    per_source = chart_series(store)
    assert [s.label for s in per_source] == ["src_a", "src_b"]
    assert per_source[0].points == [("2022-01-01", 2), ("2023-01-01", 3), ("2024-06-01", 1)]
    one = chart_series(store, source="src_a", top=1)
    assert [s.label for s in one] == ["src_a (all)", "X"]
    prog = chart_series(store, program="x")
    assert [s.label for s in prog] == ["src_a X", "src_b X"]


def test_svg_is_well_formed(tmp_path: Path) -> None:
    series = [
        Series("us_ofac_sdn", [("2021-08-18", 9083), ("2022-03-01", 10500), ("2024-05-03", 14965)]),
        Series("un <&> sc", [("2021-08-18", 700)]),
    ]
    svg = render_svg(series, "Listings & more")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "us_ofac_sdn (14,965)" in texts and "un <&> sc (700)" in texts
    assert "2022-01" in texts and "2024-01" in texts  # half-year ticks over 2.7 years
    long = render_svg([Series("x", [("2014-04-02", 1), ("2025-04-14", 2)])])
    assert ">2016<" in long and ">2024<" in long  # year ticks over a decade
    assert any(t == "15,000" for t in texts)  # round y ticks
    assert len(list(root.iter("{http://www.w3.org/2000/svg}polyline"))) == 1
    out = write_chart(series, tmp_path / "c.svg")
    assert out.read_text().startswith("<svg")
    with pytest.raises(ChartError):
        write_chart(series, tmp_path / "c.gif")
    ET.fromstring(render_svg([], ""))  # an empty chart is still valid SVG
    short = render_svg([Series("s", [("2024-01-01", 1), ("2024-01-20", 3)])])
    assert "2024-01-01" in short  # day ticks over a short span


def test_nice_step() -> None:
    assert nice_step(15000) == 5000
    assert nice_step(7) == 2
    assert nice_step(0) == 1
