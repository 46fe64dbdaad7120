// How records read on the page: dates with their precision, actors, places with theirs.

import { h } from "./elements.js";
import { typeColour } from "./palette.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
  "Dec"];

export function day(iso) {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function month(iso) {
  const [y, m] = iso.slice(0, 7).split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** An event's date as precise as it is known: a day, a range, a month, a year. */
export function eventDate(start, end, precision) {
  if (!start) return "date unknown";
  if (precision === "year") return start.slice(0, 4);
  if (precision === "month") return month(start);
  if (["quarter", "half"].includes(precision)) return `${month(start)} – ${month(end)}`;
  if (end && end !== start) return `${day(start)} – ${day(end)}`;
  return day(start);
}

export function dateOf(event) {
  const d = event.date || { start: event.date_start, end: event.date_end,
    precision: event.date_precision };
  if (!d.start && event.first_reported) return `reported ${day(event.first_reported)}`;
  return eventDate(d.start, d.end, d.precision);
}

/** "source → target", or what little is known of who took part. */
export function parties(event) {
  if (!event.source && !event.target) {
    return event.gathering && event.gathering.name ? event.gathering.name : "no actor named";
  }
  return `${actorName(event.source)} → ${actorName(event.target)}`;
}

export function actorName(side) {
  if (!side) return "—";
  return side.name || side.id || side.country || "—";
}

export function typeChip(type, mode) {
  const chip = h("span", { class: "chip", title: mode ? `${type} (${mode})` : type },
    h("span", { class: "swatch", "aria-hidden": "true" }), type);
  chip.firstChild.style.backgroundColor = typeColour(type);
  return chip;
}

const PRECISION_LABEL = {
  point: "exact point",
  city: "city",
  admin: "province",
  country: "country only",
  region: "region only",
  unknown: "no place",
};

/** A place with a badge saying how precisely it is known. */
export function place(name, precision) {
  const p = precision || "unknown";
  return h("span", { class: "place" }, name || "",
    h("span", { class: `precision p-${p}`, title: `location precision: ${p}` },
      PRECISION_LABEL[p] || p));
}

export function number(value, digits = 0) {
  if (value === null || value === undefined) return "—";
  return Number(value).toLocaleString("en-GB", { maximumFractionDigits: digits,
    minimumFractionDigits: digits });
}

/** A quantity as people write it: 24, 1.2 million, 28.7 billion. */
export function amount(value) {
  const size = Math.abs(value);
  for (const [limit, word] of [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]]) {
    if (size >= limit) return `${number(value / limit, value % limit ? 1 : 0)} ${word}`;
  }
  return number(value, Number.isInteger(value) ? 0 : 2);
}

export function signed(value, digits = 1) {
  if (value === null || value === undefined) return "—";
  const text = number(Math.abs(value), digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

export function percent(share) {
  return share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`;
}
