import { Public } from '@ecab/auth';
import { parseOrProblem } from '@ecab/platform';
import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import type { IntegrationCloudEvent } from '../integration/integration-event.js';
import { IntegrationLog } from '../integration/integration-log.js';
import type { Partner } from '../partners/partner.js';
import { CurrentPartner, PartnerKeyGuard } from '../partners/partner-key.guard.js';
import { pullQuery, pullSelection } from './pull-query.js';

/**
 * Pull: the integration events after a cursor that the partner is entitled to and that match the query's
 * filters, oldest first. With `wait` (seconds) it answers as soon as one arrives, or empty at the end.
 */
@Controller('api/v1/events')
@Public()
@UseGuards(PartnerKeyGuard)
export class EventsController {
  constructor(@Inject(IntegrationLog) private readonly log: IntegrationLog) {}

  @Get()
  async pull(@Query() raw: unknown, @CurrentPartner() partner: Partner): Promise<{ items: IntegrationCloudEvent[]; nextCursor: string }> {
    const query = parseOrProblem(pullQuery, raw);
    const selected = pullSelection(query);
    const deadline = Date.now() + query.wait * 1000;
    let after = query.after;
    for (;;) {
      const mark = this.log.appendMark;
      const { events, scannedTo } = await this.log.readEntitled(partner, after, query.limit);
      const items = events.map((event) => event.cloudEvent).filter(selected);
      const caughtUp = scannedTo === after || events.length < query.limit;
      after = scannedTo;
      if (items.length > 0 || Date.now() >= deadline) return { items, nextCursor: after };
      if (caughtUp) await this.log.waitForAppend(Math.min(1000, deadline - Date.now()), undefined, mark);
    }
  }
}
