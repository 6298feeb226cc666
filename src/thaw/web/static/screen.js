/* Screen page: one name (any script) with optional schema, DOB, country, identifier. */
"use strict";

(() => {
  const { api, API, el, state, remember, restore, listingBadges, since, score, profileLink } = THAW;
  const form = document.getElementById("screen-form");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  let inflight = null;

  /** The parts of an explanation string: "name 'a' ~ 'b': tokens = 0.98; dob 1975 agrees". */
  function explanationParts(text) {
    return String(text || "").split(/;\s+/).filter(Boolean);
  }

  /** Name tokens of an alignment detail: "kirill dmitriev +aleksandrovich = 0.98". */
  function tokens(detail) {
    const m = /:\s*(.+?)(?:\s*=\s*[\d.]+)?$/.exec(detail);
    if (!m) return null;
    return el("div", { class: "tokens", "aria-label": "aligned name tokens" },
      m[1].split(/\s+/).filter(Boolean).map((t) => t.startsWith("+") || t.startsWith("-")
        ? el("span", { class: "tok extra", title: t.startsWith("+") ? "only in the listed name" : "only in the query" }, t)
        : el("span", { class: "tok", title: "aligned" }, t)));
  }

  function evidence(hit) {
    const box = el("div", { class: "evidence" });
    const parts = explanationParts(hit.explanation);
    const nameLine = parts.find((p) => p.startsWith("name")) || parts[0] || "";
    box.append(el("p", {}, el("b", {}, "Query: "), hit._query, "  ·  ", el("b", {}, "best aligned listed name: "), hit.matched_name || hit.name));
    const tk = tokens(nameLine);
    if (tk) box.append(el("h3", {}, "Name tokens"), tk);
    if (Array.isArray(hit.features) && hit.features.length) {
      const t = THAW.table([["Feature"], ["Contribution", null, "num"], ["What was found"]], "Why the score");
      for (const f of hit.features) {
        const c = Number(f.contribution ?? f.score ?? 0);
        const cls = c > 0 ? "agree" : c < 0 ? "disagree" : "";
        t.tBodies[0].append(el("tr", {},
          el("td", {}, String(f.feature ?? f.name ?? "")),
          el("td", { class: "num " + cls }, (c > 0 ? "+" : "") + c.toFixed(2)),
          el("td", {}, String(f.detail ?? ""))));
      }
      box.append(el("h3", {}, "Why the score is " + Number(hit.score).toFixed(2)), t);
    } else {
      box.append(el("h3", {}, "Why the score is " + Number(hit.score).toFixed(2)),
        el("ul", {}, parts.map((p) => {
          const cls = /\b(disagree|conflict|mismatch|differ)/i.test(p) ? "disagree" : /\b(agree|match|same)/i.test(p) ? "agree" : "";
          return el("li", { class: cls }, p);
        })));
    }
    const lt = THAW.table([["Authority"], ["Listing"], ["Programmes"], ["Listed on"]], "Listings");
    for (const l of hit.listings || []) {
      lt.tBodies[0].append(el("tr", {},
        el("td", {}, THAW.AUTHORITY[THAW.authorityOf(l.source)] || l.source),
        el("td", { class: "mono" }, l.source + ":" + l.source_id),
        el("td", {}, (l.programs || []).join(", ")),
        el("td", {}, l.listed_on || el("span", { class: "muted" }, "not published"))));
    }
    box.append(el("h3", {}, "Listings"), lt);
    return box;
  }

  function render(result, query) {
    const hits = result.hits || [];
    if (!hits.length) {
      state(status, "empty", "No listed party matches “" + query + "”.");
      results.replaceChildren();
      return;
    }
    state(status, "", hits.length + (hits.length === 1 ? " hit" : " hits") + " for “" + query + "”, best first.");
    const list = el("div", { role: "list", "aria-label": "hits" });
    hits.forEach((hit, i) => {
      hit._query = query;
      const id = "ev-" + i;
      const toggle = el("button", { type: "button", class: "secondary", "aria-expanded": "false", "aria-controls": id }, "Evidence");
      const panel = el("div", { id, hidden: true });
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        if (open && !panel.firstChild) panel.append(evidence(hit));
        panel.hidden = !open;
      });
      const ref = hit.profile_id || (hit.listings && hit.listings[0] ? hit.listings[0].source + ":" + hit.listings[0].source_id : null);
      list.append(el("article", { class: "hit", role: "listitem" },
        el("div", { class: "hit-head" },
          el("div", {}, score(hit.score), el("div", { class: "muted" }, hit.schema)),
          el("div", {}, el("div", { class: "hit-name" }, ref ? profileLink(ref, hit.name) : hit.name),
            hit.matched_name && hit.matched_name !== hit.name ? el("div", { class: "muted" }, "as “" + hit.matched_name + "”") : null),
          el("div", {}, listingBadges(hit.listings)),
          el("div", {}, el("div", { class: "muted" }, "since"), since(hit.listings) || "—"),
          el("div", {}, toggle)),
        panel));
    });
    results.replaceChildren(list);
  }

  async function run() {
    const data = Object.fromEntries(new FormData(form));
    const name = (data.name || "").trim();
    if (!name) {
      state(status, "", "Type a name and press Enter.");
      results.replaceChildren();
      return;
    }
    if (inflight) inflight.abort();
    inflight = new AbortController();
    const started = performance.now();
    state(status, "loading", "Screening “" + name + "”…");
    try {
      const body = { name, schema: data.schema || null, birth_date: data.dob || null, country: data.country || null, id_number: data.id_number || null };
      const result = await api(API.screen, { method: "POST", json: body, signal: inflight.signal });
      render(result, name);
      window.thawTimings = { ...(window.thawTimings || {}), screen_ms: performance.now() - started };
      document.body.dataset.screened = String(Date.now());
    } catch (e) {
      if (e.name === "AbortError") return;
      state(status, "error", "Screening failed: " + e.message);
      results.replaceChildren();
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    remember(form);
    run();
  });
  window.addEventListener("popstate", () => { restore(form); run(); });
  if (THAW.query().name) run();
})();
