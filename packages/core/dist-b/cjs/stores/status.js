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
var status_exports = {};
__export(status_exports, {
  StoreStatus: () => StoreStatus
});
module.exports = __toCommonJS(status_exports);
class StoreStatus {
  #up;
  #since = /* @__PURE__ */ new Date();
  /** Starts up (default) or down (a client still connecting). */
  constructor(up = true) {
    this.#up = up;
  }
  /** Whether the store answered last. */
  get up() {
    return this.#up;
  }
  /** Up or down, and since when. */
  health() {
    return { store: this.#up ? "up" : "down", since: this.#since };
  }
  /** The store answered (a no-op while it is already up). */
  markUp() {
    if (this.#up)
      return;
    this.#up = true;
    this.#since = /* @__PURE__ */ new Date();
  }
  /** The store could not be reached (a no-op while it is already down: `since` stays the outage's start). */
  markDown() {
    if (!this.#up)
      return;
    this.#up = false;
    this.#since = /* @__PURE__ */ new Date();
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  StoreStatus
});
//# sourceMappingURL=status.js.map
