export * from './auth.js';
export * from './region.js';
export * from './platform.js';
export * from './directory.js';
