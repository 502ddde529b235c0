import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret (default 32 bytes = 256 bits). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Secrets that act as passwords (links sent by e-mail) are stored only as their SHA-256. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
