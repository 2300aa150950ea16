import { describe, expect, it } from 'vitest';
import { RateLimit, StreamCap } from './limits';

describe('RateLimit', () => {
  it('lets a minute of requests through at once, then refills over the minute, per client', () => {
    let now = 0;
    const limit = new RateLimit(60, () => now);
    for (let index = 0; index < 60; index++) expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBe(1);
    expect(limit.take('b')).toBe(0);
    now += 1000;
    expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBeGreaterThan(0);
  });
});

describe('StreamCap', () => {
  it('holds each client to its cap, and a released place can be taken again, once', () => {
    const cap = new StreamCap(2);
    const first = cap.acquire('a')!;
    expect(cap.acquire('a')).not.toBeNull();
    expect(cap.acquire('a')).toBeNull();
    expect(cap.acquire('b')).not.toBeNull();
    first();
    first();
    expect(cap.acquire('a')).not.toBeNull();
    expect(cap.acquire('a')).toBeNull();
  });
});
