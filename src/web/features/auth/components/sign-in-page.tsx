// Sign-in: email + password, then (for accounts with two-factor) a 6-digit code or a recovery
// code. The server's messages are shown as they are: they are deliberately generic.
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type InputHTMLAttributes } from 'react';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useDocumentTitle } from '../../../components/ui/page';
import { useLocale, useT, type MessageKey } from '../../../i18n/i18n';
import { fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { meQueryOptions } from '../api/get-me';
import { SignInInputSchema, useSignIn } from '../api/sign-in';
import { updateMe } from '../api/update-me';
import { VerifyBackupCodeInputSchema, useVerifyBackupCode } from '../api/verify-backup-code';
import { VerifyTotpInputSchema, useVerifyTotp } from '../api/verify-totp';
import { DemoAccounts } from './demo-accounts';

export type SignInReason = 'expired' | 'signed-out' | 'required';

/** Where the app leaves the server's explanation of a lost session for this page to show. */
export const SIGN_IN_NOTICE_KEY = 'tsunagu.signInNotice';

function takeStoredNotice(): string | null {
  try {
    const value = sessionStorage.getItem(SIGN_IN_NOTICE_KEY);
    sessionStorage.removeItem(SIGN_IN_NOTICE_KEY);
    return value;
  } catch {
    return null;
  }
}

export interface SignInPageProps {
  reason?: SignInReason;
  demoMode?: boolean;
  /** Called once the session exists and the account is loaded. */
  onSignedIn: () => void;
}

type Step = 'credentials' | 'totp' | 'recovery';

export function SignInPage({ reason, demoMode, onSignedIn }: SignInPageProps) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('credentials');
  const [notice] = useState(takeStoredNotice);
  useDocumentTitle(t('signIn.title'));

  const reasonText =
    notice ??
    (reason === 'expired'
      ? t('signIn.reason.expired')
      : reason === 'signed-out'
        ? t('signIn.reason.signedOut')
        : reason === 'required'
          ? t('signIn.reason.required')
          : null);

  const complete = async () => {
    const me = await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
    // The language chosen on this page carries over to the account.
    if (me.locale !== locale) {
      try {
        queryClient.setQueryData(meQueryOptions.queryKey, await updateMe({ locale }));
      } catch {
        /* not worth blocking sign-in over */
      }
    }
    onSignedIn();
  };

  return (
    <div className="sign-in">
      <div className="sign-in__card">
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        {reasonText && step === 'credentials' ? (
          <Alert tone={reason === 'signed-out' && !notice ? 'success' : 'info'} className="sign-in__notice">
            <p>{reasonText}</p>
          </Alert>
        ) : null}
        {step === 'credentials' ? (
          <CredentialsStep onTwoFactor={() => setStep('totp')} onSignedIn={complete} demoMode={demoMode} />
        ) : (
          // Keyed: switching between the two kinds starts an empty form.
          <CodeStep key={step} kind={step} onSignedIn={complete} onSwitch={() => setStep(step === 'totp' ? 'recovery' : 'totp')} onStartOver={() => setStep('credentials')} />
        )}
      </div>
    </div>
  );
}

function CredentialsStep({ onTwoFactor, onSignedIn, demoMode }: { onTwoFactor: () => void; onSignedIn: () => Promise<void>; demoMode?: boolean }) {
  const t = useT();
  const formId = 'sign-in';
  const form = useZodForm(SignInInputSchema, { defaultValues: { email: '', password: '' } });
  const errors = useFormErrors(form, formId, [
    { name: 'email', label: t('signIn.email') },
    { name: 'password', label: t('signIn.password') },
  ]);
  const signIn = useSignIn();
  const [finishing, setFinishing] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);
  const fe = form.formState.errors;

  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    try {
      const result = await signIn.mutateAsync(input);
      if (result.twoFactorRedirect) return onTwoFactor();
      setFinishing(true);
      await onSignedIn();
    } catch (error) {
      setFinishing(false);
      errors.onServerError(error);
    }
  }, errors.onInvalid);

  return (
    <>
      <p className="sign-in__intro">{t('signIn.intro')}</p>
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <TextField
          id={fieldId(formId, 'email')}
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          isRequired
          error={fe.email?.message}
          {...form.register('email')}
        />
        <TextField
          id={fieldId(formId, 'password')}
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          isRequired
          error={fe.password?.message}
          {...form.register('password')}
        />
        <div className="form__actions">
          <Button ref={submitRef} type="submit" isPending={form.formState.isSubmitting || finishing} pendingText={t('signIn.submitting')} className="button--block">
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
      {demoMode ? (
        <DemoAccounts
          onUse={(email, password) => {
            form.setValue('email', email);
            form.setValue('password', password);
            submitRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

/**
 * The second step: a code from the authenticator app or one of the recovery codes. One form,
 * two kinds that differ only in wording, the input's hints, the endpoint and the way across.
 */
const CODE_STEPS = {
  totp: {
    formId: 'sign-in-totp',
    schema: VerifyTotpInputSchema,
    title: 'signIn.twoFactorTitle',
    intro: 'signIn.twoFactorIntro',
    label: 'signIn.code',
    input: { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 7 },
    switchTo: 'signIn.useRecovery',
  },
  recovery: {
    formId: 'sign-in-recovery',
    schema: VerifyBackupCodeInputSchema,
    title: 'signIn.recoveryTitle',
    intro: 'signIn.recoveryIntro',
    label: 'signIn.recoveryCode',
    input: { autoComplete: 'off', spellCheck: false },
    switchTo: 'signIn.useTotp',
  },
} as const satisfies Record<
  'totp' | 'recovery',
  { formId: string; schema: z.ZodType<{ code: string }, { code: string }>; title: MessageKey; intro: MessageKey; label: MessageKey; input: InputHTMLAttributes<HTMLInputElement>; switchTo: MessageKey }
>;

function CodeStep({ kind, onSignedIn, onSwitch, onStartOver }: { kind: keyof typeof CODE_STEPS; onSignedIn: () => Promise<void>; onSwitch: () => void; onStartOver: () => void }) {
  const t = useT();
  const step = CODE_STEPS[kind];
  const formId = step.formId;
  const form = useZodForm(step.schema as z.ZodType<{ code: string }, { code: string }>, { defaultValues: { code: '' } });
  const errors = useFormErrors(form, formId, [{ name: 'code', label: t(step.label) }]);
  const verifyTotp = useVerifyTotp();
  const verifyBackupCode = useVerifyBackupCode();
  const verify = kind === 'totp' ? verifyTotp : verifyBackupCode;

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    await verify.mutateAsync(input);
    await onSignedIn();
  });

  return (
    <div className="sign-in__step">
      <h2 id={`${formId}-title`} className="sign-in__step-title">
        {t(step.title)}
      </h2>
      <p>{t(step.intro)}</p>
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <TextField
          id={fieldId(formId, 'code')}
          label={t(step.label)}
          {...step.input}
          inputClassName="input--code"
          isRequired
          autoFocus
          error={form.formState.errors.code?.message}
          {...form.register('code')}
        />
        <div className="form__actions">
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('signIn.verifying')} className="button--block">
            {t('signIn.verify')}
          </Button>
        </div>
      </form>
      <ul className="link-list">
        <li>
          <button type="button" className="link-button" onClick={onSwitch}>
            {t(step.switchTo)}
          </button>
        </li>
        <li>
          <button type="button" className="link-button" onClick={onStartOver}>
            {t('signIn.startOver')}
          </button>
        </li>
      </ul>
    </div>
  );
}
