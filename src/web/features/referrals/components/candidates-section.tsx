// Matching: candidates ranked with their score and the reasons in words; pick one or several,
// optionally with a coordinator behind each, and send the offer (the first to accept wins).
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { Checkbox, SelectField, TextAreaField } from '../../../components/ui/fields';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { CaseloadBar, useCoordinators } from '../../people';
import { useCreateOffers } from '../api/create-offers';
import { useCandidates } from '../api/get-candidates';
import type { Candidate } from '../api/types';
import { formatPoints, MatchReasons } from './match-reasons';
import { OfferStatusBadge } from './status-badges';

const LIVE = ['draft', 'sent', 'viewed', 'accepted', 'completed'];

export function CandidatesSection({ caseId, canOffer, onSent }: { caseId: string; canOffer: boolean; onSent: (names: string[]) => void }) {
  const t = useT();
  const [includeIneligible, setIncludeIneligible] = useState(false);
  const candidates = useCandidates(caseId, includeIneligible);
  const coordinators = useCoordinators();
  const [selected, setSelected] = useState<Map<string, string | null>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const create = useCreateOffers();

  const list = candidates.data?.consultants ?? [];
  const chosen = list.filter((c) => selected.has(c.userId));
  const coordinatorOptions = (coordinators.data?.items ?? []).filter((p) => p.backupAvailable).map((p) => ({ value: p.userId, label: p.name }));

  const toggle = (c: Candidate, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(c.userId, c.backupCoordinator?.userId ?? null);
    else next.delete(c.userId);
    setSelected(next);
  };

  const send = () =>
    create.mutate(
      { caseId, input: { candidates: chosen.map((c) => ({ userId: c.userId, backupCoordinatorId: selected.get(c.userId) ?? null })), message, send: true } },
      {
        onSuccess: () => {
          const names = chosen.map((c) => c.name);
          setConfirming(false);
          setSelected(new Map());
          setMessage('');
          onSent(names);
        },
      },
    );

  return (
    <Section
      title={t('cases.candidates')}
      id="candidates"
      actions={<Checkbox label={t('cases.includeIneligible')} checked={includeIneligible} onChange={(e) => setIncludeIneligible(e.currentTarget.checked)} />}
    >
      <p className="field__hint">{t('cases.candidatesHint', { average: formatPoints(candidates.data?.regionAverageCaseload ?? 0) })}</p>
      {candidates.isPending ? <LoadingState /> : null}
      {candidates.error ? <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} /> : null}
      {candidates.data && list.length === 0 ? <p className="muted">{t('cases.noCandidates')}</p> : null}
      <ol className="candidate-list">
        {list.map((c) => {
          const isLive = c.existingOffer ? LIVE.includes(c.existingOffer.status) : false;
          const isChosen = selected.has(c.userId);
          return (
            <li key={c.userId} className={['candidate', c.eligible ? '' : 'candidate--ineligible', isChosen ? 'is-selected' : ''].filter(Boolean).join(' ')}>
              <div className="candidate__header">
                <h3 className="candidate__title">
                  <span className="candidate__rank">{t('cases.rank', { rank: c.rank })}</span>{' '}
                  <Link to="/people/$userId" params={{ userId: c.userId }}>
                    {c.name}
                  </Link>
                </h3>
                <p className="candidate__score">
                  <span className="visually-hidden">{t('cases.scoreLabel')}</span>
                  <strong>{formatPoints(c.score)}</strong>
                  <span className="candidate__score-max">{t('cases.scoreMax')}</span>
                </p>
              </div>
              <div className="badge-stack">
                {!c.eligible ? <Badge tone="neutral">{t('cases.ineligible')}</Badge> : null}
                {c.acceptsMedicalCare === 'with_backup' ? <Badge tone="info">{t('cases.withBackup')}</Badge> : null}
                {c.existingOffer ? (
                  <>
                    <span className="visually-hidden">{t('cases.existingOffer')}</span>
                    <OfferStatusBadge status={c.existingOffer.status} />
                  </>
                ) : null}
              </div>
              <p className="cell-sub">
                {c.offices.join('、')} ・ <CaseloadBar current={c.currentCaseload} max={c.maxCaseload} />
              </p>
              <MatchReasons reasons={c.reasons} />
              {c.backupCoordinator ? <p className="candidate__backup">{t('cases.proposedBackup', { name: c.backupCoordinator.name })}</p> : null}
              {canOffer && c.eligible && !isLive ? (
                <div className="candidate__actions">
                  <Checkbox label={t('cases.chooseCandidate', { name: c.name })} checked={isChosen} onChange={(e) => toggle(c, e.currentTarget.checked)} />
                  {isChosen && !c.backupCoordinator ? (
                    <SelectField
                      label={t('cases.backupOptional', { name: c.name })}
                      emptyOption={t('cases.noBackup')}
                      options={coordinatorOptions}
                      value={selected.get(c.userId) ?? ''}
                      onChange={(e) => setSelected(new Map(selected).set(c.userId, e.currentTarget.value || null))}
                    />
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {canOffer ? (
        <div className="sticky-actions">
          <Button
            onClick={() => {
              create.reset();
              setConfirming(true);
            }}
            disabled={chosen.length === 0}
          >
            {t('cases.sendOffers', { count: chosen.length })}
          </Button>
        </div>
      ) : null}
      <Dialog isOpen={confirming} onOpenChange={setConfirming} title={t('cases.sendTitle')} isDismissable={!create.isPending}>
        <p>{t('cases.sendBody')}</p>
        <ul className="plain-list">
          {chosen.map((c) => {
            const backupId = selected.get(c.userId);
            const backupName = c.backupCoordinator?.name ?? coordinatorOptions.find((o) => o.value === backupId)?.label;
            return (
              <li key={c.userId}>
                <strong>{c.name}</strong>（{formatPoints(c.score)}
                {t('cases.pointsSuffix')}）{backupName ? ` — ${t('cases.backupBy', { name: backupName })}` : ''}
              </li>
            );
          })}
        </ul>
        <TextAreaField label={t('cases.message')} description={t('cases.messageHint')} rows={3} maxLength={2000} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
        {create.error ? <Alert tone="error">{problemOf(create.error)?.detail}</Alert> : null}
        <DialogActions>
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={send} isPending={create.isPending} pendingText={t('cases.sending')}>
            {t('cases.sendConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Section>
  );
}
