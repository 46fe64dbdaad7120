// The audit log (curator and admin keys): every change, who made it, when, what it was before
// and after, and why.

import { get } from "../api.js";
import { card, fill, h, notice } from "../elements.js";
import { canCurate } from "../curation.js";

function when(iso) {
  return iso.replace("T", " ").slice(0, 19);
}

function show(value) {
  if (value === null || value === undefined) return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The fields an entry changed, before → after. */
export function changes(before, after) {
  const keys = new Set([...Object.keys(before || {}), ...Object.keys(after || {})]);
  const out = [];
  for (const key of [...keys].sort()) {
    const a = show((before || {})[key]);
    const b = show((after || {})[key]);
    if (a !== b) out.push([key, a, b]);
  }
  return out;
}

function target(entry) {
  if (entry.target_kind === "event") {
    return h("a", { href: `#/event/${entry.target_id}` }, `event ${entry.target_id}`);
  }
  return `${entry.target_kind} ${entry.target_id}`;
}

export async function renderAudit(page, ctx) {
  if (!canCurate(ctx.session)) {
    fill(page, h("h1", {}, "Audit log"),
      notice("The audit log is open to curator and admin keys.", "error"));
    return;
  }
  const action = ctx.params.get("action") || "";
  const log = await get("/audit", { limit: 200, action });
  fill(page, h("h1", {}, "Audit log"),
    card(null, h("table", { class: "audit", id: "audit-log" },
      h("thead", {}, h("tr", {}, ["When (UTC)", "Who", "Action", "Target", "Changes",
        "Reason"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, log.items.map((entry) => h("tr", {
        dataset: { action: entry.action, targetId: entry.target_id } },
      h("td", { class: "nowrap" }, when(entry.at)),
      h("td", {}, entry.who, h("span", { class: "muted small" }, ` ${entry.role}`)),
      h("td", {}, entry.action),
      h("td", {}, target(entry)),
      h("td", { class: "small" }, h("ul", { class: "changes" },
        changes(entry.before, entry.after).slice(0, 8).map(([key, a, b]) => h("li", {},
          h("code", {}, key), ` ${a} → ${b}`)))),
      h("td", {}, entry.reason || h("span", { class: "muted" }, "—"))))))),
    log.next_before ? h("p", { class: "muted" }, "Older entries: GET /api/v1/audit?before="
      + `${log.next_before}`) : null);
}
