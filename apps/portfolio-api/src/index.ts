export { startApi, type RunningApi } from './bootstrap.js';
export { apiConfigFromEnv, type ApiConfig } from './config.js';
