// The overview: search and filters beside the numbers, the timeline, the map and the list of
// matching events.

import { get } from "../api.js";
import { card, fill, h, stat } from "../elements.js";
import { number, percent, signed } from "../format.js";
import { eventTable } from "../events_table.js";
import { activeFilters, eventParams, filterForm } from "../filters.js";
import { renderMap } from "../map.js";
import { renderTimeline } from "../timeline.js";

const MAP_EVENTS = 500;
const ROWS = 50;

function totals(buckets) {
  const sum = (key) => buckets.reduce((n, b) => n + b[key], 0);
  const cooperation = sum("cooperation");
  const conflict = sum("conflict");
  return { events: sum("events"), cooperation, conflict, goldstein: sum("goldstein_sum"),
    share: cooperation + conflict ? cooperation / (cooperation + conflict) : null };
}

const MAX_DAYS = { day: 400, week: 5 * 366 }; // finer buckets only over a bounded period

function spanDays(params) {
  const since = Date.parse(params.get("since") || "");
  const until = Date.parse(params.get("until") || "");
  return Number.isNaN(since) || Number.isNaN(until) ? Infinity : (until - since) / 864e5;
}

function granularityPicker(params, apply, current) {
  const days = spanDays(params);
  return h("div", { class: "segmented", role: "group", "aria-label": "bucket size" },
    ["day", "week", "month"].map((g) => h("button", { type: "button",
      "aria-pressed": String(g === current),
      disabled: g !== "month" && days > MAX_DAYS[g],
      title: g !== "month" && days > MAX_DAYS[g] ? `choose a period (From and To) of at most `
        + `${MAX_DAYS[g]} days to count by ${g}` : `count by ${g}`,
      onclick: () => {
        const next = new URLSearchParams(params);
        if (g === "month") next.delete("granularity"); else next.set("granularity", g);
        apply(next);
      } }, g)));
}

export async function renderOverview(page, ctx) {
  const apply = (next) => ctx.go("/", next);
  const filters = eventParams(ctx.params);
  const asked = ctx.params.get("granularity") || "month";
  const granularity = asked !== "month" && spanDays(ctx.params) > MAX_DAYS[asked] ? "month"
    : asked;
  const [types, states] = await Promise.all([ctx.types(), ctx.states()]);
  const numbers = h("div", { class: "stats" });
  const timelineBox = h("div", { class: "chart", id: "timeline" });
  const mapBox = h("div", { class: "map-box", id: "map" });
  const listBox = h("div", { id: "event-list" });
  const dyad = filters.dyad ? filters.dyad.toUpperCase().split(/[-–]/) : null;
  fill(page, h("div", { class: "with-sidebar" },
    h("aside", {}, filterForm(ctx.params, { states, types, onApply: apply })),
    h("div", { class: "content" },
      h("h1", {}, "Events"),
      activeFilters(ctx.params, apply),
      dyad ? h("p", {}, h("a", { href: `#/dyad/${dyad[0]}/${dyad[1]}`, id: "dyad-link" },
        `Open the ${dyad[0]}–${dyad[1]} dyad profile →`)) : null,
      numbers,
      card("Cooperation and conflict over time", granularityPicker(ctx.params, apply, granularity),
        timelineBox),
      card("Where", mapBox),
      card("Events", listBox))));

  const [list, line] = await Promise.all([
    get("/events", { ...filters, limit: MAP_EVENTS, count: true }),
    get("/timeline", { ...filters, granularity }),
  ]);
  const t = totals(line.buckets);
  fill(numbers,
    stat("events", number(list.total ?? list.items.length)),
    stat("cooperative", percent(t.share), `${t.cooperation} cooperation, ${t.conflict} conflict`),
    stat("Goldstein sum", signed(t.goldstein), "−10 (most hostile) to +10 per event"),
    stat("spikes", number((line.spikes || []).length), "unusually busy periods"));
  renderTimeline(timelineBox, line, { onBucket: (start, end) => {
    const next = new URLSearchParams(ctx.params);
    next.set("since", start);
    next.set("until", end);
    apply(next);
  } });
  await renderMap(mapBox, list.items, {
    onPlace: (name) => {
      const next = new URLSearchParams(ctx.params);
      next.set(/^[A-Z]{3}$/.test(name) ? "country" : "place", name);
      apply(next);
    },
    caption: list.next_cursor ? `The map shows the ${MAP_EVENTS} latest of `
      + `${number(list.total)} matching events.` : null,
  });
  showRows(listBox, list, filters);
}

function showRows(box, list, filters) {
  let shown = Math.min(ROWS, list.items.length);
  const items = [...list.items];
  let cursor = list.next_cursor;
  const draw = () => {
    const more = shown < items.length || cursor;
    fill(box, items.length ? eventTable(items.slice(0, shown), {
      caption: `${number(shown)} of ${number(list.total ?? items.length)} events, latest first`,
    }) : h("p", { class: "muted", id: "no-events" }, "No events match these filters."),
    more ? h("button", { type: "button", id: "more-events", onclick: async () => {
      if (shown >= items.length && cursor) {
        const next = await get("/events", { ...filters, limit: ROWS * 4, cursor });
        items.push(...next.items);
        cursor = next.next_cursor;
      }
      shown = Math.min(items.length, shown + ROWS);
      draw();
    } }, "Show more") : null);
  };
  draw();
}
