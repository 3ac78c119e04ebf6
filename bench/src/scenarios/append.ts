import { createTestDatabase } from '@ecab/testing';
import { now, spreadOf } from '../measure.js';
import type { Spread } from '../stats.js';
import { type AppendContender, type AppendWorkload, commandsOf, ecabContender, emmettContender, rawContender } from './append-writers.js';

export interface AppendSettings {
  /** Events each run writes (BENCH_APPEND_EVENTS). */
  events: number;
  repeats: number;
  writers: number;
  /** Events per command: one row of the table each. */
  sizes: number[];
  log(message: string): void;
}

export interface AppendFigure {
  eventsPerCommand: number;
  contender: string;
  /** Which contender it is, for the ratios: after, before, emmett, raw, multi. */
  role: 'after' | 'before' | 'emmett' | 'raw' | 'multi';
  eventsPerSecond: Spread | undefined;
}

const COMMANDS_PER_MULTI_ROW_STATEMENT = 16;

function contenders(): { role: AppendFigure['role']; contender: AppendContender }[] {
  return [
    { role: 'after', contender: ecabContender('ECAB PostgresEventStore, group commit (default settings) — after', {}) },
    { role: 'before', contender: ecabContender('ECAB PostgresEventStore, one transaction per append (`groupCommit: false`) — before', false) },
    { role: 'emmett', contender: emmettContender },
    { role: 'raw', contender: rawContender('raw INSERT, one statement per command (its rows), no version check', 1) },
    {
      role: 'multi',
      contender: rawContender(
        `raw multi-row INSERT, ${COMMANDS_PER_MULTI_ROW_STATEMENT} commands' rows a statement, no version check`,
        COMMANDS_PER_MULTI_ROW_STATEMENT,
      ),
    },
  ];
}

/** One contender, one run, on a database of its own: events/s of the writing alone. */
async function runOnce(contender: AppendContender, workload: AppendWorkload): Promise<number> {
  const database = await createTestDatabase('bench_append');
  try {
    const opened = await contender.open(database.url);
    try {
      // Warm-up: every writer's connection and prepared statements, before the clock starts.
      const warm = { ...workload, commands: workload.writers * 2 };
      await Promise.all(Array.from({ length: workload.writers }, (_, writer) => opened.write(commandsOf(warm, writer, 'warm'))));
      const lists = Array.from({ length: workload.writers }, (_, writer) => commandsOf(workload, writer));
      const started = now();
      await Promise.all(lists.map((commands) => opened.write(commands)));
      const seconds = (now() - started) / 1000;
      const expected = (workload.commands + warm.commands) * workload.eventsPerCommand;
      const stored = await opened.stored();
      if (stored !== expected) throw new Error(`${contender.name} stored ${stored} events, expected ${expected}`);
      return (workload.commands * workload.eventsPerCommand) / seconds;
    } finally {
      await opened.close();
    }
  } finally {
    await database.drop();
  }
}

/**
 * Every contender writes the same commands, each on an empty database of its own; repetitions interleave
 * the contenders (the order turns each repetition) so that a busy moment of the machine falls on all.
 */
export async function appendScenario(settings: AppendSettings): Promise<AppendFigure[]> {
  const all = contenders();
  const rates = new Map<string, number[]>();
  for (let repeat = 0; repeat < settings.repeats; repeat += 1) {
    for (const eventsPerCommand of settings.sizes) {
      const workload: AppendWorkload = { commands: Math.ceil(settings.events / eventsPerCommand), eventsPerCommand, writers: settings.writers };
      for (let k = 0; k < all.length; k += 1) {
        const { contender } = all[(k + repeat) % all.length]!;
        const rate = await runOnce(contender, workload);
        settings.log(`append ×${eventsPerCommand} run ${repeat + 1}: ${rate.toFixed(0)} events/s — ${contender.name}`);
        const key = `${eventsPerCommand}|${contender.name}`;
        rates.set(key, [...(rates.get(key) ?? []), rate]);
      }
    }
  }
  return settings.sizes.flatMap((eventsPerCommand) =>
    all.map(({ role, contender }) => ({
      eventsPerCommand,
      contender: contender.name,
      role,
      eventsPerSecond: spreadOf(rates.get(`${eventsPerCommand}|${contender.name}`) ?? []),
    })),
  );
}
