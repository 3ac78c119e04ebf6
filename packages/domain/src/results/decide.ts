import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideByUseCase } from '../decider/use-case.js';
import { defineIndicatorUseCase } from './define-indicator.js';
import { defineResultUseCase } from './define-result.js';
import { rejectActualUseCase } from './reject-actual.js';
import { reportActualUseCase } from './report-actual.js';
import { setBaselineUseCase } from './set-baseline.js';
import { setTargetUseCase } from './set-target.js';
import { verifyActualUseCase } from './verify-actual.js';
import type { ResultsCommand } from './commands.js';
import type { ResultsEvent } from './events.js';
import { evolveResults, initialResultsState, type ResultsState } from './results-state.js';

/** A project's results framework (ADB DMF ↔ IATI result). Pure. */
export const decideResults: (command: ResultsCommand, state: ResultsState, context: DecisionContext) => ResultsEvent[] = decideByUseCase('results', [
  defineResultUseCase,
  defineIndicatorUseCase,
  setBaselineUseCase,
  setTargetUseCase,
  reportActualUseCase,
  verifyActualUseCase,
  rejectActualUseCase,
]);

export const resultsDecider: Decider<ResultsCommand, ResultsEvent, ResultsState, DecisionContext> = {
  decide: decideResults,
  evolve: evolveResults,
  initialState: initialResultsState,
};
