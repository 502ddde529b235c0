// 医療情報: diagnoses, hospitals, 医療的ケア with 見守り and the 判定スコア, devices (with the
// dealer's 24 h number), medication, allergies and what to do in an emergency. The team's
// consultant, coordinator and medical staff may edit the care items.
import { HOSPITAL_ROLE_LABELS } from '../../../../shared/contracts/clients';
import { findCareItem, MONITORING_LEVEL_LABELS } from '../../../../shared/domain/care-items';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { canEditMedical, useClient } from '../api/get-client';
import { CareItemsDialog } from './care-items-dialog';
import { MedicalDetailsDialog } from './section-dialogs';
import { CareScoreBreakdown } from './care-score-breakdown';
import { SEVERITY_LABELS } from './labels';
import { OutOfScope } from './out-of-scope';
import { useSectionEditing } from './section-editing';

export function MedicalTab({ clientId }: { clientId: string }) {
  const t = useT();
  const { data: c } = useClient(clientId);
  const { editing, close, saved, editButton, savedNotice } = useSectionEditing<'details' | 'careItems'>(c ? canEditMedical(c) : false);
  if (!c) return null;
  const m = c.medical;
  if (!m) {
    return (
      <Section title={t('clients.tab.medical')}>
        <OutOfScope />
      </Section>
    );
  }
  return (
    <>
      <Section title={t('clients.medical.diagnoses')} actions={editButton('details', t('clients.edit.editMedical'))}>
        <ul className="plain-list">
          {m.diagnoses.map((d) => (
            <li key={d.name}>
              <strong>{d.name}</strong>
              {d.icd10 ? `（ICD-10: ${d.icd10}）` : ''}
              {d.note ? ` ${d.note}` : ''}
            </li>
          ))}
        </ul>
        <h3 className="subsection__title">{t('clients.medical.hospitals')}</h3>
        <ul className="plain-list">
          {m.hospitals.map((h) => (
            <li key={h.name}>
              {HOSPITAL_ROLE_LABELS[h.role]}：{h.name}
              {h.department ? ` ${h.department}` : ''}
              {h.doctor ? `（${h.doctor}）` : ''} {h.phone ? <a href={`tel:${h.phone}`}>{h.phone}</a> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('clients.medical.careItems')} actions={editButton('careItems', t('clients.medical.editCareItems'))}>
        {savedNotice}
        <div className="table-scroll" role="region" aria-labelledby="care-items-caption" tabIndex={0}>
          <table className="table table--compact">
            <caption id="care-items-caption" className="table__caption">
              {t('clients.medical.careItemsCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('careScore.item')}</th>
                <th scope="col">{t('careScore.monitoring')}</th>
                <th scope="col">{t('clients.medical.careNote')}</th>
              </tr>
            </thead>
            <tbody>
              {m.careItems.map((ci) => (
                <tr key={ci.code}>
                  <th scope="row">{findCareItem(ci.code)?.label ?? ci.code}</th>
                  <td>{MONITORING_LEVEL_LABELS[ci.monitoring]}</td>
                  <td>{ci.note || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="subsection__title">{t('careScore.title')}</h3>
        <CareScoreBreakdown result={m.careScore} captionId="record-care-score" />
      </Section>
      <Section title={t('clients.medical.devices')}>
        <ul className="card-grid">
          {m.devices.map((d, i) => (
            <li key={i} className="card">
              <h3 className="card__title">{d.type}</h3>
              <dl className="summary-list summary-list--compact">
                <div>
                  <dt>{t('clients.medical.makerModel')}</dt>
                  <dd>{d.makerModel || '—'}</dd>
                </div>
                <div>
                  <dt>{t('clients.medical.settings')}</dt>
                  <dd>{d.settings || '—'}</dd>
                </div>
                <div>
                  <dt>{t('clients.medical.dealer')}</dt>
                  <dd>
                    {d.dealer || '—'} {d.dealerPhone24h ? <a href={`tel:${d.dealerPhone24h}`}>{t('clients.medical.phone24h', { phone: d.dealerPhone24h })}</a> : null}
                  </dd>
                </div>
                <div>
                  <dt>{t('clients.medical.battery')}</dt>
                  <dd>
                    {d.batteryHours !== null ? t('clients.medical.hours', { hours: d.batteryHours }) : '—'}
                    {d.powerWatts !== null ? ` / ${d.powerWatts} W` : ''}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('clients.medical.medsAllergies')}>
        <ul className="plain-list">
          {m.medications.map((md) => (
            <li key={md.name}>
              {md.name} {md.dose} {md.timing} {md.route ? `（${md.route}）` : ''}
            </li>
          ))}
        </ul>
        <h3 className="subsection__title">{t('clients.medical.allergies')}</h3>
        {m.allergies.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <ul className="plain-list">
            {m.allergies.map((a) => (
              <li key={a.substance}>
                {a.substance}：{a.reaction || '—'}（{SEVERITY_LABELS[a.severity]}）
              </li>
            ))}
          </ul>
        )}
        <h3 className="subsection__title">{t('clients.medical.emergencyNotes')}</h3>
        <p className="pre-wrap">{m.emergencyNotes || '—'}</p>
      </Section>
      {editing === 'details' ? <MedicalDetailsDialog clientId={clientId} medical={m} onClose={close} onSaved={saved} /> : null}
      {editing === 'careItems' ? <CareItemsDialog clientId={clientId} medical={m} onClose={close} onSaved={saved} /> : null}
    </>
  );
}
