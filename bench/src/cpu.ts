/** CPU time spent by processes, from /proc (Linux): what a load cost each part of the platform, beside its wall-clock figures. */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of one process so far; 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    // The command name (2nd field) may hold spaces: the fields after it start past its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The processes whose command line contains `text` (every PostgreSQL backend: "postgres"; the broker: "kafka.Kafka"). */
export function processesWith(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(text)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** A part of the platform whose CPU is counted: a process, or every process of a kind (found again at each sample). */
export interface CpuGroup {
  name: string;
  pids(): number[];
}

/** CPU seconds of each group at one instant, per process, so that a process that started meanwhile counts from 0. */
export type CpuSample = Map<string, Map<number, number>>;

export function sampleCpu(groups: readonly CpuGroup[]): CpuSample {
  return new Map(groups.map((g) => [g.name, new Map(g.pids().map((pid) => [pid, cpuSecondsOf(pid)]))]));
}

/**
 * CPU seconds each group spent between two samples. A process present at the end counts from its first
 * sample (or from 0 when it started meanwhile); one that ended meanwhile is not counted (its last ticks are
 * lost: the figure is a lower bound when connections close during the run).
 */
export function cpuBetween(before: CpuSample, after: CpuSample): { name: string; seconds: number }[] {
  return [...after].map(([name, pids]) => {
    const start = before.get(name) ?? new Map<number, number>();
    let seconds = 0;
    for (const [pid, end] of pids) seconds += Math.max(0, end - (start.get(pid) ?? 0));
    return { name, seconds };
  });
}
