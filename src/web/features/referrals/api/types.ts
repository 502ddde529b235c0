// Types of this feature, inferred from the shared contracts (never hand-written).
import type { z } from 'zod';
import type {
  AreaDashboardSchema,
  BackupSchema,
  CandidatesResponseSchema,
  ConsultantCandidateSchema,
  InboxItemSchema,
  ReferralCaseListQuerySchema,
  ReferralCaseViewSchema,
  ReferralOfferSchema,
  StatsQuerySchema,
  ServiceCandidateSchema,
  ServiceInboxItemSchema,
  ServiceOfferSchema,
  StatsSchema,
} from '../../../../shared/contracts/referrals';

export type ReferralCase = z.infer<typeof ReferralCaseViewSchema>;
export type CaseListFilters = z.infer<typeof ReferralCaseListQuerySchema>;
export type Candidates = z.infer<typeof CandidatesResponseSchema>;
export type Candidate = z.infer<typeof ConsultantCandidateSchema>;
export type CandidateReason = Candidate['reasons'][number];
export type ReferralOffer = z.infer<typeof ReferralOfferSchema>;
export type InboxItem = z.infer<typeof InboxItemSchema>;
export type Backup = z.infer<typeof BackupSchema>;
export type AreaDashboard = z.infer<typeof AreaDashboardSchema>;
export type StatsFilters = z.infer<typeof StatsQuerySchema>;
export type Stats = z.infer<typeof StatsSchema>;
export type ServiceCandidate = z.infer<typeof ServiceCandidateSchema>;
export type ServiceOffer = z.infer<typeof ServiceOfferSchema>;
export type ServiceInboxItem = z.infer<typeof ServiceInboxItemSchema>;
