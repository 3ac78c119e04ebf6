import { Public } from '@ecab/auth';
import { parseOrProblem, ProblemError } from '@ecab/platform';
import { Controller, Get, Headers, Inject, Logger, type OnModuleDestroy, Query, Res, UseGuards } from '@nestjs/common';
import { IntegrationLog } from '../integration/integration-log.js';
import type { Partner } from '../partners/partner.js';
import { CurrentPartner, PartnerKeyGuard } from '../partners/partner-key.guard.js';
import { PartnerStore } from '../partners/partner-store.js';
import { pullQuery, pullSelection } from './pull-query.js';

export const STREAM_SETTINGS = Symbol('STREAM_SETTINGS');
export interface StreamSettings {
  /** How often a stream sends a comment (keeps proxies from closing it) and checks the key is still current. */
  heartbeatMs: number;
}

interface StreamResponse {
  writeHead(status: number, headers: Record<string, string>): void;
  write(chunk: string): boolean;
  end(): void;
  once(event: 'close' | 'drain', listener: () => void): void;
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
}

/**
 * The same events as pull, as Server-Sent Events (`text/event-stream`): each event's `id` is its cursor, so
 * a client (an EventSource) that reconnects with `Last-Event-ID` goes on after the last event it got. Each
 * message is `event: <CloudEvents type>` and `data: <the CloudEvent, JSON>`. A revoked key ends the stream
 * at the next heartbeat.
 */
@Controller('api/v1/events/stream')
@Public()
@UseGuards(PartnerKeyGuard)
export class EventStreamController implements OnModuleDestroy {
  readonly #logger = new Logger('EventStream');
  /** Open streams, ended when the gateway stops (an open answer would otherwise hold the HTTP server's close). */
  readonly #open = new Set<StreamResponse>();
  #stopping = false;

  constructor(
    @Inject(IntegrationLog) private readonly log: IntegrationLog,
    @Inject(PartnerStore) private readonly partners: PartnerStore,
    @Inject(STREAM_SETTINGS) private readonly settings: StreamSettings,
  ) {}

  @Get()
  async stream(
    @Query() raw: unknown,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Headers('authorization') authorization: string,
    @CurrentPartner() partner: Partner,
    @Res() response: StreamResponse,
  ): Promise<void> {
    const query = parseOrProblem(pullQuery, raw);
    if (query.wait !== 0) throw ProblemError.validation([{ pointer: '/wait', detail: 'is for long polls; a stream waits by itself', code: 'not_allowed' }]);
    if (lastEventId !== undefined && !/^\d{1,18}$/.test(lastEventId)) {
      throw ProblemError.validation([{ pointer: '/headers/last-event-id', detail: 'must be the id of an event this stream sent', code: 'invalid_cursor' }]);
    }
    const selected = pullSelection(query);
    const key = authorization.trim().split(/ +/)[1] ?? '';
    let after = lastEventId ?? query.after;
    let open = true;
    response.once('close', () => (open = false));
    this.#open.add(response);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write(`retry: 2000\n: ECAB integration events after ${after}\n\n`);
    let lastBeat = Date.now();
    try {
      while (open && !this.#stopping && !response.writableEnded) {
        const mark = this.log.appendMark;
        const { events, scannedTo } = await this.log.readEntitled(partner, after, query.limit);
        for (const { cloudEvent } of events) {
          if (!selected(cloudEvent) || response.writableEnded) continue;
          const written = response.write(`id: ${cloudEvent.sequence}\nevent: ${cloudEvent.type}\ndata: ${JSON.stringify(cloudEvent)}\n\n`);
          if (!written && open) {
            // A slow reader slows the stream, not the memory.
            await new Promise<void>((resolve) => {
              response.once('drain', resolve);
              response.once('close', resolve);
            });
          }
        }
        const caughtUp = scannedTo === after;
        after = scannedTo;
        if (Date.now() - lastBeat >= this.settings.heartbeatMs) {
          lastBeat = Date.now();
          if (!(await this.partners.authenticate(key))) {
            response.write('event: key-revoked\ndata: {"detail":"The API key is no longer current; the stream ends."}\n\n');
            break;
          }
          if (!response.writableEnded) response.write(': heartbeat\n\n');
        }
        if (caughtUp) await this.log.waitForAppend(Math.max(1, this.settings.heartbeatMs - (Date.now() - lastBeat)), undefined, mark);
      }
    } catch (error) {
      // The answer has begun: no problem+json can follow. Say so on the stream; the client reconnects with Last-Event-ID.
      if (open && !response.writableEnded)
        response.write(`event: error\ndata: ${JSON.stringify({ detail: 'The stream stopped on a server error; reconnect to go on.' })}\n\n`);
      this.#logger.warn(`event stream of ${partner.organisationId} ended on an error: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.#open.delete(response);
    if (!response.writableEnded && !response.destroyed) response.end();
  }

  onModuleDestroy(): void {
    this.#stopping = true;
    for (const response of this.#open) {
      response.write('event: closing\ndata: {"detail":"The gateway is stopping; reconnect with Last-Event-ID."}\n\n');
      response.end();
    }
    this.#open.clear();
  }
}
