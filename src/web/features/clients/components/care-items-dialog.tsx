// Editing the 医療的ケア (item, 見守り, notes). The medical section is saved whole with the
// version it was read at; a conflicting save shows the server's message and offers a reload.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { availableMonitoringLevels, CARE_ITEMS, MONITORING_LEVEL_LABELS, type CareItemCode, type MonitoringLevel } from '../../../../shared/domain/care-items';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { SelectField, TextAreaField } from '../../../components/ui/fields';
import { FormErrorSummary, mapProblemToFields } from '../../../components/ui/form-error';
import { VersionConflict, isVersionConflict } from '../../../components/ui/version-conflict';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import type { ClientRecord } from '../api/get-client';
import { clientKeys } from '../api/keys';
import { useUpdateSection } from '../api/update-section';

type Medical = NonNullable<ClientRecord['medical']>;
interface Row {
  code: CareItemCode;
  monitoring: MonitoringLevel;
  note: string;
}

export function CareItemsDialog({ clientId, medical, onClose, onSaved }: { clientId: string; medical: Medical; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const update = useUpdateSection(clientId);
  const [rows, setRows] = useState<Row[]>(medical.careItems.map((c) => ({ code: c.code, monitoring: c.monitoring, note: c.note })));
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? fix({ ...r, ...patch }) : r)));
  // A level the item has no box for is moved to the first one it has.
  const fix = (r: Row): Row => {
    const levels = availableMonitoringLevels(r.code);
    return levels.includes(r.monitoring) ? r : { ...r, monitoring: levels[0] ?? 'low' };
  };
  const unused = CARE_ITEMS.filter((ci) => !rows.some((r) => r.code === ci.code));

  const save = () => {
    const { careScore: _score, version, updatedAt: _at, ...body } = medical;
    update.mutate({ section: 'medical', input: { ...body, careItems: rows, version } }, { onSuccess: onSaved });
  };
  const problem = update.error && !isVersionConflict(update.error) ? problemOf(update.error) : null;

  return (
    <Dialog isOpen onOpenChange={(o) => !o && onClose()} title={t('clients.medical.editCareItems')} size="lg" isDismissable={!update.isPending}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <FormErrorSummary problem={problem} items={mapProblemToFields(problem, []).unmatched.map((e) => ({ label: e.label, message: e.message }))} />
        <VersionConflict
          error={update.error}
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: clientKeys.record(clientId) });
            onClose();
          }}
        />
        <ol className="row-editor">
          {rows.map((r, i) => {
            const label = CARE_ITEMS.find((c) => c.code === r.code)?.label ?? r.code;
            return (
              <li key={`${r.code}-${i}`} className="row-editor__row">
                <fieldset className="fieldset">
                  <legend className="field__label">{t('clients.medical.careRow', { n: i + 1, label })}</legend>
                  <div className="form__row">
                    <SelectField
                      label={t('careScore.item')}
                      value={r.code}
                      options={CARE_ITEMS.filter((c) => c.code === r.code || !rows.some((x) => x.code === c.code)).map((c) => ({ value: c.code, label: c.label }))}
                      onChange={(e) => set(i, { code: e.currentTarget.value as CareItemCode })}
                    />
                    <SelectField
                      label={t('careScore.monitoring')}
                      value={r.monitoring}
                      options={availableMonitoringLevels(r.code).map((l) => ({ value: l, label: MONITORING_LEVEL_LABELS[l] }))}
                      onChange={(e) => set(i, { monitoring: e.currentTarget.value as MonitoringLevel })}
                    />
                  </div>
                  <TextAreaField label={t('clients.medical.careNote')} rows={2} value={r.note} onChange={(e) => set(i, { note: e.currentTarget.value })} />
                  <Button variant="tertiary" size="sm" aria-label={t('clients.medical.removeCareItem', { label })} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                    {t('common.delete')}
                  </Button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {unused.length > 0 ? (
          <Button variant="secondary" size="sm" onClick={() => setRows((rs) => [...rs, fix({ code: unused[0]!.code, monitoring: 'middle', note: '' })])}>
            {t('clients.medical.addCareItem')}
          </Button>
        ) : null}
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={update.isPending} pendingText={t('common.saving')}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
