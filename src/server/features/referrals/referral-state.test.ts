import { describe, expect, it } from 'vitest';
import { OFFER_STATUSES, type OfferStatus } from '../../../shared/contracts/referrals.js';
import { AppError } from '../../lib/errors.js';
import { actionsFrom, assertTransition, OFFER_ACTIONS, TERMINAL_STATUSES, type OfferAction } from './referral-state.js';

// The whole table written out by hand: every (status, action) pair not listed is forbidden.
const ALLOWED: Record<string, OfferStatus> = {
  'draft/send': 'sent',
  'draft/withdraw': 'withdrawn',
  'sent/view': 'viewed',
  'sent/accept': 'accepted',
  'sent/decline': 'declined',
  'sent/expire': 'expired',
  'sent/withdraw': 'withdrawn',
  'viewed/accept': 'accepted',
  'viewed/decline': 'declined',
  'viewed/expire': 'expired',
  'viewed/withdraw': 'withdrawn',
  'accepted/complete': 'completed',
};

const pairs = OFFER_STATUSES.flatMap((s) => OFFER_ACTIONS.map((a) => [s, a] as [OfferStatus, OfferAction]));

describe('referral offer state machine', () => {
  it.each(pairs.filter(([s, a]) => `${s}/${a}` in ALLOWED))('allows %s → %s', (status, action) => {
    expect(assertTransition(status, action)).toBe(ALLOWED[`${status}/${action}`]);
  });

  it.each(pairs.filter(([s, a]) => !(`${s}/${a}` in ALLOWED)))('forbids %s → %s with a 409 conflict', (status, action) => {
    let err: unknown;
    try {
      assertTransition(status, action);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(409);
    expect((err as AppError).message).toMatch(/できません/);
  });

  it('covers exactly the hand-written table (no extra transitions)', () => {
    const allowed = pairs.filter(([s, a]) => actionsFrom(s).includes(a)).map(([s, a]) => `${s}/${a}`);
    expect(allowed.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('leaves terminal statuses with no way out', () => {
    for (const s of TERMINAL_STATUSES) expect(actionsFrom(s)).toEqual([]);
  });
});
