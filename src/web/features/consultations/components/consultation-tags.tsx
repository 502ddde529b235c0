// Tags of a question (medical care, life stage, service, city): the chips on a card or a
// thread, and the filter fields of the question list and the knowledge base. A chip links to
// the list filtered by it, so "other questions about 胃ろう" is one click.
import { Link } from '@tanstack/react-router';
import { CARE_ITEMS } from '../../../../shared/domain/care-items';
import { LIFE_STAGES } from '../../../../shared/domain/life-stage';
import { findTokatsuMunicipality, TOKATSU_MUNICIPALITIES } from '../../../../shared/domain/municipalities';
import { SERVICE_TYPES } from '../../../../shared/domain/service-types';
import { SelectField } from '../../../components/ui/fields';
import type { FilterValues } from '../../../components/ui/filter-bar';
import { useT } from '../../../i18n/i18n';
import type { ConsultationSummary } from '../api/list-consultations';

export const careItemOptions = CARE_ITEMS.map((c) => ({ value: c.code, label: c.label }));
export const lifeStageOptions = LIFE_STAGES.map((s) => ({ value: s.code, label: s.label }));
export const serviceTypeOptions = SERVICE_TYPES.filter((s) => !s.mergedInto).map((s) => ({ value: s.code, label: s.label }));
export const cityOptions = TOKATSU_MUNICIPALITIES.map((m) => ({ value: m.code, label: m.name }));

type Tagged = Pick<ConsultationSummary, 'careItems' | 'lifeStages' | 'serviceTypes' | 'municipalityCode'>;

/** The tag chips; `to` is the list a chip filters (the question list or the knowledge base). */
export function ConsultationTags({ c, to }: { c: Tagged; to: '/consultations' | '/knowledge-base' }) {
  const t = useT();
  const city = c.municipalityCode ? findTokatsuMunicipality(c.municipalityCode) : undefined;
  const chips = [
    ...(city ? [{ key: `m-${city.code}`, label: city.name, search: { municipality: city.code } }] : []),
    ...c.careItems.map((x) => ({ key: `c-${x.code}`, label: x.label, search: { careItem: x.code } })),
    ...c.lifeStages.map((x) => ({ key: `l-${x.code}`, label: x.label, search: { lifeStage: x.code } })),
    ...c.serviceTypes.map((x) => ({ key: `s-${x.code}`, label: x.label, search: { serviceType: x.code } })),
  ];
  if (!chips.length) return null;
  return (
    <ul className="chip-list chip-list--static" aria-label={t('kb.tags')}>
      {chips.map((chip) => (
        <li key={chip.key} className="tag">
          <Link to={to} search={chip.search as never} title={t('kb.tagFilter', { tag: chip.label })}>
            {chip.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The four tag filters, inside a FilterBar. */
export function TagFilterFields({ v, set }: { v: FilterValues; set: (key: string, value: string) => void }) {
  const t = useT();
  return (
    <>
      <SelectField label={t('kb.fCareItems')} emptyOption={t('common.all')} options={careItemOptions} value={v.careItem ?? ''} onChange={(e) => set('careItem', e.currentTarget.value)} />
      <SelectField label={t('kb.fLifeStages')} emptyOption={t('common.all')} options={lifeStageOptions} value={v.lifeStage ?? ''} onChange={(e) => set('lifeStage', e.currentTarget.value)} />
      <SelectField label={t('kb.fServiceTypes')} emptyOption={t('common.all')} options={serviceTypeOptions} value={v.serviceType ?? ''} onChange={(e) => set('serviceType', e.currentTarget.value)} />
      <SelectField label={t('kb.fCity')} emptyOption={t('common.all')} options={cityOptions} value={v.municipality ?? ''} onChange={(e) => set('municipality', e.currentTarget.value)} />
    </>
  );
}
