// The list of events: when, what, who to whom, where (with precision), status and reports.
// Each row links to the event's page.

import { h } from "./elements.js";
import { dateOf, parties, place, signed, typeChip } from "./format.js";

function verdict(event) {
  const curation = event.curation;
  if (!curation) return event.curated ? h("span", { class: "badge" }, "curated") : null;
  if (curation.verdict) return h("span", { class: `badge ${curation.verdict}` }, curation.verdict);
  return h("span", { class: "badge" }, "edited");
}

export function eventRow(event) {
  const href = `#/event/${event.id}`;
  // The API's events carry a location object; the analytics' briefs a name and a precision.
  const loc = event.location && typeof event.location === "object" ? event.location
    : { name: event.location, precision: event.location_precision };
  return h("tr", { dataset: { eventId: String(event.id) } },
    h("td", { class: event.date && !event.date.start ? "nowrap muted" : "nowrap" },
      dateOf(event)),
    h("td", {}, typeChip(event.type, event.mode),
      h("span", { class: "muted small" }, ` ${event.cameo}`)),
    h("td", {}, h("a", { href, class: "event-link" }, parties(event))),
    h("td", {}, place(loc.name, loc.precision)),
    h("td", {}, event.status),
    h("td", { class: "num" }, signed(event.goldstein)),
    h("td", { class: "num" }, String(event.source_count)),
    h("td", {}, verdict(event)));
}

export function eventTable(events, { caption } = {}) {
  return h("table", { class: "events" },
    caption ? h("caption", {}, caption) : null,
    h("thead", {}, h("tr", {}, ["When", "Type", "Who → whom", "Where", "Status", "Goldstein",
      "Sources", ""].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, events.map(eventRow)));
}
