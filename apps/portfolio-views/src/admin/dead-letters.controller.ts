import { RequireRole } from '@ecab/auth';
import type { ParkedMessageStore, PortfolioEventSource, RetryOutcome } from '@ecab/messaging';
import { ProblemError } from '@ecab/platform';
import { Controller, Delete, Get, HttpCode, Inject, Logger, Param, Post, Query } from '@nestjs/common';
import { EVENT_SOURCE, PARKED_MESSAGES } from '../queries/tokens.js';

export interface ParkedMessageView {
  id: string;
  consumer: string;
  project: string;
  origin: string;
  type: string | undefined;
  streamVersion: number | undefined;
  eventId: string | undefined;
  error: string;
  attempts: number;
  parkedAt: string;
  lastTriedAt: string | null;
}

/** The parked (sequenced dead-letter) messages of this service's consumer, and their retry after a fix. */
@Controller('api/v1/admin/dead-letters')
@RequireRole('admin')
export class DeadLettersController {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    @Inject(PARKED_MESSAGES) private readonly parked: ParkedMessageStore,
    @Inject(EVENT_SOURCE) private readonly source: PortfolioEventSource,
  ) {}

  @Get()
  async list(@Query('project') project?: string): Promise<{ consumer: string; count: number; messages: ParkedMessageView[] }> {
    const messages = await this.parked.list({ consumer: this.source.consumerName, ...(project ? { subject: project } : {}) });
    return {
      consumer: this.source.consumerName,
      count: messages.length,
      messages: messages.map((m) => ({
        id: m.id,
        consumer: m.consumer,
        project: m.subject,
        origin: m.origin,
        type: m.message.headers.ce_type,
        streamVersion: m.message.headers.ce_streamversion ? Number(m.message.headers.ce_streamversion) : undefined,
        eventId: m.message.headers.ce_id,
        error: m.error,
        attempts: m.attempts,
        parkedAt: m.parkedAt.toISOString(),
        lastTriedAt: m.lastTriedAt?.toISOString() ?? null,
      })),
    };
  }

  /** Applies the project's parked messages in order; stops at the first that still fails. */
  @Post(':project/retry')
  @HttpCode(200)
  async retry(@Param('project') project: string): Promise<RetryOutcome> {
    const waiting = await this.parked.list({ consumer: this.source.consumerName, subject: project, limit: 1 });
    if (waiting.length === 0) throw ProblemError.notFound(`No parked messages for project ${project}.`);
    return this.source.retryParked(project);
  }

  /**
   * Discards one parked message that can never be applied (e.g. garbage injected on a topic), so that
   * the project's later messages can be retried. The message is logged in full before it goes.
   */
  @Delete(':id')
  @HttpCode(204)
  async discard(@Param('id') id: string): Promise<void> {
    const message = await this.parked.find(this.source.consumerName, id);
    if (!message) throw ProblemError.notFound(`No parked message ${id} for ${this.source.consumerName}.`);
    this.logger.warn(`discarding parked message ${JSON.stringify(message)}`);
    await this.parked.remove(id);
  }
}
