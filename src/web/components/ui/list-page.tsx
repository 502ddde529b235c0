// The scaffold of a list page (the admin lists and any like them): one h1 with a "new" button,
// an optional filter bar, the success notice of the last change, the table, and the page's
// dialogs. `ListSection` is the same inside a page or tab: an h2 with a "new" button over a table. `useListPage` holds the state they share: which row the edit dialog shows and the
// notice; `pagedTable` feeds an infinite query into the table.
import { useState, type ReactNode } from 'react';
import type { InfiniteData, UseInfiniteQueryResult, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useT } from '../../i18n/i18n';
import type { Page } from '../../lib/api-client';
import { allItems, totalOf } from '../../lib/paging';
import { SuccessNotice } from './alert';
import { Button } from './button';
import { DataTable, type DataTableProps } from './data-table';
import { ConfirmMutationDialog } from './dialog';
import { FilterBar, type FilterBarProps } from './filter-bar';
import { PageHeader, Section, useDocumentTitle } from './page';

export interface ListPageProps<T> {
  /** The h1 and the document title. */
  title: string;
  lead?: ReactNode;
  /** The header's "new" button; absent for a list without one. */
  create?: { label: string; onPress: () => void };
  filters?: FilterBarProps;
  /** What the last change did (作成しました…), announced politely. */
  notice?: string | null;
  /** Between the notice and the table (e.g. the era toggle). */
  beforeTable?: ReactNode;
  table: DataTableProps<T>;
  /** The page's dialogs: the edit form, confirmations. */
  children?: ReactNode;
}

export function ListPage<T>({ title, lead, create, filters, notice, beforeTable, table, children }: ListPageProps<T>) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <PageHeader title={title} lead={lead} actions={create ? <Button onClick={create.onPress}>{create.label}</Button> : undefined} />
      {filters ? <FilterBar {...filters} /> : null}
      <SuccessNotice message={notice} />
      {beforeTable}
      <DataTable {...table} />
      {children}
    </div>
  );
}

export interface ListSectionProps<T> {
  title: ReactNode;
  /** The section's id (a link target, e.g. #inbox). */
  id?: string;
  /** The section's "new" button; absent (or null) where the user may not add. */
  create?: { label: string; onPress: () => void } | null;
  /** A hint between the heading and the table. */
  intro?: ReactNode;
  table: DataTableProps<T>;
}

/** A section of a page or tab that lists one kind of record: h2, "new" button, hint, table. */
export function ListSection<T>({ title, id, create, intro, table }: ListSectionProps<T>) {
  return (
    <Section
      title={title}
      id={id}
      actions={
        create ? (
          <Button variant="secondary" size="sm" onClick={create.onPress}>
            {create.label}
          </Button>
        ) : null
      }
    >
      {intro ? <p className="field__hint">{intro}</p> : null}
      <DataTable {...table} />
    </Section>
  );
}

/**
 * The state of a list page: the row in the edit dialog (null row = a new one), the row asked
 * about in the delete dialog, and the notice.
 */
export function useListPage<T>() {
  const [editing, setEditing] = useState<{ row: T | null } | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    isEditing: editing !== null,
    /** The row being edited; null while creating or closed. */
    editingRow: editing?.row ?? null,
    /** Opens the dialog empty; the old notice goes, so it cannot be read as this one's. */
    startCreate: () => {
      setNotice(null);
      setEditing({ row: null });
    },
    startEdit: (row: T) => setEditing({ row }),
    stopEditing: () => setEditing(null),
    notice,
    setNotice,
    /** A save finished: close the dialog and say what happened. */
    saved: (message: string) => {
      setEditing(null);
      setNotice(message);
    },
    /** The row the delete dialog asks about; null while it is closed. */
    deleting,
    startDelete: (row: T) => setDeleting(row),
    stopDeleting: () => setDeleting(null),
    /** A delete finished: close the dialog and say what happened. */
    deleted: (message: string) => {
      setDeleting(null);
      setNotice(message);
    },
  };
}

/** DataTable props of a cursor-paged infinite query ("さらに読み込む"). */
export function pagedTable<T>(query: UseInfiniteQueryResult<InfiniteData<Page<T>, unknown>, Error>) {
  return {
    rows: allItems(query.data),
    total: totalOf(query.data),
    isLoading: query.isPending,
    error: query.error,
    onRetry: () => void query.refetch(),
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    onLoadMore: () => void query.fetchNextPage(),
  };
}

/** DataTable props of a query that answers the whole list at once (with its count, if it says one). */
export function wholeTable<T>(query: UseQueryResult<{ items: T[]; total?: number }, Error>) {
  return {
    rows: query.data?.items ?? [],
    total: query.data?.total,
    isLoading: query.isPending,
    error: query.error,
    onRetry: () => void query.refetch(),
  };
}

/** A row's name with its reading (or e-mail) under it, for the row-header cell. */
export function NameCell({ name, sub }: { name: ReactNode; sub?: ReactNode }) {
  return (
    <>
      <span className="cell-title">{name}</span>
      {sub ? <span className="cell-sub">{sub}</span> : null}
    </>
  );
}

/** A small secondary button in a row's 操作 cell; `label` names the row for screen readers. */
export function RowButton({ label, onPress, children }: { label: string; onPress: () => void; children: ReactNode }) {
  return (
    <Button variant="secondary" size="sm" aria-label={label} onClick={onPress}>
      {children}
    </Button>
  );
}

/** 編集 and 削除 for a row; the labels name the row for screen readers. */
export function EditDeleteButtons({ editLabel, deleteLabel, onEdit, onDelete }: { editLabel: string; deleteLabel: string; onEdit: () => void; onDelete: () => void }) {
  const t = useT();
  return (
    <div className="row-actions">
      <RowButton label={editLabel} onPress={onEdit}>
        {t('common.edit')}
      </RowButton>
      <RowButton label={deleteLabel} onPress={onDelete}>
        {t('common.delete')}
      </RowButton>
    </div>
  );
}

export interface DeleteRowDialogProps<T extends { id: string; name: string }> {
  /** The row to delete; null while closed. */
  row: T | null;
  onClose: () => void;
  remove: UseMutationResult<void, Error, string>;
  title: string;
  body: (name: string) => string;
  onDeleted: (name: string) => void;
}

/** "Delete X?" for a row; the server's refusal (e.g. still in use) shows inside the dialog. */
export function DeleteRowDialog<T extends { id: string; name: string }>({ row, onClose, remove, title, body, onDeleted }: DeleteRowDialogProps<T>) {
  const t = useT();
  return (
    <ConfirmMutationDialog subject={row} onClose={onClose} title={title} confirmLabel={t('common.delete')} mutation={remove} variables={(r) => r.id} onDone={(_, r) => onDeleted(r.name)}>
      {(r) => <p>{body(r.name)}</p>}
    </ConfirmMutationDialog>
  );
}
