import 'reflect-metadata';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { lastValueFrom, of } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { VersionWaitOutcome } from '../projections/applied-version-watch.js';
import type { PortfolioProjection } from '../projections/portfolio-projection.js';
import { projectProfileQuery } from '../queries/project-profile/project-profile.query.js';
import { FreshnessInterceptor } from './freshness.interceptor.js';

/** A read route's handler, as Nest declares it. */
function profileHandler(): () => void {
  const handler = () => undefined;
  Reflect.defineMetadata(PATH_METADATA, projectProfileQuery.path, handler);
  return handler;
}

/** The interceptor over a data source counting its freshness reads and a projection answering waits as told. */
function harness(outcome: VersionWaitOutcome) {
  let freshnessReads = 0;
  let position = 10;
  const dataSource = {
    query: async () => {
      freshnessReads += 1;
      return [{ position: String(position), behind: false, lag_ms: '0' }];
    },
  } as unknown as DataSource;
  const projection = { onApplied: () => () => undefined, waitForVersion: async () => outcome } as unknown as PortfolioProjection;
  const interceptor = new FreshnessInterceptor(dataSource, projection, { consistencyWaitMs: 1_000, freshnessMaxAgeMs: 60_000 }, [projectProfileQuery]);
  const handler = profileHandler();
  const read = async (consistentWith?: string) => {
    const headers = new Map<string, string>();
    const context = {
      getType: () => 'http',
      getHandler: () => handler,
      switchToHttp: () => ({
        getRequest: () => ({ query: consistentWith === undefined ? {} : { consistentWith } }),
        getResponse: () => ({ setHeader: (name: string, value: string) => headers.set(name, value) }),
      }),
    } as unknown as ExecutionContext;
    const next: CallHandler = { handle: () => of('answer') };
    expect(await lastValueFrom(interceptor.intercept(context, next))).toBe('answer');
    return headers.get('ECAB-Position');
  };
  return {
    read,
    get freshnessReads() {
      return freshnessReads;
    },
    advance(to: number) {
      position = to;
    },
  };
}

describe('FreshnessInterceptor', () => {
  it('answers a version this instance applied itself with the reading it shares, without reading anew', async () => {
    const h = harness({ reached: true, applied: 3, appliedHere: true });
    expect(await h.read()).toBe('10');
    h.advance(11);
    expect(await h.read('P-1:3')).toBe('10');
    expect(h.freshnessReads).toBe(1);
  });

  it('reads the figures anew after a version found applied by a read (another instance may have applied it)', async () => {
    const h = harness({ reached: true, applied: 3 });
    expect(await h.read()).toBe('10');
    h.advance(11);
    expect(await h.read('P-1:3')).toBe('11');
    expect(h.freshnessReads).toBe(2);
  });
});
