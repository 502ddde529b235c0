// Buttons in the デジタル庁デザインシステム styles: primary (solid blue), secondary (outlined),
// tertiary (text), danger. Native <button>, so forms, react-hook-form and keyboard just work.
import type { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'danger';
export type ButtonSize = 'md' | 'sm';

export function buttonClass(variant: ButtonVariant = 'primary', size: ButtonSize = 'md', extra?: string): string {
  return ['button', `button--${variant}`, size === 'sm' ? 'button--sm' : '', extra ?? ''].filter(Boolean).join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  ref?: Ref<HTMLButtonElement>;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * A request is running: shows the busy text and ignores presses. The button stays enabled
   * (aria-disabled, not `disabled`) so it keeps focus; a disabled button drops it to <body>.
   */
  isPending?: boolean;
  pendingText?: ReactNode;
}

export function Button({ variant = 'primary', size = 'md', isPending, pendingText, className, children, type = 'button', onClick, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass(variant, size, className)}
      aria-disabled={isPending || undefined}
      aria-busy={isPending || undefined}
      onClick={(e: MouseEvent<HTMLButtonElement>) => {
        if (isPending) {
          e.preventDefault();
          return;
        }
        onClick?.(e);
      }}
      {...rest}
    >
      {isPending && pendingText ? pendingText : children}
    </button>
  );
}
