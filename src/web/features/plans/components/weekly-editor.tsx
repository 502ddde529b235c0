// The 週間計画表: an hour grid × 月–土・日祝. Every cell is a button (add an entry starting that
// hour) and every entry is a button (edit it), so the whole schedule can be written with a
// keyboard; nothing depends on dragging. Saved on its own with the plan's version.
import { useState } from 'react';
import { WEEKDAYS, WEEKDAY_COLUMN_LABELS, WeeklyScheduleSchema } from '../../../../shared/contracts/plans';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { Section } from '../../../components/ui/page';
import { VersionConflict, isVersionConflict } from '../../../components/ui/version-conflict';
import { useT } from '../../../i18n/i18n';
import { contractLabel } from '../../../lib/forms';
import { problemOf } from '../../../lib/api-client';
import type { Plan } from '../api/get-plan';
import { useUpdateWeekly } from '../api/update-weekly';
import { WeeklyEntryDialog, type WeeklyEntry } from './weekly-entry-dialog';

type Day = (typeof WEEKDAYS)[number];
const hourOf = (time: string) => Number(time.slice(0, 2));
const TEXTS = ['dailyActivities', 'nonWeeklyServices', 'overallLife'] as const;
const W = (k: (typeof TEXTS)[number]) => contractLabel(WeeklyScheduleSchema, k);

export function WeeklyEditor({ clientId, plan, editable, onReload }: { clientId: string; plan: Plan; editable: boolean; onReload: () => void }) {
  const t = useT();
  const update = useUpdateWeekly(clientId);
  const [entries, setEntries] = useState<WeeklyEntry[]>(plan.weekly.entries);
  const [texts, setTexts] = useState(() => ({ dailyActivities: plan.weekly.dailyActivities, nonWeeklyServices: plan.weekly.nonWeeklyServices, overallLife: plan.weekly.overallLife }));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [dialog, setDialog] = useState<{ index: number | null; initial: WeeklyEntry } | null>(null);
  // Follow the server's copy when it changes and there is nothing unsaved here.
  const [seenVersion, setSeenVersion] = useState(plan.version);
  if (plan.version !== seenVersion && !dirty) {
    setSeenVersion(plan.version);
    setEntries(plan.weekly.entries);
    setTexts({ dailyActivities: plan.weekly.dailyActivities, nonWeeklyServices: plan.weekly.nonWeeklyServices, overallLife: plan.weekly.overallLife });
  }

  const first = Math.min(6, ...entries.map((e) => hourOf(e.start)));
  const last = Math.max(21, ...entries.map((e) => Math.min(23, hourOf(e.end === '24:00' ? '23:59' : e.end) - (e.end.endsWith(':00') ? 1 : 0))));
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const change = (next: WeeklyEntry[]) => {
    setEntries(next);
    setDirty(true);
    setSaved(false);
  };
  const entryName = (e: WeeklyEntry) => t('plans.weekly.entryLabel', { day: WEEKDAY_COLUMN_LABELS[e.day], start: e.start, end: e.end, label: e.label });
  const covers = (e: WeeklyEntry, day: Day, h: number) => e.day === day && hourOf(e.start) < h && e.end > `${String(h).padStart(2, '0')}:00`;
  const save = () =>
    update.mutate(
      { planId: plan.id, input: { entries, ...texts, version: plan.version } },
      {
        onSuccess: (p) => {
          setDirty(false);
          setSaved(true);
          setSeenVersion(p.version);
        },
      },
    );
  const problem = update.error && !isVersionConflict(update.error) ? problemOf(update.error) : null;

  return (
    <Section title={t('plans.weekly.title')} id="weekly" actions={editable ? <Button size="sm" variant="secondary" onClick={() => setDialog({ index: null, initial: { day: 'mon', start: '09:00', end: '10:00', kind: 'service', label: '', officeId: null } })}>{t('plans.weekly.add')}</Button> : null}>
      {editable ? <p className="field__hint no-print">{t('plans.weekly.hint')}</p> : null}
      <VersionConflict error={update.error} onReload={() => { setDirty(false); onReload(); }} />
      <FormErrorSummary problem={problem} items={(problem?.errors ?? []).map((e) => ({ label: e.label, message: e.message }))} />
      {saved ? (
        <Alert tone="success">
          <p>{t('plans.weekly.saved')}</p>
        </Alert>
      ) : null}
      <div className="table-scroll weekly-grid-scroll print-area" role="region" aria-labelledby="weekly-caption" tabIndex={0}>
        <table className="weekly-grid">
          <caption id="weekly-caption" className="table__caption">
            {t('plans.weekly.caption', { n: plan.revision })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="weekly-grid__hour">
                {t('plans.weekly.time')}
              </th>
              {WEEKDAYS.map((d) => (
                <th scope="col" key={d}>
                  {WEEKDAY_COLUMN_LABELS[d]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h}>
                <th scope="row" className="weekly-grid__hour">
                  {h}:00
                </th>
                {WEEKDAYS.map((d) => {
                  const starting = entries.map((e, i) => ({ e, i })).filter(({ e }) => e.day === d && hourOf(e.start) === h);
                  const covered = entries.some((e) => covers(e, d, h));
                  return (
                    <td key={d} className={['weekly-grid__cell', covered ? 'is-covered' : ''].filter(Boolean).join(' ')}>
                      {starting.map(({ e, i }) =>
                        editable ? (
                          <button key={i} type="button" className={`weekly-entry weekly-entry--${e.kind}`} aria-label={t('plans.weekly.editEntry', { entry: entryName(e) })} onClick={() => setDialog({ index: i, initial: e })}>
                            <span className="weekly-entry__time">
                              {e.start}–{e.end}
                            </span>
                            {e.label}
                          </button>
                        ) : (
                          <span key={i} className={`weekly-entry weekly-entry--${e.kind}`}>
                            <span className="weekly-entry__time">
                              {e.start}–{e.end}
                            </span>
                            {e.label}
                          </span>
                        ),
                      )}
                      {editable ? (
                        <button
                          type="button"
                          className="weekly-grid__add no-print"
                          aria-label={t('plans.weekly.addAt', { day: WEEKDAY_COLUMN_LABELS[d], hour: h })}
                          onClick={() =>
                            setDialog({ index: null, initial: { day: d, start: `${String(h).padStart(2, '0')}:00`, end: `${String(Math.min(h + 1, 24)).padStart(2, '0')}:00`, kind: 'service', label: '', officeId: null } })
                          }
                        >
                          <span aria-hidden="true">＋</span>
                        </button>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="weekly-legend">
        <span className="weekly-entry weekly-entry--service">{t('plans.weekly.kind.service')}</span> <span className="weekly-entry weekly-entry--activity">{t('plans.weekly.kind.activity')}</span>
      </p>
      {TEXTS.map((k) =>
        editable ? (
          <TextAreaField
            key={k}
            label={W(k)}
            rows={2}
            value={texts[k]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setTexts((x) => ({ ...x, [k]: v }));
              setDirty(true);
              setSaved(false);
            }}
          />
        ) : (
          <div key={k} className="plan-document__text print-area">
            <h3 className="subsection__title">{W(k)}</h3>
            <p className="pre-wrap">{texts[k] || '—'}</p>
          </div>
        ),
      )}
      {editable ? (
        <div className="form__actions no-print">
          <Button onClick={save} isPending={update.isPending} pendingText={t('common.saving')}>
            {t('plans.weekly.save')}
          </Button>
          {dirty ? <span className="field__hint">{t('plans.weekly.unsaved')}</span> : null}
        </div>
      ) : null}
      {dialog ? (
        <WeeklyEntryDialog
          initial={dialog.initial}
          isNew={dialog.index === null}
          onClose={() => setDialog(null)}
          onSave={(entry) => {
            change(dialog.index === null ? [...entries, entry] : entries.map((e, i) => (i === dialog.index ? entry : e)));
            setDialog(null);
          }}
          onDelete={
            dialog.index === null
              ? undefined
              : () => {
                  change(entries.filter((_, i) => i !== dialog.index));
                  setDialog(null);
                }
          }
        />
      ) : null}
    </Section>
  );
}
