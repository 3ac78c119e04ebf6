export * from './problem.js';
export * from './problem-details.filter.js';
export * from './validation.js';
export * from './logger.js';
export * from './health.js';
export { TerminusModule } from '@nestjs/terminus';
export * from './metrics.js';
export * from './asyncapi.controller.js';
