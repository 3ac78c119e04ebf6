import { AsyncLocalStorage } from 'node:async_hooks';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';

/** What `ViewsReader.read` knows of the HTTP request it answers, without each controller passing it. */
export interface ReadContext {
  /** The project a `projects/:id…` query reads: a time-travel replay then reads only that project's events. */
  projectId?: string | undefined;
  /** Sets a response header (the `ECAB-As-…` headers of a time-travel answer). */
  setHeader(name: string, value: string): void;
  /** The `consistentWith` token already found applied for this request (FreshnessInterceptor): no need to wait again. */
  consistentWithApplied?: string | undefined;
}

const readContext = new AsyncLocalStorage<ReadContext>();

export function currentReadContext(): ReadContext | undefined {
  return readContext.getStore();
}

/** Runs `fn` as if answering a request with that context (the interceptor's job; tests and tools use it too). */
export function withReadContext<T>(context: ReadContext, fn: () => T): T {
  return readContext.run(context, fn);
}

/** A query of one project: its route is `…/projects/:id` or below it. */
const PROJECT_ROUTE = /\/projects\/:id(\/|$)/;

interface HttpRequest {
  route?: { path?: unknown };
  params?: Record<string, string | undefined>;
}
interface HttpResponse {
  setHeader(name: string, value: string): void;
  headersSent?: boolean;
}

/**
 * Gives every handler its request's read context: the project its route names, and a way to set the
 * response's headers. The inner chain is subscribed inside the context, so an interceptor after this one
 * that defers the handler (waiting on a promise first) still runs it in the request's context.
 */
@Injectable()
export class ReadContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const response = http.getResponse<HttpResponse>();
    const route = typeof request.route?.path === 'string' ? request.route.path : '';
    const projectId = PROJECT_ROUTE.test(route) ? request.params?.id : undefined;
    const read: ReadContext = {
      projectId,
      setHeader: (name, value) => {
        if (!response.headersSent) response.setHeader(name, value);
      },
    };
    return new Observable((subscriber) => withReadContext(read, () => next.handle().subscribe(subscriber)));
  }
}
