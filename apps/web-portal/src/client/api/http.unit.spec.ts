import { fieldErrorsOf, queryString } from './http';

describe("reading the platform's answers", () => {
  it('puts each 400 problem beside the body field its pointer names', () => {
    expect(
      fieldErrorsOf([
        { pointer: '/title', detail: 'must not be blank' },
        { pointer: '/countries/0/percentage', detail: 'must be at most 100' },
        { pointer: '/countries/1/percentage', detail: 'must be more than 0' },
      ]),
    ).toEqual({ title: 'must not be blank', countries: 'must be at most 100; must be more than 0' });
  });

  it('leaves empty parameters out of a query string', () => {
    expect(queryString({ groupBy: 'cluster', cursor: undefined, q: '', limit: 25 })).toBe('?groupBy=cluster&limit=25');
    expect(queryString({ cursor: undefined })).toBe('');
  });
});
