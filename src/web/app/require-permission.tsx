import type { ReactNode } from 'react';
import { hasPermission, useMe } from '../features/auth';
import { ForbiddenPage } from './pages/status-pages';

/**
 * Shows the page only to accounts holding the permission; others get 「権限がありません」.
 * The server enforces the same rule on every API call (403), this only spares the round trip.
 */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const me = useMe();
  return hasPermission(me, permission) ? <>{children}</> : <ForbiddenPage />;
}
