import { currentUser, notesApp } from './notes.js';

// Test.createTestingModule({ … }).overrideGuard(AuthGuard).useValue({ canActivate: () => true }):
// the caller replaced for this app only, its scope check with it (the fake's answer stands); the document is unchanged.
export function appForTests() {
  const { app, d } = notesApp();
  d.app.overrides.set(currentUser, () => ({ id: 'test', name: 'test', scopes: ['notes:read'] }));
  return app;
}
