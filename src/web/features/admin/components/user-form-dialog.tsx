// Creating and editing an account: one form, validated by the shared CreateUserSchema (in edit
// mode without email and password, which are not changed here).
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { ROLES, type Role } from '../../../../shared/contracts/auth';
import { Dialog, FormDialogActions } from '../../../components/ui/dialog';
import { CheckboxGroup, SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { emptyToNull, emptyToUndefined, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { CreateUserSchema, useCreateUser } from '../api/create-user';
import { useMunicipalities } from '../api/list-municipalities';
import type { AdminUser } from '../api/list-users';
import { useUpdateUser } from '../api/update-user';
import { OfficePicker } from './office-picker';

const EditUserFormSchema = CreateUserSchema.extend({ email: z.string().optional(), password: z.string().optional() });

export interface UserFormDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** The account to edit; absent to create one. */
  user?: AdminUser | null;
  onSaved: (user: AdminUser, mode: 'create' | 'edit') => void;
}

export function UserFormDialog({ isOpen, onOpenChange, user, onSaved }: UserFormDialogProps) {
  const t = useT();
  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title={user ? t('users.editTitle') : t('users.createTitle')} size="lg">
      {/* Keyed so a reopened dialog starts from the chosen account, not the last one's edits. */}
      <UserForm key={user?.id ?? 'new'} user={user ?? null} onCancel={() => onOpenChange(false)} onSaved={onSaved} />
    </Dialog>
  );
}

function UserForm({ user, onCancel, onSaved }: { user: AdminUser | null; onCancel: () => void; onSaved: UserFormDialogProps['onSaved'] }) {
  const t = useT();
  const isEdit = user !== null;
  const formId = isEdit ? 'edit-user' : 'create-user';
  // One form type for both modes; edit mode only relaxes the two fields it does not show.
  const form = useZodForm((isEdit ? EditUserFormSchema : CreateUserSchema) as typeof CreateUserSchema, {
    defaultValues: {
      email: user?.email ?? '',
      name: user?.name ?? '',
      nameKana: user?.nameKana ?? undefined,
      password: isEdit ? undefined : '',
      roles: user?.roles ?? [],
      municipalityCode: user?.municipalityCode ?? null,
      officeIds: user?.offices.map((o) => o.id) ?? [],
    },
  });
  const fields = [
    ...(isEdit ? [] : [{ name: 'email' as const, label: t('users.email') }]),
    { name: 'name' as const, label: t('users.name') },
    { name: 'nameKana' as const, label: t('users.nameKana') },
    ...(isEdit ? [] : [{ name: 'password' as const, label: t('users.password') }]),
    { name: 'roles' as const, label: t('users.roles') },
    { name: 'municipalityCode' as const, label: t('users.municipality') },
    { name: 'officeIds' as const, label: t('users.offices') },
  ];
  const errors = useFormErrors(form, formId, fields);
  const create = useCreateUser();
  const update = useUpdateUser();
  const municipalities = useMunicipalities();
  const fe = form.formState.errors;

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    if (user) {
      const saved = await update.mutateAsync({
        id: user.id,
        input: {
          name: input.name,
          nameKana: input.nameKana ?? null,
          roles: input.roles,
          municipalityCode: input.municipalityCode ?? null,
          officeIds: input.officeIds ?? [],
        },
      });
      onSaved(saved, 'edit');
    } else {
      onSaved(await create.mutateAsync(input), 'create');
    }
  });

  const roleOptions = ROLES.map((r: Role) => ({ value: r, label: t(`roles.${r}`) }));
  const municipalityOptions = (municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: `${m.name}（${m.prefectureName}）` }));

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      {isEdit ? (
        <dl className="summary-list">
          <div>
            <dt>{t('users.email')}</dt>
            <dd>{user.email}</dd>
          </div>
        </dl>
      ) : (
        <TextField
          id={fieldId(formId, 'email')}
          label={t('users.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          isRequired
          error={fe.email?.message}
          {...form.register('email')}
        />
      )}
      <div className="form__row">
        <TextField id={fieldId(formId, 'name')} label={t('users.name')} autoComplete="off" isRequired error={fe.name?.message} {...form.register('name')} />
        <TextField
          id={fieldId(formId, 'nameKana')}
          label={t('users.nameKana')}
          description={t('users.nameKanaHint')}
          autoComplete="off"
          error={fe.nameKana?.message}
          {...form.register('nameKana', { setValueAs: emptyToUndefined })}
        />
      </div>
      {isEdit ? null : (
        <TextField
          id={fieldId(formId, 'password')}
          label={t('users.password')}
          description={t('users.passwordHint')}
          type="password"
          autoComplete="new-password"
          isRequired
          error={fe.password?.message}
          {...form.register('password')}
        />
      )}
      <Controller
        control={form.control}
        name="roles"
        render={({ field }) => (
          <CheckboxGroup
            id={fieldId(formId, 'roles')}
            name={field.name}
            label={t('users.roles')}
            isRequired
            options={roleOptions}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fe.roles?.message}
          />
        )}
      />
      {/* Controlled: the options arrive after the form opens, and the value must survive that. */}
      <Controller
        control={form.control}
        name="municipalityCode"
        render={({ field }) => (
          <SelectField
            id={fieldId(formId, 'municipalityCode')}
            name={field.name}
            label={t('users.municipality')}
            emptyOption={t('users.municipalityNone')}
            options={municipalityOptions}
            value={field.value ?? ''}
            onChange={(e) => field.onChange(emptyToNull(e.currentTarget.value))}
            onBlur={field.onBlur}
            error={fe.municipalityCode?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="officeIds"
        render={({ field }) => (
          <OfficePicker
            id={fieldId(formId, 'officeIds')}
            label={t('users.offices')}
            value={field.value ?? []}
            onChange={field.onChange}
            initialOffices={user?.offices}
            error={fe.officeIds?.message}
          />
        )}
      />
      <FormDialogActions onCancel={onCancel} isSubmitting={form.formState.isSubmitting} submitLabel={isEdit ? t('users.submitEdit') : t('users.submitCreate')} />
    </form>
  );
}
