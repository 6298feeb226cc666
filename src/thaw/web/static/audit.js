/* Audit: the service's hash-chained audit trail, searchable by anything it records. */
"use strict";

(() => {
  const { api, API, el, state, remember, restore } = THAW;
  const form = document.getElementById("audit-form");
  const status = document.getElementById("status");
  const table = document.getElementById("audit");
  const LIMIT = 1000;
  let records = [];

  const pick = (r, ...keys) => { for (const k of keys) if (r[k] !== undefined && r[k] !== null) return r[k]; return ""; };
  const compact = (v) => (v === "" || v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v));

  /** One result of a record, readably: "NAME 0.95", "row 2 (C-2): NAME 0.99", "verdict=false_positive". */
  function one(h) {
    if (!h || typeof h !== "object") return String(h);
    if (Array.isArray(h.hits)) return `row ${h.row}${h.id != null ? " (" + h.id + ")" : ""}: ` + (h.hits.map(one).join(", ") || "no hit");
    const name = h.name || h.caption || h.target_id;
    if (name) return name + (h.score != null ? " " + Number(h.score).toFixed(2) : "") + (h.decision ? " (" + (typeof h.decision === "string" ? h.decision : compact(h.decision)) + ")" : "");
    return Object.entries(h).map(([k, v]) => k + "=" + compact(v)).join(" ");
  }

  function resultsText(r) {
    const results = pick(r, "results", "hits");
    if (Array.isArray(results)) {
      if (!results.length) return r.action && /screen|match/.test(r.action) ? "no hit" : "";
      return results.slice(0, 5).map(one).join("; ") + (results.length > 5 ? ` … ${results.length - 5} more` : "");
    }
    return compact(results);
  }

  /** {"us_ofac_sdn": {"published": "2024-05-03", …}, …} → "us_ofac_sdn 2024-05-03, …". */
  function lists(pubs) {
    if (!pubs || typeof pubs !== "object" || Array.isArray(pubs)) return compact(pubs);
    return Object.entries(pubs).map(([src, p]) => src + " " + (p && p.published ? String(p.published).slice(0, 10) : compact(p))).join(", ");
  }

  /** A query as "key: value" pairs. */
  function queryText(q) {
    if (!q || typeof q !== "object" || Array.isArray(q)) return compact(q);
    return Object.entries(q).map(([k, v]) => k + ": " + compact(v)).join(" · ");
  }

  function render() {
    const needle = (new URLSearchParams(location.search).get("q") || "").toLowerCase();
    const shown = records.filter((r) => !needle || JSON.stringify(r).toLowerCase().includes(needle));
    table.hidden = !shown.length;
    if (!records.length) state(status, "empty", "The audit trail holds no record for these dates.");
    else if (!shown.length) state(status, "empty", `None of the ${records.length} records loaded matches “${needle}”.`);
    else state(status, "", `${shown.length} of ${records.length} records${records.length >= LIMIT ? " (the newest " + LIMIT + "; narrow the dates to see older ones)" : ""}, newest first.`);
    table.tBodies[0].replaceChildren(...shown.map((r) => el("tr", {},
      el("td", { class: "nowrap" }, THAW.fmtDate(pick(r, "at", "time", "timestamp", "created_at"))),
      el("td", {}, compact(pick(r, "key_name", "who", "decided_by", "principal", "key_id"))),
      el("td", {}, compact(pick(r, "action", "kind", "event", "route")), r.dataset ? el("div", { class: "muted" }, r.dataset + (r.algorithm ? " · " + r.algorithm : "") + (r.threshold != null ? " ≥ " + r.threshold : "")) : null),
      el("td", {}, queryText(pick(r, "query", "queries", "request"))),
      el("td", {}, resultsText(r)),
      el("td", { class: "muted" }, lists(pick(r, "publications", "lists", "sources"))))));
  }

  async function load() {
    const q = THAW.query();
    state(status, "loading", "Loading the audit trail…");
    table.hidden = true;
    try {
      const data = await api(API.audit, { params: { since: q.since, until: q.until } });
      records = (Array.isArray(data) ? data : data.records || data.items || []).slice(-LIMIT);
      records.sort((a, b) => String(pick(b, "at", "time", "timestamp", "created_at")).localeCompare(String(pick(a, "at", "time", "timestamp", "created_at"))));
      render();
    } catch (e) {
      state(status, "error", "The audit trail could not be loaded: " + e.message);
    }
  }

  THAW.sortable(table);
  form.addEventListener("submit", (ev) => { ev.preventDefault(); remember(form); load(); });
  window.addEventListener("popstate", () => { restore(form); load(); });
  load();
})();
