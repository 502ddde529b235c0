// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../lib/api-client';
import { LocaleProvider } from '../../i18n/i18n';
import { FormErrorSummary, mapProblemToFields, stripLabel } from './form-error';

afterEach(cleanup);

const problem: Problem = {
  type: 'urn:tsunagu:problem:validation-failed',
  title: '入力内容に誤りがあります。',
  status: 400,
  detail: '入力内容に誤りがあります（メールアドレス、役割）。',
  code: 'VALIDATION_FAILED',
  errors: [
    { field: 'email', label: 'メールアドレス', message: 'メールアドレス: メールアドレスの形式が正しくありません' },
    { field: 'roles', label: '役割', message: '役割: 1つ以上選んでください' },
    { field: 'officeIds.2', label: '所属事業所', message: '所属事業所: 事業所が見つかりません' },
    { field: '(本文)', message: 'リクエスト本文が空です' },
  ],
};

describe('mapProblemToFields', () => {
  it('puts each field error next to its field, without the label the field already shows', () => {
    const { byField } = mapProblemToFields(problem, ['email', 'name', 'roles', 'officeIds']);
    expect(byField).toEqual({
      email: 'メールアドレスの形式が正しくありません',
      roles: '1つ以上選んでください',
      officeIds: '事業所が見つかりません',
    });
  });

  it('keeps errors that name no field of the form for the summary', () => {
    const { unmatched } = mapProblemToFields(problem, ['email', 'roles', 'officeIds']);
    expect(unmatched.map((e) => e.field)).toEqual(['(本文)']);
  });

  it('keeps only the first message when a field has several', () => {
    const twice: Problem = { ...problem, errors: [problem.errors![0]!, { field: 'email', label: 'メールアドレス', message: 'メールアドレス: 254文字以内' }] };
    expect(mapProblemToFields(twice, ['email']).byField.email).toBe('メールアドレスの形式が正しくありません');
  });

  it('returns nothing for no problem', () => {
    expect(mapProblemToFields(null, ['email'])).toEqual({ byField: {}, unmatched: [] });
  });

  it('strips a label prefix only when it is the field’s own label', () => {
    expect(stripLabel('氏名: 入力してください', '氏名')).toBe('入力してください');
    expect(stripLabel('氏名: 入力してください', 'パスワード')).toBe('氏名: 入力してください');
    expect(stripLabel('入力してください')).toBe('入力してください');
  });
});

describe('FormErrorSummary', () => {
  function renderSummary(focusKey = 0) {
    return render(
      <LocaleProvider initialLocale="ja">
        <input id="f-email" aria-label="メールアドレス" />
        <FormErrorSummary
          id="f-errors"
          problem={problem}
          focusKey={focusKey}
          items={[
            { field: 'email', label: 'メールアドレス', message: 'メールアドレスの形式が正しくありません', targetId: 'f-email' },
            { label: undefined, message: 'リクエスト本文が空です' },
          ]}
        />
      </LocaleProvider>,
    );
  }

  it('shows the server’s detail and links each field error to its field', () => {
    renderSummary();
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading', { name: /入力内容を確認してください/ })).toBeTruthy();
    expect(within(summary).getByText(problem.detail)).toBeTruthy();
    const link = within(summary).getByRole('link', { name: 'メールアドレス: メールアドレスの形式が正しくありません' });
    expect(link.getAttribute('href')).toBe('#f-email');
    // An error without a field is listed as text, not as a link.
    expect(within(summary).getByText('リクエスト本文が空です').tagName).toBe('LI');
  });

  it('moves focus to the field when a link is followed', () => {
    renderSummary();
    screen.getByRole('link', { name: /メールアドレス:/ }).click();
    expect(document.activeElement?.id).toBe('f-email');
  });

  it('takes focus after a failed submit', () => {
    renderSummary(1);
    expect(document.activeElement?.id).toBe('f-errors');
  });

  it('renders nothing when there is nothing to say', () => {
    const { container } = render(
      <LocaleProvider initialLocale="ja">
        <FormErrorSummary problem={null} items={[]} />
      </LocaleProvider>,
    );
    expect(container.innerHTML).toBe('');
  });
});
