import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ProblemError, problemType } from '@ecab/platform';
import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { answerHeaders, forwardedHeaders, upstreamOf, type Upstream } from './upstream.js';

export const UPSTREAMS = Symbol('UPSTREAMS');
export const PROXIED_REQUESTS = Symbol('PROXIED_REQUESTS');

interface IncomingLike extends NodeJS.ReadableStream {
  method: string;
  originalUrl: string;
  headers: Record<string, string | string[] | undefined>;
}
/** Express's response: a Node writable stream with status and headers. */
type OutgoingLike = NodeJS.WritableStream & {
  status(code: number): unknown;
  setHeader(name: string, value: string | string[]): void;
};

/** Passes every /api request through to portfolio-api or portfolio-views, body and answer streamed untouched. */
@Controller()
export class ProxyController {
  constructor(
    @Inject(UPSTREAMS) private readonly upstreams: Record<Upstream, string>,
    @Inject(PROXIED_REQUESTS) private readonly proxied: Counter<'upstream' | 'status'>,
  ) {}

  @All(['api/*path', '.well-known/*path'])
  async proxy(@Req() request: IncomingLike, @Res() response: OutgoingLike): Promise<void> {
    const path = request.originalUrl.split('?')[0] ?? '';
    const upstream = upstreamOf(request.method, path);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    let answer: Response;
    try {
      answer = await fetch(`${this.upstreams[upstream]}${request.originalUrl}`, {
        method: request.method,
        headers: forwardedHeaders(request.headers),
        redirect: 'manual',
        ...(hasBody ? { body: Readable.toWeb(Readable.from(request)) as ReadableStream, duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      this.proxied.inc({ upstream, status: 'unreachable' });
      throw new ProblemError(
        {
          type: problemType('upstream-unreachable'),
          title: 'Bad gateway',
          status: 502,
          detail: `${upstream === 'api' ? 'portfolio-api' : 'portfolio-views'} did not answer (${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}); retry shortly.`,
        },
        { 'Retry-After': '5' },
      );
    }
    this.proxied.inc({ upstream, status: String(answer.status) });
    response.status(answer.status);
    for (const [name, value] of answerHeaders(answer.headers)) response.setHeader(name, value);
    if (!answer.body) {
      response.end();
      return;
    }
    Readable.fromWeb(answer.body as WebReadableStream).pipe(response);
  }
}
