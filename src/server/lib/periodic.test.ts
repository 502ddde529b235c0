import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPeriodic } from './periodic.js';
import type { Logger } from './logger.js';

function fakeLogger() {
  const warnings: string[] = [];
  const logger = { warn: (_o: unknown, msg: string) => warnings.push(msg), info: () => undefined, error: () => undefined, debug: () => undefined } as unknown as Logger;
  return { logger, warnings };
}

describe('startPeriodic', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs after the first delay and then on the interval, never two runs at once', async () => {
    const { logger } = fakeLogger();
    let runs = 0;
    let release: () => void = () => undefined;
    const stop = startPeriodic({ name: 'job', seconds: 10, firstDelayMs: 1_000, logger, run: () => { runs++; return new Promise<void>((r) => (release = r)); } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
    // The first run is still going: the interval's tick is skipped, not queued.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(2);
    release();
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(2);
  });

  it('logs a failed run by name and tries again on the next tick', async () => {
    const { logger, warnings } = fakeLogger();
    let runs = 0;
    const stop = startPeriodic({ name: 'mailer run', seconds: 5, logger, run: async () => { runs++; if (runs === 1) throw new Error('smtp down'); } });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(warnings).toEqual(['mailer run failed; will retry on the next tick']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(2);
    expect(warnings).toHaveLength(1);
    stop();
  });

  it('is off when the interval is 0, and calls onStop when stopped', async () => {
    const { logger } = fakeLogger();
    let runs = 0;
    startPeriodic({ name: 'off', seconds: 0, firstDelayMs: 0, logger, run: async () => void runs++ });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(0);
    const onStop = vi.fn();
    startPeriodic({ name: 'on', seconds: 1, logger, run: async () => undefined, onStop })();
    expect(onStop).toHaveBeenCalledOnce();
  });
});
