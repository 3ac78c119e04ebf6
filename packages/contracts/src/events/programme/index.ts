export * from './registered.v1.js';
export * from './target-set.v1.js';
export * from './kpi-observed.v1.js';
export * from './governance-meeting-recorded.v1.js';
export * from './decision-action-assigned.v1.js';
export * from './decision-action-completed.v1.js';
