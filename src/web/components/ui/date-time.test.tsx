// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../i18n/i18n';
import { DateEraProvider, DateTime, EraToggle, formatCalendarDate, formatInstant } from './date-time';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

// 17:24 UTC is 2:24 the next morning in Japan; the display must not depend on the machine's zone.
const INSTANT = '2026-11-25T17:24:05.000Z';

describe('formatInstant / formatCalendarDate', () => {
  it('shows instants in Japan time, 西暦 by default', () => {
    expect(formatInstant(INSTANT)).toBe('2026年11月26日 2:24');
    expect(formatInstant(INSTANT, { era: true })).toBe('令和8年11月26日 2:24');
    expect(formatInstant(INSTANT, { locale: 'en' })).toBe('2026-11-26 02:24');
  });

  it('shows calendar dates without any zone shift', () => {
    expect(formatCalendarDate('2019-05-01')).toBe('2019年5月1日');
    expect(formatCalendarDate('2019-05-01', { era: true })).toBe('令和元年5月1日');
  });
});

describe('DateTime with the 和暦 switch', () => {
  function renderIt(locale: 'ja' | 'en' = 'ja') {
    return render(
      <LocaleProvider initialLocale={locale}>
        <DateEraProvider>
          <EraToggle />
          <p data-testid="when">
            <DateTime value={INSTANT} />
          </p>
        </DateEraProvider>
      </LocaleProvider>,
    );
  }

  it('shows 西暦 with 和暦 in the tooltip, and switches on demand', () => {
    renderIt();
    const time = screen.getByTestId('when').querySelector('time')!;
    expect(time.textContent).toBe('2026年11月26日 2:24');
    expect(time.getAttribute('dateTime')).toBe(INSTANT);
    expect(time.getAttribute('title')).toBe('令和8年11月26日 2:24');

    const toggle = screen.getByRole('checkbox', { name: '和暦で表示' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    expect(screen.getByTestId('when').textContent).toBe('令和8年11月26日 2:24');
    expect(screen.getByTestId('when').querySelector('time')!.getAttribute('title')).toBe('2026年11月26日 2:24');
  });

  it('remembers the choice for the next visit', () => {
    renderIt();
    fireEvent.click(screen.getByRole('checkbox', { name: '和暦で表示' }));
    cleanup();
    renderIt();
    expect(screen.getByTestId('when').textContent).toBe('令和8年11月26日 2:24');
  });

  it('shows a dash for a missing value', () => {
    render(
      <LocaleProvider initialLocale="ja">
        <DateEraProvider>
          <DateTime value={null} />
        </DateEraProvider>
      </LocaleProvider>,
    );
    expect(screen.getByText('—')).toBeTruthy();
  });
});
