// Materials of an event: download for everyone, upload and delete for organisers.
import { useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useDeleteMaterial } from '../api/delete-material';
import { materialUrl, useMaterials, type EventMaterial } from '../api/list-materials';
import { useUploadMaterial } from '../api/upload-material';

const ACCEPT = '.pdf,.pptx,.docx,.xlsx,.png,.jpg,.jpeg,.txt';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function EventMaterials({ eventId, canManage }: { eventId: string; canManage: boolean }) {
  const t = useT();
  const materials = useMaterials(eventId);
  const upload = useUploadMaterial(eventId);
  const remove = useDeleteMaterial(eventId);
  const [deleting, setDeleting] = useState<EventMaterial | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const items = materials.data?.items ?? [];

  return (
    <Section title={t('ev.materials')}>
      {materials.isPending ? <LoadingState /> : null}
      {materials.error ? <ErrorState error={materials.error} /> : null}
      {items.length ? (
        <ul className="plain-list">
          {items.map((m) => (
            <li key={m.id} className="material">
              <a href={materialUrl(eventId, m.id)} download={m.filename}>
                {m.filename}
              </a>{' '}
              <span className="muted small">（{formatBytes(m.size)}）</span>
              {canManage ? (
                <Button variant="tertiary" size="sm" aria-label={t('ev.materialDeleteLabel', { name: m.filename })} onClick={() => setDeleting(m)}>
                  {t('common.delete')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : materials.data ? (
        <p className="muted">{t('ev.noMaterials')}</p>
      ) : null}
      {canManage ? (
        <form
          className="material-upload"
          onSubmit={(ev) => {
            ev.preventDefault();
            const file = fileRef.current?.files?.[0];
            if (!file) return;
            setNotice(null);
            upload.mutate(file, {
              onSuccess: (m) => {
                setNotice(t('ev.materialUploaded', { name: m.filename }));
                if (fileRef.current) fileRef.current.value = '';
              },
            });
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={`material-file-${eventId}`}>
              {t('ev.materialFile')}
            </label>
            <p className="field__hint" id={`material-file-${eventId}-hint`}>
              {t('ev.materialHint')}
            </p>
            <input id={`material-file-${eventId}`} ref={fileRef} type="file" accept={ACCEPT} aria-describedby={`material-file-${eventId}-hint`} />
          </div>
          <Button type="submit" variant="secondary" isPending={upload.isPending} pendingText={t('ev.uploading')}>
            {t('ev.upload')}
          </Button>
          {upload.error ? <Alert tone="error">{problemOf(upload.error)?.detail}</Alert> : null}
          <div role="status">{notice ? <p>{notice}</p> : null}</div>
        </form>
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={t('ev.materialDeleteTitle')}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        problem={remove.error ? problemOf(remove.error) : null}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <p>{t('ev.materialDeleteBody', { name: deleting?.filename ?? '' })}</p>
      </ConfirmDialog>
    </Section>
  );
}
