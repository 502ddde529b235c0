// The auth feature's signed-in pages, a separate entry so the router can load them lazily.
export { AccountPage } from './components/account-page';
export { TwoFactorRequiredPage } from './components/two-factor-required-page';
