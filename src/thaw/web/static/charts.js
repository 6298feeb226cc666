/* Charts drawn as inline SVG: a party's timeline per authority, and list sizes over
 * time (lines). No library: dates are mapped to x linearly, ticks are years or months. */
"use strict";

const THAWCharts = (() => {
  const { svg, el } = THAW;
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
  const DAY = 86400000;
  const t = (s) => Date.parse(String(s).slice(0, 10) + "T00:00:00Z");

  function xTicks(lo, hi) {
    const out = [];
    const a = new Date(lo), b = new Date(hi);
    const years = b.getUTCFullYear() - a.getUTCFullYear();
    if (years >= 3) {
      const step = Math.max(1, Math.ceil(years / 10));
      for (let y = a.getUTCFullYear() + 1; y <= b.getUTCFullYear(); y += step) out.push([Date.UTC(y, 0, 1), String(y)]);
    } else {
      const months = years * 12 + b.getUTCMonth() - a.getUTCMonth();
      const step = [1, 2, 3, 6, 12].find((s) => months / s <= 8) || 12;
      for (let m = a.getUTCMonth() + 1, y = a.getUTCFullYear(); Date.UTC(y, m, 1) <= hi; m += step) {
        const d = Date.UTC(y, m, 1);
        const dt = new Date(d);
        out.push([d, dt.getUTCFullYear() + "-" + String(dt.getUTCMonth() + 1).padStart(2, "0")]);
      }
    }
    return out;
  }

  /** A round upper bound at or above v and its tick step (1, 2, 2.5 or 5 × 10^k, 4–6 ticks). */
  function niceScale(v) {
    if (v <= 0) return [1, 1];
    let best = null;
    for (const ticks of [4, 5, 6]) {
      const raw = v / ticks;
      const p = Math.pow(10, Math.floor(Math.log10(raw)));
      const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw);
      const top = Math.ceil(v / step) * step;
      if (!best || top < best[0]) best = [top, Math.max(1, step)];
    }
    return best;
  }

  /** A party's timeline: one lane per authority; bars while listed, markers for
   * listed / amended / delisted / relisted, and a dashed lead-in from the date the
   * authority says it listed the party to the first publication the store holds. */
  function timeline(history, today) {
    const listings = history.listings || [];
    const lanes = [...new Set(listings.map((l) => l.authority))].sort();
    const dates = [];
    for (const l of listings) for (const e of l.events || []) dates.push(t(e.date));
    const listedOn = {};
    for (const [a, s] of Object.entries(history.status || {})) if (s.listed_on) { listedOn[a] = s.listed_on; dates.push(t(s.listed_on)); }
    const end = Math.max(today ? t(today) : Date.now(), ...dates);
    let lo = Math.min(...dates), hi = end;
    if (!isFinite(lo)) return el("p", { class: "state empty" }, "No listing event is known for this party.");
    const pad = Math.max(30 * DAY, (hi - lo) * 0.04);
    lo -= pad; hi += pad;
    const W = 1000, left = 110, right = 20, laneH = 34, top = 14;
    const H = top + lanes.length * laneH + 46;
    const x = (d) => left + (W - left - right) * (d - lo) / (hi - lo);
    const parts = [];
    for (const [d, label] of xTicks(lo, hi)) {
      parts.push(svg("line", { x1: x(d), x2: x(d), y1: top - 4, y2: top + lanes.length * laneH, stroke: "#e3e7ec" }));
      parts.push(svg("text", { x: x(d), y: top + lanes.length * laneH + 16, "text-anchor": "middle" }, label));
    }
    const summary = [];
    lanes.forEach((a, i) => {
      const y = top + i * laneH + laneH / 2;
      parts.push(svg("text", { x: left - 10, y: y + 4, "text-anchor": "end", "font-weight": "600" }, THAW.AUTHORITY[a] || a.toUpperCase()));
      parts.push(svg("line", { x1: left, x2: W - right, y1: y, y2: y, stroke: "#eef1f5" }));
      if (listedOn[a]) {
        const first = Math.min(...listings.filter((l) => l.authority === a).flatMap((l) => (l.events || []).map((e) => t(e.date))));
        if (t(listedOn[a]) < first) {
          parts.push(svg("line", { x1: x(t(listedOn[a])), x2: x(first), y1: y, y2: y, stroke: "#1d4e89", "stroke-width": 6, "stroke-dasharray": "4 3", opacity: 0.55 },
            svg("title", {}, `${a}: listed on ${listedOn[a]} per the authority (before the first publication held)`)));
          parts.push(svg("circle", { cx: x(t(listedOn[a])), cy: y, r: 6, fill: "#fff", stroke: "#2e7d32", "stroke-width": 2.5, class: "ev-listed" },
            svg("title", {}, `${a}: listed on ${listedOn[a]} (per the authority)`)));
          summary.push(`${a} listed on ${listedOn[a]}`);
        }
      }
      for (const l of listings.filter((l) => l.authority === a)) {
        const evs = (l.events || []).slice().sort((p, q) => t(p.date) - t(q.date));
        let start = null;
        for (const e of evs) {
          if (e.event === "listed" || e.event === "relisted") start = start ?? t(e.date);
          if (e.event === "delisted" && start !== null) {
            parts.push(svg("rect", { x: x(start), y: y - 5, width: Math.max(2, x(t(e.date)) - x(start)), height: 10, fill: "#1d4e89", rx: 2 }));
            start = null;
          }
        }
        if (start !== null) parts.push(svg("rect", { x: x(start), y: y - 5, width: Math.max(2, x(end) - x(start)), height: 10, fill: "#1d4e89", rx: 2 },
          svg("title", {}, `${l.source}:${l.source_id} in force`)));
        for (const e of evs) {
          const cx = x(t(e.date));
          const tip = `${e.date.slice(0, 10)} ${e.event}: ${l.source}:${l.source_id}` + (e.programs && e.programs.length ? ` (${e.programs.join(", ")})` : "") + (e.note ? ` — ${e.note}` : "") +
            ((e.changes || []).length ? "\n" + e.changes.map((c) => `${c.field} ${c.change}`).join("\n") : "");
          let mark;
          if (e.event === "amended") mark = svg("path", { d: `M${cx} ${y - 7}L${cx + 7} ${y}L${cx} ${y + 7}L${cx - 7} ${y}Z`, fill: "#ef8f00", stroke: "#fff", class: "ev-amended" });
          else if (e.event === "delisted") mark = svg("path", { d: `M${cx - 6} ${y - 6}L${cx + 6} ${y + 6}M${cx + 6} ${y - 6}L${cx - 6} ${y + 6}`, stroke: "#c62828", "stroke-width": 3, class: "ev-delisted" });
          else mark = svg("circle", { cx, cy: y, r: 6, fill: "#2e7d32", stroke: "#fff", "stroke-width": 1.5, class: "ev-listed" });
          mark.append(svg("title", {}, tip));
          parts.push(mark);
          summary.push(`${a} ${e.event} ${e.date.slice(0, 10)}`);
        }
      }
    });
    const legendY = top + lanes.length * laneH + 34;
    // the legend repeats the markers' shapes, not only their colours
    const lx = (i) => left + i * 100;
    const ly = legendY - 4;
    parts.push(svg("circle", { cx: lx(0), cy: ly, r: 5, fill: "#2e7d32" }));
    parts.push(svg("path", { d: `M${lx(1)} ${ly - 6}L${lx(1) + 6} ${ly}L${lx(1)} ${ly + 6}L${lx(1) - 6} ${ly}Z`, fill: "#ef8f00" }));
    parts.push(svg("path", { d: `M${lx(2) - 5} ${ly - 5}L${lx(2) + 5} ${ly + 5}M${lx(2) + 5} ${ly - 5}L${lx(2) - 5} ${ly + 5}`, stroke: "#c62828", "stroke-width": 2.5 }));
    ["listed", "amended", "delisted"].forEach((label, i) => parts.push(svg("text", { x: lx(i) + 10, y: legendY }, label)));
    parts.push(svg("rect", { x: left + 300, y: legendY - 9, width: 24, height: 10, fill: "#1d4e89", rx: 2 }));
    parts.push(svg("text", { x: left + 330, y: legendY }, "in force (publications held)"));
    parts.push(svg("line", { x1: left + 530, x2: left + 554, y1: legendY - 4, y2: legendY - 4, stroke: "#1d4e89", "stroke-width": 6, "stroke-dasharray": "4 3", opacity: 0.55 }));
    parts.push(svg("text", { x: left + 560, y: legendY }, "listed per the authority (before the publications held)"));
    return svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Timeline: " + summary.join("; ") }, parts);
  }

  /** Lines of counts over time: series is [{label, points: [[date, count], …]}]. */
  function lines(series, title) {
    if (!series.length || !series.some((s) => s.points.length)) return el("p", { class: "state empty" }, "Nothing to draw: no publication holds this source.");
    const all = series.flatMap((s) => s.points);
    let lo = Math.min(...all.map((p) => t(p[0]))), hi = Math.max(...all.map((p) => t(p[0])));
    if (hi === lo) { lo -= 180 * DAY; hi += 180 * DAY; }
    const [top, step] = niceScale(Math.max(...all.map((p) => p[1])));
    const W = 1000, H = 260, L = 60, R = 20, T = 16, B = 30;
    const x = (d) => L + (W - L - R) * (d - lo) / (hi - lo);
    const y = (v) => T + (H - T - B) * (1 - v / top);
    const parts = [];
    for (let v = 0; v <= top + 1e-9; v += step) {
      parts.push(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#e3e7ec" }));
      parts.push(svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, Math.round(v).toLocaleString()));
    }
    for (const [d, label] of xTicks(lo, hi)) parts.push(svg("text", { x: x(d), y: H - 10, "text-anchor": "middle" }, label));
    series.forEach((s, i) => {
      const c = PALETTE[i % PALETTE.length];
      const pts = s.points.map(([d, v]) => `${x(t(d)).toFixed(1)},${y(v).toFixed(1)}`);
      if (pts.length > 1) parts.push(svg("polyline", { points: pts.join(" "), fill: "none", stroke: c, "stroke-width": 2 }));
      const marks = s.points.length <= 60 ? s.points : [s.points[s.points.length - 1]];
      for (const [d, v] of marks) parts.push(svg("circle", { cx: x(t(d)), cy: y(v), r: 3, fill: c }, svg("title", {}, `${s.label}: ${v} on ${d}`)));
    });
    const legend = el("div", { class: "legend" }, series.map((s, i) => el("span", {},
      el("i", { style: "background:" + PALETTE[i % PALETTE.length] }), s.label + " (" + (s.points.length ? s.points[s.points.length - 1][1] : 0) + ")")));
    const desc = series.map((s) => `${s.label}: ${s.points.map((p) => p[1]).join(", ")}`).join("; ");
    return el("figure", { class: "chart", style: "margin:0" },
      svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": (title || "Listings over time") + ". " + desc }, parts),
      legend);
  }

  return { timeline, lines };
})();
