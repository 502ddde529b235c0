// Modal dialogs on React Aria: focus is trapped inside and returned to the trigger on close,
// Escape closes, the page behind is hidden from assistive technology.
import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useT } from '../../i18n/i18n';
import { problemOf, type Problem } from '../../lib/api-client';
import { Alert } from './alert';
import { Button } from './button';
import { CloseIcon } from './icons';

export interface DialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  role?: 'dialog' | 'alertdialog';
  /** False while a request runs, so a click outside cannot lose the user's input. */
  isDismissable?: boolean;
}

export function Dialog({ isOpen, onOpenChange, title, children, size = 'md', role = 'dialog', isDismissable = true }: DialogProps) {
  const t = useT();
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={isDismissable} isKeyboardDismissDisabled={!isDismissable} className="modal-overlay">
      <Modal className={`modal modal--${size}`}>
        <AriaDialog role={role} className="dialog">
          <div className="dialog__header">
            <Heading slot="title" level={2} className="dialog__title">
              {title}
            </Heading>
            <button type="button" className="dialog__close" aria-label={t('common.close')} onClick={() => onOpenChange(false)} disabled={!isDismissable}>
              <CloseIcon />
            </button>
          </div>
          <div className="dialog__body">{children}</div>
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog__actions">{children}</div>;
}

/** キャンセル and the submit button of a form in a dialog; both wait while it is submitted. */
export function FormDialogActions({ onCancel, isSubmitting, submitLabel }: { onCancel: () => void; isSubmitting: boolean; submitLabel: ReactNode }) {
  const t = useT();
  return (
    <DialogActions>
      <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" isPending={isSubmitting} pendingText={t('common.saving')}>
        {submitLabel}
      </Button>
    </DialogActions>
  );
}

export interface ConfirmDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  isPending?: boolean;
  problem?: Problem | null;
}

/** "Are you sure?" before anything that cannot be undone or that affects someone else. */
export function ConfirmDialog({ isOpen, onOpenChange, title, children, confirmLabel, tone = 'danger', onConfirm, isPending, problem }: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} size="sm" role="alertdialog" isDismissable={!isPending}>
      <div className="dialog__message">{children}</div>
      {problem ? <Alert tone="error">{problem.detail}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={isPending}>
          {t('common.cancel')}
        </Button>
        <Button variant={tone === 'danger' ? 'danger' : 'primary'} onClick={onConfirm} isPending={isPending}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** What ConfirmMutationDialog needs of a react-query mutation. */
export interface ConfirmableMutation<V, R> {
  mutate: (variables: V, options?: { onSuccess?: (result: R) => void }) => void;
  isPending: boolean;
  error: Error | null;
}

export interface ConfirmMutationDialogProps<S, V, R> extends Pick<ConfirmDialogProps, 'title' | 'confirmLabel' | 'tone'> {
  /** What the dialog asks about (a row, an offer…); null while it is closed. */
  subject: S | null;
  onClose: () => void;
  mutation: ConfirmableMutation<V, R>;
  /** The mutation's variables for the subject. */
  variables: (subject: S) => V;
  /** After the mutation succeeded and the dialog closed: say what happened. */
  onDone?: (result: R, subject: S) => void;
  /** The question, for the subject. */
  children: (subject: S) => ReactNode;
}

/**
 * A ConfirmDialog that runs one mutation on its subject: the server's refusal shows inside the
 * dialog; on success it closes and calls `onDone`.
 */
export function ConfirmMutationDialog<S, V, R>({ subject, onClose, mutation, variables, onDone, children, ...dialog }: ConfirmMutationDialogProps<S, V, R>) {
  return (
    <ConfirmDialog
      {...dialog}
      isOpen={subject !== null}
      onOpenChange={(open) => !open && onClose()}
      isPending={mutation.isPending}
      problem={mutation.error ? problemOf(mutation.error) : null}
      onConfirm={() => {
        if (subject === null) return;
        mutation.mutate(variables(subject), {
          onSuccess: (result) => {
            onClose();
            onDone?.(result, subject);
          },
        });
      }}
    >
      {subject !== null ? children(subject) : null}
    </ConfirmDialog>
  );
}
