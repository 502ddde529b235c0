// Consent scopes: what part of a client's record the guardian agreed to share with a recipient
// (APPI: 要配慮個人情報 may be given to another organisation only with prior consent, and only
// what was consented to). A small fixed set, so the database policies can name them.
//
// Codes are stored (consent.scopes, provision_record.scopes) and used in SQL policies
// (migration 0006_client_rls.sql): never rename one.

export const CONSENT_SCOPES = ['profile', 'contact', 'medical', 'plan', 'timeline', 'emergency'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export interface ConsentScopeInfo {
  code: ConsentScope;
  label: string;
  /** What the scope covers, as read to the guardian when consent is taken. */
  covers: string;
}

export const CONSENT_SCOPE_INFO: readonly ConsentScopeInfo[] = [
  { code: 'profile', label: '基本情報', covers: '住所、きょうだい、学校・園、受給者証・手帳' },
  { code: 'contact', label: '連絡先', covers: '保護者・家族の氏名と連絡先、緊急連絡先' },
  { code: 'medical', label: '医療情報', covers: '診断名、医療機関・主治医、医療的ケア、医療機器、服薬、アレルギー' },
  { code: 'plan', label: '支援計画', covers: 'アセスメント、サービス等利用計画、週間計画表、モニタリング、担当者会議' },
  { code: 'timeline', label: '経過記録', covers: '入院・退院・体調変化などの経過と連絡' },
  { code: 'emergency', label: '緊急時情報', covers: '救急サマリー（診断、ケア、機器と設定、服薬、アレルギー、連絡先）' },
];

export function consentScopeLabel(code: ConsentScope): string {
  return CONSENT_SCOPE_INFO.find((s) => s.code === code)!.label;
}

export function isConsentScope(value: unknown): value is ConsentScope {
  return typeof value === 'string' && (CONSENT_SCOPES as readonly string[]).includes(value);
}

/**
 * Which scopes a document or export needs. The emergency summary is readable with either the
 * narrow `emergency` scope or the full medical + contact scopes.
 */
export const DOCUMENT_SCOPES = {
  plan: ['plan'],
  weekly: ['plan'],
  monitoring: ['plan'],
  conference: ['plan'],
  lifeSupportFile: ['profile', 'medical', 'contact'],
  emergencySummary: ['emergency'],
  fhir: ['profile', 'medical', 'plan', 'contact'],
} as const satisfies Record<string, readonly ConsentScope[]>;

/** True when `granted` includes every scope in `needed`; `emergency` is implied by medical + contact. */
export function hasScopes(granted: readonly ConsentScope[], needed: readonly ConsentScope[]): boolean {
  return needed.every((s) => granted.includes(s) || (s === 'emergency' && granted.includes('medical') && granted.includes('contact')));
}
