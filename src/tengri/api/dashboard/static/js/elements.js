// Building DOM nodes from data. Every string becomes a text node or an attribute value, never
// markup: the page's Content-Security-Policy enforces Trusted Types, so an innerHTML
// assignment would throw anyway.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function assign(node, props) {
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(node.dataset, value);
    } else if (name === "class") {
      node.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    } else if (name === "style") {
      throw new Error("set styles through CSS classes or node.style, not a style attribute");
    } else if (value === true) {
      node.setAttribute(name, "");
    } else {
      node.setAttribute(name, String(value));
    }
  }
  return node;
}

/** An HTML element: h("a", {href: "#/"}, "text", child, …). */
export function h(tag, props, ...children) {
  return append(assign(document.createElement(tag), props), children);
}

/** An SVG element, the same way. */
export function s(tag, props, ...children) {
  return append(assign(document.createElementNS(SVG_NS, tag), props), children);
}

/** Replace a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A link to a report outside tengri, only for http(s) addresses (never javascript: or data:). */
export function outsideLink(url, label) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !["http:", "https:"].includes(parsed.protocol)) {
    return h("span", { class: "muted" }, label);
  }
  return h("a", { href: parsed.href, target: "_blank", rel: "noopener noreferrer nofollow",
                  class: "outside", title: parsed.href }, label);
}

/** A card with a heading. */
export function card(title, ...children) {
  return h("section", { class: "card" }, title ? h("h2", {}, title) : null, ...children);
}

/** A headline number with its label and an optional note. */
export function stat(label, value, note) {
  return h("div", { class: "stat" }, h("div", { class: "stat-value" }, value),
    h("div", { class: "stat-label" }, label), note ? h("div", { class: "stat-note" }, note)
      : null);
}

export function notice(text, kind = "info") {
  return h("p", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}
