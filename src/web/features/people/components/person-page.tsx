// /people/$userId: one consultant's or coordinator's profile — qualifications, training, the
// terms on which they take medical-care cases, caseload vs maximum, areas, days — and, for the
// person and the registry's keepers, the change history from the access log.
import { Link } from '@tanstack/react-router';
import type { z } from 'zod';
import { DAY_LABELS, UpdatePersonProfileSchema, type DayCode, type PersonProfile, type QualificationCode } from '../../../../shared/contracts/people';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { buttonClass } from '../../../components/ui/button';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { hasPermission, useMe } from '../../auth';
import { useT } from '../../../i18n/i18n';
import { usePerson } from '../api/get-person';
import { usePersonHistory, type ProfileChange } from '../api/get-person-history';
import { CaseloadBar } from './caseload-bar';
import { acceptsLabel, acceptsTone, careItemLabel, daysText, hasWeekend, qualificationLabel } from './labels';
import { useMunicipalityNames } from './use-municipalities';

export function PersonPage({ userId }: { userId: string }) {
  const t = useT();
  const me = useMe();
  const person = usePerson(userId);
  const canEdit = me.id === userId || hasPermission(me, 'manage:people');
  useDocumentTitle(person.data ? t('people.personTitle', { name: person.data.name }) : t('people.title'));

  if (person.isPending) return <LoadingState />;
  if (person.error) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <PageHeader
        title={p.name}
        lead={p.nameKana ?? undefined}
        badge={p.acceptsMedicalCare ? <Badge tone={acceptsTone[p.acceptsMedicalCare]}>{acceptsLabel(p.acceptsMedicalCare)}</Badge> : undefined}
        actions={
          canEdit ? (
            <Link to="/people/$userId/edit" params={{ userId }} className={buttonClass('primary')}>
              {me.id === userId ? t('people.editOwn') : t('people.edit')}
            </Link>
          ) : undefined
        }
      />
      {!p.hasProfile ? (
        <Alert tone="info" role="none">
          <p>{t('people.noProfileBody')}</p>
        </Alert>
      ) : null}
      <ProfileDetails p={p} />
      {canEdit ? <HistorySection userId={userId} /> : null}
    </div>
  );
}

function ProfileDetails({ p }: { p: PersonProfile }) {
  const t = useT();
  const munis = useMunicipalityNames();
  const isCoordinator = p.roles.includes('coordinator');
  return (
    <>
      <Section title={t('people.sectionBasics')}>
        <dl className="summary-list">
          <div>
            <dt>{t('people.colRoles')}</dt>
            <dd>{p.roles.filter((r) => r === 'consultant' || r === 'coordinator').map((r) => t(`roles.${r}` as 'roles.consultant')).join('、') || '—'}</dd>
          </div>
          <div>
            <dt>{t('people.offices')}</dt>
            <dd>{p.offices.map((o) => o.name).join('、') || '—'}</dd>
          </div>
          <div>
            <dt>{t('people.qualifications')}</dt>
            <dd>{p.qualifications.map(qualificationLabel).join('、') || '—'}</dd>
          </div>
          <div>
            <dt>{t('people.training')}</dt>
            <dd>{p.coordinatorTrainingYear ? t('people.trainingYear', { year: p.coordinatorTrainingYear }) : t('people.trainingNone')}</dd>
          </div>
          {p.declaredGender ? (
            <div>
              <dt>{t('people.gender')}</dt>
              <dd>{t(`people.gender.${p.declaredGender}`)}</dd>
            </div>
          ) : null}
          {p.languages.length ? (
            <div>
              <dt>{t('people.languages')}</dt>
              <dd>{p.languages.join('、')}</dd>
            </div>
          ) : null}
        </dl>
      </Section>
      <Section title={t('people.sectionCare')}>
        <dl className="summary-list">
          <div>
            <dt>{t('people.accepts')}</dt>
            <dd>{p.acceptsMedicalCare ? acceptsLabel(p.acceptsMedicalCare) : '—'}</dd>
          </div>
          <div>
            <dt>{t('people.careItems')}</dt>
            <dd>
              {p.careItems.length ? (
                <ul className="chip-list">
                  {p.careItems.map((c) => (
                    <li key={c} className="chip">
                      {careItemLabel(c)}
                    </li>
                  ))}
                </ul>
              ) : (
                t('people.careItemsNone')
              )}
            </dd>
          </div>
        </dl>
      </Section>
      <Section title={t('people.sectionWork')}>
        <dl className="summary-list">
          <div>
            <dt>{t('people.colCaseload')}</dt>
            <dd>
              <CaseloadBar current={p.currentCaseload} max={p.maxCaseload} />
              <p className="field__hint">{t('people.caseloadHint')}</p>
            </dd>
          </div>
          <div>
            <dt>{t('people.colAreas')}</dt>
            <dd>{p.municipalities.map(munis.nameOf).join('、') || '—'}</dd>
          </div>
          <div>
            <dt>{t('people.colDays')}</dt>
            <dd>
              {p.availableDays.length ? daysText(p.availableDays) : '—'}{' '}
              {hasWeekend(p.availableDays) ? <Badge tone="info">{t('people.weekendOk')}</Badge> : <Badge tone="neutral">{t('people.weekendNo')}</Badge>}
            </dd>
          </div>
          {isCoordinator ? (
            <div>
              <dt>{t('people.backup')}</dt>
              <dd>
                {p.backupAvailable ? (
                  <>
                    {t('people.backupYes')} <CaseloadBar current={p.currentBackupCases} max={p.maxBackupCases} />
                  </>
                ) : (
                  t('people.backupNo')
                )}
              </dd>
            </div>
          ) : null}
          {p.note ? (
            <div>
              <dt>{t('people.note')}</dt>
              <dd className="pre-wrap">{p.note}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('people.updatedAt')}</dt>
            <dd>
              <DateTime value={p.updatedAt} />
            </dd>
          </div>
        </dl>
      </Section>
    </>
  );
}

const shape = UpdatePersonProfileSchema.shape as Record<string, z.ZodType>;
const fieldLabel = (key: string) => (shape[key]?.meta()?.title as string | undefined) ?? key;

function useFormatValue() {
  const t = useT();
  const munis = useMunicipalityNames();
  return (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value)) {
      if (value.length === 0) return t('common.none');
      const map = (v: string) =>
        key === 'careItems' ? careItemLabel(v) : key === 'qualifications' ? qualificationLabel(v as QualificationCode) : key === 'municipalities' ? munis.nameOf(v) : key === 'availableDays' ? DAY_LABELS[v as DayCode] : v;
      return value.map((v) => map(String(v))).join('、');
    }
    if (key === 'acceptsMedicalCare') return acceptsLabel(value as 'yes');
    return String(value);
  };
}

function HistorySection({ userId }: { userId: string }) {
  const t = useT();
  const history = usePersonHistory(userId);
  const format = useFormatValue();
  return (
    <Section title={t('people.history')} actions={<EraToggle />}>
      {history.isPending ? <LoadingState /> : null}
      {history.error ? <ErrorState error={history.error} /> : null}
      {history.data && history.data.items.length === 0 ? <p className="muted">{t('people.historyEmpty')}</p> : null}
      {history.data && history.data.items.length > 0 ? (
        <ol className="timeline">
          {history.data.items.map((h: ProfileChange, i) => (
            <li key={`${h.at}-${i}`} className="timeline__item">
              <p className="timeline__meta">
                <DateTime value={h.at} /> {h.by ? t('people.historyBy', { name: h.by.name }) : null}
              </p>
              <ul className="timeline__changes">
                {Object.entries(h.changed).map(([key, c]) => (
                  <li key={key}>
                    <strong>{fieldLabel(key)}</strong>: {format(key, c.before)} → {format(key, c.after)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </Section>
  );
}
