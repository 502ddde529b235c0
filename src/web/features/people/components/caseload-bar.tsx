// Caseload vs maximum as a bar. The text carries the numbers (the bar is decoration), so a
// screen reader hears 「3 / 4 件（空き 1）」 and nothing depends on colour.
import { useT } from '../../../i18n/i18n';

export function CaseloadBar({ current, max }: { current: number; max: number | null }) {
  const t = useT();
  if (max === null) return <span className="muted">{t('people.caseloadUnknown', { current })}</span>;
  const free = Math.max(max - current, 0);
  const ratio = max === 0 ? 1 : Math.min(current / max, 1);
  const level = free === 0 ? 'full' : ratio >= 0.75 ? 'high' : 'ok';
  return (
    <span className={`caseload caseload--${level}`}>
      <span className="caseload__text">{free === 0 ? t('people.caseloadFull', { current, max }) : t('people.caseload', { current, max, free })}</span>
      <span className="caseload__bar" aria-hidden="true">
        <span className="caseload__fill" style={{ width: `${Math.round(ratio * 100)}%` }} />
      </span>
    </span>
  );
}
