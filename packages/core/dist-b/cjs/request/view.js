"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var view_exports = {};
__export(view_exports, {
  createRequestView: () => createRequestView,
  nativeWasRead: () => nativeWasRead,
  parseCookies: () => parseCookies
});
module.exports = __toCommonJS(view_exports);
const COOKIE_ESCAPE = /\\(?:([0-3][0-7][0-7])|([\s\S]))/g;
function parseCookies(header) {
  const out = /* @__PURE__ */ Object.create(null);
  if (!header)
    return out;
  for (const chunk of header.split(";")) {
    const eq = chunk.indexOf("=");
    const key = (eq === -1 ? "" : chunk.slice(0, eq)).trim();
    let value = (eq === -1 ? chunk : chunk.slice(eq + 1)).trim();
    if (!key && !value)
      continue;
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replace(COOKIE_ESCAPE, (_, octal, char) => octal !== void 0 ? String.fromCharCode(parseInt(octal, 8)) : char);
    }
    out[key] = value;
  }
  return out;
}
const hasOwn = Object.prototype.hasOwnProperty;
const EMPTY_PARAMS = Object.freeze({});
function isGetter(init) {
  return typeof init.get === "function" && !Array.isArray(init);
}
function toSearchParams(query, url) {
  if (query instanceof URLSearchParams)
    return query;
  if (typeof query === "string")
    return new URLSearchParams(query);
  if (query) {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === void 0)
        continue;
      if (typeof v === "string")
        sp.append(k, v);
      else
        for (const item of v)
          sp.append(k, item);
    }
    return sp;
  }
  return new URLSearchParams(queryOf(url));
}
function queryOf(url) {
  const q = url === void 0 ? -1 : url.indexOf("?");
  return q === -1 ? "" : url.slice(q + 1);
}
function literalQuery(query, url) {
  let raw;
  if (typeof query === "string")
    raw = query;
  else if (query === void 0)
    raw = queryOf(url);
  else
    return null;
  if (raw.charCodeAt(0) === 63)
    raw = raw.slice(1);
  return raw.indexOf("%") === -1 && raw.indexOf("+") === -1 && !SURROGATE.test(raw) ? raw : null;
}
const SURROGATE = /[\uD800-\uDFFF]/;
function scanQuery(raw, name) {
  const out = [];
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf("&", start);
    if (end === -1)
      end = raw.length;
    if (end > start) {
      const eq = raw.indexOf("=", start);
      const keyEnd = eq === -1 || eq > end ? end : eq;
      if (keyEnd - start === name.length && raw.startsWith(name, start))
        out.push(keyEnd === end ? "" : raw.slice(keyEnd + 1, end));
    }
    start = end + 1;
  }
  return out;
}
function pathOf(url) {
  if (!url)
    return "/";
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}
class PlainRequestView {
  method;
  path;
  params;
  #init;
  /** Whether anything has read `native` (see {@link nativeWasRead}). */
  #nativeRead = false;
  /** Lower-cased header map, built only when the input is not already lower-case. */
  #headerMap;
  #search;
  #cookies;
  #body;
  constructor(init) {
    this.#init = init;
    this.method = init.method === void 0 ? "GET" : init.method.toUpperCase();
    this.path = init.path ?? pathOf(init.url);
    this.params = init.params ?? EMPTY_PARAMS;
    this.#cookies = init.cookies;
  }
  get native() {
    this.#nativeRead = true;
    return this.#init.native;
  }
  /** @internal see {@link nativeWasRead} */
  static nativeWasRead(view) {
    return view.#nativeRead;
  }
  #values(name) {
    const headers = this.#init.headers;
    if (headers === void 0)
      return void 0;
    const lower = name.toLowerCase();
    if (isGetter(headers))
      return headers.get(lower) ?? void 0;
    if (!Array.isArray(headers)) {
      const direct = headers[lower];
      if (direct !== void 0)
        return direct;
    }
    return this.#map().get(lower);
  }
  #map() {
    if (this.#headerMap)
      return this.#headerMap;
    const map = /* @__PURE__ */ new Map();
    const add = (k, v) => {
      const key = k.toLowerCase();
      const list = map.get(key);
      if (list)
        list.push(v);
      else
        map.set(key, [v]);
    };
    const headers = this.#init.headers;
    if (Array.isArray(headers))
      for (const [k, v] of headers)
        add(k, v);
    else if (headers && !isGetter(headers))
      for (const [k, v] of Object.entries(headers)) {
        if (v === void 0)
          continue;
        if (typeof v === "string")
          add(k, v);
        else
          for (const item of v)
            add(k, item);
      }
    return this.#headerMap = map;
  }
  header(name) {
    const headers = this.#init.headers;
    if (headers !== void 0 && isGetter(headers))
      return headers.get(name.toLowerCase()) ?? void 0;
    const v = this.#values(name);
    return v === void 0 || typeof v === "string" ? v : v[0];
  }
  headerAll(name) {
    const headers = this.#init.headers;
    if (headers !== void 0 && isGetter(headers)) {
      if (headers.getAll && !(typeof Headers === "function" && headers instanceof Headers))
        return headers.getAll(name.toLowerCase());
      const one = headers.get(name.toLowerCase());
      return one == null ? [] : [one];
    }
    const v = this.#values(name);
    return v === void 0 ? [] : typeof v === "string" ? [v] : [...v];
  }
  #params() {
    return this.#search ??= toSearchParams(this.#init.query, this.#init.url);
  }
  /** The raw query string when it can be read without decoding anything (see {@link literalQuery}). */
  #literal;
  #queryAll(name) {
    if (this.#search === void 0) {
      const literal = this.#literal ??= literalQuery(this.#init.query, this.#init.url);
      if (literal !== null)
        return scanQuery(literal, name);
    }
    return this.#params().getAll(name);
  }
  query(name) {
    const all = this.#queryAll(name);
    return all.length ? all[all.length - 1] : void 0;
  }
  queryAll(name) {
    return this.#queryAll(name);
  }
  cookie(name) {
    const cookies = this.#cookies ??= parseCookies(this.header("cookie"));
    return hasOwn.call(cookies, name) ? cookies[name] : void 0;
  }
  readBody() {
    if (this.#body !== void 0)
      return this.#body;
    const init = this.#init;
    return this.#body = init.readBody ? init.readBody() : init.body !== void 0 ? { kind: "parsed", value: init.body } : init.bodyText !== void 0 ? { kind: "text", text: init.bodyText } : { kind: "none" };
  }
}
function createRequestView(init = {}) {
  return new PlainRequestView(init);
}
function nativeWasRead(view) {
  return view instanceof PlainRequestView ? PlainRequestView.nativeWasRead(view) : true;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createRequestView,
  nativeWasRead,
  parseCookies
});
//# sourceMappingURL=view.js.map
