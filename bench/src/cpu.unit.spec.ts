import { spawn } from 'node:child_process';
import { cpuBetween, cpuSecondsOf, processesWith, type CpuSample } from './cpu.js';

describe('CPU accounting from /proc', () => {
  it('counts each process from its first sample, a new one from 0, and not one that ended', () => {
    const before: CpuSample = new Map([
      ['api', new Map([[10, 1.5]])],
      [
        'postgres',
        new Map([
          [20, 4],
          [21, 2],
        ]),
      ],
    ]);
    const after: CpuSample = new Map([
      ['api', new Map([[10, 2.25]])],
      // 21 ended, 22 started meanwhile
      [
        'postgres',
        new Map([
          [20, 5],
          [22, 0.5],
        ]),
      ],
    ]);
    expect(cpuBetween(before, after)).toEqual([
      { name: 'api', seconds: 0.75 },
      { name: 'postgres', seconds: 1.5 },
    ]);
  });

  it('finds a process by its command line, reads its CPU time, and reads 0 for no process', () => {
    const child = spawn('sleep', ['7.25']);
    try {
      expect(processesWith('sleep 7.25')).toEqual([child.pid]);
    } finally {
      child.kill();
    }
    expect(cpuSecondsOf(process.pid)).toBeGreaterThan(0);
    expect(cpuSecondsOf(2 ** 30)).toBe(0);
  });
});
