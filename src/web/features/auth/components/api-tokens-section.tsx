// Personal API tokens: create (the secret is shown once), list, revoke with confirmation.
import { useState } from 'react';
import { Alert, SuccessNotice } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { emptyToUndefined, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { CreateApiTokenSchema, useCreateToken, type CreatedToken } from '../api/create-token';
import { useTokens, type ApiToken } from '../api/list-tokens';
import { useRevokeToken } from '../api/revoke-token';

export function ApiTokensSection() {
  const t = useT();
  const tokens = useTokens();
  const [created, setCreated] = useState<(CreatedToken & { name: string }) | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useRevokeToken();

  const statusOf = (tok: ApiToken) =>
    tok.revokedAt ? (
      <Badge tone="neutral">{t('account.tokenRevoked')}</Badge>
    ) : tok.expiresAt && new Date(tok.expiresAt).getTime() < Date.now() ? (
      <Badge tone="warning">{t('account.tokenExpired')}</Badge>
    ) : (
      <Badge tone="success">{t('account.tokenActive')}</Badge>
    );

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('account.colTokenName'), isRowHeader: true, cell: (tok) => tok.name },
    { key: 'prefix', header: t('account.colPrefix'), cell: (tok) => <code className="code">{tok.prefix}…</code> },
    { key: 'created', header: t('account.colCreated'), cell: (tok) => <DateTime value={tok.createdAt} /> },
    { key: 'lastUsed', header: t('account.colLastUsed'), cell: (tok) => <DateTime value={tok.lastUsedAt} /> },
    { key: 'expires', header: t('account.colExpires'), cell: (tok) => <DateTime value={tok.expiresAt} /> },
    { key: 'status', header: t('account.colStatus'), cell: statusOf },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      cell: (tok) =>
        tok.revokedAt ? null : (
          <Button
            variant="tertiary"
            size="sm"
            aria-label={t('account.revokeLabel', { name: tok.name })}
            onClick={() => {
              revoke.reset();
              setRevoking(tok);
            }}
          >
            {t('account.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Section title={t('account.tokens')} id="tokens">
      <p>{t('account.tokensIntro')}</p>
      {created ? (
        <NewTokenNotice created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm
          onCreated={(c) => {
            setNotice(null);
            setCreated(c);
          }}
        />
      )}
      <SuccessNotice message={notice} />
      <EraToggle />
      <DataTable
        caption={t('account.tokensCaption')}
        columns={columns}
        rows={tokens.data?.items ?? []}
        rowKey={(tok) => tok.id}
        isLoading={tokens.isPending}
        error={tokens.error}
        onRetry={() => void tokens.refetch()}
        emptyMessage={t('account.tokensEmpty')}
      />
      <ConfirmDialog
        isOpen={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t('account.revokeTitle')}
        confirmLabel={t('account.revoke')}
        isPending={revoke.isPending}
        problem={revoke.error ? problemOf(revoke.error) : null}
        onConfirm={() => {
          if (!revoking) return;
          const name = revoking.name;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              setRevoking(null);
              setNotice(`${t('account.tokenRevoked')}: ${name}`);
            },
          });
        }}
      >
        <p>{t('account.revokeBody', { name: revoking?.name ?? '' })}</p>
      </ConfirmDialog>
    </Section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken & { name: string }) => void }) {
  const t = useT();
  const formId = 'token';
  const form = useZodForm(CreateApiTokenSchema, { defaultValues: { name: '', expiresInDays: 90 } });
  const errors = useFormErrors(form, formId, [
    { name: 'name', label: t('account.tokenName') },
    { name: 'expiresInDays', label: t('account.tokenExpires') },
  ]);
  const create = useCreateToken();

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    const result = await create.mutateAsync(input);
    form.reset();
    onCreated({ ...result, name: input.name });
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form form--inline">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <div className="form__row">
        <TextField
          id={fieldId(formId, 'name')}
          label={t('account.tokenName')}
          description={t('account.tokenNameHint')}
          isRequired
          autoComplete="off"
          error={form.formState.errors.name?.message}
          {...form.register('name')}
        />
        <SelectField
          id={fieldId(formId, 'expiresInDays')}
          label={t('account.tokenExpires')}
          options={[
            { value: '30', label: t('account.tokenExpires30') },
            { value: '90', label: t('account.tokenExpires90') },
            { value: '365', label: t('account.tokenExpires365') },
            { value: '', label: t('account.tokenExpiresNever') },
          ]}
          error={form.formState.errors.expiresInDays?.message}
          {...form.register('expiresInDays', { setValueAs: (v: unknown) => (emptyToUndefined(v) === undefined ? undefined : Number(v)) })}
        />
      </div>
      <div className="form__actions">
        <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
          {t('account.createToken')}
        </Button>
      </div>
    </form>
  );
}

function NewTokenNotice({ created, onDone }: { created: CreatedToken & { name: string }; onDone: () => void }) {
  const t = useT();
  return (
    <div className="token-reveal">
      <Alert tone="warning" title={t('account.tokenCreatedTitle')} role="alert">
        <p>{t('account.tokenCreatedWarning')}</p>
      </Alert>
      <TextField
        label={`${t('account.tokenValue')}（${created.name}）`}
        value={created.token}
        readOnly
        spellCheck={false}
        inputClassName="input--mono"
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="button-row">
        <CopyButton text={created.token} variant="primary" size="md" />
        <Button variant="secondary" onClick={onDone}>
          {t('account.tokenDone')}
        </Button>
      </div>
    </div>
  );
}
