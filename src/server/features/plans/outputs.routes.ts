// Printable (PDF) and exportable (Excel, FHIR) outputs: filled in below.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../../deps.js';

export function registerOutputRoutes(_app: OpenAPIHono<AppEnv>, _deps: Deps) {}
