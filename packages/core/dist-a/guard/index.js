/**
 * Guards: declared dependencies in front of a framework's existing routes
 * (see `Guards`), and running one for a request (`runGuard`).
 */
export { Guards } from './guards.js';
export { runGuard } from './run.js';
export { GuardGate } from './gate.js';
export { guardValues } from './values.js';
//# sourceMappingURL=index.js.map