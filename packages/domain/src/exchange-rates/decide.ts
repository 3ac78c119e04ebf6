import type { DecisionContext, Decider } from '../decider/decider.js';
import { decideByUseCase } from '../decider/use-case.js';
import { recordExchangeRatesUseCase } from './record-exchange-rates.js';
import type { ExchangeRatesCommand } from './commands.js';
import type { ExchangeRatesEvent } from './events.js';
import { evolveExchangeRates, initialExchangeRatesState, type ExchangeRatesState } from './exchange-rates-state.js';

/** Exchange rates as reference data: one stream per currency. Pure. */
export const decideExchangeRates: (command: ExchangeRatesCommand, state: ExchangeRatesState, context: DecisionContext) => ExchangeRatesEvent[] =
  decideByUseCase('exchange-rates', [recordExchangeRatesUseCase]);

export const exchangeRatesDecider: Decider<ExchangeRatesCommand, ExchangeRatesEvent, ExchangeRatesState, DecisionContext> = {
  decide: decideExchangeRates,
  evolve: evolveExchangeRates,
  initialState: initialExchangeRatesState,
};
