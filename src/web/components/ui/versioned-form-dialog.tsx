// A large dialog holding one form that saves a document with its optimistic version: the
// conflict notice (someone else saved first), the error summary, the fields, then キャンセル and
// 保存. It cannot be dismissed by a click outside while the save runs.
import type { BaseSyntheticEvent, ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { Dialog, FormDialogActions } from './dialog';
import { FormErrorSummary, type FormErrorSummaryProps } from './form-error';
import { VersionConflict } from './version-conflict';

export interface VersionedFormDialogProps {
  title: string;
  /** The form's id; the error summary is `${formId}-errors`. */
  formId: string;
  onSubmit: (e?: BaseSyntheticEvent) => Promise<void>;
  isPending: boolean;
  /** The save's error: a 409 shows the conflict notice. */
  error: unknown;
  /** The form's error summary (from useFormErrors). */
  errors: Pick<FormErrorSummaryProps, 'problem' | 'items' | 'focusKey'>;
  onClose: () => void;
  /** After a conflict: load the other version. Closing the dialog by default. */
  onReload?: () => void;
  children: ReactNode;
}

export function VersionedFormDialog({ title, formId, onSubmit, isPending, error, errors, onClose, onReload, children }: VersionedFormDialogProps) {
  const t = useT();
  return (
    <Dialog isOpen onOpenChange={(o) => !o && onClose()} title={title} size="lg" isDismissable={!isPending}>
      <form id={formId} className="form" noValidate onSubmit={onSubmit}>
        <VersionConflict error={error} onReload={onReload ?? onClose} />
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        {children}
        <FormDialogActions onCancel={onClose} isSubmitting={isPending} submitLabel={t('common.save')} />
      </form>
    </Dialog>
  );
}
