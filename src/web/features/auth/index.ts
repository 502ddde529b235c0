// Public surface of the auth feature: what the app shell and router may use. The signed-in
// pages are in ./pages (loaded on demand), so the sign-in screen does not ship them.
export { meQueryOptions, useMe, hasPermission, getMe, type Me } from './api/get-me';
export { useSignOut } from './api/sign-out';
export { useUpdateMe } from './api/update-me';
export { authKeys } from './api/keys';
export { SignInPage, SIGN_IN_NOTICE_KEY, type SignInReason } from './components/sign-in-page';
