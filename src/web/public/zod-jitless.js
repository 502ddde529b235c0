// Runs before the app's modules (a classic script executes before deferred module scripts).
// zod decides, as each object schema is created, whether to compile a faster parser with
// `new Function`; the server's Content-Security-Policy forbids eval, so that probe would log a
// CSP violation on every page. `z.config({ jitless: true })` in the bundle runs too late: the
// chunk that holds zod and the shared contracts is evaluated before the entry's own code.
// __zod_globalConfig is the object z.config() writes to (zod/v4/core/core.js).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
