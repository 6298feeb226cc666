/* What-if: choose programmes to lift and a scope; the answer is the one of
 * `thaw whatif --json` (cleared, still listed and by whom, counts). */
"use strict";

(() => {
  const { api, API, el, state, listingBadges } = THAW;
  const form = document.getElementById("whatif-form");
  const status = document.getElementById("status");
  const box = document.getElementById("programs");
  const answer = document.getElementById("answer");
  const SENTENCE = { us: "the US", uk: "the UK", un: "the UN", eu: "the EU", ca: "Canada", au: "Australia", ch: "Switzerland" };
  const who = (a) => SENTENCE[a] || a.toUpperCase();
  const q = new URLSearchParams(location.search);
  const wanted = new Set(q.getAll("lift"));

  const ORDER = ["us", "un", "eu", "uk", "ca", "au", "ch"];
  const byOrder = (a, b) => ((ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99)) || a.localeCompare(b);

  /** "us:RUSSIA-EO14024", "uk:russia" → "the US lifts RUSSIA-EO14024 and the UK lifts russia". */
  function describe(scenario) {
    const by = {};
    for (const item of scenario) {
      const [a, ...rest] = String(item).split(":");
      (by[a] = by[a] || []).push(rest.join(":") === "*" ? "all its programmes" : rest.join(":"));
    }
    return joinAnd(Object.keys(by).sort(byOrder).map((a) => (a === "*" ? "every authority" : who(a)) +
      (by[a].length > 1 || a === "*" ? " lift" + (a === "*" ? "s " : "s ") : " lifts ") + joinAnd(by[a])));
  }

  function joinAnd(items) {
    return items.length <= 1 ? items.join("") : items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  async function programmes() {
    let list;
    try {
      const data = await api(API.programs);
      list = Array.isArray(data) ? data : data.programs || [];
    } catch (e) {
      box.replaceChildren(el("span", { class: "state error", role: "alert" }, "The programmes could not be loaded: " + e.message + ". Type lifts instead."));
      return;
    }
    const chosen = (p) => (wanted.has(p.authority + ":" + p.code) ? 0 : 1);
    list.sort((a, b) => chosen(a) - chosen(b) || byOrder(a.authority, b.authority) || (b.listings || 0) - (a.listings || 0));
    const known = new Set();
    box.replaceChildren(...list.filter((p) => p.code).map((p) => {
      const value = p.authority + ":" + p.code;
      known.add(value);
      return el("label", { title: p.label || "" }, el("input", { type: "checkbox", name: "lift", value, checked: wanted.has(value) }),
        " ", el("b", {}, p.authority), " ", p.code, " ", el("span", { class: "muted" }, "(" + (p.listings ?? "") + ")"));
    }));
    narrow();
    const extra = [...wanted].filter((w) => !known.has(w));
    document.getElementById("lift-extra").value = extra.join(", ");
  }

  const progFilter = document.getElementById("prog-filter");
  function narrow() {
    const needle = progFilter.value.trim().toLowerCase();
    box.querySelectorAll("label").forEach((l) => { l.hidden = needle && !l.textContent.toLowerCase().includes(needle) && !l.title.toLowerCase().includes(needle); });
  }
  progFilter.addEventListener("input", narrow);

  function lifts() {
    const chosen = [...box.querySelectorAll("input:checked")].map((i) => i.value);
    const typed = document.getElementById("lift-extra").value.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
    return [...new Set([...chosen, ...typed])];
  }

  function partyRow(p, still) {
    const ctx = p.context || p;  // a results file's row: row, id and the name screened
    const name = ctx.row ? `row ${ctx.row}${ctx.id != null ? " (" + ctx.id + ")" : ""}: ${ctx.name || ""}` : null;
    return el("tr", {},
      el("td", {}, p.party && !String(p.party).startsWith("row") ? THAW.profileLink(p.party, p.caption) : p.caption, name ? el("div", { class: "muted" }, name) : null),
      el("td", {}, p.schema),
      still ? el("td", {}, (p.authorities || []).slice().sort(byOrder).map((a) => el("span", { class: "badge auth" }, THAW.AUTHORITY[a] || a)), " ",
        (p.listings || []).map((l) => el("div", {}, listingBadges([l]), el("span", { class: "mono muted" }, l.source + ":" + l.source_id)))) : null,
      el("td", {}, (p.lifted || []).map((l) => el("div", {}, listingBadges([l]), el("span", { class: "mono muted" }, l.source + ":" + l.source_id)))));
  }

  function partyTable(items, still, title) {
    if (!items.length) return el("p", { class: "state empty" }, still ? "Nobody stays listed." : "Nobody clears.");
    const cols = still ? [["Party", "text"], ["Schema", "text"], ["Still listed by"], ["Lifted"]] : [["Party", "text"], ["Schema", "text"], ["Lifted listings"]];
    const t = THAW.table(cols, title);
    const shown = items.slice(0, 500);
    t.tBodies[0].append(...shown.map((p) => partyRow(p, still)));
    THAW.sortable(t);
    return el("div", {}, el("div", { class: "scroll" }, t), items.length > shown.length ? el("p", { class: "muted" }, `First ${shown.length} of ${items.length} shown.`) : null);
  }

  function render(r) {
    const c = r.counts.parties;
    const lifted = describe(r.scenario || []);
    const If = "If " + lifted;
    let sentence;
    const onePartyAsked = /^(entity|profile) /.test(r.scope || "");
    if (onePartyAsked && (r.still_listed.length + r.cleared.length) === 1) {
      if (r.still_listed.length) {
        const p = r.still_listed[0];
        const by = (p.authorities || []).slice().sort(byOrder).map((a) => who(a) + " (" + [...new Set(p.listings.filter((l) => l.authority === a).flatMap((l) => l.programs))].join(", ") + ")");
        sentence = `${If}, ${p.caption} stays listed by ${joinAnd(by)}.`;
      } else {
        sentence = `${If}, ${r.cleared[0].caption} clears: no authority would list them any more.`;
      }
    } else if (onePartyAsked && !c.affected) {
      sentence = `${If}, nothing changes for this party: none of its listings is under these programmes.`;
    } else {
      sentence = `${If} (${r.scope}): ${c.cleared} part${c.cleared === 1 ? "y clears" : "ies clear"}, ${c.still_listed} stay${c.still_listed === 1 ? "s" : ""} listed by another authority or programme.`;
    }
    document.getElementById("sentence").textContent = sentence;
    const n = (label, value, cls) => el("div", { class: "count " + (cls || "") }, el("b", {}, value), label);
    document.getElementById("counts").replaceChildren(
      n("parties evaluated", c.evaluated), n("affected", c.affected), n("cleared", c.cleared, "ok"), n("still listed", c.still_listed, "bad"),
      n("listings lifted", Object.values(r.counts.listings_lifted.by_authority || {}).reduce((a, b) => a + b, 0)));
    document.getElementById("still").replaceChildren(partyTable(r.still_listed, true, "Still listed"));
    document.getElementById("cleared").replaceChildren(partyTable(r.cleared, false, "Cleared"));
    if ((r.not_listed || []).length) document.getElementById("still").prepend(el("p", { class: "muted" }, "No listing in force: " + r.not_listed.join(", ")));
    answer.hidden = false;
    state(status, "", "");
    status.hidden = true;
  }

  /** The hit_removed events a lifting would cause in a portfolio (thaw whatif --portfolio). */
  function renderPortfolio(events, scenario, name) {
    const still = events.filter((e) => e.still_listed);
    const cleared = events.filter((e) => !e.still_listed);
    document.getElementById("sentence").textContent = events.length
      ? `If ${describe(scenario)}, ${events.length} alert${events.length === 1 ? "" : "s"} of portfolio ${name} would be removed: ${cleared.length} part${cleared.length === 1 ? "y clears" : "ies clear"}, ${still.length} stay${still.length === 1 ? "s" : ""} listed by another authority.`
      : `If ${describe(scenario)}, no alert of portfolio ${name} would be removed.`;
    const n = (label, value, cls) => el("div", { class: "count " + (cls || "") }, el("b", {}, value), label);
    document.getElementById("counts").replaceChildren(n("alerts removed", events.length), n("cleared", cleared.length, "ok"), n("still listed", still.length, "bad"));
    const table = (items, isStill) => {
      if (!items.length) return el("p", { class: "state empty" }, isStill ? "Nobody stays listed." : "Nobody clears.");
      const t = THAW.table([["Row", "text"], ["Listing", "text"], ["Lifted programmes"], ["Party"], isStill ? ["Still listed by"] : null].filter(Boolean), isStill ? "Still listed" : "Cleared");
      t.tBodies[0].append(...items.map((e) => el("tr", {},
        el("td", { class: "mono" }, e.row_id),
        el("td", {}, listingBadges([{ ...e.listing, programs: [] }]), e.listing.caption, el("div", { class: "mono muted" }, e.listing.source + ":" + e.listing.source_id)),
        el("td", {}, (e.listing.lifted_programs || []).join(", ")),
        el("td", {}, e.profile_id ? THAW.profileLink(e.profile_id, (e.party && e.party.caption) || e.profile_id) : ""),
        isStill ? el("td", {}, ((e.party && e.party.listed_by) || []).map((x) => el("div", {}, listingBadges([x]), el("span", { class: "mono muted" }, x.source + ":" + x.source_id)))) : null)));
      THAW.sortable(t);
      return el("div", { class: "scroll" }, t);
    };
    document.getElementById("still").replaceChildren(table(still, true));
    document.getElementById("cleared").replaceChildren(table(cleared, false));
    answer.hidden = false;
    status.hidden = true;
  }

  async function portfolios() {
    const list = document.getElementById("portfolios");
    if (document.getElementById("portfolio-field").hidden) return;
    try {
      const data = await api(API.portfolios);
      list.replaceChildren(...(Array.isArray(data) ? data : []).map((p) => el("option", { value: p.name })));
    } catch (e) {
      /* the name can still be typed */
    }
  }

  async function ask(remember) {
    const scenario = lifts();
    const scope = form.elements.scope.value;
    if (!scenario.length) {
      state(status, "error", "Choose at least one programme to lift.");
      return;
    }
    const params = new URLSearchParams();
    scenario.forEach((l) => params.append("lift", l));
    params.set("scope", scope);
    let request;
    if (scope === "entity") {
      const ref = form.elements.entity.value.trim();
      if (!ref) { state(status, "error", "Give the party: a listing SOURCE:ID or a profile id."); return; }
      params.set("entity", ref);
      request = { method: "POST", json: { lift: scenario, [ref.includes(":") ? "entity" : "profile"]: ref } };
    } else if (scope === "results") {
      const file = form.elements.results.files[0];
      if (!file) { state(status, "error", "Choose a results file (JSONL from Screen a file)."); return; }
      const body = new FormData();
      body.append("file", file, file.name);
      request = { method: "POST", body, params: { lift: scenario }, path: API.whatifResults };
    } else if (scope === "portfolio") {
      const name = form.elements.portfolio.value.trim();
      if (!name) { state(status, "error", "Give the portfolio's name."); return; }
      params.set("portfolio", name);
      request = { method: "POST", json: { lift: scenario, portfolio: name }, path: API.whatifPortfolio, portfolio: name };
    } else {
      request = { method: "POST", json: { lift: scenario, all: true } };
    }
    if (remember) history.pushState(null, "", location.pathname + "?" + params);
    answer.hidden = true;
    status.hidden = false;
    state(status, "loading", scope === "all" ? "Evaluating every listed party (this takes a few seconds)…" : "Evaluating…");
    try {
      const answer = await api(request.path || API.whatif, request);
      if (request.portfolio) renderPortfolio(answer, scenario, request.portfolio);
      else render(answer);
    } catch (e) {
      state(status, "error", "The scenario could not be evaluated: " + e.message);
    }
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); ask(true); });
  if (q.get("entity")) form.elements.entity.value = q.get("entity");
  if (q.get("portfolio")) form.elements.portfolio.value = q.get("portfolio");
  portfolios();
  if (q.get("scope")) for (const r of form.elements.scope) r.checked = r.value === q.get("scope");
  programmes().then(() => { if (wanted.size && q.get("scope") !== "results") ask(false); });
})();
