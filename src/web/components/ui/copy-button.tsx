import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { Button, type ButtonProps } from './button';

/** Copies text to the clipboard and says so (politely announced). */
export function CopyButton({ text, label, variant = 'secondary', size = 'sm', ...rest }: { text: string; label?: string } & Omit<ButtonProps, 'onClick' | 'children'>) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="copy-button">
      <Button
        variant={variant}
        size={size}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState('copied');
          } catch {
            setState('failed');
          }
        }}
        {...rest}
      >
        {label ?? t('common.copy')}
      </Button>
      <span role="status" className="copy-button__status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
