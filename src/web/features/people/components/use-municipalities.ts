import { findTokatsuMunicipality } from '../../../../shared/domain/municipalities';
import { useMunicipalities } from '../../admin';

/** The region's cities as select options, and code → name (falling back to the built-in 東葛 list). */
export function useMunicipalityNames() {
  const munis = useMunicipalities();
  const items = munis.data?.items ?? [];
  const options = items.map((m) => ({ value: m.code, label: m.name }));
  const nameOf = (code: string) => items.find((m) => m.code === code)?.name ?? findTokatsuMunicipality(code)?.name ?? code;
  return { options, nameOf, isPending: munis.isPending };
}
