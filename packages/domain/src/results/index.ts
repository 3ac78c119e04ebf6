export * from './commands.js';
export * from './events.js';
export * from './results-state.js';
export * from './results-progress.js';
export * from './decide.js';
export * from './stream.js';
export * from './rule-codes.js';
