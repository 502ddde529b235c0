// The areas a council looks at: the whole 東葛 region, one of its 障害保健福祉圏域 (zones), one
// city, or every municipality in the database (national comparison). The API also takes lists of
// codes; the screens offer what a council meeting needs.
import { TOKATSU_MUNICIPALITIES } from '../../../../shared/domain/municipalities';
import type { Translate } from '../../../i18n/i18n';

/** The zones (圏域) of the region's cities, in the order the cities come. */
export const ZONES = [...new Set(TOKATSU_MUNICIPALITIES.map((m) => m.welfareRegion))];

export function areaOptions(t: Translate) {
  return [
    { value: 'region', label: t('an.area.region') },
    ...ZONES.map((z) => ({ value: `zone:${z}`, label: t('an.area.zone', { zone: z }) })),
    ...TOKATSU_MUNICIPALITIES.map((m) => ({ value: m.code, label: m.name })),
    { value: 'all', label: t('an.area.all') },
  ];
}

/** "松戸市" for a code, the region's name for `region`, the value itself otherwise. */
export function areaLabel(area: string | undefined, t: Translate): string {
  if (!area || area === 'region') return t('an.area.region');
  if (area === 'all') return t('an.area.all');
  if (area.startsWith('zone:')) return t('an.area.zone', { zone: area.slice(5) });
  return area
    .split(',')
    .map((code) => TOKATSU_MUNICIPALITIES.find((m) => m.code === code)?.name ?? code)
    .join('・');
}

export const cityName = (code: string | null | undefined) => (code ? (TOKATSU_MUNICIPALITIES.find((m) => m.code === code)?.name ?? code) : '');
