import { Controller, Get, Query } from '@nestjs/common';
import { ViewsReader } from '../views-reader.js';
import { resultsScorecardPage, type IndicatorScore } from './results-scorecard.js';
import { resultsScorecardQuery } from './results-scorecard.query.js';

@Controller('api/v1')
export class ResultsScorecardController {
  constructor(private readonly reader: ViewsReader) {}

  @Get(resultsScorecardQuery.path)
  async scorecard(@Query() raw: unknown): Promise<{ items: IndicatorScore[]; nextCursor: string | null }> {
    const parameters = this.reader.parameters(resultsScorecardQuery, raw);
    return this.reader.read(parameters, (sql) =>
      resultsScorecardPage(sql, { cluster: parameters.cluster, project: parameters.project, limit: parameters.limit, after: parameters.cursor }),
    );
  }
}
