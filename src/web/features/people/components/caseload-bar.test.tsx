// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../../i18n/i18n';
import { CaseloadBar } from './caseload-bar';
import { daysText, hasWeekend } from './labels';

afterEach(cleanup);

const renderBar = (current: number, max: number | null) =>
  render(
    <LocaleProvider initialLocale="ja">
      <CaseloadBar current={current} max={max} />
    </LocaleProvider>,
  ).container;

describe('CaseloadBar', () => {
  it('says the numbers and the free room in words, the bar being decoration', () => {
    const c = renderBar(3, 4);
    expect(c.textContent).toBe('3 / 4 件（空き 1）');
    expect(c.querySelector('.caseload__bar')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('says 空きなし when full, whatever the colour', () => {
    expect(renderBar(4, 4).textContent).toBe('4 / 4 件（空きなし）');
    expect(renderBar(0, 0).textContent).toBe('0 / 0 件（空きなし）');
  });

  it('does not invent a maximum nobody entered', () => {
    expect(renderBar(2, null).textContent).toBe('2 件（上限未登録）');
  });
});

describe('daysText', () => {
  it('lists weekdays, then weekend and holidays, in calendar order', () => {
    expect(daysText(['sat', 'mon', 'tue', 'wed', 'thu', 'fri'])).toBe('月火水木金・土');
    expect(daysText(['holiday', 'sun', 'tue'])).toBe('火・日祝');
    expect(daysText([])).toBe('');
  });

  it('knows when a weekend day is covered', () => {
    expect(hasWeekend(['mon', 'sun'])).toBe(true);
    expect(hasWeekend(['mon', 'holiday'])).toBe(false);
  });
});
