"""A small, dependency-free SVG line chart for listing counts over time.

:func:`render_svg` draws :class:`~thaw.history.series.Series` on a date axis
(year, month or day ticks chosen from the span), a zero-based count axis with
round tick values, light grid lines and a legend with each line's latest value.
:func:`write_chart` writes SVG, or PNG when the optional ``cairosvg`` package is
installed.
"""

from __future__ import annotations

import importlib
import math
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from thaw.history.series import Series

PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)


def _day(text: str) -> int:
    return date.fromisoformat(text[:10]).toordinal()


def nice_step(span: float, target: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10^k) giving about ``target`` ticks."""
    if span <= 0:
        return 1.0
    raw = span / target
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * power:
            return float(mult * power)
    return float(10 * power)


def _y_ticks(top: float) -> tuple[float, list[float]]:
    """A round upper bound at or above ``top`` and the ticks up to it: of the round
    steps giving 4 to 7 ticks, the one whose bound wastes least room."""
    best: tuple[float, float] | None = None
    for target in (4, 5, 6, 7):
        step = max(1.0, nice_step(top, target))
        upper = math.ceil(top / step) * step if top > 0 else step
        if best is None or upper < best[0]:
            best = (upper, step)
    assert best is not None
    upper, step = best
    return upper, [i * step for i in range(int(round(upper / step)) + 1)]


def _x_ticks(lo: int, hi: int) -> list[tuple[int, str]]:
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    span = hi - lo
    ticks: list[tuple[int, str]] = []
    if span > 3 * 365:
        years = last.year - first.year + 1
        step = max(1, math.ceil(years / 10))
        for year in range(first.year, last.year + 2, step):
            d = date(year, 1, 1).toordinal()
            if lo <= d <= hi:
                ticks.append((d, str(year)))
        return ticks
    if span > 60:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 10)
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            if (m - 1) % step == 0:
                d = date(y, m, 1).toordinal()
                if lo <= d <= hi:
                    ticks.append((d, f"{y}-{m:02d}"))
            m += 1
            if m > 12:
                y, m = y + 1, 1
        return ticks
    step = next(s for s in (1, 2, 7, 14, 30) if span / s <= 10)
    return [(d, date.fromordinal(d).isoformat()) for d in range(lo, hi + 1, step)]


FONT = "Helvetica, Arial, sans-serif"


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"/>'


def _text(
    x: float,
    y: float,
    text: str,
    anchor: str = "start",
    fill: str = "#222",
    size: int | None = None,
    bold: bool = False,
) -> str:
    attrs = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}"'
    if size:
        attrs += f' font-size="{size}"'
    if bold:
        attrs += ' font-weight="bold"'
    return f"<text {attrs}>{escape(text)}</text>"


def _fmt(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,.1f}"


def render_svg(series: list[Series], title: str = "", width: int = 960, height: int = 540) -> str:
    """The SVG text of a line chart of ``series`` (dates on x, counts on y)."""
    left, right, top, bottom = 72, 250, 48, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    points = [(_day(d), v) for s in series for d, v in s.points]
    if points:
        lo, hi = min(p[0] for p in points), max(p[0] for p in points)
        ymax = max(p[1] for p in points)
    else:
        lo = hi = date.today().toordinal()
        ymax = 0
    if hi - lo < 2:
        lo, hi = lo - 15, hi + 15
    upper, yticks = _y_ticks(ymax * 1.05 if ymax else 1)

    def sx(day: int) -> float:
        return left + (day - lo) / (hi - lo) * plot_w

    def sy(value: float) -> float:
        return top + plot_h - value / upper * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="12">',
        f"<title>{escape(title or 'Listings over time')}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if title:
        out.append(_text(left, top - 20, title, size=16, bold=True))
    bottom_y = top + plot_h
    for value in yticks:
        y = sy(value)
        out.append(_line(left, y, left + plot_w, y, "#e5e5e5"))
        out.append(_text(left - 8, y + 4, _fmt(value), anchor="end", fill="#444"))
    for day, label in _x_ticks(lo, hi):
        x = sx(day)
        out.append(_line(x, top, x, bottom_y, "#f0f0f0"))
        out.append(_line(x, bottom_y, x, bottom_y + 5, "#444"))
        out.append(_text(x, bottom_y + 20, label, anchor="middle", fill="#444"))
    out.append(_line(left, bottom_y, left + plot_w, bottom_y, "#444"))
    out.append(_line(left, top, left, bottom_y, "#444"))
    out.append(
        f'<text transform="translate({left - 56},{top + plot_h / 2:.1f}) rotate(-90)" '
        f'text-anchor="middle" fill="#444">listings</text>'
    )
    for i, s in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        coords = [(sx(_day(d)), sy(v)) for d, v in s.points]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{path}"/>')
        if len(coords) <= 60:
            out += [
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{color}"/>' for x, y in coords
            ]
        ly = top + 8 + i * 20
        lx = left + plot_w + 16
        latest = f" ({_fmt(s.points[-1][1])})" if s.points else ""
        out.append(f'<rect x="{lx}" y="{ly - 9}" width="12" height="12" fill="{color}"/>')
        label = s.label if len(s.label) <= 28 else s.label[:27] + "…"
        out.append(_text(lx + 18, ly + 1, label + latest))
    if not series:
        out.append(
            _text(left + plot_w / 2, top + plot_h / 2, "no data", anchor="middle", fill="#888")
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


class ChartError(Exception):
    """The chart could not be written (e.g. PNG without ``cairosvg``)."""


def write_chart(series: list[Series], path: Path, title: str = "") -> Path:
    """Write the chart to ``path``: SVG, or PNG (needs the optional ``cairosvg``)."""
    svg = render_svg(series, title)
    suffix = path.suffix.lower()
    if suffix == ".png":
        try:
            cairosvg = importlib.import_module("cairosvg")
        except ImportError as exc:
            raise ChartError(
                "PNG output needs the optional package cairosvg; write .svg instead"
            ) from exc
        cairosvg.svg2png(bytestring=svg.encode("utf-8"), write_to=str(path))
        return path
    if suffix not in (".svg", ""):
        raise ChartError(f"unsupported chart format {suffix!r}; use .svg or .png")
    path.write_text(svg, encoding="utf-8")
    return path
