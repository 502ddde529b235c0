// @vitest-environment jsdom
// A lost session: whichever request notices first sends the user to sign-in with the reason;
// the other requests that fail with it (a page's queries, a poll) do not send them on again.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meQueryOptions } from '../features/auth';
import { apiFetch, setApiEventHandlers } from '../lib/api-client';
import { installSessionHandlers } from './session-events';

const unauthenticated = () =>
  vi.fn(async () => new Response(JSON.stringify({ type: 'about:blank', title: 'ログインが必要です。', status: 401, detail: 'ログインが必要です。', code: 'UNAUTHENTICATED' }), { status: 401, headers: { 'content-type': 'application/problem+json' } }));

function setup(pathname: string) {
  const queryClient = new QueryClient();
  let finish = () => {};
  const router = {
    state: { location: { pathname, href: pathname } },
    // The navigation takes a while, as it does while the sign-in route loads.
    navigate: vi.fn(() => new Promise<void>((resolve) => (finish = resolve))),
  };
  installSessionHandlers(queryClient, router as never);
  return { queryClient, router, finish: () => finish() };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setApiEventHandlers({});
});

describe('a session that ends on the server', () => {
  it('sends a signed-in user to sign-in once, as "expired", however many requests fail together', async () => {
    vi.stubGlobal('fetch', unauthenticated());
    const { queryClient, router, finish } = setup('/admin/offices');
    queryClient.setQueryData(meQueryOptions.queryKey, { email: 'admin@example.test' } as never);
    await Promise.allSettled([apiFetch('/api/admin/offices'), apiFetch('/api/region/municipalities'), apiFetch('/api/notifications')]);
    expect(router.navigate).toHaveBeenCalledOnce();
    expect(router.navigate).toHaveBeenCalledWith({ to: '/sign-in', search: { reason: 'expired', redirect: '/admin/offices' } });
    expect(queryClient.getQueryData(meQueryOptions.queryKey)).toBeUndefined();

    // Once there, a later 401 (say, after signing in again the session ends once more) is handled anew.
    finish();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    router.state.location = { pathname: '/people', href: '/people' };
    await apiFetch('/api/people').catch(() => undefined);
    expect(router.navigate).toHaveBeenCalledTimes(2);
    expect(router.navigate).toHaveBeenLastCalledWith({ to: '/sign-in', search: { reason: 'required', redirect: '/people' } });
  });

  it('does nothing on the sign-in page itself', async () => {
    vi.stubGlobal('fetch', unauthenticated());
    const { router } = setup('/sign-in');
    await apiFetch('/api/notifications').catch(() => undefined);
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
