export * from './registered.v1.js';
export * from './renamed.v1.js';
export * from './merged.v1.js';
