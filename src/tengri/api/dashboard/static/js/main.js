// The dashboard's shell: who is signed in, the header, and a router over the address's hash
// (#/, #/dyad/KAZ/RUS, #/event/12, #/network, #/audit) that draws one page at a time.

import { ApiProblem, apiKey, get, setApiKey, whoIs } from "./api.js";
import { fill, h, notice } from "./elements.js";
import { loadWorld } from "./geo.js";
import { hideTip } from "./tooltip.js";
import { renderAudit } from "./pages/audit.js";
import { renderDyad } from "./pages/dyad.js";
import { renderEvent } from "./pages/event.js";
import { renderNetworkPage } from "./pages/network.js";
import { renderOverview } from "./pages/overview.js";

const main = document.getElementById("main");
const nav = document.getElementById("nav");
const who = document.getElementById("who");
let session = null;
let flash = null;
let drawing = 0; // the newest route drawn; an older one that finishes late marks nothing

function drawn(generation) {
  // Tests and the benchmark wait for this: the page for this address is complete.
  if (generation === drawing) document.body.dataset.ready = location.hash || "#/";
}
const cache = new Map();

function once(name, load) {
  if (!cache.has(name)) cache.set(name, load().catch((error) => {
    cache.delete(name);
    throw error;
  }));
  return cache.get(name);
}

function parse() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, search] = raw.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(search || "") };
}

/** Go to `path` with `params` (URLSearchParams or an object). */
export function go(path, params) {
  const text = new URLSearchParams(params || {}).toString();
  location.hash = `#${path}${text ? `?${text}` : ""}`;
}

const context = () => ({
  ...parse(),
  session,
  go,
  types: () => once("types", () => get("/ontology").then((o) => o.types.map((t) => t.type))),
  states: () => once("states", async () => {
    const page = await get("/actors", { kind: "state", limit: 500 });
    return page.items.map((a) => [a.id, a.name]).sort((a, b) => a[1].localeCompare(b[1]));
  }),
});

const ROUTES = [
  [(p) => p.length === 0, renderOverview, "overview"],
  [(p) => p[0] === "dyad", renderDyad, "dyad"],
  [(p) => p[0] === "event" && /^\d+$/.test(p[1] || ""), renderEvent, "event"],
  [(p) => p[0] === "network" && p.length === 1, renderNetworkPage, "network"],
  [(p) => p[0] === "audit" && p.length === 1, renderAudit, "audit"],
];

function signInBox() {
  const input = h("input", { type: "password", id: "key-input", name: "key",
    autocomplete: "off", placeholder: "tk_…", required: true });
  const status = h("div", { "aria-live": "polite" });
  const dialog = h("dialog", { id: "key-dialog" });
  const form = h("form", { method: "dialog" },
    h("h2", {}, "API key"),
    h("p", { class: "muted small" }, "Paste a key from `tengri keys create`. It is kept in "
      + "this tab only and sent to this server alone."),
    h("label", { for: "key-input" }, "Key"), input, status,
    h("div", { class: "buttons" },
      h("button", { type: "submit", class: "primary", id: "key-save" }, "Use key"),
      apiKey() ? h("button", { type: "button", id: "key-clear", onclick: () => {
        setApiKey(null);
        dialog.close();
        start();
      } }, "Sign out") : null,
      h("button", { type: "button", onclick: () => dialog.close() }, "Cancel")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await whoIs(input.value.trim());
      setApiKey(input.value.trim());
      dialog.close();
      start();
    } catch (error) {
      status.replaceChildren(notice(error.message, "error"));
    }
  });
  fill(dialog, form);
  return dialog;
}

function header() {
  const here = parse().parts[0] || "";
  const link = (href, text, name) => h("a", { href, "aria-current": here === name ? "page"
    : null }, text);
  fill(nav, link("#/", "Events", ""), link("#/dyad/KAZ/RUS", "Dyads", "dyad"),
    link("#/network", "Network", "network"),
    session && ["curator", "admin"].includes(session.role)
      ? link("#/audit", "Audit log", "audit") : null);
  const dialog = signInBox();
  fill(who, session && session.role
    ? h("span", { class: `role role-${session.role}`, id: "role" },
      `${session.who} · ${session.role}`)
    : h("span", { class: "role", id: "role" }, "not signed in"),
  h("button", { type: "button", id: "sign-in", onclick: () => dialog.showModal() },
    session && session.role ? "Key…" : "Sign in"), dialog);
}

async function route() {
  const generation = ++drawing;
  delete document.body.dataset.ready;
  hideTip();
  header();
  const ctx = context();
  const page = h("div", { class: "page" });
  fill(main, flash ? notice(flash, "error") : null, page);
  flash = null;
  if (session && !session.role && !session.read_open) {
    drawn(generation);
    fill(page, h("section", { class: "card welcome" }, h("h1", {}, "Sign in to read"),
      h("p", {}, "This server needs an API key for reading. Ask its administrator for one "
        + "(`tengri keys create NAME --role reader`) and choose Sign in."),
    h("button", { type: "button", class: "primary", onclick: () =>
      document.getElementById("key-dialog").showModal() }, "Sign in")));
    return;
  }
  const found = ROUTES.find(([test]) => test(ctx.parts));
  if (!found) {
    fill(page, notice(`No page at #/${ctx.parts.join("/")}.`, "error"));
    drawn(generation);
    return;
  }
  document.body.dataset.page = found[2];
  try {
    await found[1](page, ctx);
  } catch (error) {
    const text = error instanceof ApiProblem ? `${error.status}: ${error.message}`
      : String(error);
    page.append(notice(text, "error"));
  } finally {
    drawn(generation);
  }
}

async function start() {
  try {
    session = await whoIs();
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401 && apiKey()) {
      setApiKey(null);
      session = await whoIs().catch(() => null);
      flash = "The saved key was refused; you are signed out.";
    } else {
      session = null;
    }
  }
  cache.clear();
  await route();
}

window.addEventListener("hashchange", route);
loadWorld().catch(() => null); // most pages draw a map: fetch its shapes while the data comes
start();
