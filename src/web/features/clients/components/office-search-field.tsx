// Choosing one office of the region: type part of its name or reading, then pick it from the
// matching list (a native select, so keyboard and screen readers need nothing special).
import { useState } from 'react';
import { useDebounced } from '../../../lib/use-debounced';
import { SelectField, TextField } from '../../../components/ui/fields';
import { useT } from '../../../i18n/i18n';
import { useSearchOffices, type OfficeOption } from '../api/search-offices';

export function OfficeSearchField({
  id,
  label,
  value,
  onChange,
  error,
  isRequired,
  description,
}: {
  id: string;
  label: string;
  value: string | null;
  /** The chosen office's id, and the office itself (name etc.) when one is chosen. */
  onChange: (officeId: string | null, office?: OfficeOption) => void;
  error?: string;
  isRequired?: boolean;
  description?: string;
}) {
  const t = useT();
  const [term, setTerm] = useState('');
  const debounced = useDebounced(term.trim(), 250);
  const search = useSearchOffices(debounced);
  const found = search.data?.items ?? [];
  const options = found.map((o) => ({ value: o.id, label: `${o.name}（${o.municipalityName}${o.organizationName ? `・${o.organizationName}` : ''}）` }));
  return (
    <div className="office-search">
      <TextField id={`${id}-q`} label={t('clients.officeSearch', { label })} description={t('clients.officeSearchHint')} type="search" value={term} onChange={(e) => setTerm(e.currentTarget.value)} />
      <SelectField
        id={id}
        label={label}
        isRequired={isRequired}
        description={description}
        emptyOption={t('common.choose')}
        options={options}
        value={value ?? ''}
        onChange={(e) => {
          const office = found.find((o) => o.id === e.currentTarget.value);
          onChange(office?.id ?? null, office);
        }}
        error={error}
      />
    </div>
  );
}
