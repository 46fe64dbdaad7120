// One floating tooltip for charts, the map and the network: lines of text, placed near the
// pointer and kept inside the window.

import { fill, h } from "./elements.js";

let tip = null;

function element() {
  if (!tip) {
    tip = h("div", { class: "tooltip", role: "tooltip", hidden: true });
    document.body.append(tip);
  }
  return tip;
}

/** Show `lines` (the first in bold) near the pointer of `event`. */
export function showTip(event, lines) {
  const node = element();
  fill(node, ...lines.map((line, i) => h(i === 0 ? "strong" : "div", {}, line)));
  node.hidden = false;
  const pad = 14;
  const { innerWidth, innerHeight } = window;
  const box = node.getBoundingClientRect();
  let x = event.clientX + pad;
  let y = event.clientY + pad;
  if (x + box.width > innerWidth - 4) x = event.clientX - box.width - pad;
  if (y + box.height > innerHeight - 4) y = event.clientY - box.height - pad;
  node.style.left = `${Math.max(4, x)}px`;
  node.style.top = `${Math.max(4, y)}px`;
}

export function hideTip() {
  if (tip) tip.hidden = true;
}
