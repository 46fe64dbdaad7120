// A dyad's profile (GET /dyads/A/B): the balance of cooperation and conflict in each
// direction, events by type and month, leader-level meetings, agreements, shared memberships,
// facts and the latest events — with the dyad's timeline and map.

import { get } from "../api.js";
import { card, fill, h, stat } from "../elements.js";
import { amount, dateOf, day, number, parties, percent, place, signed, typeChip } from "../format.js";
import { eventTable } from "../events_table.js";
import { renderMap } from "../map.js";
import { QUAD_NAMES, typeColour } from "../palette.js";
import { renderTimeline } from "../timeline.js";

function pairPicker(first, second, states, params, go) {
  const pick = (name, value) => h("select", { name, "aria-label": name },
    states.map(([code, label]) => h("option", { value: code, selected: code === value },
      `${label} (${code})`)));
  const a = pick("first", first);
  const b = pick("second", second);
  const since = h("input", { type: "date", name: "since", value: params.get("since") || "",
    "aria-label": "from" });
  const until = h("input", { type: "date", name: "until", value: params.get("until") || "",
    "aria-label": "to" });
  const form = h("form", { class: "pair-picker" }, a, h("span", {}, "and"), b,
    h("span", {}, "from"), since, h("span", {}, "to"), until,
    h("button", { type: "submit", class: "primary" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go(`/dyad/${a.value}/${b.value}`, Object.fromEntries(
      [["since", since.value], ["until", until.value]].filter(([, v]) => v)));
  });
  return form;
}

function quadBar(balance) {
  const total = balance.events || 1;
  const colours = { 1: "#5eead4", 2: "#0f766e", 3: "#fca5a5", 4: "#b91c1c" };
  const bar = h("div", { class: "quad-bar", role: "img", "aria-label": Object.entries(
    balance.quad_classes).map(([q, n]) => `${QUAD_NAMES[q]} ${n}`).join(", ") },
  Object.entries(balance.quad_classes).filter(([, n]) => n).map(([q, n]) => {
    const part = h("span", { title: `${QUAD_NAMES[q]}: ${n}` });
    part.style.width = `${(100 * n) / total}%`;
    part.style.backgroundColor = colours[q];
    return part;
  }));
  const key = h("ul", { class: "quad-key" }, Object.entries(balance.quad_classes).map(([q, n]) => {
    const swatch = h("span", { class: "swatch" });
    swatch.style.backgroundColor = colours[q];
    return h("li", {}, swatch, `${QUAD_NAMES[q]} ${n}`);
  }));
  return h("div", {}, bar, key);
}

function direction(label, balance) {
  return h("tr", {}, h("th", { scope: "row" }, label),
    h("td", { class: "num" }, String(balance.events)),
    h("td", { class: "num" }, percent(balance.cooperation_share)),
    h("td", { class: "num" }, signed(balance.goldstein_sum)),
    h("td", { class: "num" }, signed(balance.goldstein_mean, 2)));
}

function typeBars(counts) {
  const most = Math.max(1, ...counts.map((c) => c.count));
  return h("ul", { class: "type-bars" }, counts.map((c) => {
    const bar = h("span", { class: "bar" });
    bar.style.width = `${(100 * c.count) / most}%`;
    bar.style.backgroundColor = typeColour(c.key);
    return h("li", {}, h("span", { class: "bar-label" }, c.label),
      h("span", { class: "bar-track" }, bar), h("span", { class: "num" }, String(c.count)));
  }));
}

function spans(periods) {
  return periods.map((p) => `${p.kind} ${p.start ? day(p.start) : "…"} – `
    + `${p.end ? day(p.end) : "now"}`).join("; ");
}

/** The kind of tie (member, partner, observer …) a side had on an ISO day, if any. */
function kindOn(periods, iso) {
  const found = periods.find((p) => (!p.start || p.start <= iso) && (!p.end || iso < p.end));
  return found ? found.kind.replace("_", " ") : null;
}

/** " · Kazakhstan partner" for each side whose tie was not full membership. */
function notMembers(m, profile) {
  if (!m.together_from) return "";
  return [[profile.first_name, m.first], [profile.second_name, m.second]]
    .map(([name, periods]) => [name, kindOn(periods, m.together_from)])
    .filter(([, kind]) => kind && kind !== "member")
    .map(([name, kind]) => ` · ${name} ${kind}`).join("");
}

function years(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return y + (m - 1) / 12 + (d - 1) / 365;
}

/** Organisations both states belong to, as bars over the years they did so together. */
function memberships(shared, profile) {
  if (!shared.length) return h("p", { class: "muted" }, "No organisation both belong to.");
  const now = years(new Date().toISOString().slice(0, 10));
  const starts = shared.filter((m) => m.together_from).map((m) => years(m.together_from));
  const first = Math.floor(Math.min(now - 10, ...starts) / 5) * 5;
  const span = now - first;
  const rows = [...shared].sort((a, b) => (a.together_from || "9").localeCompare(
    b.together_from || "9")).map((m) => {
    const from = m.together_from ? years(m.together_from) : null;
    const until = m.together_until ? years(m.together_until) : now;
    const bar = h("span", { class: m.together_until ? "span ended" : "span" });
    if (from !== null) {
      bar.style.left = `${(100 * (from - first)) / span}%`;
      bar.style.width = `${Math.max(0.8, (100 * (until - from)) / span)}%`;
    }
    const when = from === null ? "dates not in the knowledge base"
      : `both since ${day(m.together_from)}${m.together_until
        ? `, until ${day(m.together_until)}` : ""}${notMembers(m, profile)}`;
    return h("li", { title: `${profile.first_name}: ${spans(m.first)}\n`
      + `${profile.second_name}: ${spans(m.second)}` },
    h("span", { class: "org" }, m.name),
    h("span", { class: "track" }, from === null ? null : bar),
    h("span", { class: "muted small when" }, when));
  });
  const axis = [];
  for (let y = first; y <= now; y += 5) {
    const tick = h("span", {}, String(y));
    tick.style.left = `${(100 * (y - first)) / span}%`;
    axis.push(tick);
  }
  return h("div", { class: "memberships" }, h("ul", {}, rows),
    h("div", { class: "axis-row" }, h("span", {}), h("span", { class: "years" }, axis)),
    h("p", { class: "muted small" }, "Shared membership periods from the knowledge base; "
      + "hover a row for each side's own dates."));
}

function briefList(events, extra) {
  if (!events.length) return h("p", { class: "muted" }, "None in this period.");
  return h("ul", { class: "briefs" }, events.map((item) => {
    const e = item.event || item;
    return h("li", {},
      h("div", {}, typeChip(e.type, e.mode), " ",
        h("a", { href: `#/event/${e.id}` }, parties(e)),
        h("span", { class: "muted" }, ` · ${dateOf(e)}`),
        e.location ? h("span", { class: "muted" }, " · ", place(e.location,
          e.location_precision)) : null),
      extra ? h("div", { class: "muted small" }, extra(item)) : null,
      e.evidence ? h("blockquote", {}, e.evidence.sentence) : null);
  }));
}

/** Facts read more than once (a syndicated copy, a repeated sentence) are listed once. */
function facts(list) {
  if (!list.length) return h("p", { class: "muted" }, "No figures reported.");
  const seen = new Map();
  for (const f of list) {
    const key = [f.indicator, f.value, f.unit, f.qualifier, f.sentence].join("|");
    if (seen.has(key)) seen.get(key).times += 1;
    else seen.set(key, { fact: f, times: 1 });
  }
  return h("ul", { class: "briefs" }, [...seen.values()].map(({ fact: f, times }) => h("li", {},
    h("div", {}, h("strong", {}, `${amount(f.value)} ${f.unit}`),
      ` ${f.indicator.replaceAll("_", " ")}`, f.qualifier !== "exact"
        ? h("span", { class: "muted" }, ` (${f.qualifier.replaceAll("_", " ")})`) : null,
      times > 1 ? h("span", { class: "muted small" }, ` · read ${times} times`) : null),
    f.sentence ? h("blockquote", {}, f.sentence) : null)));
}

function office(id) {
  if (!id) return "";
  const [state, title] = id.split(".");
  return `${title ? title.replaceAll("_", " ") : id} of ${state}`;
}

export async function renderDyad(page, ctx) {
  const first = (ctx.parts[1] || "KAZ").toUpperCase();
  const second = (ctx.parts[2] || "RUS").toUpperCase();
  const period = Object.fromEntries(["since", "until"].map((k) => [k, ctx.params.get(k)])
    .filter(([, v]) => v));
  const states = await ctx.states();
  const timelineBox = h("div", { class: "chart", id: "timeline" });
  const mapBox = h("div", { class: "map-box", id: "map" });
  const body = h("div", { class: "dyad-body" }, h("p", { class: "muted" }, "Loading…"));
  fill(page, h("div", { class: "dyad-head" },
    h("h1", { id: "dyad-title" }, `${first}–${second}`),
    pairPicker(first, second, states, ctx.params, ctx.go)), body);

  const filter = { dyad: `${first}-${second}`, ...period };
  const [profile, line, list] = await Promise.all([
    get(`/dyads/${first}/${second}`, period),
    get("/timeline", { ...filter, granularity: "month" }),
    get("/events", { ...filter, limit: 500 }),
  ]);
  document.getElementById("dyad-title").textContent =
    `${profile.first_name} – ${profile.second_name}`;
  const b = profile.balance;
  const forward = `${profile.first}->${profile.second}`;
  const back = `${profile.second}->${profile.first}`;
  fill(body,
    h("div", { class: "stats" },
      stat("events", number(b.events)),
      stat("cooperative", percent(b.cooperation_share), `${b.cooperation} cooperation, `
        + `${b.conflict} conflict`),
      stat("mean Goldstein", signed(b.goldstein_mean, 2), "−10 hostile … +10 friendly"),
      stat("leader meetings", number(profile.leader_meetings.length)),
      stat("agreements", number(profile.agreements.length))),
    h("div", { class: "two wide-left" },
      card("Cooperation and conflict over time", timelineBox),
      card("Balance", quadBar(b),
        h("table", { class: "compact" },
          h("thead", {}, h("tr", {}, ["Direction", "Events", "Cooperative", "Goldstein sum",
            "Mean"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, direction(`${profile.first_name} → ${profile.second_name}`,
            profile.directions[forward] || b),
          direction(`${profile.second_name} → ${profile.first_name}`,
            profile.directions[back] || b))),
        h("h3", {}, "By type"), typeBars(profile.by_type))),
    h("div", { class: "two wide-left" },
      card("Where", mapBox),
      card("Shared memberships", memberships(profile.shared_memberships, profile))),
    h("div", { class: "two" },
      card("Leader-level meetings", briefList(profile.leader_meetings, (m) =>
        [office(m.source_office), office(m.target_office)].filter(Boolean).join(" and "))),
      card("Agreements", briefList(profile.agreements))),
    card("Latest events", eventTable(profile.latest.map((e) => ({ ...e,
      date: { start: e.date_start, end: e.date_end, precision: e.date_precision } }))),
    h("p", {}, h("a", { href: `#/?dyad=${first}-${second}`, id: "dyad-events" },
      "All events of this dyad →"))),
    card("Facts and figures", facts(profile.facts)));
  renderTimeline(timelineBox, line, { onBucket: (start, end) =>
    ctx.go("/", { dyad: `${first}-${second}`, since: start, until: end }) });
  await renderMap(mapBox, list.items, { highlight: [first, second], onPlace: (name) =>
    ctx.go("/", { dyad: `${first}-${second}`,
      [/^[A-Z]{3}$/.test(name) ? "country" : "place"]: name }) });
}
