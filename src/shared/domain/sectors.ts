// The four sectors that support a 医療的ケア児者 at home (seed report, DOMAIN.md §1). The codes
// are stored in the database (office.sector has a CHECK on exactly these four strings), so
// they must not change; labels may.

export const SECTOR_CODES = ['medical', 'welfare', 'administration', 'education'] as const;

export type Sector = (typeof SECTOR_CODES)[number];

export interface SectorInfo {
  code: Sector;
  label: string;
  labelEn: string;
}

/** In the order the seed report lists them: 医療, 福祉・療育, 行政, 教育. */
export const SECTORS = [
  { code: 'medical', label: '医療', labelEn: 'Medical' },
  { code: 'welfare', label: '福祉・療育', labelEn: 'Welfare & habilitation' },
  { code: 'administration', label: '行政', labelEn: 'Administration' },
  { code: 'education', label: '教育', labelEn: 'Education' },
] as const satisfies readonly SectorInfo[];

export function isSector(value: unknown): value is Sector {
  return typeof value === 'string' && (SECTOR_CODES as readonly string[]).includes(value);
}

export function sectorLabel(code: Sector): string {
  return SECTORS.find((s) => s.code === code)!.label;
}
