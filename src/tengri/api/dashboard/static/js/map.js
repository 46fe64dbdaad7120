// The map of event locations, coloured by PLOVER type, with location precision visible:
// a city (or exact point) is a filled marker at its coordinates; an event known only to its
// country shades that country and gets a hollow dashed ring at the country's representative
// point — never a dot that looks like a city; a province or region is a hollow dotted ring.
// Events without a place are counted under the map, not drawn.

import { fill, h, s } from "./elements.js";
import { loadWorld, graticule, project, sphere, worldBounds } from "./geo.js";
import { typeColour } from "./palette.js";
import { hideTip, showTip } from "./tooltip.js";

const POINTLIKE = new Set(["point", "city"]); // the rest: "country", or an area (admin, region)

/** Events grouped by where they happened and how precisely that is known. */
export function groupByPlace(events) {
  const groups = new Map();
  let unmapped = 0;
  for (const event of events) {
    const loc = event.location || {};
    const precision = loc.precision || "unknown";
    if (loc.lat === null || loc.lat === undefined || precision === "unknown") {
      unmapped += 1;
      continue;
    }
    const kind = POINTLIKE.has(precision) ? "point" : precision === "country" ? "country"
      : "area";
    const key = kind === "country" ? `country:${loc.country || loc.name}`
      : `${kind}:${loc.lat.toFixed(3)},${loc.lon.toFixed(3)}`;
    if (!groups.has(key)) {
      groups.set(key, { key, kind, precision, name: loc.name, country: loc.country,
        lat: loc.lat, lon: loc.lon, events: [], types: new Map() });
    }
    const group = groups.get(key);
    group.events.push(event);
    group.types.set(event.type, (group.types.get(event.type) || 0) + 1);
  }
  return { groups: [...groups.values()], unmapped };
}

function dominant(types) {
  return [...types.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

function radius(count) {
  return 4 + 3.2 * Math.sqrt(count);
}

function pie(group, r) {
  const entries = [...group.types.entries()].sort((a, b) => b[1] - a[1]);
  const total = group.events.length;
  if (entries.length === 1) {
    return [s("circle", { r, fill: typeColour(entries[0][0]), class: "pie" })];
  }
  let angle = -Math.PI / 2;
  return entries.map(([type, count]) => {
    const sweep = (2 * Math.PI * count) / total;
    const x0 = r * Math.cos(angle);
    const y0 = r * Math.sin(angle);
    angle += sweep;
    const x1 = r * Math.cos(angle);
    const y1 = r * Math.sin(angle);
    const large = sweep > Math.PI ? 1 : 0;
    return s("path", { d: `M0,0L${x0.toFixed(2)},${y0.toFixed(2)}A${r},${r} 0 ${large} 1 `
      + `${x1.toFixed(2)},${y1.toFixed(2)}Z`, fill: typeColour(type), class: "pie" });
  });
}

function describe(group) {
  const what = { point: "city or exact point", country: "known only to the country",
    area: `known only to the ${group.precision === "admin" ? "province" : "region"}` }[group.kind];
  const lines = [`${group.name || group.country || "?"} — ${what}`,
    `${group.events.length} event${group.events.length === 1 ? "" : "s"}`];
  for (const [type, count] of [...group.types.entries()].sort((a, b) => b[1] - a[1])) {
    lines.push(`${type}: ${count}`);
  }
  lines.push("click to filter by this place");
  return lines;
}

const LABELLED = 8; // the busiest places get their name beside the marker

/** The busiest named places whose labels do not overlap at the first view (in pixels). */
function labelled(groups, unitsPerPixel) {
  const placed = [];
  const chosen = new Set();
  for (const g of [...groups].sort((a, b) => b.events.length - a.events.length)) {
    if (chosen.size >= LABELLED) break;
    if (!g.name || g.kind === "country") continue;
    const [x, y] = project(g.lon, g.lat).map((v) => v / unitsPerPixel);
    const left = x + radius(g.events.length) + 4;
    const box = [left, y - 7, left + g.name.length * 6.6, y + 7];
    const clash = placed.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3]
      && b[1] < box[3]);
    if (!clash) {
      placed.push(box);
      chosen.add(g);
    }
  }
  return chosen;
}

function marker(group, onPlace, labelled) {
  const r = radius(group.events.length);
  const colour = typeColour(dominant(group.types));
  const [x, y] = project(group.lon, group.lat);
  let body;
  if (group.kind === "point") {
    body = [...pie(group, r), s("circle", { r, class: "pie-edge" })];
  } else {
    const ring = s("circle", { r: r + 2, class: `ring ring-${group.kind}`, stroke: colour });
    body = [ring, s("text", { class: "ring-count", "text-anchor": "middle", dy: "0.35em" },
      String(group.events.length))];
  }
  if (labelled && group.name) {
    body.push(s("text", { class: "marker-label", x: (r + 4).toFixed(1), dy: "0.35em" },
      group.name));
  }
  const node = s("g", { class: `marker marker-${group.kind}`, tabindex: "0", role: "button",
    "aria-label": describe(group).slice(0, 2).join(", "),
    dataset: { x: String(x), y: String(y), kind: group.kind, precision: group.precision } },
  ...body);
  node.addEventListener("pointermove", (e) => showTip(e, describe(group)));
  node.addEventListener("pointerleave", hideTip);
  const choose = () => onPlace && onPlace(group.kind === "country" ? group.country : group.name);
  node.addEventListener("click", choose);
  node.addEventListener("keydown", (e) => { if (e.key === "Enter") choose(); });
  return node;
}

function fitBox(groups, aspect) {
  const [wx0, wy0, wx1, wy1] = worldBounds();
  if (!groups.length) return [wx0, wy0, wx1 - wx0, wy1 - wy0];
  const xs = [];
  const ys = [];
  for (const g of groups) {
    const [x, y] = project(g.lon, g.lat);
    xs.push(x);
    ys.push(y);
  }
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  const minSpan = 90;
  const padX = Math.max((x1 - x0) * 0.12, (minSpan - (x1 - x0)) / 2, 20);
  const padY = Math.max((y1 - y0) * 0.15, (minSpan / aspect - (y1 - y0)) / 2, 15);
  x0 -= padX; x1 += padX; y0 -= padY; y1 += padY;
  let w = x1 - x0;
  let hgt = y1 - y0;
  if (w / hgt > aspect) {
    const grow = w / aspect - hgt;
    y0 -= grow / 2; hgt += grow;
  } else {
    const grow = hgt * aspect - w;
    x0 -= grow / 2; w += grow;
  }
  return [x0, y0, w, hgt];
}

function legend(groups, unmapped, total) {
  const types = new Map();
  for (const g of groups) for (const [t, n] of g.types) types.set(t, (types.get(t) || 0) + n);
  const items = [...types.entries()].sort((a, b) => b[1] - a[1]).map(([type, count]) => {
    const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.backgroundColor = typeColour(type);
    return h("li", {}, swatch, `${type} ${count}`);
  });
  const mapped = total - unmapped;
  return h("div", { class: "map-legend" },
    h("ul", { class: "legend-types" }, items),
    h("ul", { class: "legend-precision" },
      h("li", {}, h("span", { class: "key key-point", "aria-hidden": "true" }),
        "city or exact point"),
      h("li", {}, h("span", { class: "key key-country", "aria-hidden": "true" }),
        "country only (shaded; ring at the country's centre, not a city)"),
      h("li", {}, h("span", { class: "key key-area", "aria-hidden": "true" }),
        "province or region only")),
    h("p", { class: "muted small" },
      `${mapped} of ${total} events mapped; ${unmapped} have no known place.`));
}

/**
 * Draw `events` into `container`. `onPlace(nameOrIso3)` is called when a marker is chosen;
 * `highlight` lists ISO3 codes of countries to outline (a dyad's two states).
 * Returns the SVG element.
 */
export async function renderMap(container, events, { onPlace, caption, highlight = [] } = {}) {
  const world = await loadWorld();
  const { groups, unmapped } = groupByPlace(events);
  const width = container.clientWidth || 720;
  const height = Math.max(280, Math.min(460, Math.round(width * 0.55)));
  const aspect = width / height;
  const start = fitBox(groups, aspect);
  const view = [...start];
  const shaded = new Map();
  for (const g of groups.filter((x) => x.kind === "country")) shaded.set(g.country, g);

  const countries = s("g", { class: "countries" }, world.countries.map((c) => {
    const group = shaded.get(c.id);
    const path = s("path", { d: c.path, class: ["country", group ? "shaded" : null,
      highlight.includes(c.id) ? "highlight" : null],
      dataset: { iso3: c.id || "" } });
    if (group) {
      // Through the style object: the stylesheet's fill would beat a fill attribute.
      path.style.fill = typeColour(dominant(group.types));
      path.style.stroke = typeColour(dominant(group.types));
    }
    return path;
  }));
  const busiest = labelled(groups, view[2] / width);
  const markers = s("g", { class: "markers" },
    // Country rings first, so cities inside a shaded country stay on top.
    [...groups].sort((a, b) => (a.kind === "point") - (b.kind === "point")
      || b.events.length - a.events.length).map((g) => marker(g, onPlace, busiest.has(g))));
  const svg = s("svg", { class: "map", role: "img", width, height,
    "aria-label": `map of ${events.length - unmapped} event locations`,
    viewBox: view.join(" "), preserveAspectRatio: "xMidYMid meet" },
  s("path", { d: sphere(), class: "sphere" }),
  s("path", { d: graticule(), class: "graticule" }),
  countries, markers);

  function redraw() {
    svg.setAttribute("viewBox", view.map((v) => v.toFixed(2)).join(" "));
    const unitsPerPixel = view[2] / width;
    for (const m of markers.children) {
      m.setAttribute("transform",
        `translate(${m.dataset.x} ${m.dataset.y}) scale(${unitsPerPixel.toFixed(4)})`);
    }
  }

  function zoom(factor, cx = 0.5, cy = 0.5) {
    const [wx0, wy0, wx1, wy1] = worldBounds();
    const w = Math.min(Math.max(view[2] * factor, 20), (wx1 - wx0) * 1.2);
    const hgt = w / aspect;
    view[0] += (view[2] - w) * cx;
    view[1] += (view[3] - hgt) * cy;
    view[2] = w;
    view[3] = hgt;
    view[0] = Math.min(Math.max(view[0], wx0 - w / 2), wx1 - w / 2);
    view[1] = Math.min(Math.max(view[1], wy0 - hgt / 2), wy1 - hgt / 2);
    redraw();
  }

  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const box = svg.getBoundingClientRect();
    zoom(e.deltaY > 0 ? 1.25 : 0.8, (e.clientX - box.left) / box.width,
      (e.clientY - box.top) / box.height);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (e) => {
    if (e.target.closest(".marker")) return;
    drag = { x: e.clientX, y: e.clientY, view: [...view] };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const perPixel = view[2] / svg.getBoundingClientRect().width;
    view[0] = drag.view[0] - (e.clientX - drag.x) * perPixel;
    view[1] = drag.view[1] - (e.clientY - drag.y) * perPixel;
    redraw();
  });
  svg.addEventListener("pointerup", () => { drag = null; });

  const controls = h("div", { class: "map-controls" },
    h("button", { type: "button", title: "zoom in", "aria-label": "zoom in",
      onclick: () => zoom(0.7) }, "+"),
    h("button", { type: "button", title: "zoom out", "aria-label": "zoom out",
      onclick: () => zoom(1.4) }, "−"),
    h("button", { type: "button", title: "fit the events", "aria-label": "fit the events",
      onclick: () => { view.splice(0, 4, ...start); redraw(); } }, "⤢"));
  redraw();
  fill(container, h("div", { class: "map-frame" }, svg, controls),
    legend(groups, unmapped, events.length),
    caption ? h("p", { class: "muted small" }, caption) : null);
  return svg;
}
