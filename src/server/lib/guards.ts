// Guards are the first line of every protected handler, so a reader sees who may call it.
import { can, type Permission } from '../features/permissions.js';
import type { Actor } from './access.js';
import { AppError } from './errors.js';

/** Any Hono context of our app (typed routes included). */
export interface GuardContext {
  var: { actor?: Actor };
}

export function requireActor(c: GuardContext): Actor {
  const actor = c.var.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Throws FORBIDDEN (logged by the error handler as `access.denied`) unless the actor holds it. */
export function requirePermission(c: GuardContext, permission: Permission): Actor {
  const actor = requireActor(c);
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', `この操作（${permission}）を行う権限がありません。`);
  return actor;
}
