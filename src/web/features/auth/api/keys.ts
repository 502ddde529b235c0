/** Query keys of this feature; mutations invalidate through these. */
export const authKeys = {
  me: ['me'] as const,
  tokens: ['me', 'tokens'] as const,
};
