import { asOfSearch, lineageSearch, projectListSearch } from './search';

describe('the URL search parameters of the pages', () => {
  it('keeps filters, sort and page that the views accept', () => {
    expect(projectListSearch({ cluster: 'transport', status: '2', country: 'KZ', sort: '-updatedAt', cursor: 'abc', q: 'road' })).toEqual({
      cluster: 'transport',
      status: '2',
      country: 'KZ',
      rating: undefined,
      q: 'road',
      sort: '-updatedAt',
      cursor: 'abc',
    });
  });

  it('drops what is malformed instead of sending it to the views', () => {
    expect(projectListSearch({ status: '9', country: 'kz', sort: 'price' })).toMatchObject({ status: undefined, country: undefined, sort: undefined });
    expect(asOfSearch({ effectiveOn: '2025-13', recordedAt: '2025-06-01T10:00:00Z' })).toEqual({ effectiveOn: undefined, recordedAt: '2025-06-01T10:00:00Z' });
    expect(lineageSearch({ metric: 'everything' }).metric).toBe('netCommitment');
  });
});
