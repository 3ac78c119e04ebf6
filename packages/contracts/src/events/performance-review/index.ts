export * from './rated.v1.js';
export * from './issue-raised.v1.js';
export * from './issue-resolved.v1.js';
export * from './risk-registered.v1.js';
