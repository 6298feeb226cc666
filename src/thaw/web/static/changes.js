/* Changes: added, removed and amended listings (field by field) between two
 * publications, and a chart of list size over time per programme. */
"use strict";

(() => {
  const { api, API, el, state, remember, restore } = THAW;
  const form = document.getElementById("changes-form");
  const status = document.getElementById("status");
  const diff = document.getElementById("diff");
  const chart = document.getElementById("chart");
  const select = document.getElementById("source");

  async function sources() {
    try {
      const data = await api(API.catalog);
      const list = (data.datasets || data.sources || data || []).map((d) => (typeof d === "string" ? d : d.name || d.source)).filter(Boolean);
      const wanted = select.dataset.value;
      for (const name of [...new Set(list)].sort()) select.append(el("option", { value: name, selected: name === wanted }, name));
      if (wanted && !list.includes(wanted)) select.append(el("option", { value: wanted, selected: true }, wanted));
    } catch (e) {
      if (select.dataset.value) select.append(el("option", { value: select.dataset.value, selected: true }, select.dataset.value));
    }
  }

  function listingCell(c) {
    return el("td", {}, el("a", { href: "/web/profile/" + encodeURIComponent(c.source + ":" + c.source_id) }, c.caption), el("div", { class: "mono muted" }, c.source + ":" + c.source_id));
  }

  function section(title, items, kind) {
    if (!items.length) return null;
    const cols = kind === "amended" ? [["Listing", "text"], ["Programmes", "text"], ["Field", null], ["Before"], ["After"]] : [["Listing", "text"], ["Schema", "text"], ["Programmes", "text"]];
    const t = THAW.table(cols, title);
    for (const c of items) {
      if (kind !== "amended") {
        t.tBodies[0].append(el("tr", {}, listingCell(c), el("td", {}, c.schema), el("td", {}, (c.programs || []).join(", "))));
        continue;
      }
      const ch = c.changes || [];
      ch.forEach((f, i) => t.tBodies[0].append(el("tr", {},
        i === 0 ? [Object.assign(listingCell(c), { rowSpan: ch.length }), el("td", { rowspan: ch.length }, (c.programs || []).join(", "))] : null,
        el("td", {}, f.field.replace(/_/g, " "), " ", el("span", { class: "badge " + (f.change === "added" ? "ok" : f.change === "removed" ? "bad" : "warn") }, f.change)),
        el("td", {}, f.old != null ? el("span", { class: "diff-old" }, f.old) : ""),
        el("td", {}, f.new != null ? el("span", { class: "diff-new" }, f.new) : ""))));
    }
    if (kind !== "amended") THAW.sortable(t);
    return el("details", { open: items.length <= 200 }, el("summary", {}, el("b", {}, `${title} (${items.length})`)), el("div", { class: "scroll" }, t));
  }

  async function compare() {
    const q = THAW.query();
    state(status, "loading", "Comparing…");
    diff.replaceChildren();
    try {
      const data = await api(API.changes, { params: { source: q.source, since: q.since, until: q.until } });
      const pubs = data.publications || [];
      if (!pubs.length) {
        state(status, "empty", "No source has two publications to compare for this choice (load more, or pick dates).");
        return;
      }
      const total = (k) => pubs.reduce((n, p) => n + (p[k] || 0), 0);
      state(status, "", `${total("added")} added, ${total("removed")} removed, ${total("amended")} amended.`);
      const t = THAW.table([["Source"], ["From"], ["To"], ["Records", null, "num"], ["Added", null, "num"], ["Removed", null, "num"], ["Amended", null, "num"], ["Notes"]], "Publications compared");
      for (const p of pubs) t.tBodies[0].append(el("tr", {},
        el("td", {}, p.source), el("td", {}, p.from || "(nothing)"), el("td", {}, p.to),
        el("td", { class: "num" }, `${p.from_records} → ${p.to_records}`),
        el("td", { class: "num" }, p.added), el("td", { class: "num" }, p.removed), el("td", { class: "num" }, p.amended),
        el("td", { class: "muted" }, (p.notes || []).join(" "))));
      diff.append(t, section("Added", data.added || [], "added"), section("Removed", data.removed || [], "removed"), section("Amended", data.amended || [], "amended"));
    } catch (e) {
      state(status, "error", "The comparison failed: " + e.message);
    }
  }

  async function draw() {
    const q = THAW.query();
    document.getElementById("chart-what").textContent = q.source ? "(" + q.source + ": total and largest programmes)" : "(every source)";
    chart.replaceChildren(el("div", { class: "state loading", role: "status" }, "Loading the counts…"));
    try {
      const data = await api(API.chart, { params: { source: q.source } });
      const series = (data.series || data).map((s) => ({ label: s.label, points: s.points }));
      chart.replaceChildren(THAWCharts.lines(series, "Listings over time"));
    } catch (e) {
      chart.replaceChildren(el("p", { class: "state error", role: "alert" }, "The counts could not be loaded: " + e.message));
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    remember(form);
    compare();
    draw();
  });
  window.addEventListener("popstate", () => { restore(form); compare(); draw(); });
  sources();
  compare();
  draw();
})();
