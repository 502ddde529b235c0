// /cases/$caseId: one referral request. Managers (the creator, coordinators) see everything,
// match and send offers; a candidate sees only what the guardian consented to share and answers
// the offer; the assigned consultant sees the full case and can ask for coordinator backup.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Alert, SuccessNotice } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useMe, type Me } from '../../auth';
import { useCase } from '../api/get-case';
import type { ReferralCase } from '../api/types';
import { BackupPanel } from './backup-panel';
import { CandidatesSection } from './candidates-section';
import { CaseActions } from './case-actions';
import { CaseFacts } from './case-facts';
import { consentMethodLabel, shareableItemLabel } from './labels';
import { MyOfferPanel } from './my-offer-panel';
import { MyServiceOffersPanel } from './my-service-offers-panel';
import { OffersSection } from './offers-section';
import { ServiceCandidatesSection } from './service-candidates-section';
import { ServiceOffersSection } from './service-offers-section';
import { CaseStatusBadge } from './status-badges';

/** Mirrors the server's canManageCase (referrals-access.ts); the server decides regardless. */
const canManage = (me: Me, c: ReferralCase) => c.view === 'full' && (c.createdBy?.id === me.id || me.roles.includes('coordinator'));

export function CasePage({ caseId }: { caseId: string }) {
  const t = useT();
  const me = useMe();
  const kase = useCase(caseId);
  const [notice, setNotice] = useState<string | null>(null);
  const title = kase.data ? caseTitle(t, kase.data) : t('cases.caseTitle');
  useDocumentTitle(title);

  if (kase.isPending) return <LoadingState />;
  if (kase.error) return <ErrorState error={kase.error} onRetry={() => void kase.refetch()} />;
  const c = kase.data;
  const manager = canManage(me, c);
  const isAssigned = c.assignedConsultant?.id === me.id;

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.backToDashboard')}</Link>
      </p>
      <PageHeader title={title} badge={<CaseStatusBadge status={c.status} />} actions={<EraToggle />} />
      <SuccessNotice message={notice} />
      {c.view === 'limited' && !c.myServiceOffers?.length ? (
        <Alert tone="info" role="none" title={t('cases.limitedTitle')}>
          <p>{t('cases.limitedBody')}</p>
        </Alert>
      ) : null}
      {c.assignedConsultant ? (
        <Alert tone="success" role="none">
          <p>
            {t('cases.assignedTo', { name: c.assignedConsultant.name })} (<DateTime value={c.assignedConsultant.assignedAt} />)
          </p>
        </Alert>
      ) : null}

      {c.closed ? (
        <Alert tone="info" role="none">
          <p>
            {t('cases.closedInfo', { reason: c.closed.reason })}
            {c.closed.at ? (
              <>
                {' '}
                (<DateTime value={c.closed.at} />)
              </>
            ) : null}
          </p>
        </Alert>
      ) : null}

      {c.myOffer ? <MyOfferPanel c={c} onDone={setNotice} /> : null}
      {c.myServiceOffers?.length ? <MyServiceOffersPanel c={c} onDone={setNotice} /> : null}

      <Section title={t('cases.facts')} id="facts">
        <CaseFacts c={c} />
      </Section>

      {c.identity ? (
        <section className="section identity-box" aria-labelledby="identity-heading">
          <h2 id="identity-heading" className="section__title">
            {t('intake.sectionIdentity')} <Badge tone="warning">{t('intake.hiddenFromCandidates')}</Badge>
          </h2>
          <dl className="summary-list">
            <div>
              <dt>{t('intake.name')}</dt>
              <dd>
                {c.identity.name}
                {c.identity.nameKana ? `（${c.identity.nameKana}）` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('intake.birthDate')}</dt>
              <dd>
                <DateTime value={c.identity.birthDate} />
              </dd>
            </div>
            <div>
              <dt>{t('intake.address')}</dt>
              <dd>{c.identity.address || '—'}</dd>
            </div>
            <div>
              <dt>{t('intake.guardianName')}</dt>
              <dd>{c.identity.guardianName || '—'}</dd>
            </div>
            <div>
              <dt>{t('intake.guardianContact')}</dt>
              <dd>{c.identity.guardianContact || '—'}</dd>
            </div>
          </dl>
        </section>
      ) : null}

      {c.consent ? (
        <Section title={t('intake.sectionConsent')} id="consent">
          <dl className="summary-list">
            <div>
              <dt>{t('intake.consentDate')}</dt>
              <dd>
                <DateTime value={c.consent.obtainedOn} />（{consentMethodLabel(c.consent.method)}・{c.consent.givenBy}）
              </dd>
            </div>
            <div>
              <dt>{t('intake.consentShareWith')}</dt>
              <dd>{c.consent.shareWith.map((s) => t(`intake.shareWith.${s}`)).join('、') || t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('intake.consentItems')}</dt>
              <dd>{c.consent.items.map(shareableItemLabel).join('、') || t('common.none')}</dd>
            </div>
            {c.consent.note ? (
              <div>
                <dt>{t('intake.consentNote')}</dt>
                <dd className="pre-wrap">{c.consent.note}</dd>
              </div>
            ) : null}
          </dl>
          {!c.consent.shareWith.includes('consultant_candidates') ? (
            <Alert tone="warning" role="none">
              <p>{t('cases.noConsentToOffer')}</p>
            </Alert>
          ) : null}
        </Section>
      ) : null}

      {manager && c.status === 'open' ? <CandidatesSection caseId={c.id} canOffer={Boolean(c.consent?.shareWith.includes('consultant_candidates'))} onSent={(names) => setNotice(t('cases.sent', { names: names.join('、') }))} /> : null}
      {manager && c.status !== 'closed' && (c.servicesWanted?.length ?? 0) > 0 ? (
        <ServiceCandidatesSection caseId={c.id} canRequest={Boolean(c.consent?.shareWith.includes('service_providers'))} onSent={setNotice} />
      ) : null}
      {c.view === 'full' ? <ServiceOffersSection caseId={c.id} canWithdraw={manager} canComplete={manager || isAssigned} onDone={setNotice} /> : null}
      {c.view === 'full' ? <OffersSection caseId={c.id} canWithdraw={manager} meId={me.id} onDone={setNotice} /> : null}
      {c.view === 'full' && (c.status === 'assigned' || (c.backups?.length ?? 0) > 0) ? <BackupPanel c={c} me={me} canRequest={manager || isAssigned} onDone={setNotice} /> : null}
      {manager && c.status !== 'closed' ? <CaseActions c={c} onDone={setNotice} /> : null}
    </div>
  );
}

function caseTitle(t: ReturnType<typeof useT>, c: ReferralCase): string {
  const parts = [c.municipalityName, c.ageYears !== undefined ? t('cases.ageYears', { age: c.ageYears }) : c.ageBand].filter(Boolean);
  return parts.length ? t('cases.caseTitleWith', { what: parts.join('・') }) : t('cases.caseTitle');
}
