// Who an individual evacuation plan (個別避難計画) may be given to, and what each recipient
// receives. Cities must explain beforehand to whom the plan is given and may give it only with
// consent (DOMAIN.md §5, §11; 災害対策基本法 49条の14・15). The guardian consents per recipient
// and may narrow the items; the export for that recipient contains only those items.
//
// Codes are stored (evacuation_consent.recipient_kind / items) and used in a SQL function
// (migration 0009_evacuation_rls.sql uses 'city'): never rename one.

export const EVACUATION_RECIPIENT_KINDS = ['city', 'fire', 'police', 'neighborhood', 'welfare_commissioner', 'shelter', 'other'] as const;
export type EvacuationRecipientKind = (typeof EVACUATION_RECIPIENT_KINDS)[number];

export const EVACUATION_RECIPIENT_LABELS: Record<EvacuationRecipientKind, string> = {
  city: '市区町村（避難行動要支援者名簿・個別避難計画の担当課）',
  fire: '消防',
  police: '警察',
  neighborhood: '自治会・町内会・自主防災組織',
  welfare_commissioner: '民生委員・児童委員',
  shelter: '避難先（福祉避難所・避難所・病院）',
  other: 'その他',
};

/** The items of a plan, as the guardian is asked about them. */
export const EVACUATION_ITEMS = ['identity', 'address', 'phone', 'reason', 'supporters', 'destination', 'medical_contacts', 'devices', 'medications', 'power_registration', 'notes'] as const;
export type EvacuationItem = (typeof EVACUATION_ITEMS)[number];

export const EVACUATION_ITEM_INFO: Record<EvacuationItem, { label: string; covers: string }> = {
  identity: { label: '氏名・生年月日・性別', covers: '本人の氏名（よみ）、生年月日、性別' },
  address: { label: '住所・位置', covers: '住所、地図上の位置' },
  phone: { label: '連絡先', covers: '本人・家族の電話番号' },
  reason: { label: '支援が必要な理由', covers: '避難に支援が必要な理由（医療的ケア・移動の状況）' },
  supporters: { label: '避難支援等実施者', covers: '支援者の氏名・続柄・連絡先・役割' },
  destination: { label: '避難先・経路・移動手段', covers: '避難先、経路の注意、移動手段（車・車いす・ストレッチャー）' },
  medical_contacts: { label: '医療機関・業者の連絡先', covers: '病院・主治医・訪問看護・医療機器業者（24時間）の連絡先' },
  devices: { label: '医療機器と電源', covers: '医療機器、消費電力、バッテリーで動く時間、予備電源、手動の代替手段' },
  medications: { label: '薬・消耗品の備蓄', covers: '薬・医療的ケアの消耗品と備蓄日数' },
  power_registration: { label: '電力会社への事前登録', covers: '電力会社への事前登録の有無と日付' },
  notes: { label: 'その他の留意事項', covers: '配慮が必要なこと、その他' },
};

/**
 * What each recipient usually needs (the form pre-selects these; the guardian may narrow or
 * widen). A neighbourhood association helps carry and check on the family: it gets no medical
 * detail, only that support is needed, who helps, and where the family goes.
 */
export const DEFAULT_ITEMS_BY_RECIPIENT: Record<EvacuationRecipientKind, readonly EvacuationItem[]> = {
  city: EVACUATION_ITEMS,
  fire: ['identity', 'address', 'phone', 'reason', 'supporters', 'destination', 'medical_contacts', 'devices', 'medications'],
  police: ['identity', 'address', 'phone', 'reason', 'supporters', 'destination'],
  neighborhood: ['identity', 'address', 'reason', 'supporters', 'destination'],
  welfare_commissioner: ['identity', 'address', 'phone', 'reason', 'supporters', 'destination'],
  shelter: ['identity', 'phone', 'reason', 'supporters', 'medical_contacts', 'devices', 'medications', 'notes'],
  other: ['identity', 'reason'],
};

export function evacuationItemLabel(item: EvacuationItem): string {
  return EVACUATION_ITEM_INFO[item].label;
}
