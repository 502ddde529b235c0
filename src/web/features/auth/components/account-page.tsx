// /account: profile and language, password, two-factor, personal API tokens.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, SuccessNotice } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { useLocale, useT } from '../../../i18n/i18n';
import { fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { ChangePasswordInputSchema, useChangePassword } from '../api/change-password';
import { useDisableTwoFactor } from '../api/disable-two-factor';
import { PasswordConfirmSchema } from '../api/enable-two-factor';
import { meQueryOptions, useMe } from '../api/get-me';
import { UpdateMeSchema, useUpdateMe } from '../api/update-me';
import { ApiTokensSection } from './api-tokens-section';
import { TwoFactorEnrolment } from './two-factor-enrolment';

export function AccountPage() {
  const t = useT();
  useDocumentTitle(t('account.title'));
  return (
    <div className="page page--narrow">
      <PageHeader title={t('account.title')} />
      <ProfileSection />
      <PasswordSection />
      <TwoFactorSection />
      <ApiTokensSection />
    </div>
  );
}

function ProfileSection() {
  const t = useT();
  const me = useMe();
  const { setLocale } = useLocale();
  const formId = 'profile';
  const form = useZodForm(UpdateMeSchema, { defaultValues: { name: me.name, locale: me.locale } });
  const errors = useFormErrors(form, formId, [
    { name: 'name', label: t('account.name') },
    { name: 'locale', label: t('account.language') },
  ]);
  const update = useUpdateMe();
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    setSaved(false);
    try {
      const next = await update.mutateAsync(input);
      setLocale(next.locale);
      form.reset({ name: next.name, locale: next.locale });
      setSaved(true);
    } catch (error) {
      errors.onServerError(error);
    }
  }, errors.onInvalid);

  return (
    <Section title={t('account.profile')} id="profile">
      <dl className="summary-list">
        <div>
          <dt>{t('account.email')}</dt>
          <dd>{me.email}</dd>
        </div>
        <div>
          <dt>{t('account.roles')}</dt>
          <dd>{me.roles.map((r) => t(`roles.${r}`)).join('、')}</dd>
        </div>
      </dl>
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        {saved ? (
          <Alert tone="success">
            <p>{t('common.saved')}</p>
          </Alert>
        ) : null}
        <TextField id={fieldId(formId, 'name')} label={t('account.name')} autoComplete="name" isRequired error={form.formState.errors.name?.message} {...form.register('name')} />
        <SelectField
          id={fieldId(formId, 'locale')}
          label={t('account.language')}
          options={[
            { value: 'ja', label: t('lang.ja') },
            { value: 'en', label: t('lang.en') },
          ]}
          error={form.formState.errors.locale?.message}
          {...form.register('locale')}
        />
        <div className="form__actions">
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function PasswordSection() {
  const t = useT();
  const formId = 'password';
  const form = useZodForm(ChangePasswordInputSchema, { defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' } });
  const errors = useFormErrors(form, formId, [
    { name: 'currentPassword', label: t('account.currentPassword') },
    { name: 'newPassword', label: t('account.newPassword') },
    { name: 'confirmPassword', label: t('account.confirmPassword') },
  ]);
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  const fe = form.formState.errors;

  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    setDone(false);
    try {
      await change.mutateAsync(input);
      form.reset();
      setDone(true);
    } catch (error) {
      errors.onServerError(error);
    }
  }, errors.onInvalid);

  return (
    <Section title={t('account.password')} id="password">
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        {done ? (
          <Alert tone="success">
            <p>{t('account.passwordChanged')}</p>
          </Alert>
        ) : null}
        {/* Lets password managers tie the new password to the right account. */}
        <input type="hidden" name="username" autoComplete="username" />
        <TextField
          id={fieldId(formId, 'currentPassword')}
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          isRequired
          error={fe.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <TextField
          id={fieldId(formId, 'newPassword')}
          label={t('account.newPassword')}
          description={t('account.newPasswordHint')}
          type="password"
          autoComplete="new-password"
          isRequired
          error={fe.newPassword?.message}
          {...form.register('newPassword')}
        />
        <TextField
          id={fieldId(formId, 'confirmPassword')}
          label={t('account.confirmPassword')}
          type="password"
          autoComplete="new-password"
          isRequired
          error={fe.confirmPassword?.message}
          {...form.register('confirmPassword')}
        />
        <div className="form__actions">
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
            {t('account.changePassword')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function TwoFactorSection() {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const [disableOpen, setDisableOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Section title={t('account.twoFactor')} id="two-factor">
      <p>
        {t('account.twoFactorStatus')}:{' '}
        {me.twoFactorEnabled ? <Badge tone="success">{t('account.twoFactorOn')}</Badge> : <Badge tone="warning">{t('account.twoFactorOff')}</Badge>}
      </p>
      <SuccessNotice message={notice} />
      {me.twoFactorEnabled && !enrolling ? (
        <>
          <p>{t('account.twoFactorEnabledText')}</p>
          <Button variant="secondary" onClick={() => setDisableOpen(true)}>
            {t('account.disableTwoFactor')}
          </Button>
          <DisableTwoFactorDialog
            isOpen={disableOpen}
            onOpenChange={setDisableOpen}
            onDisabled={() => {
              setDisableOpen(false);
              setNotice(t('account.twoFactorDisabled'));
            }}
          />
        </>
      ) : enrolling ? (
        <TwoFactorEnrolment
          headingLevel={3}
          onCancel={() => setEnrolling(false)}
          onDone={async () => {
            await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
            setEnrolling(false);
            setNotice(t('twoFactor.enabled'));
          }}
        />
      ) : (
        <>
          <p>{t('account.twoFactorDisabledText')}</p>
          <Button
            onClick={() => {
              setNotice(null);
              setEnrolling(true);
            }}
          >
            {t('home.twoFactorLink')}
          </Button>
        </>
      )}
    </Section>
  );
}

function DisableTwoFactorDialog({ isOpen, onOpenChange, onDisabled }: { isOpen: boolean; onOpenChange: (open: boolean) => void; onDisabled: () => void }) {
  const t = useT();
  const formId = 'disable-two-factor';
  const form = useZodForm(PasswordConfirmSchema, { defaultValues: { password: '' } });
  const errors = useFormErrors(form, formId, [{ name: 'password', label: t('account.currentPassword') }]);
  const disable = useDisableTwoFactor();

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    await disable.mutateAsync(input);
    form.reset();
    onDisabled();
  });

  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title={t('account.disableTwoFactorTitle')} size="sm" isDismissable={!form.formState.isSubmitting}>
      <p>{t('account.disableTwoFactorBody')}</p>
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <TextField
          id={fieldId(formId, 'password')}
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          isRequired
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        <DialogActions>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" isPending={form.formState.isSubmitting}>
            {t('account.disableTwoFactorConfirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
