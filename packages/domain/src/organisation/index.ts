export * from './commands.js';
export * from './events.js';
export * from './organisation-state.js';
export * from './iati-organisation-id.js';
export * from './decide.js';
export * from './stream.js';
export * from './rule-codes.js';
export * from './merge-target.js';
