import { testDatabaseName } from './database.js';

describe('testDatabaseName', () => {
  it('is a unique, lower-case identifier within 63 bytes', () => {
    const names = new Set(Array.from({ length: 50 }, () => testDatabaseName('Event Store/Gap-Test')));
    expect(names.size).toBe(50);
    for (const name of names) {
      expect(name).toMatch(/^ecab_test_event_store_gap_test_[0-9a-f]{12}$/);
    }
    expect(testDatabaseName('x'.repeat(200)).length).toBeLessThanOrEqual(63);
    expect(testDatabaseName('---')).toMatch(/^ecab_test_suite_/);
  });
});
