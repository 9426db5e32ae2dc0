/**
 * Guards: declared dependencies in front of a framework's existing routes
 * (see `Guards`), and running one for a request (`runGuard`).
 */
export { Guards, entryForMethod } from './guards.js';
export { runGuard } from './run.js';
export { GuardGate } from './gate.js';
export type { GuardStep } from './gate.js';
export { guardValues } from './values.js';
export { requestSlot } from './slot.js';
export type { RequestSlot, StateHolder } from './slot.js';
export type { GuardOutcome } from './run.js';
export type { GuardOptions, GuardRouteOptions, TableRoute } from './types.js';
