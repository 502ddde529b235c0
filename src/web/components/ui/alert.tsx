// Notification banners. `status` messages are announced politely; errors use role="alert".
import type { ReactNode } from 'react';
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from './icons';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const ICONS = { info: InfoIcon, success: SuccessIcon, warning: WarningIcon, error: ErrorIcon } as const;

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Defaults to "alert" for errors and "status" otherwise; "none" for static notes. */
  role?: 'alert' | 'status' | 'none';
  className?: string;
  id?: string;
}

export function Alert({ tone = 'info', title, children, role, className, id }: AlertProps) {
  const Icon = ICONS[tone];
  const ariaRole = role === 'none' ? undefined : (role ?? (tone === 'error' ? 'alert' : 'status'));
  return (
    <div id={id} role={ariaRole} className={['alert', `alert--${tone}`, className ?? ''].filter(Boolean).join(' ')}>
      <Icon className="alert__icon" />
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/** What the last change did (保存しました…), announced politely; nothing while there is none. */
export function SuccessNotice({ message }: { message: string | null | undefined }) {
  return message ? (
    <Alert tone="success">
      <p>{message}</p>
    </Alert>
  ) : null;
}
