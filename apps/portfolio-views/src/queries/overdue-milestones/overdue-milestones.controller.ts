import { Controller, Get, Query } from '@nestjs/common';
import { ViewsReader } from '../views-reader.js';
import { overdueMilestonesPage, type OverdueMilestone } from './overdue-milestones.js';
import { overdueMilestonesQuery } from './overdue-milestones.query.js';

@Controller('api/v1')
export class OverdueMilestonesController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(overdueMilestonesQuery.path)
  async overdue(@Query() raw: unknown): Promise<{ items: OverdueMilestone[]; nextCursor: string | null }> {
    const parameters = this.reader.parameters(overdueMilestonesQuery, raw);
    return this.reader.read(parameters, (sql) =>
      overdueMilestonesPage(sql, {
        on: parameters.on,
        cluster: parameters.cluster,
        country: parameters.country,
        limit: parameters.limit,
        after: parameters.cursor,
      }),
    );
  }
}
