import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { createRateLimiter } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('allows max hits per window, then answers 429 with Retry-After, then resets with the window', () => {
    let t = 0;
    const rl = createRateLimiter({ windowMs: 60_000, max: 2, now: () => t });
    rl.hit('a');
    rl.hit('a');
    rl.hit('b');
    let err: unknown;
    try {
      rl.hit('a');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(429);
    expect((err as AppError).headers['retry-after']).toBe('60');
    t = 60_000;
    expect(() => rl.hit('a')).not.toThrow();
  });

  it('keeps at most maxKeys buckets', () => {
    const rl = createRateLimiter({ windowMs: 1000, max: 1, now: () => 0, maxKeys: 3 });
    for (let i = 0; i < 10; i++) rl.hit(`k${i}`);
    // the first keys were evicted, so they may hit again
    expect(() => rl.hit('k0')).not.toThrow();
  });
});
