// The edit state of a record tab whose sections each open their own dialog (基本情報・連絡先,
// 医療情報・医療的ケア): which dialog is open, and 保存しました after the last save.
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n';

/**
 * `editButton(which, label)` opens a section's dialog (nothing when `canEdit` is false);
 * `saved()` closes it after a save and shows `savedNotice` until the next edit.
 */
export function useSectionEditing<K extends string>(canEdit: boolean) {
  const t = useT();
  const [editing, setEditing] = useState<K | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  return {
    editing,
    close: () => setEditing(null),
    saved: () => {
      setEditing(null);
      setIsSaved(true);
    },
    editButton: (which: K, label: string) =>
      canEdit ? (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            setIsSaved(false);
            setEditing(which);
          }}
        >
          {label}
        </Button>
      ) : null,
    savedNotice: isSaved ? (
      <p role="status" className="notice-text">
        {t('common.saved')}
      </p>
    ) : null,
  };
}
