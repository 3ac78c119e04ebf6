import { AsyncResource } from 'node:async_hooks';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { defer, firstValueFrom, of } from 'rxjs';
import { currentReadContext, ReadContextInterceptor, type ReadContext } from './read-context.js';

function httpContext(routePath: string, params: Record<string, string>, headers: Record<string, string>): ExecutionContext {
  const request = { route: { path: routePath }, params };
  const response = { setHeader: (name: string, value: string) => void (headers[name] = value) };
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response, getNext: () => undefined }),
  } as unknown as ExecutionContext;
}

/**
 * What a handler sees of the read context, called as Nest's InterceptorsConsumer calls it: bound to the
 * async context of the `handle()` call, run when the interceptor's observable is subscribed.
 */
const handler: CallHandler = {
  handle: () => {
    const scope = new AsyncResource('handler');
    return defer(() => scope.runInAsyncScope(() => of(currentReadContext())));
  },
};

function contextSeen(interceptor: ReadContextInterceptor, context: ExecutionContext): Promise<ReadContext | undefined> {
  return firstValueFrom(interceptor.intercept(context, handler)) as Promise<ReadContext | undefined>;
}

describe('the read context of a request', () => {
  it('names the project of a projects/:id route and its sub-routes, and sets headers on the response', async () => {
    const headers: Record<string, string> = {};
    const interceptor = new ReadContextInterceptor();
    const profile = await contextSeen(interceptor, httpContext('/api/v1/projects/:id', { id: 'ECAB-TR-01' }, headers));
    expect(profile?.projectId).toBe('ECAB-TR-01');
    profile?.setHeader('ECAB-As-Effective-On', '2026-09-30');
    expect(headers).toEqual({ 'ECAB-As-Effective-On': '2026-09-30' });
    const timeline = await contextSeen(interceptor, httpContext('/api/v1/projects/:id/timeline', { id: 'P-2' }, {}));
    expect(timeline?.projectId).toBe('P-2');
  });

  it('names no project for a portfolio-wide route', async () => {
    const summary = await contextSeen(new ReadContextInterceptor(), httpContext('/api/v1/portfolio/summary', {}, {}));
    expect(summary).toBeDefined();
    expect(summary?.projectId).toBeUndefined();
    const other = await contextSeen(new ReadContextInterceptor(), httpContext('/api/v1/projections/:id/rebuild', { id: 'x' }, {}));
    expect(other?.projectId).toBeUndefined();
  });
});
