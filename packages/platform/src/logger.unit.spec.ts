import { Writable } from 'node:stream';
import { pino } from 'pino';
import { PinoNestLogger } from './logger.js';

function capture(level: string): { logger: PinoNestLogger; lines: () => { level: number; msg: string; context?: string }[] } {
  const chunks: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => void (chunks.push(chunk.toString()), done()) });
  return {
    logger: new PinoNestLogger(pino({ level }, sink)),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}

describe('PinoNestLogger', () => {
  it('keeps Nest’s per-module and per-route start-up lines out of info, and everything else in', () => {
    const { logger, lines } = capture('info');
    logger.log('Mapped {/api/v1/projects, POST} route', 'RouterExplorer');
    logger.log('CqrsModule dependencies initialized', 'InstanceLoader');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('careful', 'Somewhere');
    expect(lines().map((l) => [l.level, l.msg])).toEqual([
      [30, 'Nest application successfully started'],
      [40, 'careful'],
    ]);
  });

  it('still shows the start-up lines at debug', () => {
    const { logger, lines } = capture('debug');
    logger.log('Mapped {/api/v1/projects, POST} route', 'RouterExplorer');
    expect(lines()).toEqual([expect.objectContaining({ level: 20, msg: 'Mapped {/api/v1/projects, POST} route', context: 'RouterExplorer' })]);
  });
});
