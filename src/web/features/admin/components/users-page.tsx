// /admin/users: search and filter accounts, create and edit them, disable/enable, reset 2FA.
import { useState } from 'react';
import { ROLES } from '../../../../shared/contracts/auth';
import { Badge } from '../../../components/ui/badge';
import { type Column } from '../../../components/ui/data-table';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { ListPage, NameCell, pagedTable, RowButton, useListPage } from '../../../components/ui/list-page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useDisableUser } from '../api/disable-user';
import { useEnableUser } from '../api/enable-user';
import { useUsers, type AdminUser, type UserListFilters } from '../api/list-users';
import { useResetTwoFactor } from '../api/reset-two-factor';
import { UserFormDialog } from './user-form-dialog';

export interface UsersPageProps {
  filters: UserListFilters;
  onFiltersChange: (filters: UserListFilters) => void;
}

type Pending = { kind: 'disable' | 'enable' | 'reset2fa'; user: AdminUser } | null;

export function UsersPage({ filters, onFiltersChange }: UsersPageProps) {
  const t = useT();
  const users = useUsers(filters);
  const page = useListPage<AdminUser>();
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const disable = useDisableUser();
  const enable = useEnableUser();
  const reset2fa = useResetTwoFactor();

  const open = (kind: NonNullable<Pending>['kind'], user: AdminUser) => {
    disable.reset();
    enable.reset();
    reset2fa.reset();
    setReason('');
    setPending({ kind, user });
  };

  const columns: Column<AdminUser>[] = [
    {
      key: 'name',
      header: t('users.colNameEmail'),
      isRowHeader: true,
      cell: (u) => (
        <>
          <NameCell name={u.name} sub={u.nameKana} />
          <span className="cell-sub cell-email">{u.email}</span>
        </>
      ),
    },
    { key: 'roles', header: t('users.colRoles'), cell: (u) => u.roles.map((r) => t(`roles.${r}`)).join('、') },
    { key: 'offices', header: t('users.colOffices'), cell: (u) => (u.offices.length ? u.offices.map((o) => o.name).join('、') : '—') },
    {
      key: 'status',
      header: t('users.colStatus'),
      cell: (u) => (
        <div className="badge-stack">
          {u.disabled ? <Badge tone="danger">{t('users.statusDisabled')}</Badge> : <Badge tone="success">{t('users.statusActive')}</Badge>}
          {u.twoFactorEnabled ? <Badge tone="info">{t('users.twoFactorOn')}</Badge> : <Badge tone="neutral">{t('users.twoFactorOff')}</Badge>}
        </div>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (u) => (
        <div className="row-actions">
          <RowButton label={t('users.editLabel', { name: u.name })} onPress={() => page.startEdit(u)}>
            {t('common.edit')}
          </RowButton>
          {u.disabled ? (
            <RowButton label={t('users.enableLabel', { name: u.name })} onPress={() => open('enable', u)}>
              {t('users.enable')}
            </RowButton>
          ) : (
            <RowButton label={t('users.disableLabel', { name: u.name })} onPress={() => open('disable', u)}>
              {t('users.disable')}
            </RowButton>
          )}
          {u.twoFactorEnabled ? (
            <RowButton label={t('users.reset2faLabel', { name: u.name })} onPress={() => open('reset2fa', u)}>
              {t('users.reset2fa')}
            </RowButton>
          ) : null}
        </div>
      ),
    },
  ];

  const confirm = () => {
    if (!pending) return;
    const { kind, user } = pending;
    const done = (message: string) => {
      setPending(null);
      page.setNotice(message);
    };
    if (kind === 'disable') disable.mutate({ id: user.id, reason: reason.trim() || undefined }, { onSuccess: () => done(t('users.disabled', { name: user.name })) });
    if (kind === 'enable') enable.mutate(user.id, { onSuccess: () => done(t('users.enabled', { name: user.name })) });
    if (kind === 'reset2fa') reset2fa.mutate(user.id, { onSuccess: () => done(t('users.reset2faDone', { name: user.name })) });
  };
  const activeMutation = pending?.kind === 'disable' ? disable : pending?.kind === 'enable' ? enable : reset2fa;

  return (
    <ListPage
      title={t('users.title')}
      lead={t('users.intro')}
      create={{ label: t('users.create'), onPress: page.startCreate }}
      filters={{
        label: t('users.filters'),
        initial: filters,
        onApply: (v) => onFiltersChange(v as UserListFilters),
        fields: (v, set) => (
          <>
            <TextField label={t('users.q')} description={t('users.qHint')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
            <SelectField
              label={t('users.role')}
              emptyOption={t('common.all')}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={v.role ?? ''}
              onChange={(e) => set('role', e.currentTarget.value)}
            />
            <SelectField
              label={t('users.status')}
              emptyOption={t('common.all')}
              options={[
                { value: 'false', label: t('users.statusActive') },
                { value: 'true', label: t('users.statusDisabled') },
              ]}
              value={v.disabled ?? ''}
              onChange={(e) => set('disabled', e.currentTarget.value)}
            />
          </>
        ),
      }}
      notice={page.notice}
      table={{ caption: t('users.caption'), columns, rowKey: (u) => u.id, rowClassName: (u) => (u.disabled ? 'is-muted' : undefined), ...pagedTable(users) }}
    >
      <UserFormDialog
        isOpen={page.isEditing}
        onOpenChange={(o) => !o && page.stopEditing()}
        user={page.editingRow}
        onSaved={(u, mode) => page.saved(mode === 'create' ? t('users.created', { name: u.name }) : t('users.updated', { name: u.name }))}
      />
      <ConfirmDialog
        isOpen={pending !== null}
        onOpenChange={(o) => !o && setPending(null)}
        title={pending?.kind === 'disable' ? t('users.disableTitle') : pending?.kind === 'enable' ? t('users.enableTitle') : t('users.reset2faTitle')}
        confirmLabel={pending?.kind === 'disable' ? t('users.disableConfirm') : pending?.kind === 'enable' ? t('users.enableConfirm') : t('users.reset2faConfirm')}
        tone={pending?.kind === 'enable' ? 'primary' : 'danger'}
        isPending={activeMutation.isPending}
        problem={activeMutation.error ? problemOf(activeMutation.error) : null}
        onConfirm={confirm}
      >
        {pending ? (
          <>
            <p>
              {pending.kind === 'disable'
                ? t('users.disableBody', { name: pending.user.name })
                : pending.kind === 'enable'
                  ? t('users.enableBody', { name: pending.user.name })
                  : t('users.reset2faBody', { name: pending.user.name })}
            </p>
            {pending.kind === 'disable' ? (
              <TextAreaField label={t('users.disableReason')} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            ) : null}
          </>
        ) : null}
      </ConfirmDialog>
    </ListPage>
  );
}
