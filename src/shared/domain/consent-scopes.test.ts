import { describe, expect, it } from 'vitest';
import { CONSENT_SCOPES, CONSENT_SCOPE_INFO, hasScopes } from './consent-scopes.js';

describe('consent scopes', () => {
  it('describes every scope', () => {
    expect(CONSENT_SCOPE_INFO.map((s) => s.code)).toEqual([...CONSENT_SCOPES]);
  });
  it('needs every scope, and reads the emergency summary as covered by medical + contact', () => {
    expect(hasScopes(['plan'], ['plan'])).toBe(true);
    expect(hasScopes(['plan'], ['plan', 'medical'])).toBe(false);
    expect(hasScopes(['medical', 'contact'], ['emergency'])).toBe(true);
    expect(hasScopes(['medical'], ['emergency'])).toBe(false);
  });
});
