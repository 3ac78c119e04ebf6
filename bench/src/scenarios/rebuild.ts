import { PortfolioProjection, REPLAY_BATCH_SIZE, REPLAY_LANES, replayEventStore, VIEW_FAMILIES, ViewGenerations } from '@ecab/portfolio-views';
import { now, spreadOf, type ResultRow } from '../measure.js';
import { type BenchContext, withClient } from './context.js';

// ---------------------------------------------------------------------------------------------------
// (a) Rebuild of the read tables from the event store vs a raw scan of the events table
// ---------------------------------------------------------------------------------------------------

/** Pages through the events table in log order, as many rows per page as the rebuild reads, and returns rows/s. */
async function rawScan(url: string, pageSize: number): Promise<number> {
  return withClient(url, async (client) => {
    const started = now();
    let after = '0';
    let rows = 0;
    for (;;) {
      const page = await client.query<{ position: string }>(
        'select position::text as position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at from events where events.position > $1 order by events.position limit $2',
        [after, pageSize],
      );
      if (page.rows.length === 0) break;
      rows += page.rows.length;
      after = page.rows[page.rows.length - 1]!.position;
    }
    return rows / ((now() - started) / 1000);
  });
}

/** The server-side ceiling: every event copied into a table by one statement (no client, no JSON parsing). */
async function rawCopy(url: string): Promise<number> {
  return withClient(url, async (client) => {
    await client.query('drop table if exists bench_events_copy');
    const started = now();
    const result = await client.query(
      'create table bench_events_copy as select position, stream_id, stream_version, type, data, metadata, recorded_at from events',
    );
    const rate = (result.rowCount ?? 0) / ((now() - started) / 1000);
    await client.query('drop table bench_events_copy');
    return rate;
  });
}

export async function rebuildScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const generations = new ViewGenerations(ctx.eventStoreDataSource, VIEW_FAMILIES);
  await generations.ensureCatalogue();
  const rebuild: number[] = [];
  const scan: number[] = [];
  const copy: number[] = [];
  const rounds = Math.max(ctx.repeats.rebuild, ctx.repeats.scan);
  // Interleaved, so noise on the shared machine hits both alike.
  for (let round = 0; round < rounds; round += 1) {
    if (round < ctx.repeats.rebuild) {
      const generation = await generations.create();
      const projection = new PortfolioProjection(ctx.eventStoreDataSource, VIEW_FAMILIES, generation.schema);
      const started = now();
      let done = 0;
      await replayEventStore(ctx.eventStoreDataSource, projection, { onProgress: (p) => (done = p.done) });
      // What a rebuild does before it catches up: the query indexes, built on the filled tables.
      await generations.complete(generation.schema);
      const seconds = (now() - started) / 1000;
      rebuild.push(done / seconds);
      ctx.log(`rebuild ${round + 1}: ${done} events in ${seconds.toFixed(1)} s`);
      await ctx.eventStoreDataSource.query(`drop schema ${generation.schema} cascade`);
      await ctx.eventStoreDataSource.query(`delete from views_generations where schema = $1`, [generation.schema]);
    }
    if (round < ctx.repeats.scan) {
      scan.push(await rawScan(ctx.eventsUrl, REPLAY_BATCH_SIZE));
      copy.push(await rawCopy(ctx.eventsUrl));
      ctx.log(`raw scan ${round + 1}: ${scan.at(-1)!.toFixed(0)} rows/s; server-side copy ${copy.at(-1)!.toFixed(0)} rows/s`);
    }
  }
  return [
    {
      scenario: `Rebuild of the read tables from the event store (replayEventStore, batches of ${REPLAY_BATCH_SIZE.toLocaleString('en-US')} in ${REPLAY_LANES} lanes)`,
      unit: 'events/s',
      better: 'higher',
      ecab: spreadOf(rebuild),
      baseline: { name: `raw paged select of the events table (${REPLAY_BATCH_SIZE.toLocaleString('en-US')} rows a page)`, value: spreadOf(scan) },
      target: '≥ 50,000',
    },
    {
      scenario: '… the same rows copied server-side (`create table … as select`), the write ceiling',
      unit: 'events/s',
      better: 'higher',
      ecab: spreadOf(rebuild),
      baseline: { name: 'create table as select', value: spreadOf(copy) },
    },
  ];
}
