import type { DecisionContext } from '../decider/decider.js';

/** The day every decider test decides on, unless a test passes another context. */
export const TODAY = '2026-11-26';
export const context: DecisionContext = { today: TODAY };
