// Guards are the first line of every protected handler, so a reader sees who may call it.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.js';
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

/**
 * Route option that runs the permission check before the request is validated:
 * `createRoute({ method: 'post', path: '/users', ...permit('manage:users'), … })`.
 * Without it a caller lacking the permission would get a 400 naming the fields (and no
 * `access.denied` row) for a malformed body. The handler keeps its `requirePermission` line.
 */
export function permit(permission: Permission) {
  const gate: MiddlewareHandler<AppEnv> = async (c, next) => {
    requirePermission(c, permission);
    await next();
  };
  return { middleware: [gate] };
}
