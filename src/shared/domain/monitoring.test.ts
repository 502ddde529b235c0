import { describe, expect, it } from 'vitest';
import { MONITORING_STANDARD_TABLE, monitoringSchedule, nextMonitoringDue } from './monitoring.js';

describe('monitoringSchedule', () => {
  it('is monthly for the first three months of a new plan, then every period', () => {
    const s = monitoringSchedule({ startDate: '2026-04-10', periodMonths: 3, isNewPlan: true, until: '2027-04-30' });
    expect(s.map((d) => d.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-10', '2027-01', '2027-04']);
    expect(s.slice(0, 3).every((d) => d.isInitialMonthly)).toBe(true);
    expect(s[3]!.isInitialMonthly).toBe(false);
  });

  it('follows the period from the start for a continuing plan', () => {
    const s = monitoringSchedule({ startDate: '2026-04-01', periodMonths: 6, isNewPlan: false, until: '2027-12-31' });
    expect(s.map((d) => d.month)).toEqual(['2026-10', '2027-04', '2027-10']);
  });

  it('is simply monthly with a 1-month period', () => {
    const s = monitoringSchedule({ startDate: '2026-11-15', periodMonths: 1, isNewPlan: true, until: '2027-04-01' });
    expect(s.map((d) => d.month)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
  });

  it('gives the last day of the month as the due date, leap years included', () => {
    const s = monitoringSchedule({ startDate: '2028-01-31', periodMonths: 3, isNewPlan: true, until: '2028-03-31' });
    expect(s.map((d) => d.dueBy)).toEqual(['2028-02-29', '2028-03-31']);
  });

  it('rejects a period the city does not use', () => {
    expect(() => monitoringSchedule({ startDate: '2026-04-01', periodMonths: 2 as never, isNewPlan: false, until: '2027-01-01' })).toThrow(RangeError);
  });

  it('keeps the standard table as data with a period for every situation', () => {
    expect(MONITORING_STANDARD_TABLE.length).toBeGreaterThan(3);
    for (const row of MONITORING_STANDARD_TABLE) expect([1, 3, 6]).toContain(row.periodMonths);
  });
});

describe('nextMonitoringDue', () => {
  it('is the first scheduled month after the last report, overdue once its month has passed', () => {
    const base = { startDate: '2026-04-10', periodMonths: 3 as const, isNewPlan: true };
    expect(nextMonitoringDue({ ...base, lastReportDate: null, asOf: '2026-05-20' })).toMatchObject({ month: '2026-05', overdue: false });
    expect(nextMonitoringDue({ ...base, lastReportDate: '2026-05-28', asOf: '2026-07-02' })).toMatchObject({ month: '2026-06', overdue: true });
    expect(nextMonitoringDue({ ...base, lastReportDate: '2026-07-15', asOf: '2026-07-20' })).toMatchObject({ month: '2026-10', dueBy: '2026-10-31', overdue: false });
  });
});
