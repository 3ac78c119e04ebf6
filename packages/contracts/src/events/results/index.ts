export * from './result-defined.v1.js';
export * from './indicator-defined.v1.js';
export * from './baseline-set.v1.js';
export * from './target-set.v1.js';
export * from './actual-reported.v1.js';
export * from './actual-verified.v1.js';
export * from './actual-rejected.v1.js';
