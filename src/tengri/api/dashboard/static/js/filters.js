// The search and filter panel. The filters live in the page address (#/?dyad=KAZ-RUS&…), so a
// view can be bookmarked, shared and reloaded; they are passed to the API as they are.

import { h } from "./elements.js";

export const FILTERS = ["text", "actor", "country", "dyad", "place", "type", "status", "since",
  "until", "review"];
export const STATUSES = ["occurred", "ongoing", "planned", "negated", "hypothetical"];
export const REVIEWS = [["active", "all but rejected"], ["all", "all, rejected too"],
  ["confirmed", "confirmed"], ["rejected", "rejected"], ["curated", "curated"],
  ["unreviewed", "not reviewed"]];

/** The API parameters among the page's parameters. */
export function eventParams(params) {
  const out = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) out[name] = value;
  }
  return out;
}

function select(name, label, options, value, blank = "any") {
  return h("label", {}, label,
    h("select", { name, id: `filter-${name}` },
      blank === null ? null : h("option", { value: "" }, blank),
      options.map(([v, text]) => h("option", { value: v, selected: v === value }, text))));
}

function field(name, label, value, props = {}) {
  return h("label", {}, label,
    h("input", { name, id: `filter-${name}`, value: value || "", autocomplete: "off",
      ...props }));
}

/**
 * The filter form for `params` (URLSearchParams). `states` are [iso3, name] pairs, `types`
 * PLOVER type names; `onApply(URLSearchParams)` gets the new filters.
 */
export function filterForm(params, { states, types, onApply }) {
  const [first, second] = (params.get("dyad") || "").split(/[-–]/);
  const stateOptions = states.map(([code, name]) => [code, `${name} (${code})`]);
  const form = h("form", { class: "filters", role: "search", "aria-label": "filter events" },
    h("h2", {}, "Search and filter"),
    field("text", "Words in a report", params.get("text"), { type: "search",
      placeholder: "e.g. pipeline", minlength: "2" }),
    field("actor", "Actor", params.get("actor"), { placeholder: "name or KB id" }),
    select("country", "Country involved", stateOptions, params.get("country")),
    h("fieldset", { class: "dyad" }, h("legend", {}, "Dyad (both directions)"),
      select("dyad_a", "First state", stateOptions, first || "", "—"),
      select("dyad_b", "Second state", stateOptions, second || "", "—")),
    field("place", "Place", params.get("place"), { placeholder: "city, or ISO3" }),
    select("type", "PLOVER type", types.map((t) => [t, t]), params.get("type")),
    select("status", "Status", STATUSES.map((t) => [t, t]), params.get("status")),
    h("div", { class: "pair" },
      field("since", "From", params.get("since"), { type: "date" }),
      field("until", "To", params.get("until"), { type: "date" })),
    select("review", "Review", REVIEWS, params.get("review") || "active", null),
    h("div", { class: "buttons" },
      h("button", { type: "submit", class: "primary", id: "apply-filters" }, "Apply"),
      h("button", { type: "button", id: "clear-filters",
        onclick: () => onApply(new URLSearchParams()) }, "Clear")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = (data.get(name) || "").toString().trim();
      if (value && !(name === "review" && value === "active")) next.set(name, value);
    }
    const a = data.get("dyad_a");
    const b = data.get("dyad_b");
    if (a && b) next.set("dyad", `${a}-${b}`);
    onApply(next);
  });
  return form;
}

/** A line saying which filters are on, each removable. */
export function activeFilters(params, onApply) {
  const on = FILTERS.filter((name) => params.get(name));
  if (!on.length) return h("p", { class: "active-filters muted" }, "All events.");
  return h("p", { class: "active-filters" }, "Showing events with ",
    on.map((name) => h("span", { class: "pill" }, `${name}: ${params.get(name)}`,
      h("button", { type: "button", "aria-label": `remove ${name}`, title: "remove",
        onclick: () => {
          const next = new URLSearchParams(params);
          next.delete(name);
          onApply(next);
        } }, "×"))));
}
