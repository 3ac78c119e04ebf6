export { type BenchContext } from './context.js';
export { rebuildScenario } from './rebuild.js';
export { catchUpScenario } from './catch-up.js';
export { queryScenario } from './queries.js';
export { commandToVisibleScenario } from './command-to-visible.js';
export { portalScenario } from './portal.js';
export { describeSpread, ratioOf } from './rows.js';
