// How a figure's cells read: counts with thousands separators, shares as percentages, days,
// yes/no; the suppression marker ("<5") and missing values exactly as they are.
import { isSuppressed, type Cell, type Column } from '../../../../shared/contracts/analytics';
import type { Locale, Translate } from '../../../i18n/i18n';

type Kind = Column['kind'];

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function formatCell(cell: Cell | undefined, kind: Kind, t: Translate, locale: Locale): string {
  if (cell === null || cell === undefined) return t('an.none');
  if (isSuppressed(cell)) return cell;
  if (typeof cell === 'boolean') return cell ? t('an.yes') : t('an.no');
  if (typeof cell === 'string') return cell;
  const nf = (n: number, digits = 0) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: digits });
  switch (kind) {
    case 'share':
      return `${nf(round(cell * 100, 1), 1)}%`;
    case 'ratio':
      return nf(round(cell, 2), 2);
    case 'days':
      return t('an.days', { days: nf(round(cell, 1), 1) });
    case 'number':
      return nf(round(cell, 2), 2);
    default:
      return nf(cell, 2);
  }
}

/** A cell as a chart value: numbers only (a share in percent); suppressed and missing cells are gaps. */
export function chartValue(cell: Cell | undefined, kind: Kind): number | null {
  if (typeof cell !== 'number') return null;
  return kind === 'share' ? round(cell * 100, 1) : round(cell, 2);
}

export const isNumericKind = (kind: Kind) => kind === 'count' || kind === 'number' || kind === 'ratio' || kind === 'share' || kind === 'days';
