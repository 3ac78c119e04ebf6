export * from './planned.v1.js';
export * from './rescheduled.v1.js';
export * from './achieved.v1.js';
export * from './dropped.v1.js';
