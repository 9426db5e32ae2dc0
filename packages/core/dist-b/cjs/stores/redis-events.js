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
var redis_events_exports = {};
__export(redis_events_exports, {
  isNodeRedis: () => isNodeRedis,
  redisClientReady: () => redisClientReady,
  watchRedisClient: () => watchRedisClient
});
module.exports = __toCommonJS(redis_events_exports);
var import_status = require("./status.js");
const isEmitter = (c) => typeof c === "object" && c !== null && typeof c.on === "function";
function redisClientReady(client) {
  const c = client;
  if (typeof c?.status === "string")
    return c.status === "ready";
  if (typeof c?.isReady === "boolean")
    return c.isReady;
  return true;
}
function isNodeRedis(client) {
  return typeof client === "object" && client !== null && "isOpen" in client;
}
function watchRedisClient(client) {
  const status = new import_status.StoreStatus(redisClientReady(client));
  if (isEmitter(client)) {
    client.on("ready", () => status.markUp());
    for (const event of ["close", "reconnecting", "end"])
      client.on(event, () => status.markDown());
  }
  return status;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  isNodeRedis,
  redisClientReady,
  watchRedisClient
});
//# sourceMappingURL=redis-events.js.map
