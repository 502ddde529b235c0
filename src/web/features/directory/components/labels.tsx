// Small shared pieces: capability level as a badge with text (never colour only), vacancy line.
import type { z } from 'zod';
import type { CapabilityLevelSchema, VacancySchema } from '../../../../shared/contracts/directory';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { DateTime } from '../../../components/ui/date-time';
import { useT, type MessageKey } from '../../../i18n/i18n';

type Level = z.infer<typeof CapabilityLevelSchema>;
export const LEVEL_KEY: Record<Level, MessageKey> = { yes: 'dir.capYes', conditional: 'dir.capConditional', no: 'dir.capNo', unknown: 'dir.capUnknown' };
const LEVEL_TONE: Record<Level, BadgeTone> = { yes: 'success', conditional: 'warning', no: 'neutral', unknown: 'neutral' };

export function LevelBadge({ level }: { level: Level }) {
  const t = useT();
  return <Badge tone={LEVEL_TONE[level]}>{t(LEVEL_KEY[level])}</Badge>;
}

export function VacancyText({ vacancy }: { vacancy: z.infer<typeof VacancySchema> }) {
  const t = useT();
  if (vacancy.count == null) return <span className="muted">{t('dir.vacancyUnknown')}</span>;
  return (
    <span>
      <strong>{vacancy.count > 0 ? t('dir.vacancyCount', { count: vacancy.count }) : t('dir.vacancyNone')}</strong>
      {vacancy.confirmedAt ? (
        <span className="cell-sub">
          {t('dir.vacancyConfirmed')}
          <DateTime value={vacancy.confirmedAt} />
          {vacancy.confirmedByName ? t('dir.vacancyBy', { name: vacancy.confirmedByName }) : null}
          {!vacancy.isFresh && vacancy.ageDays != null ? (
            <>
              {' '}
              <Badge tone="warning">{t('dir.vacancyOld', { days: vacancy.ageDays })}</Badge>
            </>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}

export function agesText(t: ReturnType<typeof useT>, min: number | null, max: number | null): string {
  if (min == null && max == null) return t('dir.agesAll');
  if (max == null) return t('dir.agesFrom', { min: min ?? 0 });
  if (min == null || min === 0) return t('dir.agesTo', { max });
  return t('dir.agesRange', { min, max });
}
