// Tables with a caption, column and row headers (scope), horizontal scrolling on narrow screens
// (the scroll container is focusable so keyboard users can scroll it), and server-side paging
// with "さらに読み込む".
import { Fragment, useId, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { Button } from './button';
import { ErrorState, LoadingState } from './query-state';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Rendered as <th scope="row">: the cell that names the row (氏名, 事業所名…). */
  isRowHeader?: boolean;
  className?: string;
}

export interface DataTableProps<T> {
  caption: ReactNode;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  total?: number;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  emptyMessage?: ReactNode;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  onLoadMore?: () => void;
  /** Extra full-width row under a row (e.g. expanded details); null for none. */
  renderExpanded?: (row: T) => ReactNode | null;
  /** Marks a row visually (e.g. disabled accounts). */
  rowClassName?: (row: T) => string | undefined;
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  total,
  isLoading,
  error,
  onRetry,
  emptyMessage,
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
  renderExpanded,
  rowClassName,
}: DataTableProps<T>) {
  const t = useT();
  const captionId = useId();

  if (error && rows.length === 0) return <ErrorState error={error} onRetry={onRetry} />;

  return (
    <div className="data-table">
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table">
          <caption id={captionId} className="table__caption">
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const key = rowKey(row);
              const expanded = renderExpanded?.(row) ?? null;
              return (
                <Fragment key={key}>
                  <tr className={rowClassName?.(row)}>
                    {columns.map((c) =>
                      c.isRowHeader ? (
                        <th key={c.key} scope="row" className={c.className}>
                          {c.cell(row)}
                        </th>
                      ) : (
                        <td key={c.key} className={c.className}>
                          {c.cell(row)}
                        </td>
                      ),
                    )}
                  </tr>
                  {expanded !== null ? (
                    <tr className="table__expanded">
                      <td colSpan={columns.length}>{expanded}</td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {isLoading ? <LoadingState /> : null}
      {!isLoading && rows.length === 0 && !error ? <p className="data-table__empty">{emptyMessage ?? t('common.empty')}</p> : null}
      {error && rows.length > 0 ? <ErrorState error={error} onRetry={onRetry} /> : null}
      <div className="data-table__footer">
        {total !== undefined && !isLoading ? (
          <p className="data-table__count" role="status">
            {t('common.showing', { total, shown: rows.length })}
          </p>
        ) : null}
        {hasNextPage && onLoadMore ? (
          <Button variant="secondary" onClick={onLoadMore} isPending={isFetchingNextPage} pendingText={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
