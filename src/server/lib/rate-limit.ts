// A small fixed-window rate limiter for public (unauthenticated) endpoints.
//
// In memory, per process: with several app instances behind a load balancer each instance
// counts on its own, so the effective limit is `max × instances`. That is acceptable for the
// abuse it guards against (form spam from one address); a shared limit would move the counters
// into PostgreSQL (decision 007).
import { AppError } from './errors.js';

export interface RateLimiter {
  /** Counts one hit for `key`; throws RATE_LIMITED (429 with Retry-After) past the limit. */
  hit(key: string): void;
  reset(): void;
}

export function createRateLimiter(opts: { windowMs: number; max: number; now?: () => number; maxKeys?: number }): RateLimiter {
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 10_000;
  const buckets = new Map<string, { start: number; count: number }>();
  return {
    hit(key) {
      const t = now();
      let b = buckets.get(key);
      if (!b || t - b.start >= opts.windowMs) {
        // Keep memory bounded under an address-spraying attack: drop expired windows first.
        if (buckets.size >= maxKeys) {
          for (const [k, v] of buckets) if (t - v.start >= opts.windowMs) buckets.delete(k);
          if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
        }
        b = { start: t, count: 0 };
        buckets.set(key, b);
      }
      b.count++;
      if (b.count > opts.max) {
        const retryAfter = Math.max(1, Math.ceil((b.start + opts.windowMs - t) / 1000));
        throw new AppError('RATE_LIMITED', `送信が多すぎます。${retryAfter} 秒ほど待ってからやり直してください。`, { headers: { 'retry-after': String(retryAfter) } });
      }
    },
    reset() {
      buckets.clear();
    },
  };
}
