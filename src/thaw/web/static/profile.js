/* Party profile: every listing side by side (differences marked), the links with
 * their evidence (link / unlink), and a timeline chart per authority. */
"use strict";

(() => {
  const { api, API, el, state } = THAW;
  const status = document.getElementById("status");
  const ref = status.dataset.ref;

  const ROWS = [
    ["authority", "Authority"], ["listing", "Listing"], ["programs", "Programmes"], ["listed_on", "Listed on"],
    ["name:primary", "Name"], ["name:alias", "Aliases"], ["name:original", "Original script"], ["name:other", "Other names"],
    ["birth_date", "Born"], ["birth_place", "Birth place"], ["nationality", "Nationality"], ["country", "Country"],
    ["gender", "Gender"], ["position", "Position"], ["identifier", "Identifiers"], ["address", "Address"],
    ["link", "Refers to"], ["remark", "Remarks"],
  ];

  /** A comparable form: lower case, letters and digits only, words sorted. */
  const norm = (v) => String(v).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").sort().join(" ");

  function values(profile, listing, row) {
    const key = listing.source + ":" + listing.source_id;
    if (row === "authority") return [listing.authority || THAW.authorityOf(listing.source)];
    if (row === "listing") return [key];
    if (row === "programs") return listing.programs || [];
    if (row === "listed_on") return listing.listed_on ? [listing.listed_on] : [];
    const mine = (profile.details || []).filter((d) => d.source + ":" + d.source_id === key);
    if (row.startsWith("name:")) {
      const q = row.slice(5);
      return mine.filter((d) => d.field === "name" && (q === "other" ? !["primary", "alias", "original"].includes(d.qualifier) : d.qualifier === q)).map((d) => d.value);
    }
    return mine.filter((d) => d.field === row).map((d) =>
      row === "birth_date" && d.qualifier === "circa" ? "circa " + d.value
        : d.value + (d.qualifier && row === "identifier" ? " [" + d.qualifier + "]" : ""));
  }

  function compare(profile) {
    const listings = profile.listings || [];
    const table = document.getElementById("compare");
    const head = el("tr", {}, el("th", { scope: "col" }, "Field"),
      listings.map((l) => el("th", { scope: "col" }, THAW.listingBadges([{ ...l, programs: [] }]), el("div", { class: "mono muted" }, l.source + ":" + l.source_id))));
    const body = el("tbody");
    const comparable = new Set(["name:primary", "name:alias", "name:original", "birth_date", "birth_place", "nationality", "country", "gender", "identifier"]);
    for (const [row, label] of ROWS) {
      const cells = listings.map((l) => values(profile, l, row));
      if (cells.every((c) => !c.length)) continue;
      const keys = cells.map((c) => c.map(norm).sort().join(" | "));
      const present = keys.filter(Boolean);
      const counts = {};
      present.forEach((k) => { counts[k] = (counts[k] || 0) + 1; });
      const modal = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0];
      const differs = comparable.has(row) && new Set(present).size > 1;
      body.append(el("tr", {}, el("th", { scope: "row" }, label), cells.map((c, i) => el("td", {
        class: differs && keys[i] && keys[i] !== modal ? "differs" : null,
        title: differs && keys[i] && keys[i] !== modal ? "differs from the other authorities" : null,
      }, c.length ? c.map((v, j) => [j ? el("br") : null, v]) : el("span", { class: "muted", title: "not published by this authority" }, "—")))));
    }
    table.replaceChildren(el("caption", { class: "sr-only" }, "Listings of the party, one column per authority"), el("thead", {}, head), body);
  }

  function links(profile) {
    const box = document.getElementById("links");
    const items = profile.links || [];
    if (!items.length) {
      box.replaceChildren(el("p", { class: "state empty" }, (profile.listings || []).length > 1
        ? "No link evidence is recorded." : "This party has one listing: nothing links it to another authority's listing."));
    } else {
      const t = THAW.table([["Listings"], ["Kind"], ["Strength", "num", "num"], ["Status"], ["Evidence"], ["Action"]], "Links between the listings");
      for (const k of items) {
        const ev = k.evidence || {};
        const unlink = el("button", { type: "button", class: "secondary", onclick: () => {
          document.getElementById("link-a").value = k.a;
          document.getElementById("link-action").value = "unlink";
          document.getElementById("link-b").value = k.b;
          document.getElementById("link-why").focus();
        } }, "Unlink…");
        t.tBodies[0].append(el("tr", {},
          el("td", { class: "mono" }, k.a, el("br"), "↔ " + k.b),
          el("td", {}, k.kind),
          el("td", { class: "num" }, Number(k.strength || 0).toFixed(1)),
          el("td", {}, el("span", { class: "badge " + (k.status === "applied" ? "ok" : "warn") }, k.status)),
          el("td", {}, el("details", {}, el("summary", {}, k.summary || "evidence"),
            el("ul", {}, Object.entries(ev).map(([f, v]) => el("li", {}, el("b", {}, f + ": "), Array.isArray(v) ? v.join(" ~ ") : String(v)))))),
          el("td", {}, unlink)));
      }
      THAW.sortable(t);
      box.replaceChildren(t);
    }
    const sel = document.getElementById("link-a");
    sel.replaceChildren(...(profile.listings || []).map((l) => el("option", { value: l.source + ":" + l.source_id }, l.source + ":" + l.source_id)));
  }

  async function history(profile) {
    const box = document.getElementById("timeline");
    try {
      const data = await api(API.history(profile.id));
      box.replaceChildren(THAWCharts.timeline(data));
      const s = Object.entries(data.status || {}).map(([a, v]) => (THAW.AUTHORITY[a] || a) + (v.current ? " lists" : " no longer lists") + " the party" +
        (v.listed_on ? " since " + v.listed_on : v.first_listed ? " (seen since " + String(v.first_listed).slice(0, 10) + ")" : ""));
      box.append(el("p", { class: "muted" }, s.join("; ") + "."));
    } catch (e) {
      box.replaceChildren(el("p", { class: "state error", role: "alert" }, "The history could not be loaded: " + e.message));
    }
  }

  async function load() {
    state(status, "loading", "Loading the profile…");
    let profile;
    try {
      profile = await api(API.profile(ref));
    } catch (e) {
      state(status, "error", e.status === 404 ? "No party or listing “" + ref + "” is known." : "The profile could not be loaded: " + e.message);
      return;
    }
    document.getElementById("caption").textContent = profile.caption;
    document.getElementById("ref").textContent = profile.id;
    document.title = profile.caption + " · thaw";
    const auths = [...new Set((profile.listings || []).map((l) => THAW.authorityOf(l.source)))];
    document.getElementById("summary").textContent = `${profile.schema}, listed ${profile.listings.length} time(s) by ` +
      auths.map((a) => THAW.AUTHORITY[a] || a).join(", ") + ".";
    state(status, "", "");
    status.hidden = true;
    document.getElementById("profile").hidden = false;
    compare(profile);
    links(profile);
    history(profile);
  }

  document.getElementById("link-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = Object.fromEntries(new FormData(ev.target));
    const box = document.getElementById("link-status");
    state(box, "loading", "Recording…");
    try {
      await api(f.action === "unlink" ? API.unlink : API.link, { method: "POST", json: { a: f.a, b: f.b.trim(), why: f.why.trim() } });
      state(box, "", "Recorded. The profile is re-linked:");
      await load();
      state(document.getElementById("link-status"), "", "Recorded: " + f.a + (f.action === "unlink" ? " ≠ " : " = ") + f.b + ".");
    } catch (e) {
      state(box, "error", "Not recorded: " + e.message);
    }
  });

  load();
})();
