import { describe, expect, test } from 'vitest';
import { StoreStatus } from './status.js';

describe('StoreStatus', () => {
  test('starts up (or down, for a client still connecting), since its creation', () => {
    const before = Date.now();
    const up = new StoreStatus();
    expect(up.up).toBe(true);
    expect(up.health().store).toBe('up');
    expect(up.health().since.getTime()).toBeGreaterThanOrEqual(before);
    expect(new StoreStatus(false).health().store).toBe('down');
  });

  test('since is the start of the outage (marking down again keeps it), then the moment it came back', async () => {
    const status = new StoreStatus();
    const created = status.health().since;
    status.markUp(); // already up: nothing changes
    expect(status.health().since).toBe(created);
    await new Promise((r) => setTimeout(r, 5));
    status.markDown();
    const down = status.health();
    expect(down.store).toBe('down');
    expect(down.since.getTime()).toBeGreaterThan(created.getTime());
    await new Promise((r) => setTimeout(r, 5));
    status.markDown();
    expect(status.health().since).toBe(down.since);
    status.markUp();
    expect(status.up).toBe(true);
    expect(status.health().since.getTime()).toBeGreaterThan(down.since.getTime());
  });

  test('its health is JSON for a health route, with no error text', () => {
    const status = new StoreStatus(false);
    const json = JSON.parse(JSON.stringify(status.health()));
    expect(Object.keys(json).sort()).toEqual(['since', 'store']);
    expect(json.store).toBe('down');
    expect(new Date(json.since).toISOString()).toBe(json.since);
  });
});
