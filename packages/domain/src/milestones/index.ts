export * from './commands.js';
export * from './events.js';
export * from './milestone-category.js';
export * from './milestones-state.js';
export * from './milestone-slippage.js';
export * from './decide.js';
export * from './stream.js';
export * from './rule-codes.js';
