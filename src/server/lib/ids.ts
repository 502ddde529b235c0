import { randomUUID } from 'node:crypto';

/** Opaque string ids. UUIDs keep ids unguessable, so knowing one never lists another. */
export const newId = (): string => randomUUID();
