/* Alert review: the open alerts (file screens and monitoring) and the decisions. */
"use strict";

(() => {
  const { api, API, el, state, listingBadges } = THAW;
  const openTable = document.getElementById("open");
  const doneTable = document.getElementById("done");
  const openStatus = document.getElementById("open-status");
  const doneStatus = document.getElementById("done-status");
  const filter = document.getElementById("filter");
  let decisions = [];
  let monitored = [];

  const key = (c, t) => c + "\u0000" + t;

  async function loadDecisions() {
    const data = await api(API.decisions);
    decisions = Array.isArray(data) ? data : data.decisions || data.items || [];
  }

  async function loadMonitoring() {
    if (!document.getElementById("queue").dataset.monitoring) return; // no monitoring here
    try {
      const data = await api(API.alerts);
      const items = Array.isArray(data) ? data : data.alerts || data.items || [];
      monitored = items.map((a) => ({
        customer_id: String(a.customer_id ?? a.row_id ?? ""),
        customer_name: a.customer_name ?? a.row_name ?? a.name ?? "",
        target_id: String(a.target_id ?? a.profile_id ?? (a.source ? a.source + ":" + a.source_id : "")),
        listed_name: a.listed_name ?? a.matched_name ?? a.caption ?? "",
        score: a.score ?? null,
        listings: a.listings ?? (a.source ? [{ source: a.source, source_id: a.source_id, programs: a.programs || [] }] : []),
        origin: "monitoring" + (a.portfolio ? ": " + a.portfolio : ""),
        at: a.since ?? a.created_at ?? "",
      })).filter((a) => a.customer_id && a.target_id);
      // monitoring reports one alert per listing; the analyst decides once per party
      const byKey = new Map();
      for (const a of monitored) {
        const k = key(a.customer_id, a.target_id);
        const seen = byKey.get(k);
        if (!seen) byKey.set(k, { ...a, listings: [...a.listings] });
        else {
          seen.listings.push(...a.listings);
          seen.score = Math.max(seen.score || 0, a.score || 0);
        }
      }
      monitored = [...byKey.values()];
    } catch (e) {
      if (e.status !== 404 && e.status !== 405) throw e;
      monitored = []; // no monitoring in this service
    }
  }

  function renderOpen() {
    // the latest decision per alert; an alert screened as "reopened" after it is open again
    const latest = new Map();
    for (const d of decisions) {
      const k = key(d.customer_id, d.target_id);
      const t = Date.parse(d.decided_at || "") || 0;
      if (!latest.has(k) || latest.get(k) < t) latest.set(k, t);
    }
    const isOpen = (a) => {
      const k = key(a.customer_id, a.target_id);
      if (!latest.has(k)) return true;
      return a.decision === "reopened" && (Date.parse(a.at || "") || 0) > latest.get(k);
    };
    const needle = filter.value.trim().toLowerCase();
    const open = [...monitored, ...THAWQueue.all()].filter(isOpen);
    const shown = open.filter((a) => !needle || [a.customer_id, a.customer_name, a.listed_name, a.target_id, a.origin].join(" ").toLowerCase().includes(needle));
    document.getElementById("open-count").textContent = "(" + open.length + ")";
    openTable.hidden = !shown.length;
    if (!open.length) state(openStatus, "empty", "No open alert. Screen a file to fill the queue.");
    else if (!shown.length) state(openStatus, "empty", "No open alert matches the filter.");
    else state(openStatus, "", shown.length + " of " + open.length + " open alerts shown; best score first.");
    shown.sort((a, b) => (b.score || 0) - (a.score || 0));
    openTable.tBodies[0].replaceChildren(...shown.map(row));
  }

  function row(a) {
    const cell = el("td", {});
    const tr = el("tr", { dataset: { customer: a.customer_id, target: a.target_id } },
      el("td", {}, el("div", {}, a.customer_name || ""), el("div", { class: "muted mono" }, a.customer_id)),
      el("td", {}, a.target_id ? THAW.profileLink(a.target_id, a.listed_name || a.target_id) : a.listed_name),
      el("td", { class: "num" }, a.score != null ? THAW.score(a.score) : ""),
      el("td", {}, listingBadges(a.listings)),
      el("td", { class: "muted" }, a.origin, a.decision === "reopened" ? el("div", {}, el("span", { class: "badge warn", title: "a false positive whose listing or customer changed" }, "reopened")) : null),
      cell);
    const choose = (verdict, text, cls) => el("button", {
      type: "button", class: cls, onclick: () => decide(cell, a, verdict, text),
    }, text);
    cell.append(el("div", { class: "inline-form" }, choose("true_match", "True match", "bad"), choose("false_positive", "False positive", "ok")));
    return tr;
  }

  function decide(cell, a, verdict, text) {
    const id = "reason-" + Math.random().toString(36).slice(2);
    const input = el("input", { id, required: true, placeholder: "why (recorded with your key)" });
    const msg = el("div", { class: "state", role: "status" });
    const form = el("form", { class: "inline-form" },
      el("label", { for: id }, text + ": reason"), input,
      el("button", { type: "submit" }, "Record"),
      el("button", { type: "button", class: "secondary", onclick: () => renderOpen() }, "Cancel"), msg);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const reason = input.value.trim();
      if (!reason) return;
      form.querySelectorAll("button").forEach((b) => { b.disabled = true; });
      state(msg, "loading", "Recording…");
      try {
        const d = await api(API.decisions, { method: "POST", json: { customer_id: a.customer_id, target_id: a.target_id, verdict, reason } });
        decisions.push(d && d.customer_id ? d : { customer_id: a.customer_id, target_id: a.target_id, verdict, reason });
        renderOpen();
        renderDone();
        state(openStatus, "", "Recorded: " + a.customer_id + " → " + a.target_id + " is a " + verdict.replace("_", " ") + ".");
      } catch (e) {
        form.querySelectorAll("button").forEach((b) => { b.disabled = false; });
        state(msg, "error", "Not recorded: " + e.message);
      }
    });
    cell.replaceChildren(form);
    input.focus();
  }

  function renderDone() {
    const list = decisions.slice().sort((a, b) => String(b.decided_at || "").localeCompare(String(a.decided_at || "")));
    doneTable.hidden = !list.length;
    if (!list.length) state(doneStatus, "empty", "No decision recorded yet.");
    else state(doneStatus, "", list.length + (list.length === 1 ? " decision." : " decisions, newest first."));
    const names = new Map([...monitored, ...THAWQueue.all()].map((a) => [a.target_id, a.listed_name]));
    doneTable.tBodies[0].replaceChildren(...list.map((d) => el("tr", {},
      el("td", { class: "nowrap" }, THAW.fmtDate(d.decided_at)),
      el("td", {}, d.decided_by || ""),
      el("td", { class: "mono" }, d.customer_id),
      el("td", {}, THAW.profileLink(d.target_id, names.get(d.target_id) || d.target_id), names.has(d.target_id) ? el("div", { class: "muted mono" }, d.target_id) : null),
      el("td", {}, el("span", { class: "badge " + (d.verdict === "false_positive" ? "ok" : "bad") }, String(d.verdict).replace("_", " ")),
        d.status === "reopened" ? el("span", { class: "badge warn" }, "reopened") : null),
      el("td", {}, d.reason || ""))));
  }

  THAW.sortable(openTable);
  THAW.sortable(doneTable);
  filter.addEventListener("input", () => {
    const q = filter.value.trim();
    history.replaceState(null, "", location.pathname + (q ? "?q=" + encodeURIComponent(q) : ""));
    renderOpen();
  });
  document.getElementById("clear-queue").addEventListener("click", () => {
    if (confirm("Forget the file-screen alerts kept in this browser? Decisions stay recorded.")) {
      THAWQueue.clear();
      renderOpen();
    }
  });

  (async () => {
    try {
      await Promise.all([loadDecisions(), loadMonitoring()]);
    } catch (e) {
      state(openStatus, "error", "The queue could not be loaded: " + e.message);
      state(doneStatus, "error", "The decisions could not be loaded: " + e.message);
      return;
    }
    renderOpen();
    renderDone();
  })();
})();
