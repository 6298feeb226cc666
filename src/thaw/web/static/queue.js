/* The alert queue of file screens, kept in this browser (localStorage): the Screen
 * a file page adds each hit as an alert; the Alert review page lists those without
 * a decision, beside the service's monitoring alerts (GET /alerts) when present. */
"use strict";

const THAWQueue = (() => {
  const KEY = "thaw.alerts.v1";
  const MAX = 5000;

  function all() {
    try {
      const v = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(v) ? v : [];
    } catch (e) {
      return [];
    }
  }

  function save(items) {
    localStorage.setItem(KEY, JSON.stringify(items.slice(-MAX)));
  }

  /** Add alerts (the newest copy of a customer/target pair wins). */
  function add(items) {
    const byKey = new Map(all().map((a) => [a.customer_id + "\u0000" + a.target_id, a]));
    for (const a of items) {
      const k = a.customer_id + "\u0000" + a.target_id;
      byKey.delete(k);
      byKey.set(k, a);
    }
    save([...byKey.values()]);
  }

  function clear() {
    localStorage.removeItem(KEY);
  }

  return { all, add, clear };
})();
