// What the app does when the API says the session is gone (401) or two-factor enrolment is
// still owed (403 TWO_FACTOR_REQUIRED), whichever screen made the request.
import type { QueryClient } from '@tanstack/react-query';
import { SIGN_IN_NOTICE_KEY, meQueryOptions } from '../features/auth';
import { setApiEventHandlers, type Problem } from '../lib/api-client';
import type { AppRouter } from './router';

/**
 * Keeps the server's explanation (e.g. "ログインから 12 時間が経過したため…") for the sign-in
 * page. The generic "ログインが必要です。" adds nothing, so it is not kept.
 */
export function rememberSignInNotice(problem: Problem) {
  try {
    if (problem.detail && problem.detail !== problem.title) sessionStorage.setItem(SIGN_IN_NOTICE_KEY, problem.detail);
  } catch {
    /* storage unavailable: the sign-in page shows the generic reason */
  }
}

/** The router calls the handlers need (the app's router, or a stand-in in tests). */
type SessionRouter = Pick<AppRouter, 'navigate'> & { state: { location: { pathname: string; href: string } } };

export function installSessionHandlers(queryClient: QueryClient, router: SessionRouter) {
  // The first 401 decides where to go and why. Several requests usually fail together (a page's
  // queries, a poll): the later ones must not send the user on again — by then the cache is
  // cleared, so they would turn "expired" into "required" — while the first navigation runs.
  let leaving = false;
  setApiEventHandlers({
    onUnauthenticated: (error) => {
      const location = router.state.location;
      if (leaving || location.pathname === '/sign-in') return;
      leaving = true;
      const hadSession = queryClient.getQueryData(meQueryOptions.queryKey) !== undefined;
      rememberSignInNotice(error.problem);
      // Nothing cached belongs to anyone any more.
      queryClient.clear();
      void Promise.resolve(
        router.navigate({
          to: '/sign-in',
          search: { reason: hadSession ? 'expired' : 'required', redirect: location.href === '/' ? undefined : location.href },
        }),
      ).finally(() => {
        leaving = false;
      });
    },
    onTwoFactorRequired: () => {
      void queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
      if (router.state.location.pathname !== '/account/2fa') void router.navigate({ to: '/account/2fa' });
    },
  });
}
