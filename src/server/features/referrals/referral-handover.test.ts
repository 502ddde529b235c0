// The intake → record mapping of the hand-over (docs/referrals.md §7), as pure functions.
import { describe, expect, it } from 'vitest';
import { backupCoordinatorScopes, consentFromIntake, identityFromIntake, recordScopesFromIntakeConsent, sectionsFromIntake } from './referral-handover.js';
import type { CaseRow } from './referral-views.js';

const row = (over: Partial<CaseRow> = {}): CaseRow => ({
  id: 'case-1',
  status: 'assigned',
  createdBy: 'u-nurse',
  createdAt: new Date('2026-05-01T00:00:00Z'),
  updatedAt: new Date('2026-05-01T00:00:00Z'),
  municipalityCode: '12207',
  ageYears: 4,
  careItems: [{ code: 'ventilator', monitoring: 'high', note: '夜間' }, { code: 'suction', monitoring: 'high' }],
  servicesWanted: [],
  urgency: 'soon',
  wishes: { weekendContact: false, consultantGender: null, preferredDays: [], note: '' },
  summary: '',
  source: 'hospital',
  sourceNote: '',
  consentObtainedOn: '2026-05-01',
  consentMethod: 'written',
  consentGivenBy: '母',
  consentShareWith: ['consultant_candidates'],
  consentItems: ['age', 'care_items', 'wishes'],
  consentNote: '',
  consentRecordedBy: 'u-nurse',
  clientName: 'テスト あかね',
  clientNameKana: 'テスト アカネ',
  clientBirthDate: '2022-03-15',
  clientSex: null,
  clientAddress: '松戸市1-2-3',
  guardianName: 'テスト まゆ',
  guardianContact: 'mayu@example.jp',
  assignedConsultantId: 'u-cons',
  assignedAt: new Date('2026-05-03T00:00:00Z'),
  clientId: null,
  closedAt: null,
  closeReason: null,
  ...over,
});

describe('referral → client record hand-over', () => {
  it('maps the intake consent to record scopes, and a backup coordinator to medical + plan only', () => {
    expect(recordScopesFromIntakeConsent({ shareWith: ['consultant_candidates'], items: ['age', 'care_items', 'wishes'] })).toEqual(['profile', 'contact', 'medical', 'plan']);
    expect(recordScopesFromIntakeConsent({ shareWith: ['consultant_candidates'], items: ['age', 'municipality', 'urgency'] })).toEqual(['profile', 'contact']);
    expect(recordScopesFromIntakeConsent({ shareWith: ['consultant_candidates'], items: ['summary'] })).toEqual(['profile', 'contact', 'plan']);
    expect(recordScopesFromIntakeConsent({ shareWith: ['service_providers'], items: ['care_items'] })).toEqual([]);
    expect(backupCoordinatorScopes(['profile', 'contact', 'medical', 'plan'])).toEqual(['medical', 'plan']);
    expect(backupCoordinatorScopes(['profile', 'contact'])).toEqual([]);
  });

  it('carries the consent record over: relation, date, method (口頭 → oral), and where it was recorded', () => {
    expect(consentFromIntake(row(), ['medical'])).toMatchObject({ scopes: ['medical'], givenBy: '母', givenByRelation: '母', consentedOn: '2026-05-01', method: 'written' });
    expect(consentFromIntake(row({ consentMethod: 'verbal' }), ['medical']).method).toBe('oral');
    expect(consentFromIntake(row({ consentGivenBy: '本人' }), ['medical']).givenBy).toBe('テスト あかね');
    expect(consentFromIntake(row(), ['medical']).document).toContain('case-1');
  });

  it('takes identity, address, guardian and care items from the intake; sex defaults to unknown', () => {
    expect(identityFromIntake(row())).toEqual({ name: 'テスト あかね', nameKana: 'てすと あかね', birthDate: '2022-03-15', sex: 'unknown', municipalityCode: '12207' });
    const s = sectionsFromIntake(row());
    expect(s.profile.address).toBe('松戸市1-2-3');
    expect(s.contact.guardians).toEqual([expect.objectContaining({ name: 'テスト まゆ', email: 'mayu@example.jp', phone: '', isPrimary: true })]);
    expect(s.medical.careItems).toEqual([{ code: 'ventilator', monitoring: 'high', note: '夜間' }, { code: 'suction', monitoring: 'high', note: '' }]);
    expect(sectionsFromIntake(row({ guardianName: null })).contact.guardians).toEqual([]);
  });

  it('refuses (409) an intake without reading or birth date, naming what is missing', () => {
    expect(() => identityFromIntake(row({ clientNameKana: null, clientBirthDate: null }))).toThrow(/氏名（よみ）・生年月日/);
  });
});
