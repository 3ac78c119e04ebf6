export * from './package-planned.v1.js';
export * from './awarded.v1.js';
export * from './variation-approved.v1.js';
export * from './completed.v1.js';
export * from './terminated.v1.js';
