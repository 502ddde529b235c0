import { describe, expect, it } from 'vitest';
import { gini, histogram, isSmallCount, median, per100, percentile, ratio, round, suppressCount, topShare } from './analytics-metrics.js';

describe('percentiles', () => {
  it('interpolates between closest ranks like percentile_cont', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91);
    expect(percentile([7], 0.9)).toBe(7);
  });
  it('is null on empty data and rejects p outside [0, 1]', () => {
    expect(median([])).toBeNull();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('gini', () => {
  it('is 0 when every consultant holds the same caseload', () => {
    expect(gini([3, 3, 3, 3])).toBe(0);
  });
  it('approaches 1 when one consultant holds every case', () => {
    expect(gini([0, 0, 0, 4])).toBe(0.75);
    expect(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 10])).toBeCloseTo(0.9);
  });
  it('matches the textbook value on a small mixed example', () => {
    // mean absolute difference / (2 × mean): pairs of [1, 2, 3] differ by 1, 2, 1 → 2·(1+2+1)/(2·9·2) = 2/9
    expect(gini([1, 2, 3])).toBeCloseTo(2 / 9);
  });
  it('is null for an empty region or no cases at all', () => {
    expect(gini([])).toBeNull();
    expect(gini([0, 0])).toBeNull();
  });
});

describe('top-20 % share', () => {
  it('counts the top fifth of holders (at least one)', () => {
    expect(topShare([10, 0, 0, 0, 0])).toBe(1);
    expect(topShare([5, 5, 5, 5, 5])).toBe(0.2);
    expect(topShare([8, 1, 1, 0, 0, 0, 0, 0, 0, 0])).toBe(0.9); // top 2 of 10 hold 9 of 10
    expect(topShare([3])).toBe(1);
  });
  it('is null without cases', () => {
    expect(topShare([])).toBeNull();
    expect(topShare([0, 0, 0])).toBeNull();
  });
});

describe('ratios', () => {
  it('divides demand by supply and gives null without supply', () => {
    expect(ratio(7, 2)).toBe(3.5);
    expect(ratio(7, 0)).toBeNull();
    expect(per100(3, 150)).toBe(2);
    expect(per100(3, 0)).toBeNull();
    expect(round(2 / 3)).toBe(0.667);
    expect(round(null)).toBeNull();
  });
});

describe('suppression at the threshold', () => {
  it('replaces 1…threshold−1 by the marker, keeps 0 and the threshold itself', () => {
    expect(suppressCount(0, 5)).toBe(0);
    expect(suppressCount(1, 5)).toBe('<5');
    expect(suppressCount(4, 5)).toBe('<5');
    expect(suppressCount(5, 5)).toBe(5);
    expect(suppressCount(9, 10)).toBe('<10');
    expect(isSmallCount(4, 5)).toBe(true);
    expect(isSmallCount(0, 5)).toBe(false);
  });
});

describe('histogram', () => {
  it('puts each caseload in exactly one bucket', () => {
    const h = histogram([0, 0, 1, 2, 3, 4, 5, 12, 25]);
    expect(h.map((b) => b.count)).toEqual([2, 1, 1, 2, 1, 1, 1]);
    expect(h.reduce((a, b) => a + b.count, 0)).toBe(9);
    expect(h[6]!.label).toBe('20件以上');
  });
  it('gives empty buckets for an empty region', () => {
    expect(histogram([]).every((b) => b.count === 0)).toBe(true);
  });
});
