// The interaction network: states (or actors) as nodes sized by their events, links between
// them coloured from cooperation (teal) to conflict (red) and as thick as their events. The
// layout is a small force simulation started from a circle, so the same data always gives the
// same picture.

import { fill, h, s } from "./elements.js";
import { number, percent } from "./format.js";
import { CONFLICT, COOPERATION } from "./palette.js";
import { hideTip, showTip } from "./tooltip.js";

export const MAX_NODES = 60;

/** Directed edges folded into one link per pair of nodes. */
export function links(edges, keep) {
  const pairs = new Map();
  for (const e of edges) {
    if (!keep.has(e.source) || !keep.has(e.target) || e.source === e.target) continue;
    const [a, b] = [e.source, e.target].sort();
    const key = `${a}|${b}`;
    const link = pairs.get(key) || { a, b, events: 0, cooperation: 0, conflict: 0,
      goldstein: 0 };
    link.events += e.events;
    link.cooperation += e.cooperation;
    link.conflict += e.conflict;
    link.goldstein += e.goldstein_sum;
    pairs.set(key, link);
  }
  return [...pairs.values()];
}

function mix(share) {
  // share of cooperation 1 → teal, 0 → red, through grey.
  const parse = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [c, k] = [parse(COOPERATION), parse(CONFLICT)];
  const t = share === null ? 0.5 : share;
  return `rgb(${c.map((v, i) => Math.round(v * t + k[i] * (1 - t))).join(",")})`;
}

/** Fruchterman–Reingold positions, scaled at the end into a width × height box with room
 * for labels on the right. */
export function layout(nodes, pairs, width, height) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const pos = nodes.map((_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    const r = 1 + ((i * 7) % 5) / 5;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });
  const k = 1 / Math.sqrt(Math.max(n, 1));
  let temperature = 0.3;
  for (let round = 0; round < 400; round += 1) {
    const shift = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const dx = pos[i][0] - pos[j][0] || 1e-4;
        const dy = pos[i][1] - pos[j][1] || 1e-4;
        const force = (k * k) / (dx * dx + dy * dy);
        shift[i][0] += dx * force; shift[i][1] += dy * force;
        shift[j][0] -= dx * force; shift[j][1] -= dy * force;
      }
    }
    for (const link of pairs) {
      const i = index.get(link.a);
      const j = index.get(link.b);
      const dx = pos[i][0] - pos[j][0];
      const dy = pos[i][1] - pos[j][1];
      const d = Math.hypot(dx, dy) || 1e-4;
      const force = (d / k) * (1 + Math.log2(link.events)) * 0.5;
      shift[i][0] -= dx * force; shift[i][1] -= dy * force;
      shift[j][0] += dx * force; shift[j][1] += dy * force;
    }
    for (let i = 0; i < n; i += 1) {
      // A pull to the centre keeps unconnected nodes near the rest.
      shift[i][0] -= pos[i][0] * 0.6;
      shift[i][1] -= pos[i][1] * 0.6;
      const length = Math.hypot(shift[i][0], shift[i][1]) || 1;
      const step = Math.min(length, temperature);
      pos[i][0] += (shift[i][0] / length) * step;
      pos[i][1] += (shift[i][1] / length) * step;
    }
    temperature = Math.max(0.002, temperature * 0.985);
  }
  const xs = pos.map((p) => p[0]);
  const ys = pos.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = { left: 30, right: 120, top: 30, bottom: 30 };
  const sx = (width - margin.left - margin.right) / (x1 - x0 || 1);
  const sy = (height - margin.top - margin.bottom) / (y1 - y0 || 1);
  return pos.map(([x, y]) => [margin.left + (x - x0) * sx, margin.top + (y - y0) * sy]);
}

/** Draw `network` (GET /network) into `container`; `onNode(id)` when a node is chosen. */
export function renderNetwork(container, network, { onNode } = {}) {
  const nodes = network.nodes.slice(0, MAX_NODES);
  if (!nodes.length) {
    fill(container, h("p", { class: "muted" }, "No interactions in this selection."));
    return;
  }
  const keep = new Set(nodes.map((n) => n.id));
  const pairs = links(network.edges, keep);
  const width = Math.max(360, container.clientWidth || 760);
  const height = Math.max(360, Math.round(width * 0.6));
  const pos = layout(nodes, pairs, width, height);
  const at = new Map(nodes.map((n, i) => [n.id, pos[i]]));
  const most = Math.max(...nodes.map((n) => n.events));
  const lines = pairs.map((link) => {
    const [x1, y1] = at.get(link.a);
    const [x2, y2] = at.get(link.b);
    const share = link.cooperation + link.conflict
      ? link.cooperation / (link.cooperation + link.conflict) : null;
    const line = s("line", { x1, y1, x2, y2, class: "link", stroke: mix(share),
      "stroke-width": (1 + 1.6 * Math.log2(link.events + 1)).toFixed(1),
      dataset: { a: link.a, b: link.b } });
    line.addEventListener("pointermove", (e) => showTip(e, [
      `${link.a} – ${link.b}`, `${link.events} events`,
      `cooperation ${link.cooperation}, conflict ${link.conflict} (${percent(share)} `
      + "cooperative)", `Goldstein sum ${number(link.goldstein, 1)}`]));
    line.addEventListener("pointerleave", hideTip);
    return line;
  });
  const neighbours = new Map(nodes.map((n) => [n.id, new Set([n.id])]));
  for (const link of pairs) {
    neighbours.get(link.a).add(link.b);
    neighbours.get(link.b).add(link.a);
  }
  const svg = s("svg", { class: "network", width, height, role: "img",
    "aria-label": `network of ${nodes.length} nodes and ${pairs.length} links` });
  const circles = nodes.map((node, i) => {
    const [x, y] = pos[i];
    const r = 5 + 16 * Math.sqrt(node.events / most);
    const group = s("g", { class: "node", transform: `translate(${x.toFixed(1)} `
      + `${y.toFixed(1)})`, tabindex: "0", role: "button", "aria-label": node.label,
    dataset: { id: node.id } },
    s("circle", { r: r.toFixed(1) }),
    s("text", { x: (r + 3).toFixed(1), dy: "0.35em",
      class: i < 25 ? "node-label" : "node-label minor" }, node.label));
    group.addEventListener("pointermove", (e) => {
      svg.classList.add("focus");
      for (const other of svg.querySelectorAll(".node")) {
        other.classList.toggle("near", neighbours.get(node.id).has(other.dataset.id));
      }
      for (const line of lines) {
        line.classList.toggle("near", line.dataset.a === node.id || line.dataset.b === node.id);
      }
      showTip(e, [node.label, `${node.events} events (${node.out_events} as source, `
        + `${node.in_events} as target)`, `degree centrality ${number(node.degree_centrality, 3)}`,
      `betweenness ${number(node.betweenness, 3)}`, `PageRank ${number(node.pagerank, 3)}`]);
    });
    group.addEventListener("pointerleave", () => { svg.classList.remove("focus"); hideTip(); });
    if (onNode) {
      group.addEventListener("click", () => onNode(node.id));
      group.addEventListener("keydown", (e) => { if (e.key === "Enter") onNode(node.id); });
    }
    return group;
  });
  fill(svg, s("g", { class: "links" }, lines), s("g", { class: "nodes" }, circles));
  const note = network.nodes.length > nodes.length
    ? `The ${nodes.length} busiest of ${network.nodes.length} nodes are drawn.` : "";
  fill(container, svg, h("div", { class: "chart-key" },
    h("span", { class: "key-coop" }, "cooperative link"),
    h("span", { class: "key-conf" }, "conflictual link"),
    h("span", { class: "muted" }, `node size: events; link width: events. ${note}`),
    network.truncated ? h("span", { class: "muted" }, "Only the strongest links are shown.")
      : null));
}
