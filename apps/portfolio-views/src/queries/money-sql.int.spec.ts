import { CURRENCIES, formatAmount, toMinorUnits } from '@ecab/domain';
import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { canonicalAmountSql } from './money.js';

/**
 * PostgreSQL writes the profile's agreements as JSON text, amounts included: for every currency the
 * platform knows, the SQL form must print what the domain's own formatting prints.
 */
describe('canonicalAmountSql (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('views_money_sql');
    dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 1 } });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('prints every currency’s amounts with exactly its decimals, as the domain does', async () => {
    const cases: { amount: string; currency: string }[] = [];
    for (const [currency, { minorUnits }] of Object.entries(CURRENCIES)) {
      for (const amount of ['0', '7', '-100', '123456789012345']) cases.push({ amount, currency });
      for (let decimals = 1; decimals <= minorUnits; decimals += 1) {
        cases.push({ amount: `12.${'5'.repeat(decimals)}`, currency }, { amount: `-0.${'0'.repeat(decimals - 1)}1`, currency });
      }
    }
    const rows: { printed: string[] }[] = await dataSource.query(
      `select array_agg(${canonicalAmountSql('c.amount::numeric', 'c.currency')} order by c.n) as printed
         from unnest($1::text[], $2::text[]) with ordinality as c(amount, currency, n)`,
      [cases.map((c) => c.amount), cases.map((c) => c.currency)],
    );
    const expected = cases.map((c) => formatAmount(toMinorUnits(c)));
    expect(rows[0]!.printed).toEqual(expected);
    // Currencies of 0, 2 and 3 decimals were among them.
    expect(expected).toEqual(expect.arrayContaining(['7', '7.00', '7.000', '12.555', '-0.001']));
  });

  it('leaves an amount without a currency as it is', async () => {
    const rows: { printed: string }[] = await dataSource.query(`select ${canonicalAmountSql('$1::numeric', 'null::text')} as printed`, ['10.5']);
    expect(rows[0]!.printed).toBe('10.5');
  });
});
