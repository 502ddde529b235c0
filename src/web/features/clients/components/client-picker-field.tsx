// Choosing one of the clients the signed-in user may open (their teams; a coordinator's city):
// type part of the name or reading, then pick from the list (a native select, as in
// OfficeSearchField). Active records only, first page of matches.
import { useState } from 'react';
import { useDebounced } from '../../../lib/use-debounced';
import { SelectField, TextField } from '../../../components/ui/fields';
import { useT } from '../../../i18n/i18n';
import { useClients } from '../api/list-clients';

export function ClientPickerField({
  id,
  label,
  value,
  onChange,
  error,
  description,
  emptyOption,
}: {
  id: string;
  label: string;
  value: string | null;
  onChange: (clientId: string | null) => void;
  error?: string;
  description?: string;
  /** The label of "no client" (the field is optional). */
  emptyOption: string;
}) {
  const t = useT();
  const [term, setTerm] = useState('');
  const debounced = useDebounced(term.trim(), 250);
  const clients = useClients({ status: 'active', ...(debounced ? { q: debounced } : {}) });
  const found = clients.data?.pages.flatMap((p) => p.items) ?? [];
  const options = found.map((c) => ({ value: c.id, label: t('clients.pickerOption', { name: c.name, kana: c.nameKana, age: c.age, city: c.municipalityName ?? c.municipalityCode }) }));
  // Keep the chosen client listed while another search term is typed.
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: t('clients.pickerChosen') });
  return (
    <div className="office-search">
      <TextField id={`${id}-q`} label={t('clients.pickerSearch', { label })} description={t('clients.pickerSearchHint')} type="search" value={term} onChange={(e) => setTerm(e.currentTarget.value)} />
      <SelectField id={id} label={label} description={description} emptyOption={emptyOption} options={options} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)} error={error} />
    </div>
  );
}
