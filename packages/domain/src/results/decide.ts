import type { DecisionContext, Decider } from '../decider/decider.js';
import type { ResultsCommand } from './commands.js';
import { decideDefineIndicator } from './define-indicator.js';
import { decideDefineResult } from './define-result.js';
import type { ResultsEvent } from './events.js';
import { decideRejectActual } from './reject-actual.js';
import { decideReportActual } from './report-actual.js';
import { evolveResults, initialResultsState, type ResultsState } from './results-state.js';
import { decideSetBaseline } from './set-baseline.js';
import { decideSetTarget } from './set-target.js';
import { decideVerifyActual } from './verify-actual.js';

/** A project's results framework (ADB DMF ↔ IATI result). Pure. */
export function decideResults(command: ResultsCommand, state: ResultsState, context: DecisionContext): ResultsEvent[] {
  switch (command.type) {
    case 'DefineResult':
      return decideDefineResult(command, state, context);
    case 'DefineIndicator':
      return decideDefineIndicator(command, state, context);
    case 'SetBaseline':
      return decideSetBaseline(command, state, context);
    case 'SetTarget':
      return decideSetTarget(command, state, context);
    case 'ReportActual':
      return decideReportActual(command, state, context);
    case 'VerifyActual':
      return decideVerifyActual(command, state, context);
    case 'RejectActual':
      return decideRejectActual(command, state, context);
    default: {
      const unknown: never = command;
      throw new TypeError(`unknown results command ${JSON.stringify(unknown)}`);
    }
  }
}

export const resultsDecider: Decider<ResultsCommand, ResultsEvent, ResultsState, DecisionContext> = {
  decide: decideResults,
  evolve: evolveResults,
  initialState: initialResultsState,
};
