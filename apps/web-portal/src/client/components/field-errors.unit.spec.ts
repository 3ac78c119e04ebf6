import { placeFieldErrors } from './field-errors';

describe('placeFieldErrors', () => {
  const fields = [
    { name: 'title' },
    { name: 'share-KZ', apiField: 'countries' },
    { name: 'share-KG', apiField: 'countries' },
    { name: 'periodStart', apiField: 'period/start' },
    { name: 'periodEnd', apiField: 'period/end' },
    { name: 'rating-outputs', apiField: 'ratings/outputs' },
  ];

  it('puts a problem beside the field of its pointer, the field it lies under, or the first field of a whole object', () => {
    expect(
      placeFieldErrors(
        [
          { pointer: '/title', detail: 'must not be blank' },
          { pointer: '/countries/0/percentage', detail: 'must be at most 100' },
          { pointer: '/period/end', detail: 'must be a real calendar date YYYY-MM-DD' },
          { pointer: '/ratings/outputs', detail: 'must be a code' },
          { pointer: '/period', detail: 'must be an object {start, end}' },
        ],
        fields,
      ),
    ).toEqual({
      fields: {
        title: 'must not be blank',
        'share-KZ': 'must be at most 100',
        periodEnd: 'must be a real calendar date YYYY-MM-DD',
        'rating-outputs': 'must be a code',
        periodStart: 'must be an object {start, end}',
      },
      other: [],
    });
  });

  it('joins two problems of one field, and lists those no field answers for with their pointer', () => {
    expect(
      placeFieldErrors(
        [
          { pointer: '/title', detail: 'must be text' },
          { pointer: '/title', detail: 'must not be blank' },
          { pointer: '/unknown', detail: 'is not a field of this command' },
          { pointer: '', detail: 'must be an object' },
        ],
        fields,
      ),
    ).toEqual({ fields: { title: 'must be text; must not be blank' }, other: ['unknown: is not a field of this command', 'must be an object'] });
  });
});
