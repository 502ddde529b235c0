/**
 * Query keys of intake and referral. Every mutation invalidates `all`: an answer to one offer
 * changes the case, its offers, the inbox, the dashboards and the statistics at once.
 */
export const referralKeys = {
  all: ['referrals'] as const,
  list: (filters: object) => ['referrals', 'list', filters] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  candidates: (id: string, includeIneligible: boolean) => ['referrals', 'candidates', id, includeIneligible] as const,
  offers: (id: string) => ['referrals', 'offers', id] as const,
  inbox: ['referrals', 'inbox'] as const,
  serviceOffers: (id: string) => ['referrals', 'service-offers', id] as const,
  serviceInbox: ['referrals', 'service-inbox'] as const,
  backups: ['referrals', 'backups'] as const,
  area: (municipality?: string) => ['referrals', 'area', municipality ?? ''] as const,
  stats: (filters: object) => ['referrals', 'stats', filters] as const,
};
