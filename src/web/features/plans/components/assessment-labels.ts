// Labels of the アセスメント's sections and fields, read from the shared contract (the same
// words the server's error messages use).
import type { z } from 'zod';
import { AssessmentSectionsSchema as A } from '../../../../shared/contracts/plans';
import { contractLabel } from '../../../lib/forms';

type SectionKey = keyof typeof A.shape & string;

/** The object inside `.optional().default()` wrappers. */
function objectOf(s: z.ZodType): z.ZodObject {
  let x = s as unknown as { shape?: unknown; unwrap?: () => unknown };
  while (x && !x.shape && typeof x.unwrap === 'function') x = x.unwrap() as typeof x;
  return x as unknown as z.ZodObject;
}

export const sectionLabel = (k: SectionKey) => contractLabel(A, k);
export const fieldLabel = (section: 'health' | 'dailyLiving' | 'family', k: string) => contractLabel(objectOf(A.shape[section]), k);
const familyMember = objectOf((objectOf(A.shape.family).shape.members as unknown as { unwrap: () => { unwrap: () => { element: z.ZodType } } }).unwrap().unwrap().element);
const riskRow = objectOf((A.shape.risks as unknown as { unwrap: () => { unwrap: () => { element: z.ZodType } } }).unwrap().unwrap().element);
export const memberLabel = (k: 'name' | 'relation' | 'wish') => contractLabel(familyMember, k);
export const riskLabel = (k: 'risk' | 'measures') => contractLabel(riskRow, k);

export const HEALTH_FIELDS = ['condition', 'medicalCare', 'hospitalVisits'] as const;
export const DAILY_FIELDS = ['meals', 'bathing', 'sleep', 'toileting', 'mobility'] as const;
export const TEXT_SECTIONS = ['communication', 'development', 'social', 'strengths', 'clientWish'] as const;
