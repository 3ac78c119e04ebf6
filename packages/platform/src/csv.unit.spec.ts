import { negotiateMediaType, toCsv } from './csv.js';

describe('toCsv (RFC 4180)', () => {
  it('writes a header from the keys, flattens nested objects as a.b, arrays as JSON, and ends lines with CRLF', () => {
    const csv = toCsv([
      { id: 'P-1', money: { currency: 'USD', amount: '10.00' }, countries: [{ code: 'KZ' }], note: null },
      { id: 'P-2', money: { currency: 'KZT', amount: '5.50' }, countries: [], extra: true },
    ]);
    expect(csv).toBe('id,money.currency,money.amount,countries,note,extra\r\n' + 'P-1,USD,10.00,"[{""code"":""KZ""}]",,\r\n' + 'P-2,KZT,5.50,[],,true\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(toCsv([{ title: 'Road, rail "and" ports\nphase 2' }])).toBe('title\r\n"Road, rail ""and"" ports\nphase 2"\r\n');
  });

  it('answers an empty document for an empty list', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('negotiateMediaType', () => {
  const offered = ['application/json', 'text/csv'];
  it.each([
    [undefined, 'application/json'],
    ['text/csv', 'text/csv'],
    ['text/*', 'text/csv'],
    ['*/*', 'application/json'],
    ['text/csv;q=0.5, application/json', 'application/json'],
    ['application/json;q=0.2, text/csv', 'text/csv'],
    ['text/csv, */*;q=0.1', 'text/csv'],
    ['application/xml', undefined],
    ['application/json;q=0', undefined],
  ])('Accept %s → %s', (accept, expected) => {
    expect(negotiateMediaType(accept, offered)).toBe(expected);
  });
});
