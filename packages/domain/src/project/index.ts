export * from './commands.js';
export * from './events.js';
export * from './project-state.js';
export * from './decide.js';
export * from './stream.js';
export * from './rule-codes.js';
export { normalizeProjectTitle, PROJECT_TITLE_MAX_LENGTH } from './project-title.js';
export * from './project-stage.js';
export * from './status-transitions.js';
