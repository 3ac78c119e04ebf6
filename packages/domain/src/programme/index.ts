export * from './commands.js';
export * from './events.js';
export * from './governance.js';
export * from './programme-state.js';
export * from './decide.js';
export * from './stream.js';
export * from './rule-codes.js';
