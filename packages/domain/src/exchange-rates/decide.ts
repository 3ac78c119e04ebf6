import type { DecisionContext, Decider } from '../decider/decider.js';
import type { ExchangeRatesCommand } from './commands.js';
import type { ExchangeRatesEvent } from './events.js';
import { evolveExchangeRates, initialExchangeRatesState, type ExchangeRatesState } from './exchange-rates-state.js';
import { decideRecordExchangeRates } from './record-exchange-rates.js';

/** Exchange rates as reference data: one stream per currency. Pure. */
export function decideExchangeRates(command: ExchangeRatesCommand, state: ExchangeRatesState, context: DecisionContext): ExchangeRatesEvent[] {
  switch (command.type) {
    case 'RecordExchangeRates':
      return decideRecordExchangeRates(command, state, context);
    default: {
      const unknown: never = command.type;
      throw new TypeError(`unknown exchange-rates command ${JSON.stringify(unknown)}`);
    }
  }
}

export const exchangeRatesDecider: Decider<ExchangeRatesCommand, ExchangeRatesEvent, ExchangeRatesState, DecisionContext> = {
  decide: decideExchangeRates,
  evolve: evolveExchangeRates,
  initialState: initialExchangeRatesState,
};
