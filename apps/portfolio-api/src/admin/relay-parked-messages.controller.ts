import { CurrentPrincipal, RequireRole, type Principal } from '@ecab/auth';
import { ParkingDesk, type ParkedMessageStore, type ParkedMessageView, type KafkaRelay, type RetryOutcome, type SkippedMessageView } from '@ecab/messaging';
import { ProblemError } from '@ecab/platform';
import { Controller, Delete, Get, HttpCode, Inject, Logger, Param, Post, Query } from '@nestjs/common';
import { PARKED_MESSAGES, RELAY } from '../infrastructure/tokens.js';

/**
 * The relay's parked events — stored events it cannot publish (no contract in this build: a newer build
 * wrote them) and the later events of their projects — and their retry after a fix, or an admin's skip.
 * The same endpoints as portfolio-views' parked messages, on the shared ParkingDesk.
 */
@Controller('api/v1/admin/parked-messages')
@RequireRole('admin')
export class RelayParkedMessagesController {
  private readonly logger = new Logger('RelayParkedMessages');
  private readonly desk: ParkingDesk | undefined;

  constructor(@Inject(PARKED_MESSAGES) parked: ParkedMessageStore, @Inject(RELAY) relay: KafkaRelay | null) {
    this.desk = relay ? new ParkingDesk(parked, relay) : undefined;
  }

  @Get()
  async list(@Query('project') project?: string): Promise<{ consumer: string; count: number; messages: ParkedMessageView[] }> {
    return this.relayDesk().list(project);
  }

  /** The skip decisions taken, newest first (who, when, why, and the message). */
  @Get('skipped')
  async skipped(@Query('project') project?: string): Promise<{ items: SkippedMessageView[] }> {
    return { items: await this.relayDesk().skipped(project) };
  }

  /** Publishes the project's parked events in order with this build; stops at the first it still cannot. */
  @Post(':project/retry')
  @HttpCode(200)
  async retry(@Param('project') project: string): Promise<RetryOutcome> {
    const outcome = await this.relayDesk().retry(project);
    if (!outcome) throw ProblemError.notFound(`No parked events for project ${project}.`);
    return outcome;
  }

  /**
   * Skips one parked event for good: it will never be published (an event no reader needs, e.g. of a type
   * a newer build introduced and withdrew). Recorded with who decided it; then retry the project.
   */
  @Delete(':id')
  @HttpCode(204)
  async skip(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Query('reason') reason?: string): Promise<void> {
    const desk = this.relayDesk();
    const skipped = await desk.skip(id, `${principal.issuer}|${principal.subject}`, reason?.slice(0, 500));
    if (!skipped) throw ProblemError.notFound(`No parked event ${id} for ${desk.consumerName}.`);
    this.logger.warn(`skipped parked event ${JSON.stringify(skipped)}`);
  }

  private relayDesk(): ParkingDesk {
    if (!this.desk) throw ProblemError.notFound('This instance runs no Kafka relay, so it parks nothing.');
    return this.desk;
  }
}
