// Aちゃん (the seed report's group-work child) is one fictitious person in the demo: her referral
// (seed-referrals.ts) was taken in by the visiting nurse, accepted by 鈴木 with 佐藤 as backup,
// and that acceptance opened her client record (seed-clients.ts). Both seeds take her identity
// and dates from here, so the case and the record always describe the same child.
import { addDays, addMonths, type IsoDate } from '../../shared/calendar-date.js';

export const A_CHAN = {
  name: '青木 あかり',
  nameKana: 'あおき あかり',
  sex: 'female',
  municipalityCode: '12207',
  address: '千葉県松戸市デモ町1-2-3（架空）',
  guardianName: '青木 まゆみ',
  guardianPhone: '090-0000-1111',
} as const;

const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;

/** Her dates relative to the seeding day (Asia/Tokyo calendar date). */
export function aChanDates(today: IsoDate) {
  const birth = addDays(addMonths(today, -(4 * 12 + 5)), -3);
  const planStart = firstOfMonth(addMonths(today, -5));
  /** The written consent at the 計画相談 contract (all scopes), after the first visits. */
  const consentedOn = addDays(planStart, -20);
  /** The visiting nurse records the referral (with the mother's consent to hand it over). */
  const intakeOn = addDays(consentedOn, -12);
  /** 鈴木 accepts: the record opens with the intake's consent. */
  const acceptedOn = addDays(consentedOn, -9);
  return { birth, planStart, consentedOn, intakeOn, acceptedOn };
}
