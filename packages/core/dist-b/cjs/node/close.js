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
var close_exports = {};
__export(close_exports, {
  closeAfterAnswer: () => closeAfterAnswer
});
module.exports = __toCommonJS(close_exports);
const MAX_BYTES = 1024 * 1024;
const MAX_MS = 5e3;
function closeAfterAnswer(req, res, limits = {}) {
  if (req.complete || req.httpVersionMajor !== 1 || !hasBody(req))
    return;
  res.prependOnceListener("finish", () => {
    const socket = req.socket;
    if (!req.complete && socket && !socket.destroyed && !staged.has(socket))
      closeInStages(req, socket, limits);
  });
}
const staged = /* @__PURE__ */ new WeakSet();
function hasBody(req) {
  return req.headers["transfer-encoding"] !== void 0 || Number(req.headers["content-length"]) > 0;
}
function closeInStages(req, socket, limits) {
  staged.add(socket);
  const maxBytes = limits.maxBytes ?? MAX_BYTES;
  let closing = false;
  socket.destroySoon = () => {
    closing = true;
    socket.end();
  };
  let discarded = 0;
  const cleanup = () => {
    clearTimeout(timer);
    req.off("data", onData).off("end", onEnd).off("error", cleanup);
    socket.off("close", cleanup);
  };
  const destroy = () => {
    cleanup();
    socket.destroy();
  };
  const onData = (chunk) => {
    discarded += chunk.length;
    if (discarded > maxBytes)
      destroy();
  };
  const onEnd = () => {
    cleanup();
    if (socket.writableFinished)
      socket.destroy();
    else
      socket.once("finish", () => socket.destroy());
  };
  const timer = setTimeout(destroy, limits.maxMs ?? MAX_MS);
  timer.unref();
  req.on("data", onData).on("error", cleanup);
  socket.once("close", cleanup);
  req.resume();
  setImmediate(() => {
    if (socket.destroyed)
      return cleanup();
    if (!req.complete) {
      req.on("end", onEnd);
      socket.end();
      return;
    }
    cleanup();
    staged.delete(socket);
    Reflect.deleteProperty(socket, "destroySoon");
    if (closing)
      socket.destroySoon();
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  closeAfterAnswer
});
//# sourceMappingURL=close.js.map
