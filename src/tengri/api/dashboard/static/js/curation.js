// Curation controls on an event page: confirm, reject or reopen it, or edit its fields, each
// with a reason that goes into the audit log. Shown only to curator and admin keys; the API
// refuses anyone else anyway.

import { ApiProblem, patch, post } from "./api.js";
import { h, notice } from "./elements.js";
import { STATUSES } from "./filters.js";

export function canCurate(session) {
  return Boolean(session && ["curator", "admin"].includes(session.role));
}

const PRECISIONS = ["day", "month", "quarter", "half", "year"];
const PLACE_PRECISIONS = ["point", "city", "admin", "country", "region", "unknown"];

function option(value, current) {
  return h("option", { value, selected: value === current }, value);
}

function editForm(event, types, submit) {
  const date = event.date || {};
  const loc = event.location || {};
  const fields = {
    type: h("select", { name: "type" }, types.map((t) => option(t, event.type))),
    mode: h("input", { name: "mode", value: event.mode || "", placeholder: "none" }),
    cameo: h("input", { name: "cameo", value: event.cameo, pattern: "\\d{2,4}",
      inputmode: "numeric" }),
    status: h("select", { name: "status" }, STATUSES.map((s) => option(s, event.status))),
    date_start: h("input", { name: "date_start", type: "date", value: date.start || "" }),
    date_end: h("input", { name: "date_end", type: "date", value: date.end || "" }),
    date_precision: h("select", { name: "date_precision" },
      PRECISIONS.map((p) => option(p, date.precision))),
    location_name: h("input", { name: "location_name", value: loc.name || "" }),
    location_country: h("input", { name: "location_country", value: loc.country || "",
      pattern: "[A-Za-z]{3}", maxlength: "3" }),
    location_precision: h("select", { name: "location_precision" },
      PLACE_PRECISIONS.map((p) => option(p, loc.precision))),
  };
  const original = Object.fromEntries(Object.entries(fields).map(([k, input]) => [k,
    input.value]));
  const reason = h("textarea", { name: "reason", required: true, rows: "2",
    placeholder: "why (kept in the audit log)" });
  const form = h("form", { class: "edit-event" },
    h("div", { class: "grid-fields" }, Object.entries(fields).map(([name, input]) =>
      h("label", {}, name.replace("_", " "), input))),
    h("label", {}, "Reason", reason),
    h("button", { type: "submit", class: "primary" }, "Save changes"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const changes = {};
    for (const [name, input] of Object.entries(fields)) {
      if (input.value !== original[name]) changes[name] = input.value === "" ? null : input.value;
    }
    if (changes.location_country) changes.location_country = changes.location_country.toUpperCase();
    if (!Object.keys(changes).length) {
      form.append(notice("Nothing changed.", "error"));
      return;
    }
    submit(() => patch(`/events/${event.id}`, { ...changes, reason: reason.value.trim() }));
  });
  return form;
}

/** The curation panel for `event`, or a note on how to get one. */
export function curationPanel(event, session, types, onDone) {
  if (!canCurate(session)) {
    return h("section", { class: "card curation locked", id: "curation" },
      h("h2", {}, "Curation"),
      h("p", { class: "muted" }, session && session.role
        ? `Your key has the ${session.role} role; confirming, rejecting and editing events `
          + "needs a curator key."
        : "Sign in with a curator key to confirm, reject or edit this event."));
  }
  const status = h("div", { class: "curation-status", "aria-live": "polite" });
  const reason = h("textarea", { id: "curation-reason", name: "reason", rows: "2",
    placeholder: "why (kept in the audit log)" });
  const submit = async (action) => {
    status.replaceChildren(notice("Saving…"));
    try {
      await action();
      status.replaceChildren(notice("Saved.", "ok"));
      onDone();
    } catch (error) {
      const text = error instanceof ApiProblem ? error.message : String(error);
      status.replaceChildren(notice(text, "error"));
    }
  };
  const verdict = (name) => () => {
    const why = reason.value.trim();
    if (!why) {
      status.replaceChildren(notice("Give a reason: it goes into the audit log.", "error"));
      reason.focus();
      return;
    }
    submit(() => post(`/events/${event.id}/${name}`, { reason: why }));
  };
  const current = event.curation && event.curation.verdict;
  return h("section", { class: "card curation", id: "curation" },
    h("h2", {}, "Curation"),
    h("p", { class: "muted small" }, current
      ? `This event is ${current} (by ${event.curation.updated_by}).`
      : "No analyst has reviewed this event yet."),
    h("label", { for: "curation-reason" }, "Reason"), reason,
    h("div", { class: "buttons" },
      h("button", { type: "button", class: "confirm", dataset: { action: "confirm" },
        disabled: current === "confirmed", onclick: verdict("confirm") }, "Confirm"),
      h("button", { type: "button", class: "reject", dataset: { action: "reject" },
        disabled: current === "rejected", onclick: verdict("reject") }, "Reject"),
      current ? h("button", { type: "button", dataset: { action: "reopen" },
        onclick: verdict("reopen") }, "Reopen") : null),
    status,
    h("details", { class: "edit" }, h("summary", {}, "Edit fields"),
      editForm(event, types, submit)));
}
