// One event: what, who, when, where; every report of it with a link to the original and the
// sentence it was read in, highlighted in its document; curation controls and the audit trail.

import { ApiProblem, get } from "../api.js";
import { curationPanel, canCurate } from "../curation.js";
import { card, fill, h, notice, outsideLink } from "../elements.js";
import { actorName, dateOf, day, number, parties, place, signed, typeChip } from "../format.js";
import { documentView } from "../evidence.js";
import { QUAD_NAMES } from "../palette.js";

function facts(event) {
  const loc = event.location || {};
  const rows = [
    ["Source", actorName(event.source)],
    ["Target", actorName(event.target)],
    ["When", dateOf(event)],
    ["Where", loc.name ? place(loc.name, loc.precision) : place("", "unknown")],
    ["Status", event.status],
    ["CAMEO", event.cameo],
    ["Goldstein", signed(event.goldstein)],
    ["Quad class", `${event.quad_class} · ${QUAD_NAMES[event.quad_class] || ""}`],
    ["Confidence", number(event.confidence, 2)],
    ["Reports", `${event.mention_count} from ${event.source_count} sources`],
    ["Reported", event.first_reported ? `${day(event.first_reported)}`
      + (event.last_reported !== event.first_reported ? ` – ${day(event.last_reported)}` : "")
      : "—"],
    ["Rules", event.rules],
  ];
  if (event.quantity) rows.push(["Quantity", `${number(event.quantity.value)} ${event.quantity.unit}`]);
  if (event.gathering) rows.push(["Gathering", event.gathering.name || event.gathering.kind]);
  return h("dl", { class: "facts" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function reports(mentions, chosen, onChoose) {
  return h("ol", { class: "reports", id: "reports" }, mentions.map((m) => h("li", {
    class: m.id === chosen ? "chosen" : null, dataset: { mentionId: String(m.id) } },
  h("div", { class: "report-head" },
    h("strong", {}, m.title || "(untitled)"),
    h("span", { class: "muted small" }, [m.source_name, m.published ? day(m.published) : null,
      m.syndicated ? "syndicated copy" : null, `status ${m.status}`].filter(Boolean)
      .join(" · "))),
  h("blockquote", {}, m.sentence),
  h("div", { class: "report-links" },
    h("button", { type: "button", class: "link show-in-document",
      "aria-pressed": String(m.id === chosen), onclick: () => onChoose(m.id) },
    "Show in document"),
    m.url ? outsideLink(m.url, "Original report ↗") : null,
    m.decision ? h("details", { class: "small" }, h("summary", {},
      `why it is here: ${m.decision.action}`), h("ul", {}, m.decision.reasons.map((r) =>
      h("li", {}, r)))) : null))));
}

function auditTrail(entries) {
  if (!entries.length) return h("p", { class: "muted" }, "No changes by analysts.");
  return h("ol", { class: "audit-trail" }, entries.map((e) => h("li", {},
    h("strong", {}, e.action), ` by ${e.who} (${e.role}), ${day(e.at)} `,
    e.reason ? h("q", {}, e.reason) : null)));
}

export async function renderEvent(page, ctx) {
  const id = Number(ctx.parts[1]);
  let detail;
  try {
    detail = await get(`/events/${id}`);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) {
      fill(page, h("h1", {}, `Event ${id}`), notice(`${error.message}`, "error"),
        h("p", {}, "It may have been merged into another event. ",
          h("a", { href: "#/" }, "Back to the events")));
      return;
    }
    throw error;
  }
  const event = detail.event;
  const types = await ctx.types();
  let chosen = Number(ctx.params.get("mention")) || (detail.mentions[0] || {}).id;
  const documentBox = h("div", { id: "document" });
  const reportBox = h("div", {});
  const documents = new Map();
  const show = async (mentionId) => {
    chosen = mentionId;
    const mention = detail.mentions.find((m) => m.id === mentionId);
    fill(reportBox, reports(detail.mentions, chosen, show));
    if (!mention) {
      fill(documentBox, h("p", { class: "muted" }, "No report to show."));
      return;
    }
    if (!documents.has(mention.document_id)) {
      documents.set(mention.document_id, get(`/documents/${mention.document_id}`));
    }
    const doc = await documents.get(mention.document_id);
    fill(documentBox, documentView(doc, mention));
  };
  const curated = event.curation && event.curation.verdict;
  fill(page,
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Events"), " / ", `event ${event.id}`),
    h("div", { class: "event-head" },
      h("h1", { id: "event-title" }, parties(event)),
      h("div", {}, typeChip(event.type, event.mode), event.mode
        ? h("span", { class: "muted" }, ` ${event.mode}`) : null,
      curated ? h("span", { class: `badge ${curated}`, id: "verdict" }, curated) : null,
      event.curated && !curated ? h("span", { class: "badge" }, "edited") : null)),
    h("div", { class: "event-layout" },
      h("div", {},
        card("The event", facts(event)),
        curationPanel(event, ctx.session, types, () => renderEvent(page, ctx)),
        canCurate(ctx.session) ? card("Audit trail", h("div", { id: "event-audit" },
          h("p", { class: "muted" }, "Loading…"))) : null),
      h("div", {},
        card(`Reports (${detail.mentions.length})`, reportBox),
        card("Evidence in its document", documentBox))));
  await show(chosen);
  if (canCurate(ctx.session)) {
    const trail = await get(`/events/${id}/audit`, { limit: 50 });
    fill(document.getElementById("event-audit"), auditTrail(trail.items));
  }
}
