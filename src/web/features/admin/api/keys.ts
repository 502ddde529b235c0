/** Query keys of the admin feature; a mutation invalidates the lists it changes. */
export const adminKeys = {
  users: ['admin', 'users'] as const,
  offices: ['admin', 'offices'] as const,
  organizations: ['admin', 'organizations'] as const,
  municipalities: ['admin', 'municipalities'] as const,
};
