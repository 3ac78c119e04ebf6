export * from './rate-recorded.v1.js';
