// A figure's rows as a real table: the first label column names the row (<th scope="row">),
// numbers are right-aligned, suppressed cells read "<5", and rows the council should discuss
// first are marked in words as well as by style.
import type { ReactNode } from 'react';
import type { Figure } from '../../../../shared/contracts/analytics';
import { Badge } from '../../../components/ui/badge';
import { useLocale } from '../../../i18n/i18n';
import { formatCell, isNumericKind } from './format';

/** The columns worth showing: codes are left to the CSV when a label column names the row. */
export function visibleColumns(figure: Pick<Figure, 'columns'>) {
  const hasLabel = figure.columns.some((c) => c.kind === 'label');
  return figure.columns.filter((c) => !(hasLabel && c.kind === 'code'));
}

export interface FigureTableProps {
  figure: Figure;
  caption: string;
  /** An action per row (drill-down to persons); the column appears only when given. */
  rowAction?: (row: Figure['rows'][number]) => ReactNode;
  rowActionLabel?: string;
}

export function FigureTable({ figure, caption, rowAction, rowActionLabel }: FigureTableProps) {
  const { t, locale } = useLocale();
  const columns = visibleColumns(figure);
  const headerIndex = Math.max(0, columns.findIndex((c) => c.kind === 'label' || c.kind === 'code'));
  const highlighted = new Set(figure.highlight);
  return (
    <div className="table-scroll an-table" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table--compact">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={isNumericKind(c.kind) ? 'cell-number' : undefined}>
                {c.label}
              </th>
            ))}
            {rowAction ? (
              <th scope="col" className="no-print">
                {rowActionLabel}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {figure.rows.map((row, i) => (
            <tr key={i} className={highlighted.has(i) ? 'an-row--highlight' : undefined}>
              {columns.map((c, ci) => {
                const text = formatCell(row[c.key], c.kind, t, locale);
                const content =
                  ci === headerIndex && highlighted.has(i) ? (
                    <>
                      {text} <Badge tone="danger">{t('an.gap.discussFirst')}</Badge>
                    </>
                  ) : (
                    text
                  );
                return ci === headerIndex ? (
                  <th key={c.key} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={c.key} className={isNumericKind(c.kind) ? 'cell-number' : undefined}>
                    {content}
                  </td>
                );
              })}
              {rowAction ? <td className="no-print">{rowAction(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
