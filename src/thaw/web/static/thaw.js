/* thaw's web page: shared helpers (no framework, no build step).
 *
 * Every page script uses THAW.api() to call the service's JSON endpoints with the
 * session cookie, THAW.el() to build DOM nodes (text is always set as text, never
 * parsed as HTML), THAW.state() for the loading / empty / error states and
 * THAW.sortable() for tables whose headers sort on click or Enter.
 */
"use strict";

const THAW = (() => {
  /** The service's endpoints, in one place. */
  const API = {
    screen: "/screen",
    screenFile: "/screen/file",
    screenText: "/screen/document",
    profile: (ref) => "/profiles/" + encodeURIComponent(ref),
    history: (ref) => "/history/" + encodeURIComponent(ref),
    link: "/profiles/link",
    unlink: "/profiles/unlink",
    changes: "/changes",
    chart: "/chart",
    programs: "/programs",
    catalog: "/catalog",
    whatif: "/whatif",
    whatifResults: "/whatif/results",
    whatifPortfolio: "/whatif/portfolio",
    portfolios: "/portfolios",
    decisions: "/decisions",
    alerts: "/alerts",
    audit: "/audit",
  };

  /** An Error carrying the HTTP status and the service's reason. */
  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function reason(status, body) {
    if (body && typeof body === "object") {
      const d = body.detail ?? body.error ?? body.message;
      if (typeof d === "string") return d;
      if (Array.isArray(d)) return d.map((x) => (x.loc ? x.loc.slice(1).join(".") + ": " : "") + x.msg).join("; ");
    }
    if (status === 401) return "Your session has ended: sign in again.";
    if (status === 403) return "Your key's role does not allow this.";
    if (status === 404) return "Not found.";
    if (status === 429) return "Too many requests: wait a moment and try again.";
    return "The service answered " + status + ".";
  }

  /** Call the API; resolves to the parsed JSON (or text), rejects with ApiError. */
  async function api(path, { method = "GET", json, body, params, signal } = {}) {
    let url = path;
    if (params) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) {
        if (Array.isArray(v)) v.forEach((x) => qs.append(k, x));
        else if (v !== undefined && v !== null && v !== "") qs.append(k, v);
      }
      const s = qs.toString();
      if (s) url += (url.includes("?") ? "&" : "?") + s;
    }
    const headers = { Accept: "application/json" };
    if (json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(json);
    }
    let response;
    try {
      response = await fetch(url, { method, headers, body, signal, credentials: "same-origin" });
    } catch (e) {
      if (e.name === "AbortError") throw e;
      throw new ApiError(0, "The service cannot be reached (" + e.message + ").");
    }
    const type = response.headers.get("Content-Type") || "";
    let data;
    if (type.includes("ndjson")) {
      const text = await response.text();
      data = response.ok ? text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)) : null;
    } else {
      data = type.includes("json") ? await response.json().catch(() => null) : await response.text();
    }
    if (!response.ok) {
      if (response.status === 401) signinHint();
      throw new ApiError(response.status, reason(response.status, data));
    }
    return data;
  }

  function signinHint() {
    const here = location.pathname + location.search;
    const box = document.getElementById("signin-hint");
    if (box) return;
    const p = el("p", { id: "signin-hint", class: "state error", role: "alert" },
      "Your session has ended. ", el("a", { href: "/web/signin?next=" + encodeURIComponent(here) }, "Sign in again"), ".");
    document.getElementById("main").prepend(p);
  }

  /** Build an element: el("a", {href: "/x", class: "y"}, "text", child…). */
  function el(tag, attrs, ...children) {
    const node = tag === "svg" || attrs?.svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false || k === "svg") continue;
      if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** An SVG element with attributes. */
  function svg(tag, attrs, ...children) {
    return el(tag, { ...attrs, svg: true }, ...children);
  }

  /** Show a state in a status box: kind is "loading", "empty", "error" or "" (plain). */
  function state(box, kind, ...message) {
    box.className = "state" + (kind ? " " + kind : "");
    box.setAttribute("role", kind === "error" ? "alert" : "status");
    box.replaceChildren(...message.flat().map((m) => (m instanceof Node ? m : document.createTextNode(String(m)))));
    box.hidden = message.length === 0;
  }

  /** Make a table's headers sort it (click or keyboard): th[data-sort] holds "text" or "num". */
  function sortable(table, onSort) {
    table.querySelectorAll("th[data-sort]").forEach((th) => {
      const col = [...th.parentNode.children].indexOf(th);
      const label = th.textContent;
      const button = el("button", { type: "button", class: "sort" }, label);
      th.replaceChildren(button);
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach((h) => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        if (onSort) return onSort(col, ascending, th.dataset.sort);
        const body = table.tBodies[0];
        const rows = [...body.rows];
        const key = (r) => r.cells[col]?.dataset.value ?? r.cells[col]?.textContent ?? "";
        const num = th.dataset.sort === "num";
        rows.sort((a, b) => {
          const x = key(a), y = key(b);
          const c = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
          return ascending ? c : -c;
        });
        body.append(...rows);
      });
    });
  }

  /** The query string as an object of strings (repeated keys: the last one). */
  function query() {
    return Object.fromEntries(new URLSearchParams(location.search));
  }

  /** Put a form's non-empty fields in the URL (a bookmark), without reloading. */
  function remember(form, extra = {}) {
    const qs = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v.trim()) qs.append(k, v.trim());
    for (const [k, v] of Object.entries(extra)) if (v) qs.set(k, v);
    const url = location.pathname + (qs.toString() ? "?" + qs : "");
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
  }

  /** Fill a form's fields from the query string. */
  function restore(form) {
    const q = new URLSearchParams(location.search);
    for (const field of form.elements) {
      if (!field.name || field.type === "file" || field.type === "submit") continue;
      if (field.type === "checkbox") field.checked = q.getAll(field.name).includes(field.value);
      else if (q.has(field.name)) field.value = q.get(field.name);
    }
  }

  const AUTHORITY = {
    us: "US", un: "UN", uk: "UK", eu: "EU", ca: "Canada", au: "Australia", ch: "Switzerland",
  };

  /** The authority of a source name: "us_ofac_sdn" → "us". */
  function authorityOf(source) {
    return String(source || "").split("_")[0];
  }

  /** Badges for a hit's listings: authority, then each programme. */
  function listingBadges(listings) {
    return (listings || []).map((l) => {
      const a = l.authority && l.authority.length <= 3 ? l.authority : authorityOf(l.source);
      return el("span", { class: "nowrap" },
        el("span", { class: "badge auth", title: l.source + ":" + l.source_id }, AUTHORITY[a] || a.toUpperCase()),
        (l.programs || []).map((p) => el("span", { class: "badge" }, p)));
    });
  }

  /** The earliest listing date of a hit's listings (per the authorities), or "". */
  function since(listings) {
    const dates = (listings || []).map((l) => l.listed_on).filter(Boolean).sort();
    return dates[0] || "";
  }

  /** A score as text with a small bar. */
  function score(value) {
    const v = Number(value) || 0;
    return el("span", { class: "nowrap" }, el("span", { class: "score" }, v.toFixed(2)),
      el("span", { class: "scorebar", "aria-hidden": "true" }, el("i", { style: "width:" + Math.round(v * 100) + "%" })));
  }

  /** A link to a party's profile page. */
  function profileLink(ref, text) {
    return el("a", { href: "/web/profile/" + encodeURIComponent(ref) }, text || ref);
  }

  /**
   * One CSV cell that a spreadsheet shows and never evaluates: the rule of
   * thaw.spreadsheet.safe_cell (NUL bytes become U+FFFD; a cell starting with
   * = + - @ tab or CR, unless it is a plain number, gets a leading quote).
   */
  function csvCell(value) {
    let s = value === null || value === undefined ? "" : String(value);
    s = s.replace(/\0/g, "\ufffd");
    const number = s.trim() === s && /^[+-]?[0-9]/.test(s) && !Number.isNaN(Number(s));
    if (/^[=+\-@\t\r]/.test(s) && !number) s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /** Offer a text as a file download. */
  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** A table with headers: columns are [label, sortKind|null, className?]. */
  function table(columns, caption) {
    return el("table", {},
      caption ? el("caption", { class: "sr-only" }, caption) : null,
      el("thead", {}, el("tr", {}, columns.map(([label, sort, cls]) =>
        el("th", { scope: "col", "data-sort": sort || null, class: cls || null }, label)))),
      el("tbody"));
  }

  function fmtDate(s) {
    return s ? String(s).replace("T", " ").slice(0, 19) : "";
  }

  return {
    API, ApiError, api, el, svg, append, state, sortable, query, remember, restore, authorityOf,
    listingBadges, since, score, profileLink, csvCell, download, table, fmtDate, AUTHORITY,
  };
})();
