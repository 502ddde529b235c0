// The one state machine of a referral offer (打診). Every status change in the referrals
// feature goes through `assertTransition`, and the UPDATE that applies it repeats the expected
// `from` status in its WHERE, so two concurrent changes cannot both succeed.
//
//   draft ─send─▶ sent ─view─▶ viewed
//     │            │  ╲           │
//     │            │   accept ◀───┤──▶ accepted ─complete─▶ completed
//     │            ├─decline ◀────┤──▶ declined
//     │            ├─expire  ◀────┤──▶ expired
//     └─withdraw───┴─withdraw ◀───┘──▶ withdrawn
import type { OfferStatus } from '../../../shared/contracts/referrals.js';
import { OFFER_STATUS_LABELS } from '../../../shared/contracts/referrals.js';
import { AppError } from '../../lib/errors.js';

export const OFFER_ACTIONS = ['send', 'view', 'accept', 'decline', 'expire', 'withdraw', 'complete'] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];

/** For each action: the statuses it may start from and the status it leads to. */
export const TRANSITIONS: Record<OfferAction, { from: readonly OfferStatus[]; to: OfferStatus }> = {
  send: { from: ['draft'], to: 'sent' },
  view: { from: ['sent'], to: 'viewed' },
  accept: { from: ['sent', 'viewed'], to: 'accepted' },
  decline: { from: ['sent', 'viewed'], to: 'declined' },
  expire: { from: ['sent', 'viewed'], to: 'expired' },
  withdraw: { from: ['draft', 'sent', 'viewed'], to: 'withdrawn' },
  complete: { from: ['accepted'], to: 'completed' },
};

export const TERMINAL_STATUSES: readonly OfferStatus[] = ['declined', 'expired', 'withdrawn', 'completed'];
/** Offers a candidate still has to answer. */
export const OPEN_STATUSES: readonly OfferStatus[] = ['sent', 'viewed'];

const ACTION_LABELS: Record<OfferAction, string> = {
  send: '送信',
  view: '閲覧',
  accept: '受諾',
  decline: '辞退',
  expire: '期限切れ',
  withdraw: '取り下げ',
  complete: '引き継ぎ完了',
};

export function canTransition(from: OfferStatus, action: OfferAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The status `action` leads to from `from`; throws CONFLICT (409) when the machine forbids it. */
export function assertTransition(from: OfferStatus, action: OfferAction): OfferStatus {
  if (!canTransition(from, action)) {
    throw new AppError('CONFLICT', `「${OFFER_STATUS_LABELS[from]}」の打診は${ACTION_LABELS[action]}できません。`);
  }
  return TRANSITIONS[action].to;
}

/** Actions possible from a status (for the UI's buttons). */
export function actionsFrom(from: OfferStatus): OfferAction[] {
  return OFFER_ACTIONS.filter((a) => canTransition(from, a));
}
