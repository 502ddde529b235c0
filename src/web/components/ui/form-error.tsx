// The error summary at the top of a form (デジタル庁 / GOV.UK pattern): a heading, the server's
// message, and one link per field error that moves focus to the field. It takes focus itself
// each time a submit fails, so keyboard and screen-reader users land on the explanation.
import { useEffect, useRef } from 'react';
import type { FieldError, Problem } from '../../lib/api-client';
import { useT } from '../../i18n/i18n';
import { ErrorIcon } from './icons';

export interface ErrorSummaryItem {
  /** The field's name in the form, when the error belongs to one. */
  field?: string;
  /** Element id to focus when the item is chosen. */
  targetId?: string;
  /** The field's label, prefixed to the message unless the message already names it. */
  label?: string;
  message: string;
}

/** 'メールアドレス: 形式が…' → '形式が…' (the label is already next to the field). */
export function stripLabel(message: string, label?: string): string {
  if (label && message.startsWith(`${label}: `)) return message.slice(label.length + 2);
  return message;
}

export interface MappedProblem {
  /** First message per form field, without the label prefix. */
  byField: Record<string, string>;
  /** Errors that name no field of this form (shown only in the summary). */
  unmatched: FieldError[];
}

/**
 * Assigns a problem's field errors to the form's fields. A nested path ('officeIds.3') goes to
 * its top-level field ('officeIds'); anything else (e.g. '(本文)') is left for the summary.
 */
export function mapProblemToFields(problem: Problem | null | undefined, fields: readonly string[]): MappedProblem {
  const byField: Record<string, string> = {};
  const unmatched: FieldError[] = [];
  for (const error of problem?.errors ?? []) {
    const name = fields.includes(error.field) ? error.field : fields.find((f) => error.field.startsWith(`${f}.`));
    if (name === undefined) unmatched.push(error);
    else byField[name] ??= stripLabel(error.message, error.label);
  }
  return { byField, unmatched };
}

export interface FormErrorSummaryProps {
  problem?: Problem | null;
  items: ErrorSummaryItem[];
  /** Changes on each failed submit; the summary then takes focus. */
  focusKey?: number;
  id?: string;
}

export function FormErrorSummary({ problem, items, focusKey = 0, id }: FormErrorSummaryProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const visible = Boolean(problem) || items.length > 0;

  // The failed submit and the errors it produced may arrive in different renders, so focus
  // once per focusKey, as soon as the summary is on screen.
  const focusedKey = useRef(0);
  useEffect(() => {
    if (focusKey > focusedKey.current && visible && ref.current) {
      focusedKey.current = focusKey;
      ref.current.focus();
    }
  }, [focusKey, visible]);

  if (!visible) return null;
  const titleId = `${id ?? 'form'}-error-summary-title`;
  return (
    <div ref={ref} id={id} className="error-summary" tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        <ErrorIcon className="error-summary__icon" />
        {t('form.errorSummaryTitle')}
      </h2>
      {problem?.detail ? <p className="error-summary__detail">{problem.detail}</p> : null}
      {items.length > 0 ? (
        <ul className="error-summary__list">
          {items.map((item, i) => {
            const text = item.label && !item.message.startsWith(`${item.label}: `) ? `${item.label}: ${item.message}` : item.message;
            return (
              <li key={`${item.field ?? 'form'}-${i}`}>
                {item.targetId ? (
                  <a
                    href={`#${item.targetId}`}
                    onClick={(e) => {
                      const target = document.getElementById(item.targetId!);
                      if (target) {
                        e.preventDefault();
                        target.focus();
                      }
                    }}
                  >
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {problem?.requestId && problem.status >= 500 ? <p className="error-summary__meta">{t('errors.requestId', { id: problem.requestId })}</p> : null}
    </div>
  );
}
