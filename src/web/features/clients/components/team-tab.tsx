// チームと同意: who is on the support team and what each may see; the guardian's consents
// (record, revoke after confirmation); and the provision records (第三者提供の記録, APPI),
// which are kept and can never be deleted.
import { useState } from 'react';
import { CONSENT_METHOD_LABELS } from '../../../../shared/contracts/clients';
import { CONSENT_SCOPE_INFO } from '../../../../shared/domain/consent-scopes';
import { SuccessNotice } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import type { Column } from '../../../components/ui/data-table';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmMutationDialog } from '../../../components/ui/dialog';
import { ListSection, wholeTable } from '../../../components/ui/list-page';
import { useT } from '../../../i18n/i18n';
import { canManageClient, useClient } from '../api/get-client';
import { useConsents, type Consent } from '../api/list-consents';
import { useProvisions, type Provision } from '../api/list-provisions';
import { useTeam, type TeamMember } from '../api/list-team';
import { useRemoveTeamMember } from '../api/remove-team-member';
import { AddMemberDialog } from './add-member-dialog';
import { ConsentDialog } from './consent-dialog';
import { RevokeConsentDialog } from './revoke-consent-dialog';

const scopeLabels = (scopes: readonly string[]) => scopes.map((s) => CONSENT_SCOPE_INFO.find((i) => i.code === s)?.label ?? s).join('・');

export function TeamTab({ clientId }: { clientId: string }) {
  const t = useT();
  const { data: c } = useClient(clientId);
  const team = useTeam(clientId);
  const consents = useConsents(clientId);
  const provisions = useProvisions(clientId);
  const remove = useRemoveTeamMember(clientId);
  const [dialog, setDialog] = useState<'member' | 'consent' | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!c) return null;
  const manage = canManageClient(c);
  const memberName = (m: TeamMember) => [m.userName, m.officeName].filter(Boolean).join('（') + (m.userName && m.officeName ? '）' : '');

  const memberColumns: Column<TeamMember>[] = [
    { key: 'name', header: t('clients.team.colMember'), isRowHeader: true, cell: (m) => memberName(m) },
    {
      key: 'role',
      header: t('clients.team.colRole'),
      cell: (m) => (
        <>
          {m.roleLabel}
          {m.roleNote ? <span className="cell-sub">{m.roleNote}</span> : null}
        </>
      ),
    },
    { key: 'scopes', header: t('clients.team.colScopes'), cell: (m) => (m.scopes.length ? scopeLabels(m.scopes) : <Badge tone="warning">{t('clients.team.noConsent')}</Badge>) },
    { key: 'since', header: t('clients.team.colSince'), cell: (m) => <DateTime value={m.since} />, className: 'nowrap' },
    ...(manage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (m: TeamMember) => (
              <Button
                variant="secondary"
                size="sm"
                aria-label={t('clients.team.removeLabel', { name: memberName(m) })}
                onClick={() => {
                  remove.reset();
                  setRemoving(m);
                }}
              >
                {t('common.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const consentColumns: Column<Consent>[] = [
    { key: 'recipient', header: t('clients.consent.colRecipient'), isRowHeader: true, cell: (k) => k.recipientName || '—' },
    { key: 'scopes', header: t('clients.consent.colScopes'), cell: (k) => scopeLabels(k.scopes) },
    {
      key: 'given',
      header: t('clients.consent.colGiven'),
      cell: (k) => (
        <>
          {k.givenBy}（{k.givenByRelation}）
          <span className="cell-sub">
            <DateTime value={k.consentedOn} />・{CONSENT_METHOD_LABELS[k.method]}
          </span>
        </>
      ),
    },
    { key: 'document', header: t('clients.consent.colDocument'), cell: (k) => k.document || '—' },
    { key: 'expires', header: t('clients.consent.colExpires'), cell: (k) => <DateTime value={k.expiresOn} />, className: 'nowrap' },
    {
      key: 'status',
      header: t('clients.consent.colStatus'),
      cell: (k) =>
        k.active ? (
          <Badge tone="success">{t('clients.consent.active')}</Badge>
        ) : (
          <>
            <Badge tone="neutral">{k.revokedAt ? t('clients.consent.revoked') : t('clients.consent.expired')}</Badge>
            {k.revokeReason ? <span className="cell-sub">{k.revokeReason}</span> : null}
          </>
        ),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (k: Consent) =>
              k.active ? (
                <Button variant="secondary" size="sm" aria-label={t('clients.consent.revokeLabel', { name: k.recipientName })} onClick={() => setRevoking(k)}>
                  {t('clients.consent.revoke')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const provisionColumns: Column<Provision>[] = [
    { key: 'at', header: t('clients.provision.colAt'), isRowHeader: true, cell: (p) => <DateTime value={p.at} />, className: 'nowrap' },
    { key: 'recipient', header: t('clients.provision.colRecipient'), cell: (p) => p.recipientName },
    { key: 'kind', header: t('clients.provision.colKind'), cell: (p) => t(`clients.provision.kind.${p.kind}`) },
    { key: 'items', header: t('clients.provision.colItems'), cell: (p) => [scopeLabels(p.scopes), ...p.items].filter(Boolean).join('／') },
    { key: 'by', header: t('clients.provision.colBy'), cell: (p) => p.byName },
    { key: 'retain', header: t('clients.provision.colRetain'), cell: (p) => <DateTime value={p.retainUntil} />, className: 'nowrap' },
  ];

  return (
    <>
      <SuccessNotice message={notice} />
      <ListSection
        title={t('clients.team.title')}
        create={manage ? { label: t('clients.team.add'), onPress: () => setDialog('member') } : null}
        table={{ caption: t('clients.team.caption'), columns: memberColumns, rowKey: (m) => m.id, ...wholeTable(team) }}
      />
      <ListSection
        title={t('clients.consent.title')}
        create={manage ? { label: t('clients.consent.add'), onPress: () => setDialog('consent') } : null}
        intro={t('clients.consent.intro')}
        table={{ caption: t('clients.consent.caption'), columns: consentColumns, rowKey: (k) => k.id, ...wholeTable(consents) }}
      />
      <ListSection
        title={t('clients.provision.title')}
        intro={t('clients.provision.intro')}
        table={{ caption: t('clients.provision.caption'), columns: provisionColumns, rowKey: (p) => p.id, ...wholeTable(provisions), emptyMessage: t('clients.provision.empty') }}
      />
      {dialog === 'member' ? (
        <AddMemberDialog
          clientId={clientId}
          onClose={() => setDialog(null)}
          onSaved={(m) => {
            setDialog(null);
            setNotice(t('clients.team.added', { name: memberName(m) }));
          }}
        />
      ) : null}
      {dialog === 'consent' ? (
        <ConsentDialog
          clientId={clientId}
          onClose={() => setDialog(null)}
          onSaved={(k) => {
            setDialog(null);
            setNotice(t('clients.consent.recorded', { name: k.recipientName }));
          }}
        />
      ) : null}
      {revoking ? (
        <RevokeConsentDialog
          clientId={clientId}
          consent={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(k) => {
            setRevoking(null);
            setNotice(t('clients.consent.revokedNotice', { name: k.recipientName }));
          }}
        />
      ) : null}
      <ConfirmMutationDialog
        subject={removing}
        onClose={() => setRemoving(null)}
        title={t('clients.team.removeTitle')}
        confirmLabel={t('common.remove')}
        mutation={remove}
        variables={(m) => m.id}
        onDone={(_, m) => setNotice(t('clients.team.removed', { name: memberName(m) }))}
      >
        {(m) => <p>{t('clients.team.removeBody', { name: memberName(m) })}</p>}
      </ConfirmMutationDialog>
    </>
  );
}
