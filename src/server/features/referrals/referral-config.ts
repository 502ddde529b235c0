import type { Env } from '../../env.js';

/** Reply, escalation and expiry periods, in business days (Japanese holidays and 12/29–1/3 off). */
export interface ReferralConfig {
  /** A candidate should answer within this many business days after the offer is sent (respond_by). */
  replyBusinessDays: number;
  /** Business days after respond_by before the area's coordinators are alerted. */
  escalateAfterBusinessDays: number;
  /** Business days after respond_by before the offer expires. */
  expireAfterBusinessDays: number;
}

export const referralConfigOf = (env: Pick<Env, 'referralReplyBusinessDays' | 'referralEscalateAfterBusinessDays' | 'referralExpireAfterBusinessDays'>): ReferralConfig => ({
  replyBusinessDays: env.referralReplyBusinessDays,
  escalateAfterBusinessDays: env.referralEscalateAfterBusinessDays,
  expireAfterBusinessDays: env.referralExpireAfterBusinessDays,
});
