export { startViews, type RunningViews } from './bootstrap.js';
export { viewsConfigFromEnv, type ViewsConfig } from './config.js';
// What bootstrap builds the read tables with, for tools that rebuild them on their own (the benchmark).
export { PortfolioProjection } from './projections/portfolio-projection.js';
export { VIEW_FAMILIES } from './projections/view-families.js';
export { ViewGenerations } from './projections/view-generations.js';
export { REPLAY_BATCH_SIZE, REPLAY_LANES, replayEventStore } from './projections/rebuild-from-event-store.js';
