// Colours of PLOVER types (cooperation in blues and greens, conflict in ambers and reds) and
// of the two sides of the intensity index. Types not listed fall back to grey.

export const TYPE_COLOURS = {
  AGREE: "#0f766e",
  CONSULT: "#2563eb",
  SUPPORT: "#16a34a",
  CONCEDE: "#7c3aed",
  COOPERATE: "#65a30d",
  AID: "#0891b2",
  RETREAT: "#a855f7",
  REQUEST: "#64748b",
  ACCUSE: "#d97706",
  REJECT: "#b45309",
  THREATEN: "#e11d48",
  PROTEST: "#ea580c",
  SANCTION: "#be185d",
  MOBILIZE: "#9f1239",
  COERCE: "#dc2626",
  ASSAULT: "#7f1d1d",
};

export const COOPERATION = "#0f766e";
export const CONFLICT = "#dc2626";

export function typeColour(type) {
  return TYPE_COLOURS[type] || "#6b7280";
}

export const QUAD_NAMES = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};
