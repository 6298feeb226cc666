/* Screen a document: the text with every listed party's mentions highlighted, the
 * parties beside it; choosing a party marks its mentions and shows its listings. */
"use strict";

(() => {
  const { api, API, el, state, listingBadges } = THAW;
  const form = document.getElementById("doc-form");
  const status = document.getElementById("status");
  const result = document.getElementById("result");
  const textBox = document.getElementById("doc-text");
  const partyList = document.getElementById("parties");
  const detail = document.getElementById("party-detail");

  function highlighted(text, parties) {
    const marks = [];
    parties.forEach((p, n) => (p.mentions || []).forEach((m) => marks.push([m.start, m.end, n, m.short_reference])));
    marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const out = [];
    let pos = 0;
    for (const [start, end, n, short] of marks) {
      if (start < pos) continue;
      out.push(text.slice(pos, start));
      out.push(el("mark", { class: short ? "short" : null, dataset: { party: n }, title: parties[n].name + (short ? " (short reference)" : "") }, text.slice(start, end)));
      pos = end;
    }
    out.push(text.slice(pos));
    return out;
  }

  function choose(parties, n) {
    partyList.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.party === String(n))));
    textBox.querySelectorAll("mark").forEach((m) => m.classList.toggle("active", m.dataset.party === String(n)));
    const first = textBox.querySelector(`mark[data-party="${n}"]`);
    if (first) first.scrollIntoView({ block: "nearest" });
    const p = parties[n];
    const t = THAW.table([["Listing"], ["Programmes"], ["Listed on"]], "Listings of " + p.name);
    for (const l of p.listings || []) {
      t.tBodies[0].append(el("tr", {},
        el("td", {}, listingBadges([{ ...l, programs: [] }]), el("span", { class: "mono" }, l.source + ":" + l.source_id)),
        el("td", {}, (l.programs || []).join(", ")),
        el("td", {}, l.listed_on || "—")));
    }
    detail.replaceChildren(
      el("h3", {}, p.name),
      el("p", {}, "Score ", THAW.score(p.score), " · ", (p.mentions || []).length, " mention(s) · ",
        p.profile_id ? THAW.profileLink(p.profile_id, "profile across authorities") : ""),
      t,
      el("p", { class: "muted" }, p.explanation || ""));
  }

  function render(data, text) {
    const parties = data.parties || [];
    text = data.text ?? text;
    result.hidden = false;
    document.getElementById("text-info").textContent = `(${data.kind || "text"}, ${(data.characters ?? text.length).toLocaleString()} characters)`;
    if (text) textBox.replaceChildren(...highlighted(text, parties));
    else textBox.replaceChildren(el("p", { class: "muted" }, "The service did not return the document's text; the parties and their mention snippets are listed beside."));
    state(status, parties.length ? "" : "empty", parties.length
      ? parties.length + " listed part" + (parties.length === 1 ? "y" : "ies") + " mentioned. Choose one to see its listings."
      : "No listed party is mentioned in this document.");
    partyList.replaceChildren(...parties.map((p, n) => el("li", {},
      el("button", { type: "button", "aria-pressed": "false", dataset: { party: n }, onclick: () => choose(parties, n) },
        el("b", {}, p.name), " ", el("span", { class: "muted" }, (p.mentions || []).length + "×"), el("br"),
        listingBadges(p.listings).slice(0, 6)))));
    detail.replaceChildren();
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = document.getElementById("text").value;
    const file = document.getElementById("file").files[0];
    if (!text.trim() && !file) {
      state(status, "error", "Paste some text or choose a document first.");
      return;
    }
    const body = new FormData();
    let plain = "";
    if (file) body.append("file", file, file.name);
    else {
      plain = text;
      body.append("file", new Blob([text], { type: "text/plain" }), "pasted.txt");
    }
    if (file && /\.(txt|text)$/i.test(file.name)) plain = await file.text();
    state(status, "loading", "Screening the document…");
    result.hidden = true;
    try {
      const data = await api(API.screenText, { method: "POST", body });
      render(data, plain);
    } catch (e) {
      state(status, "error", "Screening failed: " + e.message);
    }
  });
})();
