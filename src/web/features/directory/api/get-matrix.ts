import { useQueries } from '@tanstack/react-query';
import { searchDirectory } from './search-directory';
import { directoryKeys } from './keys';

/** Per city: how many services of the type handle each care item (facet counts, one search per city). */
export function useCareMatrix(serviceType: string | undefined, municipalityCodes: string[]) {
  return useQueries({
    queries: municipalityCodes.map((code) => ({
      queryKey: [...directoryKeys.matrix(serviceType ?? ''), code],
      enabled: Boolean(serviceType),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        searchDirectory({ service: [serviceType!], municipality: [code] }, undefined, signal, 1).then((r) => ({
          code,
          total: r.total,
          counts: Object.fromEntries((r.facets?.careItem ?? []).map((f) => [f.code, f.count])) as Record<string, number>,
        })),
    })),
  });
}
