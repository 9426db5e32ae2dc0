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
var outage_exports = {};
__export(outage_exports, {
  STORE_UNAVAILABLE: () => STORE_UNAVAILABLE,
  StoreOutage: () => StoreOutage,
  StoreUnavailableError: () => StoreUnavailableError,
  describeStoreError: () => describeStoreError,
  outageMistake: () => outageMistake
});
module.exports = __toCommonJS(outage_exports);
var import_catalogue = require("../errors/catalogue.js");
const STORE_UNAVAILABLE = "Service temporarily unavailable, try again later";
class StoreUnavailableError extends import_catalogue.HTTPException {
  constructor(retryAfterSeconds, detail = STORE_UNAVAILABLE) {
    super(503, detail, { "retry-after": String(retryAfterSeconds) });
  }
}
function describeStoreError(error) {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === "string" ? error : "unknown error";
  return text.replace(/\/\/[^/@\s]*@/g, "//***@").slice(0, 200);
}
function outageMistake(options) {
  const action = options.onStoreDown ?? "refuse";
  if (action !== "refuse" && action !== "allow")
    return "onStoreDown must be 'refuse' or 'allow'";
  const retryAfter = options.storeRetryAfter ?? 5;
  if (!Number.isInteger(retryAfter) || retryAfter < 0)
    return "storeRetryAfter must be a whole number of seconds";
  return void 0;
}
class StoreTimeout extends Error {
  name = "StoreTimeout";
}
class StoreOutage {
  /** What is done while the store is down. */
  action;
  #store;
  #retryAfter;
  #detail;
  #log;
  #timeoutMessage;
  /** The start of the outage last told to the log (undefined: none, or it was told over). */
  #told;
  constructor(store, options) {
    this.action = options.onStoreDown ?? "refuse";
    this.#store = store;
    this.#retryAfter = options.storeRetryAfter ?? 5;
    this.#detail = options.detail ?? STORE_UNAVAILABLE;
    this.#log = options.log;
    this.#timeoutMessage = options.timeoutMessage ?? ((ms) => `no answer from the store within ${ms} ms`);
  }
  /** Whether the dependency may answer 503 (a store that can be down, and `'refuse'`): documented in OpenAPI. */
  get mayRefuse() {
    return this.#store.shared && this.action === "refuse";
  }
  /**
   * Runs one operation on the store, bounded by its timeout: its answer
   * (the store marked up), or — the store down — the 503 thrown
   * (`'refuse'`) or `undefined` (`'allow'`).
   */
  async run(operation) {
    let result;
    try {
      result = await this.#bounded(operation);
    } catch (error) {
      this.down(error);
      return void 0;
    }
    this.up();
    return result;
  }
  /**
   * {@link StoreOutage.run} for an operation that may answer at once (a
   * store in memory): its answer synchronously — no promise, no timeout —
   * when it gives one, a synchronous failure counting as an outage; a
   * promise goes through {@link StoreOutage.run} (timeout included).
   *
   * @example
   * ```ts
   * const claimed = outage.attempt(() => store.claim(key, ttl)) // boolean | undefined, or a promise of one
   * ```
   */
  attempt(operation) {
    let answer;
    try {
      answer = operation();
    } catch (error) {
      this.down(error);
      return void 0;
    }
    if (typeof answer?.then === "function")
      return this.run(() => answer);
    this.up();
    return answer;
  }
  /** An operation failed: the store is down. Throws the 503 (`'refuse'`) or returns (`'allow'`); tells the log once per outage. */
  down(error) {
    this.#store.status.markDown();
    const { since } = this.#store.status.health();
    if (this.#told !== since) {
      this.#told = since;
      this.#tell({ store: "down", since, action: this.action, reason: describeStoreError(error) });
    }
    if (this.action === "refuse")
      throw new StoreUnavailableError(this.#retryAfter, this.#detail);
  }
  /** An operation succeeded: the store is up; tells the log once when an outage it told of is over. */
  up() {
    this.#store.status.markUp();
    if (this.#told === void 0)
      return;
    this.#told = void 0;
    this.#tell({ store: "up", since: this.#store.status.health().since, action: this.action });
  }
  async #bounded(operation) {
    const pending = new Promise((resolve) => resolve(operation()));
    const timeout = this.#store.timeout;
    if (timeout === void 0)
      return pending;
    let timer;
    try {
      return await Promise.race([pending, new Promise((_, reject) => timer = setTimeout(() => reject(new StoreTimeout(this.#timeoutMessage(timeout))), timeout))]);
    } finally {
      clearTimeout(timer);
      pending.catch(() => {
      });
    }
  }
  #tell(event) {
    try {
      this.#log(event);
    } catch {
    }
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  STORE_UNAVAILABLE,
  StoreOutage,
  StoreUnavailableError,
  describeStoreError,
  outageMistake
});
//# sourceMappingURL=outage.js.map
