export * from './auth.js';
export * from './region.js';
export * from './platform.js';
export * from './notifications.js';
export * from './clients.js';
export * from './plans.js';
