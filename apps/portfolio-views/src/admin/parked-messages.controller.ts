import { CurrentPrincipal, RequireRole, type Principal } from '@ecab/auth';
import {
  ParkingDesk,
  type ParkedMessageStore,
  type ParkedMessageView,
  type PortfolioEventSource,
  type RetryOutcome,
  type SkippedMessageView,
} from '@ecab/messaging';
import { ProblemError } from '@ecab/platform';
import { Controller, Delete, Get, HttpCode, Inject, Logger, Param, Post, Query } from '@nestjs/common';
import { EVENT_SOURCE, PARKED_MESSAGES } from '../queries/tokens.js';

/**
 * The parked messages of this service's consumer, and their retry after a fix.
 * The work is the shared ParkingDesk's (portfolio-api has the same endpoints for its relay).
 */
@Controller('api/v1/admin/parked-messages')
@RequireRole('admin')
export class ParkedMessagesController {
  private readonly logger = new Logger('ParkedMessages');
  private readonly desk: ParkingDesk;

  constructor(@Inject(PARKED_MESSAGES) parked: ParkedMessageStore, @Inject(EVENT_SOURCE) source: PortfolioEventSource) {
    this.desk = new ParkingDesk(parked, source);
  }

  @Get()
  async list(@Query('project') project?: string): Promise<{ consumer: string; count: number; messages: ParkedMessageView[] }> {
    return this.desk.list(project);
  }

  /** The skip decisions taken, newest first (who, when, why, and the message). */
  @Get('skipped')
  async skipped(@Query('project') project?: string): Promise<{ items: SkippedMessageView[] }> {
    return { items: await this.desk.skipped(project) };
  }

  /** Applies the project's parked messages in order; stops at the first that still fails. */
  @Post(':project/retry')
  @HttpCode(200)
  async retry(@Param('project') project: string): Promise<RetryOutcome> {
    const outcome = await this.desk.retry(project);
    if (!outcome) throw ProblemError.notFound(`No parked messages for project ${project}.`);
    return outcome;
  }

  /**
   * Discards one parked message that can never be applied (e.g. garbage injected on a topic), so that
   * the project's later messages can be retried. Who discarded it, and the message, are recorded.
   */
  @Delete(':id')
  @HttpCode(204)
  async discard(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Query('reason') reason?: string): Promise<void> {
    const skipped = await this.desk.skip(id, `${principal.issuer}|${principal.subject}`, reason?.slice(0, 500));
    if (!skipped) throw ProblemError.notFound(`No parked message ${id} for ${this.desk.consumerName}.`);
    this.logger.warn(`skipped parked message ${JSON.stringify(skipped)}`);
  }
}
