/* Screen a file: upload with a progress bar, stream the JSON lines back, then a
 * sortable, filterable table (alerts first) and CSV / JSONL downloads. Rows with
 * hits join the alert queue of the Alert review page. */
"use strict";

(() => {
  const { API, el, state, listingBadges, csvCell, download } = THAW;
  const form = document.getElementById("file-form");
  const status = document.getElementById("status");
  const box = document.getElementById("progress-box");
  const bar = document.getElementById("progress");
  const label = document.getElementById("progress-label");
  const resultsBox = document.getElementById("results-box");
  const table = document.getElementById("results");
  const filter = document.getElementById("filter");
  const alertsOnly = document.getElementById("alerts-only");
  const shown = document.getElementById("shown");
  const MAX_ROWS_SHOWN = 2000;
  let rows = [];
  let sortKey = null;
  let fileName = "results";

  function progress(fraction, text) {
    const pct = Math.max(0, Math.min(100, Math.round(fraction * 100)));
    bar.firstElementChild.style.width = pct + "%";
    bar.setAttribute("aria-valuenow", String(pct));
    label.textContent = text;
  }

  /** Rows the file holds (for the bar), when it is plain text; null when unknown. */
  async function countRows(file) {
    const name = file.name.toLowerCase();
    if (file.size > 64e6 || !/\.(csv|tsv|jsonl|ndjson)$/.test(name)) return null;
    const text = await file.text();
    const lines = text.split(/\r?\n/).filter((l) => l.trim()).length;
    return /\.(csv|tsv)$/.test(name) ? Math.max(0, lines - 1) : lines;
  }

  const best = (r) => (r.hits && r.hits[0]) || null;
  const authorities = (r) => [...new Set((r.hits || []).flatMap((h) => (h.listings || []).map((l) => THAW.authorityOf(l.source))))];

  function matches(r, needle) {
    if (alertsOnly.checked && !(r.hits && r.hits.length)) return false;
    if (!needle) return true;
    const hay = [r.row, r.id, r.name, ...(r.hits || []).flatMap((h) => [h.name, ...(h.listings || []).flatMap((l) => [l.source, l.source_id, ...(l.programs || [])])])].join(" ").toLowerCase();
    return hay.includes(needle);
  }

  function sortValue(r, col) {
    switch (col) {
      case 0: return r.row;
      case 1: return r.id || "";
      case 2: return r.name || "";
      case 3: return best(r) ? best(r).score : -1;
      case 4: return best(r) ? best(r).name : "";
      case 5: return authorities(r).join(" ");
      case 6: return (r.hits || []).length;
      default: return 0;
    }
  }

  function ordered() {
    const list = rows.slice();
    if (sortKey) {
      const [col, asc] = sortKey;
      list.sort((a, b) => {
        const x = sortValue(a, col), y = sortValue(b, col);
        const c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
        return asc ? c : -c;
      });
    } else {
      // alerts first (best score first), then the rest in input order
      list.sort((a, b) => (best(b) ? best(b).score : -1) - (best(a) ? best(a).score : -1) || a.row - b.row);
    }
    return list;
  }

  function render() {
    const needle = filter.value.trim().toLowerCase();
    const list = ordered().filter((r) => matches(r, needle));
    const body = table.tBodies[0];
    body.replaceChildren(...list.slice(0, MAX_ROWS_SHOWN).map((r) => {
      const h = best(r);
      return el("tr", { class: h ? "alert" : null },
        el("td", { class: "num" }, r.row),
        el("td", { class: "mono" }, r.id ?? ""),
        el("td", {}, r.name ?? ""),
        el("td", { class: "num" }, h ? THAW.score(h.score) : el("span", { class: "muted" }, "—")),
        el("td", {}, h ? [h.profile_id ? THAW.profileLink(h.profile_id, h.name) : h.name,
          h.decision ? el("span", { class: "badge " + (h.decision === "reopened" ? "warn" : "bad"), title: "an analyst's decision on this alert" }, " " + h.decision.replace("_", " ")) : null]
          : el("span", { class: "badge ok" }, "clear")),
        el("td", {}, h ? listingBadges(h.listings) : ""),
        el("td", { class: "num" }, (r.hits || []).length));
    }));
    const alerts = rows.filter((r) => r.hits && r.hits.length).length;
    shown.textContent = `${list.length} of ${rows.length} rows shown, ${alerts} with alerts` +
      (list.length > MAX_ROWS_SHOWN ? ` (first ${MAX_ROWS_SHOWN} drawn; filter to narrow)` : "");
  }

  THAW.sortable(table, (col, asc) => { sortKey = [col, asc]; render(); });
  filter.addEventListener("input", render);
  alertsOnly.addEventListener("change", render);

  document.getElementById("dl-jsonl").addEventListener("click", () => {
    download(fileName + ".hits.jsonl", rows.map((r) => JSON.stringify(r)).join("\n") + "\n", "application/x-ndjson");
  });
  document.getElementById("dl-csv").addEventListener("click", () => {
    const out = [["row", "id", "name", "score", "listed_name", "schema", "listings", "programs", "profile_id", "explanation"].join(",")];
    for (const r of rows) {
      const hits = r.hits && r.hits.length ? r.hits : [null];
      for (const h of hits) {
        out.push([r.row, r.id, r.name, h ? h.score : "", h ? h.name : "", h ? h.schema : "",
          h ? (h.listings || []).map((l) => l.source + ":" + l.source_id).join("; ") : "",
          h ? [...new Set((h.listings || []).flatMap((l) => l.programs || []))].join("; ") : "",
          h ? h.profile_id || "" : "", h ? h.explanation : ""].map(csvCell).join(","));
      }
    }
    download(fileName + ".hits.csv", out.join("\r\n") + "\r\n", "text/csv");
  });

  /** Put this file's alerts in the review queue (kept in this browser). */
  function queueAlerts(file) {
    const alerts = [];
    for (const r of rows) {
      for (const h of r.hits || []) {
        const target = h.profile_id || (h.listings && h.listings[0] ? h.listings[0].source + ":" + h.listings[0].source_id : "");
        alerts.push({
          customer_id: r.id ? String(r.id) : file + "#" + r.row, customer_name: r.name, target_id: target,
          listed_name: h.name, score: h.score, listings: h.listings, origin: "file " + file, at: new Date().toISOString(),
          decision: h.decision || null,
        });
      }
    }
    THAWQueue.add(alerts);
    return alerts.length;
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const file = document.getElementById("file").files[0];
    if (!file) return;
    fileName = file.name.replace(/\.[^.]+$/, "");
    const total = await countRows(file);
    const data = new FormData();
    data.append("file", file, file.name);
    const threshold = document.getElementById("threshold").value;
    const url = API.screenFile + (threshold ? "?threshold=" + encodeURIComponent(threshold) : "");
    rows = [];
    resultsBox.hidden = true;
    box.hidden = false;
    progress(0, "Uploading " + file.name + "…");
    state(status, "loading", "Screening " + file.name + "…");
    const submit = form.querySelector("button[type=submit]");
    submit.disabled = true;
    const problems = [];
    const said = [];
    let failure = null;
    /** A result line, a row problem ({"problem": …}), what is said once about the
     *  file ({"note": …}: the columns read, the order of its dates) or the file's
     *  error ({"error": …}). */
    const accept = (item) => {
      if (item.problem) problems.push(item.problem);
      else if (item.note) said.push(item.note);
      else if (item.error) failure = item.error;
      else rows.push(item);
    };
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let pending = "";
    const take = () => {
      const chunk = xhr.responseText.slice(seen);
      seen = xhr.responseText.length;
      const lines = (pending + chunk).split("\n");
      pending = lines.pop();
      for (const line of lines) if (line.trim()) accept(JSON.parse(line));
    };
    xhr.open("POST", url);
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) progress(0.1 * e.loaded / e.total, "Uploading " + file.name + "… " + Math.round(100 * e.loaded / e.total) + " %");
    };
    xhr.onprogress = () => {
      if (xhr.status !== 200) return;
      try { take(); } catch (e) { /* a partial line: the next event completes it */ }
      const done = rows.length;
      progress(total ? 0.1 + 0.9 * done / total : 0.5, `Screening: ${done}${total ? " of " + total : ""} rows`);
    };
    xhr.onerror = () => {
      submit.disabled = false;
      box.hidden = true;
      state(status, "error", "The upload failed: the service cannot be reached.");
    };
    xhr.onload = () => {
      submit.disabled = false;
      if (xhr.status !== 200) {
        box.hidden = true;
        let msg = "the service answered " + xhr.status;
        try { const d = JSON.parse(xhr.responseText); msg = typeof d.detail === "string" ? d.detail : JSON.stringify(d.detail); } catch (e) { /* not JSON */ }
        state(status, "error", "Screening failed: " + msg);
        return;
      }
      try {
        take();
        if (pending.trim()) accept(JSON.parse(pending));
      } catch (e) {
        state(status, "error", "The results could not be read: " + e.message);
        return;
      }
      pending = "";
      if (failure) {
        box.hidden = true;
        state(status, "error", "Screening stopped: " + failure + (rows.length ? ` (${rows.length} rows screened before)` : ""));
        resultsBox.hidden = !rows.length;
        render();
        return;
      }
      progress(1, `Done: ${rows.length} rows screened`);
      const queued = queueAlerts(file.name);
      const alerts = rows.filter((r) => r.hits && r.hits.length).length;
      const skipped = problems.filter((p) => p.skipped);
      const notes = said.concat(problems.slice(0, 5).map((p) => `row ${p.row}${p.where ? " (" + p.where + ")" : ""}: ${p.reason}${p.skipped ? "" : " (screened anyway)"}`));
      state(status, rows.length ? "" : "empty", rows.length
        ? `${rows.length} rows screened: ${alerts} with alerts (${queued} hits queued for review).`
        : "The file held no row to screen.",
        skipped.length ? ` ${skipped.length} row(s) skipped.` : "",
        notes.length ? el("ul", {}, notes.map((n) => el("li", {}, n)), problems.length > 5 ? el("li", {}, `… ${problems.length - 5} more`) : null) : "");
      sortKey = null;
      table.querySelectorAll("th[aria-sort]").forEach((h) => h.removeAttribute("aria-sort"));
      resultsBox.hidden = !rows.length;
      render();
    };
    xhr.send(data);
  });
})();
