// The REST API of the same server: GET and write calls with the analyst's key, errors read
// from problem JSON (RFC 9457). The key lives in sessionStorage: gone when the tab closes.

export const API = "/api/v1";
const KEY_ITEM = "tengri.key";

export class ApiProblem extends Error {
  constructor(status, body) {
    super(body && body.detail ? body.detail : `the server answered ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY_ITEM);
}

export function setApiKey(token) {
  if (token) sessionStorage.setItem(KEY_ITEM, token.trim());
  else sessionStorage.removeItem(KEY_ITEM);
}

/** A query string of the non-empty values. */
export function query(params) {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === "" || value === false) continue;
    out.set(name, String(value));
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}

async function call(method, path, body, token) {
  const headers = { Accept: "application/json" };
  const key = token === undefined ? apiKey() : token;
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${API}${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "omit", cache: "no-store",
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw new ApiProblem(response.status, data);
  return data;
}

export const get = (path, params) => call("GET", `${path}${query(params)}`);
export const post = (path, body) => call("POST", path, body);
export const patch = (path, body) => call("PATCH", path, body);

/** Who a key belongs to (or the anonymous caller without one). */
export const whoIs = (token) => call("GET", "/me", undefined, token);
