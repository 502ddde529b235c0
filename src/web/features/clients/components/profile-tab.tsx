// 基本情報・連絡先: address, 所属, certificates with expiry, siblings; guardians and emergency
// contacts. Each part shows only under its consent scope; otherwise it says so.
import { CERTIFICATE_KIND_LABELS, SCHOOL_KIND_LABELS } from '../../../../shared/contracts/clients';
import { tokyoDate } from '../../../../shared/dates';
import { addDays } from '../../../../shared/calendar-date';
import { Badge } from '../../../components/ui/badge';
import { DateTime } from '../../../components/ui/date-time';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { canManageClient, useClient } from '../api/get-client';
import { ContactDialog, ProfileDialog } from './section-dialogs';
import { OutOfScope } from './out-of-scope';
import { useSectionEditing } from './section-editing';

export function ProfileTab({ clientId }: { clientId: string }) {
  const t = useT();
  const { data: c } = useClient(clientId);
  const { editing, close, saved, editButton, savedNotice } = useSectionEditing<'profile' | 'contact'>(c ? canManageClient(c) : false);
  if (!c) return null;
  const soon = addDays(tokyoDate(), 90);
  return (
    <>
      {savedNotice}
      {editing === 'profile' && c.profile ? <ProfileDialog clientId={clientId} profile={c.profile} onClose={close} onSaved={saved} /> : null}
      {editing === 'contact' && c.contact ? <ContactDialog clientId={clientId} contact={c.contact} onClose={close} onSaved={saved} /> : null}
      <Section title={t('clients.profile.title')} actions={c.profile ? editButton('profile', t('clients.edit.editProfile')) : null}>
        {c.profile ? (
          <>
            <dl className="summary-list">
              <div>
                <dt>{t('clients.profile.address')}</dt>
                <dd>
                  {c.profile.postalCode ? `〒${c.profile.postalCode} ` : ''}
                  {c.profile.address || '—'}
                </dd>
              </div>
              <div>
                <dt>{t('clients.profile.school')}</dt>
                <dd>
                  {SCHOOL_KIND_LABELS[c.profile.school.kind]}
                  {c.profile.school.name ? `：${c.profile.school.name}` : ''}
                  {c.profile.school.grade ? `（${c.profile.school.grade}）` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('clients.profile.supportCategory')}</dt>
                <dd>{c.profile.supportCategory || '—'}</dd>
              </div>
              <div>
                <dt>{t('clients.profile.siblings')}</dt>
                <dd>
                  {c.profile.siblings.length === 0
                    ? '—'
                    : c.profile.siblings.map((s) => (
                        <p key={s.name}>
                          {s.name}（{s.relation}
                          {s.birthDate ? (
                            <>
                              、<DateTime value={s.birthDate} />
                            </>
                          ) : null}
                          ）{s.note ? ` ${s.note}` : ''}
                        </p>
                      ))}
                </dd>
              </div>
              {c.profile.note ? (
                <div>
                  <dt>{t('clients.profile.note')}</dt>
                  <dd>{c.profile.note}</dd>
                </div>
              ) : null}
            </dl>
            <div className="table-scroll" role="region" aria-labelledby="certificates-caption" tabIndex={0}>
              <table className="table table--compact">
                <caption id="certificates-caption" className="table__caption">
                  {t('clients.profile.certificates')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('clients.profile.certKind')}</th>
                    <th scope="col">{t('clients.profile.certNumber')}</th>
                    <th scope="col">{t('clients.profile.certGrade')}</th>
                    <th scope="col">{t('clients.profile.certExpires')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.profile.certificates.map((cert, i) => (
                    <tr key={i}>
                      <th scope="row">{CERTIFICATE_KIND_LABELS[cert.kind]}</th>
                      <td>{cert.number || '—'}</td>
                      <td>{cert.grade || '—'}</td>
                      <td className="nowrap">
                        <DateTime value={cert.expiresOn} />
                        {cert.expiresOn && cert.expiresOn <= soon ? (
                          <>
                            {' '}
                            <Badge tone="warning">{t('clients.profile.expiringSoon')}</Badge>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <OutOfScope />
        )}
      </Section>
      <Section title={t('clients.contact.title')} actions={c.contact ? editButton('contact', t('clients.edit.editContact')) : null}>
        {c.contact ? (
          <>
            <h3 className="subsection__title">{t('clients.contact.guardians')}</h3>
            <ul className="plain-list">
              {c.contact.guardians.map((g) => (
                <li key={g.name} className="card card--flat">
                  <p className="card__title">
                    {g.name}（{g.relation}）{g.isPrimary ? <Badge tone="info">{t('clients.contact.primary')}</Badge> : null}
                  </p>
                  <dl className="summary-list summary-list--compact">
                    <div>
                      <dt>{t('clients.contact.phone')}</dt>
                      <dd>{g.phone ? <a href={`tel:${g.phone}`}>{g.phone}</a> : '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('clients.contact.work')}</dt>
                      <dd>{g.work || '—'}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
            <h3 className="subsection__title">{t('clients.contact.emergency')}</h3>
            <ul className="plain-list">
              {c.contact.emergencyContacts.map((e) => (
                <li key={e.name}>
                  {e.name}（{e.relation}）<a href={`tel:${e.phone}`}>{e.phone}</a>
                  {e.note ? ` ${e.note}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <OutOfScope />
        )}
      </Section>
      {c.upcomingTransitions.length > 0 ? (
        <Section title={t('clients.transitions.title')}>
          <ul className="plain-list">
            {c.upcomingTransitions.map((tr) => (
              <li key={tr.kind} className="card card--flat">
                <p className="card__title">
                  {tr.label}（<DateTime value={tr.date} />）
                </p>
                <p>{tr.hint}</p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
