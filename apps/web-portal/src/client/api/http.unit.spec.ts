import { queryString } from './http';

describe("reading the platform's answers", () => {
  it('leaves empty parameters out of a query string', () => {
    expect(queryString({ groupBy: 'cluster', cursor: undefined, q: '', limit: 25 })).toBe('?groupBy=cluster&limit=25');
    expect(queryString({ cursor: undefined })).toBe('');
  });
});
