export * from './commands.js';
export * from './events.js';
export * from './contract-package-state.js';
export * from './procurement-method.js';
export * from './contract-award-ratio.js';
export * from './decide.js';
export * from './stream.js';
export * from './rule-codes.js';
