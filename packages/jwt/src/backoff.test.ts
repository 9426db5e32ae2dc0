import { describe, expect, test } from 'vitest';
import { Backoff, MAX_RETRY_DELAY, RETRY_DELAY, timingMistake } from './backoff.js';

/** The waits after `n` failures in a row, one call at a time, with `random` fixed. */
function waits(n: number, random: number, timings = {}): number[] {
  const backoff = new Backoff(timings, () => random);
  const out: number[] = [];
  let now = 1_000_000;
  for (let i = 0; i < n; i++) {
    backoff.failed(now, now);
    let wait = 0;
    while (!backoff.ready(now + wait)) wait++;
    out.push(wait);
    now += wait;
  }
  return out;
}

describe('Backoff', () => {
  test('defaults: a sub-second first retry, doubling, at most 600 ms', () => {
    expect([RETRY_DELAY, MAX_RETRY_DELAY]).toEqual([200, 600]);
    expect(waits(6, 0.999_999)).toEqual([200, 400, 600, 600, 600, 600]);
  });

  test('jittered: each wait is between half of it and all of it', () => {
    expect(waits(4, 0)).toEqual([100, 200, 300, 300]);
    expect(waits(4, 0.5)).toEqual([150, 300, 450, 450]);
    expect(waits(3, 0, { retryDelay: 1000, maxRetryDelay: 10_000 })).toEqual([500, 1000, 2000]);
  });

  test('a first delay above the longest is the longest', () => {
    expect(waits(2, 0.999_999, { retryDelay: 5000, maxRetryDelay: 1000 })).toEqual([1000, 1000]);
  });

  test('ready until the first failure; a success starts the waits over', () => {
    const backoff = new Backoff({}, () => 0.999_999);
    expect(backoff.ready(0)).toBe(true);
    backoff.failed(0, 0);
    backoff.failed(300, 300);
    expect(backoff.ready(300 + 399)).toBe(false);
    expect(backoff.ready(300 + 400)).toBe(true);
    backoff.succeeded();
    backoff.failed(1000, 1000);
    expect(backoff.ready(1199)).toBe(false);
    expect(backoff.ready(1200)).toBe(true);
  });

  test('calls that started before the last failure belong to its attempt: counted once', () => {
    const backoff = new Backoff({}, () => 0.999_999);
    expect(backoff.failed(10, 50)).toBe(true);
    expect(backoff.failedAt).toBe(50);
    // started together with the first, failing a little later
    expect(backoff.failed(20, 60)).toBe(false);
    expect(backoff.failed(50, 70)).toBe(false);
    expect(backoff.ready(249)).toBe(false);
    expect(backoff.ready(250)).toBe(true);
    // a new attempt after the wait: the next wait doubles
    expect(backoff.failed(250, 260)).toBe(true);
    expect(backoff.ready(659)).toBe(false);
    expect(backoff.ready(660)).toBe(true);
  });

  test('retryAfter: whole seconds until the next attempt, at least 1', () => {
    const backoff = new Backoff({ retryDelay: 2500, maxRetryDelay: 10_000 }, () => 0.999_999);
    expect(backoff.retryAfter(0)).toBe(1);
    backoff.failed(0, 0);
    expect(backoff.retryAfter(0)).toBe(3);
    expect(backoff.retryAfter(1499)).toBe(2);
    expect(backoff.retryAfter(2499)).toBe(1);
    expect(backoff.retryAfter(9000)).toBe(1);
  });
});

test('timingMistake: non-negative finite numbers only', () => {
  const names = ['retryDelay', 'maxRetryDelay'];
  expect(timingMistake({}, names)).toBeUndefined();
  expect(timingMistake({ retryDelay: 0, maxRetryDelay: 10 }, names)).toBeUndefined();
  expect(timingMistake({ retryDelay: -1 }, names)).toBe('retryDelay must be a non-negative number of milliseconds');
  expect(timingMistake({ maxRetryDelay: Infinity }, names)).toBe('maxRetryDelay must be a non-negative number of milliseconds');
  expect(timingMistake({ maxRetryDelay: '1s' }, names)).toBe('maxRetryDelay must be a non-negative number of milliseconds');
});
