import { createViewsTestDatabase, type ViewsTestDatabase } from '../test-support/views-test-database.js';
import { withReadContext } from './time-travel/read-context.js';
import { ViewsReader } from './views-reader.js';

/** How ViewsReader runs a read of the live tables (real PostgreSQL). */
describe('ViewsReader on the live tables', () => {
  let views: ViewsTestDatabase;
  let reader: ViewsReader;

  beforeAll(async () => {
    views = await createViewsTestDatabase('views_reader');
    reader = new ViewsReader(views.dataSource, views.projection, { consistencyWaitMs: 50 });
  });

  afterAll(async () => {
    await views.drop();
  });

  it('runs each statement as a named prepared statement, with its parameters, answering node-postgres rows', async () => {
    const twice = async () => reader.read({}, (sql) => sql('select $1::text as label, $2::int * 2 as doubled, $3::numeric as amount', ['a', 21, '1.50']));
    expect(await twice()).toEqual([{ label: 'a', doubled: 42, amount: '1.50' }]);
    expect(await twice()).toEqual([{ label: 'a', doubled: 42, amount: '1.50' }]);
    const [self] = await reader.read({}, (sql) =>
      sql(`select exists (select 1 from pg_prepared_statements where name like 'ecab\\_views\\_%' and statement like '%pg_prepared_statements%') as prepared`),
    );
    expect(self).toEqual({ prepared: true });
  });

  it('waits for a consistentWith token unless the request already found it applied', async () => {
    const read = () => reader.read({ consistentWith: 'ECAB-VR-01:3' }, (sql) => sql('select 1 as one'));
    // Nothing of the project is applied: the wait ends in a 409 after consistencyWaitMs.
    await expect(read()).rejects.toMatchObject({ problem: { status: 409, appliedVersion: 0, requiredVersion: 3 } });
    const answered = await withReadContext({ setHeader: () => undefined, consistentWithApplied: 'ECAB-VR-01:3' }, read);
    expect(answered).toEqual([{ one: 1 }]);
    // Another token than the one found applied is still waited for.
    await expect(withReadContext({ setHeader: () => undefined, consistentWithApplied: 'ECAB-VR-01:2' }, read)).rejects.toMatchObject({
      problem: { status: 409, appliedVersion: 0, requiredVersion: 3 },
    });
  });
});
