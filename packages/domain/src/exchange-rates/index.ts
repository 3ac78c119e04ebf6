export * from './commands.js';
export * from './events.js';
export * from './exchange-rates-state.js';
export * from './record-exchange-rates.js';
export * from './decide.js';
export * from './stream.js';
export * from './rule-codes.js';
export { recordExchangeRatesUseCase } from './record-exchange-rates.js';
