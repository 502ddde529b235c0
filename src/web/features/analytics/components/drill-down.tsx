// Drill-down from an aggregate cell (city × care item) to persons (issue #8 item 3): only for
// accounts that may open client records at all, and the list holds only the clients the viewer
// may open anyway — the server reads it inside the viewer's own row-level-security context. The
// cell's size is shown as the dashboard shows it ("<5" outside the viewer's own city), and how
// many are not listed only in the official's own city.
import { Link } from '@tanstack/react-router';
import type { Figure } from '../../../../shared/contracts/analytics';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useLocale } from '../../../i18n/i18n';
import { hasPermission, useMe } from '../../auth';
import { useDrillDown, type DrillDownCell } from '../api/drill-down';
import type { AnalyticsFilters } from '../api/get-section';
import { formatCell } from './format';

export interface DrillTarget extends DrillDownCell {
  cityLabel: string;
  careItemLabel: string;
}

/** Drill-down is offered to accounts that may open client records (consultants, coordinators, officials, provider staff). */
export function useCanDrillDown(): boolean {
  return hasPermission(useMe(), 'read:client');
}

/** The cell a row of the demand table or the gap matrix stands for, or null (a 合計 row). */
export function drillTargetOf(row: Figure['rows'][number], allItemsLabel: string): DrillTarget | null {
  const m = row.municipalityCode;
  // A prefecture row (national view) is no cell of one city.
  if (typeof m !== 'string' || !/^\d{5}$/.test(m)) return null;
  const item = typeof row.careItemCode === 'string' && row.careItemCode ? row.careItemCode : undefined;
  return { municipality: m, careItem: item, cityLabel: String(row.municipality ?? m), careItemLabel: item ? String(row.careItem ?? item) : allItemsLabel };
}

export function DrillDownButton({ target, onOpen }: { target: DrillTarget; onOpen: (t: DrillTarget) => void }) {
  const { t } = useLocale();
  return (
    <Button variant="secondary" size="sm" className="an-drill__open no-print" onClick={() => onOpen(target)} aria-label={t('an.drill.openLabel', { city: target.cityLabel, careItem: target.careItemLabel })}>
      {t('an.drill.open')}
    </Button>
  );
}

export function DrillDownDialog({ target, filters, onClose }: { target: DrillTarget | null; filters: AnalyticsFilters; onClose: () => void }) {
  const { t, locale } = useLocale();
  const q = useDrillDown(target, filters);
  return (
    <Dialog isOpen={target !== null} onOpenChange={(open) => (open ? undefined : onClose())} title={target ? t('an.drill.title', { city: target.cityLabel, careItem: target.careItemLabel }) : ''}>
      <p className="small">{t('an.drill.intro')}</p>
      {q.isPending ? <LoadingState /> : null}
      {q.error ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? (
        <div className="an-drill">
          <p>{t('an.drill.cellCount', { n: formatCell(q.data.cellCount, 'count', t, locale) })}</p>
          {typeof q.data.notShown === 'number' && q.data.notShown > 0 ? <p>{t('an.drill.notShown', { n: q.data.notShown })}</p> : null}
          {q.data.items.length === 0 ? (
            <p>{t('an.drill.none')}</p>
          ) : (
            <ul className="an-drill__list" aria-label={t('an.drill.listLabel')}>
              {q.data.items.map((c) => (
                <li key={c.clientId}>
                  <Link to="/clients/$clientId" params={{ clientId: c.clientId }}>
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </Dialog>
  );
}
