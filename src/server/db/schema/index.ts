export * from './auth.js';
export * from './region.js';
export * from './platform.js';
export * from './notifications.js';
export * from './events.js';
export * from './surveys.js';
export * from './consultations.js';
export * from './glossary.js';
