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
var basic_exports = {};
__export(basic_exports, {
  decodeBase64Strict: () => decodeBase64Strict,
  decodeBasicCredentials: () => decodeBasicCredentials,
  encodeBase64: () => encodeBase64,
  encodeBasicCredentials: () => encodeBasicCredentials
});
module.exports = __toCommonJS(basic_exports);
var import_catalogue = require("../errors/catalogue.js");
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++)
  VALUES[ALPHABET.charCodeAt(i)] = i;
const PAD = 61;
function sextet(code) {
  return code < 128 ? VALUES[code] : -1;
}
function decodeBase64Strict(text) {
  const length = text.length;
  if (length % 4 !== 0)
    return void 0;
  let padding = 0;
  if (length > 0 && text.charCodeAt(length - 1) === PAD)
    padding = text.charCodeAt(length - 2) === PAD ? 2 : 1;
  const out = new Uint8Array(length / 4 * 3 - padding);
  let o = 0;
  for (let i = 0; i < length; i += 4) {
    const last = i + 4 === length;
    const a = sextet(text.charCodeAt(i));
    const b = sextet(text.charCodeAt(i + 1));
    if (a < 0 || b < 0)
      return void 0;
    if (last && padding === 2) {
      if ((b & 15) !== 0)
        return void 0;
      out[o] = a << 2 | b >> 4;
      break;
    }
    const c = sextet(text.charCodeAt(i + 2));
    if (c < 0)
      return void 0;
    if (last && padding === 1) {
      if ((c & 3) !== 0)
        return void 0;
      out[o++] = a << 2 | b >> 4;
      out[o] = (b & 15) << 4 | c >> 2;
      break;
    }
    const d = sextet(text.charCodeAt(i + 3));
    if (d < 0)
      return void 0;
    out[o++] = a << 2 | b >> 4;
    out[o++] = (b & 15) << 4 | c >> 2;
    out[o++] = (c & 3) << 6 | d;
  }
  return out;
}
function encodeBase64(bytes) {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[n >> 12 & 63] + ALPHABET[n >> 6 & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[n >> 12 & 63] + "==";
  } else if (rest === 2) {
    const n = bytes[i] << 16 | bytes[i + 1] << 8;
    out += ALPHABET[n >> 18] + ALPHABET[n >> 12 & 63] + ALPHABET[n >> 6 & 63] + "=";
  }
  return out;
}
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decodeBasicCredentials(token) {
  const bytes = decodeBase64Strict(token);
  if (!bytes)
    return void 0;
  let text;
  try {
    text = utf8.decode(bytes);
  } catch {
    return void 0;
  }
  const colon = text.indexOf(":");
  if (colon === -1)
    return void 0;
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}
function encodeBasicCredentials(username, password) {
  if (username.includes(":"))
    throw new import_catalogue.InvalidArgumentError('A Basic username cannot contain ":"');
  return encodeBase64(new TextEncoder().encode(`${username}:${password}`));
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  decodeBase64Strict,
  decodeBasicCredentials,
  encodeBase64,
  encodeBasicCredentials
});
//# sourceMappingURL=basic.js.map
