// Enrolling an authenticator app: password → QR code (drawn here, the secret never leaves the
// browser) and the secret as text → a code from the app to prove it works → the ten recovery
// codes, shown this once.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { Checkbox, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { PasswordConfirmSchema, secretFromTotpUri, useEnableTwoFactor, type EnableTwoFactorResult } from '../api/enable-two-factor';
import { VerifyTotpInputSchema, verifyTotp } from '../api/verify-totp';

export interface TwoFactorEnrolmentProps {
  /** After the user has confirmed keeping the recovery codes. */
  onDone: () => void | Promise<void>;
  onCancel?: () => void;
  /** Heading level of the step titles (2 on its own page, 3 inside a section). */
  headingLevel?: 2 | 3;
}

export function TwoFactorEnrolment({ onDone, onCancel, headingLevel = 2 }: TwoFactorEnrolmentProps) {
  const [enrolment, setEnrolment] = useState<EnableTwoFactorResult | null>(null);
  const [verified, setVerified] = useState(false);
  const H = `h${headingLevel}` as const;

  if (!enrolment) return <PasswordStep H={H} onStarted={setEnrolment} onCancel={onCancel} />;
  if (!verified) return <VerifyStep H={H} enrolment={enrolment} onVerified={() => setVerified(true)} onCancel={onCancel} />;
  return <RecoveryCodesStep H={H} codes={enrolment.backupCodes} onDone={onDone} />;
}

type HeadingTag = 'h2' | 'h3';

function PasswordStep({ H, onStarted, onCancel }: { H: HeadingTag; onStarted: (r: EnableTwoFactorResult) => void; onCancel?: () => void }) {
  const t = useT();
  const formId = 'two-factor-password';
  const form = useZodForm(PasswordConfirmSchema, { defaultValues: { password: '' } });
  const errors = useFormErrors(form, formId, [{ name: 'password', label: t('twoFactor.password') }]);
  const enable = useEnableTwoFactor();

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    onStarted(await enable.mutateAsync(input));
  });

  return (
    <div className="enrolment-step">
      <H className="enrolment-step__title">{t('twoFactor.step1')}</H>
      <p>{t('twoFactor.step1Intro')}</p>
      <form id={formId} onSubmit={onSubmit} noValidate className="form form--narrow">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <TextField
          id={fieldId(formId, 'password')}
          label={t('twoFactor.password')}
          type="password"
          autoComplete="current-password"
          isRequired
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        <div className="form__actions">
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.loading')}>
            {t('twoFactor.start')}
          </Button>
          {onCancel ? (
            <Button variant="tertiary" onClick={onCancel}>
              {t('twoFactor.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </div>
  );
}

function VerifyStep({ H, enrolment, onVerified, onCancel }: { H: HeadingTag; enrolment: EnableTwoFactorResult; onVerified: () => void; onCancel?: () => void }) {
  const t = useT();
  const formId = 'two-factor-verify';
  const [qr, setQr] = useState<string | null>(null);
  const secret = secretFromTotpUri(enrolment.totpURI);
  const form = useZodForm(VerifyTotpInputSchema, { defaultValues: { code: '' } });
  const errors = useFormErrors(form, formId, [{ name: 'code', label: t('twoFactor.code') }]);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(enrolment.totpURI, { margin: 2, width: 224, errorCorrectionLevel: 'M' })
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [enrolment.totpURI]);

  // Not the feature's useVerifyTotp: refreshing the account now would show "enabled" and
  // unmount this flow before the recovery codes are seen. The caller refreshes on done.
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    await verifyTotp(input);
    onVerified();
  });

  return (
    <div className="enrolment-step">
      <H className="enrolment-step__title">{t('twoFactor.step2')}</H>
      <p>{t('twoFactor.step2Intro')}</p>
      <div className="enrolment-qr">
        {qr ? <img src={qr} width={224} height={224} alt={t('twoFactor.qrAlt')} className="enrolment-qr__image" /> : <div className="enrolment-qr__placeholder" />}
        {secret ? (
          <div className="enrolment-qr__secret">
            <TextField
              label={t('twoFactor.secret')}
              value={secret}
              readOnly
              spellCheck={false}
              inputClassName="input--mono"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={secret} />
          </div>
        ) : null}
      </div>
      <form id={formId} onSubmit={onSubmit} noValidate className="form form--narrow">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <TextField
          id={fieldId(formId, 'code')}
          label={t('twoFactor.code')}
          description={t('twoFactor.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          inputClassName="input--code"
          isRequired
          error={form.formState.errors.code?.message}
          {...form.register('code')}
        />
        <div className="form__actions">
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('signIn.verifying')}>
            {t('twoFactor.confirm')}
          </Button>
          {onCancel ? (
            <Button variant="tertiary" onClick={onCancel}>
              {t('twoFactor.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </div>
  );
}

function RecoveryCodesStep({ H, codes, onDone }: { H: HeadingTag; codes: string[]; onDone: () => void | Promise<void> }) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [href, setHref] = useState<string | null>(null);
  const text = codes.join('\n') + '\n';

  useEffect(() => {
    const url = URL.createObjectURL(new Blob([`tsunagu つなぐ ${t('twoFactor.codesCaption')}\n\n${text}`], { type: 'text/plain;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [text, t]);

  return (
    <div className="enrolment-step">
      <Alert tone="success">
        <p>{t('twoFactor.enabled')}</p>
      </Alert>
      <H className="enrolment-step__title">{t('twoFactor.step3')}</H>
      <p>{t('twoFactor.step3Intro')}</p>
      <ol className="recovery-codes" aria-label={t('twoFactor.codesCaption')}>
        {codes.map((c) => (
          <li key={c}>
            <code className="code">{c}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <CopyButton text={text} label={t('twoFactor.copyCodes')} />
        {href ? (
          <a className="button button--secondary button--sm" href={href} download="tsunagu-recovery-codes.txt">
            {t('twoFactor.downloadCodes')}
          </a>
        ) : null}
      </div>
      <Checkbox label={t('twoFactor.savedCheck')} checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
      <div className="form__actions">
        <Button
          disabled={!saved}
          isPending={finishing}
          onClick={async () => {
            setFinishing(true);
            try {
              await onDone();
            } finally {
              setFinishing(false);
            }
          }}
        >
          {t('twoFactor.finish')}
        </Button>
      </div>
    </div>
  );
}
