// The timeline: cooperation above the axis and conflict below, per day, week or month, with
// the spikes the analytics found marked above their bucket. A long quiet lead-in (one old
// event decades before the rest) is folded away and said so, with a button to show it.

import { fill, h, s } from "./elements.js";
import { day, month, number, signed } from "./format.js";
import { CONFLICT, COOPERATION } from "./palette.js";
import { hideTip, showTip } from "./tooltip.js";

const HEIGHT = 210;
const MARGIN = { top: 22, right: 12, bottom: 26, left: 38 };

/** The first bucket worth showing: where the last 97% of events begin, once the series is
 * long enough that a handful of old events would squash the rest. */
export function focusStart(buckets) {
  if (buckets.length <= 36) return 0;
  const total = buckets.reduce((n, b) => n + b.events, 0);
  let seen = 0;
  for (let i = 0; i < buckets.length; i += 1) {
    seen += buckets[i].events;
    if (total - seen < total * 0.97) {
      return Math.max(0, Math.min(i, buckets.length - 24));
    }
  }
  return 0;
}

function label(bucket, granularity) {
  if (granularity === "month") return month(bucket.start);
  if (granularity === "week") return `week of ${day(bucket.start)}`;
  return day(bucket.start);
}

function ticks(buckets, granularity) {
  const out = [];
  const years = new Set(buckets.map((b) => b.start.slice(0, 4)));
  buckets.forEach((b, i) => {
    const [y, m] = b.start.split("-");
    if (granularity === "month" && years.size > 2) {
      if (m === "01" || i === 0) out.push([i, y]);
    } else if (granularity === "month") {
      if (["01", "04", "07", "10"].includes(m) || i === 0) out.push([i, month(b.start)]);
    } else if (i % Math.ceil(buckets.length / 8) === 0) {
      out.push([i, day(b.start)]);
    }
  });
  // Keep labels from running into each other.
  const minGap = Math.ceil(buckets.length / 12);
  return out.filter((t, k) => k === 0 || t[0] - out[k - 1][0] >= minGap);
}

function draw(container, timeline, buckets, { onBucket }) {
  const width = Math.max(320, container.clientWidth || 720);
  const inner = width - MARGIN.left - MARGIN.right;
  const plot = HEIGHT - MARGIN.top - MARGIN.bottom;
  const up = Math.max(1, ...buckets.map((b) => b.cooperation));
  const down = Math.max(0, ...buckets.map((b) => b.conflict));
  const scale = plot / (up + down || 1);
  const axisY = MARGIN.top + up * scale;
  const step = inner / buckets.length;
  const bar = Math.max(1, Math.min(step * 0.78, 28));
  const spikes = new Map();
  for (const spike of timeline.spikes || []) {
    const list = spikes.get(spike.start) || [];
    list.push(spike);
    spikes.set(spike.start, list);
  }
  const marks = [];
  buckets.forEach((b, i) => {
    const x = MARGIN.left + i * step + (step - bar) / 2;
    const tip = [label(b, timeline.granularity), `${b.events} events`,
      `cooperation ${b.cooperation} (Goldstein ${signed(b.cooperation_intensity)})`,
      `conflict ${b.conflict} (Goldstein −${number(b.conflict_intensity, 1)})`,
      `Goldstein sum ${signed(b.goldstein_sum)}`];
    const found = spikes.get(b.start);
    if (found) tip.push(...found.map((sp) => `spike in ${sp.measure}: ${sp.value} vs usual `
      + `${number(sp.baseline, 1)}`));
    if (onBucket && b.events) tip.push("click to see these events");
    const group = s("g", { class: b.events ? "bucket" : "bucket empty",
      dataset: { start: b.start, end: b.end } },
    s("rect", { class: "hit", x: MARGIN.left + i * step, y: MARGIN.top, width: step,
      height: plot }),
    b.cooperation ? s("rect", { class: "coop", x, width: bar, y: axisY - b.cooperation * scale,
      height: b.cooperation * scale, fill: COOPERATION }) : null,
    b.conflict ? s("rect", { class: "conf", x, width: bar, y: axisY,
      height: b.conflict * scale, fill: CONFLICT }) : null,
    found ? s("path", { class: "spike", d: `M${x + bar / 2 - 5},${MARGIN.top - 12}`
      + `l10,0l-5,8z` }) : null);
    group.addEventListener("pointermove", (e) => showTip(e, tip));
    group.addEventListener("pointerleave", hideTip);
    if (onBucket && b.events) group.addEventListener("click", () => onBucket(b.start, b.end));
    marks.push(group);
  });
  const axis = ticks(buckets, timeline.granularity).map(([i, text]) => s("text", {
    class: "tick", x: MARGIN.left + i * step, y: HEIGHT - 8 }, text));
  const scaleLabels = [
    s("text", { class: "tick y", x: MARGIN.left - 6, y: MARGIN.top + 4, "text-anchor": "end" },
      String(up)),
    s("text", { class: "tick y", x: MARGIN.left - 6, y: axisY + 4, "text-anchor": "end" }, "0"),
    down ? s("text", { class: "tick y", x: MARGIN.left - 6, y: HEIGHT - MARGIN.bottom,
      "text-anchor": "end" }, String(down)) : null];
  const svg = s("svg", { class: "timeline", width, height: HEIGHT, role: "img",
    "aria-label": `timeline of ${buckets.reduce((n, b) => n + b.events, 0)} events` },
  s("line", { class: "axis", x1: MARGIN.left, x2: width - MARGIN.right, y1: axisY, y2: axisY }),
  marks, axis, scaleLabels);
  return svg;
}

/** Draw `timeline` (GET /timeline) into `container`; `onBucket(start, end)` on a click. */
export function renderTimeline(container, timeline, options = {}) {
  const all = timeline.buckets || [];
  if (!all.length) {
    fill(container, h("p", { class: "muted" }, "No events in this selection."));
    return;
  }
  const start = focusStart(all);
  const show = (from) => {
    const buckets = all.slice(from);
    const hidden = all.slice(0, from).reduce((n, b) => n + b.events, 0);
    const key = h("div", { class: "chart-key" },
      h("span", { class: "key-coop" }, "cooperation (quad classes 1–2)"),
      h("span", { class: "key-conf" }, "conflict (quad classes 3–4)"),
      (timeline.spikes || []).length ? h("span", { class: "key-spike" }, "spike") : null,
      from > 0 ? h("button", { type: "button", class: "link",
        onclick: () => show(0) }, `show ${hidden} earlier event${hidden === 1 ? "" : "s"} `
        + `from ${month(all[0].start)}`) : null);
    fill(container, draw(container, timeline, buckets, options), key);
  };
  show(start);
}
