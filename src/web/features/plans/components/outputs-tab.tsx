// 印刷・出力: every printout and export the server makes from the current record. Naming a
// recipient checks the guardian's consent to them and writes a provision record (APPI).
import { useState } from 'react';
import { buttonClass } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/fields';
import { Section } from '../../../components/ui/page';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { outputUrls } from '../api/output-urls';

const OUTPUTS: { key: string; label: MessageKey; hint: MessageKey; url: (clientId: string) => string; download?: boolean }[] = [
  { key: 'plan', label: 'plans.outputs.planPdf', hint: 'plans.outputs.planPdfHint', url: (id) => outputUrls.planPdf(id) },
  { key: 'weekly', label: 'plans.outputs.weeklyPdf', hint: 'plans.outputs.weeklyPdfHint', url: (id) => outputUrls.weeklyPdf(id) },
  { key: 'planXlsx', label: 'plans.outputs.planXlsx', hint: 'plans.outputs.planXlsxHint', url: (id) => outputUrls.planXlsx(id), download: true },
  { key: 'lsf', label: 'plans.outputs.lifeSupport', hint: 'plans.outputs.lifeSupportHint', url: (id) => outputUrls.lifeSupportPdf(id) },
  { key: 'emergency', label: 'plans.outputs.emergency', hint: 'plans.outputs.emergencyHint', url: (id) => outputUrls.emergencyPdf(id) },
  { key: 'fhir', label: 'plans.outputs.fhir', hint: 'plans.outputs.fhirHint', url: (id) => outputUrls.fhir(id), download: true },
];

export function OutputsTab({ clientId }: { clientId: string }) {
  const t = useT();
  const [recipient, setRecipient] = useState('');
  const withRecipient = (url: string) => (recipient.trim() ? `${url}${url.includes('?') ? '&' : '?'}recipientName=${encodeURIComponent(recipient.trim())}` : url);
  return (
    <Section title={t('plans.outputs.title')}>
      <p className="field__hint">{t('plans.outputs.intro')}</p>
      <TextField label={t('plans.outputs.recipient')} description={t('plans.outputs.recipientHint')} value={recipient} onChange={(e) => setRecipient(e.currentTarget.value)} />
      <ul className="card-grid">
        {OUTPUTS.map((o) => (
          <li key={o.key} className="card">
            <h3 className="card__title">{t(o.label)}</h3>
            <p className="card__body">{t(o.hint)}</p>
            <p>
              <a
                className={buttonClass('secondary', 'sm')}
                href={withRecipient(o.url(clientId))}
                // Every card's button says the same; the name says which document (and keeps the visible words).
                aria-label={`${t(o.label)}：${o.download ? t('common.download') : t('plans.outputs.open')}`}
                {...(o.download ? { download: true } : { target: '_blank', rel: 'noopener' })}
              >
                {o.download ? t('common.download') : t('plans.outputs.open')}
              </a>
            </p>
          </li>
        ))}
      </ul>
      <p className="field__hint">{t('plans.outputs.perDocument')}</p>
    </Section>
  );
}
