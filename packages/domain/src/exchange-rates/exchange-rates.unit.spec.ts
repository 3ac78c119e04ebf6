import { exchangeRatesStreamId } from './stream.js';

describe('RecordExchangeRates', () => {
  it('lives in one stream per currency', () => {
    expect(exchangeRatesStreamId('KGS')).toBe('exchange-rates-KGS');
  });
});
