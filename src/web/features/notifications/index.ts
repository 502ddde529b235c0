// Public surface of the notifications feature: the header bell.
export { NotificationsBell } from './components/notifications-bell';
