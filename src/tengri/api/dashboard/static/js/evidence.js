// A stored document with the evidence sentence of one report highlighted and its trigger in
// bold. The text is placed as text nodes only: markup in an article (a <script> tag, an
// <img onerror>) is shown as the characters it is and never runs.

import { h } from "./elements.js";
import { day } from "./format.js";

/** Python counts characters (code points); JavaScript strings count UTF-16 units. */
export function utf16Offsets(text, offsets) {
  const wanted = [...new Set(offsets.filter((o) => Number.isInteger(o) && o >= 0))]
    .sort((a, b) => a - b);
  const out = new Map();
  let point = 0;
  let unit = 0;
  for (const target of wanted) {
    while (point < target && unit < text.length) {
      unit += text.codePointAt(unit) > 0xffff ? 2 : 1;
      point += 1;
    }
    out.set(target, unit);
  }
  return out;
}

/** The pieces of `text` around a sentence [start, end) and a trigger inside it. */
export function highlightPieces(text, start, end, triggerStart, triggerEnd) {
  const at = utf16Offsets(text, [start, end, triggerStart, triggerEnd]);
  const s = at.get(start);
  const e = at.get(end);
  if (s === undefined || e === undefined || e < s) return [{ text, kind: "plain" }];
  const inner = [];
  const ts = at.get(triggerStart);
  const te = at.get(triggerEnd);
  if (ts !== undefined && te !== undefined && s <= ts && ts < te && te <= e) {
    inner.push({ text: text.slice(s, ts), kind: "evidence" },
      { text: text.slice(ts, te), kind: "trigger" },
      { text: text.slice(te, e), kind: "evidence" });
  } else {
    inner.push({ text: text.slice(s, e), kind: "evidence" });
  }
  return [{ text: text.slice(0, s), kind: "plain" }, { text: inner, kind: "mark" },
    { text: text.slice(e), kind: "plain" }];
}

function piece(part) {
  if (part.kind === "plain") return part.text;
  if (part.kind === "trigger") return h("strong", { class: "trigger" }, part.text);
  if (part.kind === "evidence") return part.text;
  return h("mark", { class: "evidence", id: "evidence", tabindex: "-1" },
    part.text.map(piece));
}

/** The document panel for `doc` (GET /documents/ID) with `mention`'s sentence marked. */
export function documentView(doc, mention) {
  const parts = mention
    ? highlightPieces(doc.text, mention.sentence_start, mention.sentence_end,
      mention.trigger_start, mention.trigger_end)
    : [{ text: doc.text, kind: "plain" }];
  const body = h("div", { class: "document-text", lang: doc.lang || "en",
    dataset: { documentId: String(doc.id) } }, parts.map(piece));
  const panel = h("article", { class: "document" },
    h("header", {},
      h("h3", { class: "document-title" }, doc.title || "(untitled document)"),
      h("p", { class: "muted small" },
        [doc.source_name, doc.published ? `published ${day(doc.published)}` : null,
          `document ${doc.id}`, doc.lang].filter(Boolean).join(" · "))),
    body);
  requestAnimationFrame(() => {
    const mark = body.querySelector("mark.evidence");
    if (mark) body.scrollTop = Math.max(0, mark.offsetTop - body.offsetTop - 40);
  });
  return panel;
}
