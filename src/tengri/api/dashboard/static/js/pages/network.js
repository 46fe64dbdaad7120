// The network view: who interacts with whom for the current filters, by state or by actor.

import { get } from "../api.js";
import { card, fill, h } from "../elements.js";
import { number } from "../format.js";
import { activeFilters, eventParams } from "../filters.js";
import { renderNetwork } from "../network.js";

export async function renderNetworkPage(page, ctx) {
  const level = ctx.params.get("level") === "actor" ? "actor" : "country";
  const minEvents = Math.max(1, Number(ctx.params.get("min_events")) || 1);
  const filters = eventParams(ctx.params);
  const apply = (next) => ctx.go("/network", next);
  const set = (name, value) => {
    const next = new URLSearchParams(ctx.params);
    next.set(name, value);
    apply(next);
  };
  const box = h("div", { class: "chart", id: "network" });
  const table = h("div", {});
  fill(page, h("h1", {}, "Network"),
    activeFilters(ctx.params, apply),
    h("div", { class: "toolbar" },
      h("div", { class: "segmented", role: "group", "aria-label": "level" },
        [["country", "States"], ["actor", "Actors"]].map(([value, label]) => h("button", {
          type: "button", "aria-pressed": String(level === value),
          onclick: () => set("level", value) }, label))),
      h("label", {}, "at least ", h("input", { type: "number", min: "1", max: "1000",
        value: String(minEvents), class: "narrow", onchange: (e) => set("min_events",
          e.target.value) }), " events per link")),
    card(null, box), card("Most central", table));
  const network = await get("/network", { ...filters, level, min_events: minEvents });
  renderNetwork(box, network, { onNode: (id) => ctx.go("/", level === "country"
    ? { ...filters, country: id } : { ...filters, actor: id }) });
  fill(table, h("table", { class: "compact" },
    h("thead", {}, h("tr", {}, ["", "Events", "As source", "As target", "Degree",
      "Betweenness", "PageRank"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, network.nodes.slice(0, 15).map((n) => h("tr", {},
      h("th", { scope: "row" }, n.label), h("td", { class: "num" }, String(n.events)),
      h("td", { class: "num" }, String(n.out_events)),
      h("td", { class: "num" }, String(n.in_events)),
      h("td", { class: "num" }, number(n.degree_centrality, 3)),
      h("td", { class: "num" }, number(n.betweenness, 3)),
      h("td", { class: "num" }, number(n.pagerank, 3)))))));
}
