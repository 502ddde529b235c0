// /directory/matrix: "who can take this care?" — one service type; rows are care items,
// columns the cities, cells the number of services handling it (yes or conditional), each a
// link to the filtered search.
import { Link } from '@tanstack/react-router';
import { CARE_ITEMS } from '../../../../shared/domain/care-items';
import { SERVICE_TYPES } from '../../../../shared/domain/service-types';
import { SelectField } from '../../../components/ui/fields';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useMunicipalityNames } from '../../people';
import { useCareMatrix } from '../api/get-matrix';

export function MatrixPage({ serviceType, onServiceTypeChange }: { serviceType?: string; onServiceTypeChange: (code: string | undefined) => void }) {
  const t = useT();
  useDocumentTitle(t('dir.matrix.title'));
  const munis = useMunicipalityNames();
  const cities = munis.options;
  const results = useCareMatrix(serviceType, cities.map((c) => c.value));
  const serviceLabel = SERVICE_TYPES.find((s) => s.code === serviceType)?.label ?? '';
  return (
    <div className="page">
      <p>
        <Link to="/directory">{t('dir.backToSearch')}</Link>
      </p>
      <PageHeader title={t('dir.matrix.title')} lead={t('dir.matrix.intro')} />
      <SelectField
        label={t('dir.matrix.choose')}
        emptyOption={t('dir.matrix.chooseFirst')}
        options={SERVICE_TYPES.map((s) => ({ value: s.code, label: s.label }))}
        value={serviceType ?? ''}
        onChange={(e) => onServiceTypeChange(e.currentTarget.value || undefined)}
      />
      {!serviceType ? (
        <p>{t('dir.matrix.chooseFirst')}</p>
      ) : munis.isPending || results.some((r) => r.isPending) ? (
        <LoadingState />
      ) : (
        <div className="table-wrap">
          <table className="table dir-matrix">
            <caption>{t('dir.matrix.caption', { service: serviceLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dir.careItem')}</th>
                {cities.map((c) => (
                  <th scope="col" key={c.value}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CARE_ITEMS.map((care) => (
                <tr key={care.code}>
                  <th scope="row">{care.label}</th>
                  {cities.map((c, i) => {
                    const count = results[i]?.data?.counts[care.code] ?? 0;
                    return (
                      <td key={c.value} className="num">
                        {count === 0 ? (
                          '0'
                        ) : (
                        <Link
                          to="/directory"
                          search={{ service: [serviceType], municipality: [c.value], care: [care.code] }}
                          aria-label={t('dir.matrix.cellLink', { city: c.label, care: care.label, service: serviceLabel, count })}
                        >
                          {count}
                        </Link>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
