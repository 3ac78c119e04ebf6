export { startViews, type RunningViews } from './bootstrap.js';
export { viewsConfigFromEnv, type ViewsConfig } from './config.js';
