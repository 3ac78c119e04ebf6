export { startReporting, type RunningReporting } from './bootstrap.js';
export { reportingConfigFromEnv, type ReportingConfig } from './config.js';
