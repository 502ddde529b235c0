// Labels of the registry's codes. Domain vocabulary (資格・医療的ケア・曜日) comes from the shared
// contracts and domain tables, where it is defined once in Japanese.
import { ACCEPTS_LABELS, DAY_CODES, DAY_LABELS, QUALIFICATION_LABELS, type AcceptsMedicalCare, type DayCode, type QualificationCode } from '../../../../shared/contracts/people';
import { findCareItem } from '../../../../shared/domain/care-items';
import type { BadgeTone } from '../../../components/ui/badge';

export const acceptsTone: Record<AcceptsMedicalCare, BadgeTone> = { yes: 'success', with_backup: 'info', no: 'neutral' };
export const acceptsLabel = (a: AcceptsMedicalCare) => ACCEPTS_LABELS[a];
export const qualificationLabel = (q: QualificationCode) => QUALIFICATION_LABELS[q];
export const careItemLabel = (code: string) => findCareItem(code)?.label ?? code;

/** 「月火水木金・土」: weekdays, then weekend and holidays after a dot, in calendar order. */
export function daysText(days: readonly DayCode[]): string {
  const ordered = DAY_CODES.filter((d) => days.includes(d));
  const weekdays = ordered.filter((d) => !['sat', 'sun', 'holiday'].includes(d)).map((d) => DAY_LABELS[d]).join('');
  const weekend = ordered.filter((d) => ['sat', 'sun', 'holiday'].includes(d)).map((d) => DAY_LABELS[d]).join('');
  return [weekdays, weekend].filter(Boolean).join('・');
}

export const hasWeekend = (days: readonly DayCode[]) => days.includes('sat') || days.includes('sun');
